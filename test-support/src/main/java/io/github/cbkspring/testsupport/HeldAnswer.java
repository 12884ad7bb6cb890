/*
 * Copyright 2026 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.cbkspring.testsupport;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers of a {@link LoopbackServer} that says when a request arrived and answers
 * only when the test releases it: a test waits for the request instead of sleeping, and a
 * read timeout fires whatever the load of the machine, since the answer never comes
 * before the release. Closing releases it.
 */
public final class HeldAnswer implements Function<String, @Nullable String>, AutoCloseable {

	private final String answer;

	private final CountDownLatch arrived = new CountDownLatch(1);

	private final CountDownLatch released = new CountDownLatch(1);

	/**
	 * Hold an answer.
	 * @param answer the raw answer given when released
	 */
	public HeldAnswer(String answer) {
		this.answer = answer;
	}

	@Override
	public @Nullable String apply(String head) {
		this.arrived.countDown();
		try {
			// a hang guard only: the test releases the answer or ends before
			this.released.await(2, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		return this.answer;
	}

	/**
	 * Wait until a request has arrived (a hang guard of two minutes).
	 */
	public void awaitRequest() throws InterruptedException {
		assertThat(this.arrived.await(2, TimeUnit.MINUTES)).as("a request arrived").isTrue();
	}

	/**
	 * Let the answers go.
	 */
	public void release() {
		this.released.countDown();
	}

	@Override
	public void close() {
		release();
	}

}
