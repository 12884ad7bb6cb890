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

package io.github.cbkspring.test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds a scripted completion before its first token until the test releases it: a slow
 * model, without a sleep. The answer's headers are sent first, as the API sends them
 * before the model answers.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 * @see Completion#heldBy(Gate)
 */
public final class Gate {

	private final CountDownLatch held = new CountDownLatch(1);

	private final CountDownLatch released = new CountDownLatch(1);

	/**
	 * Let every answer held here, and every later one, go on.
	 */
	public void release() {
		this.released.countDown();
	}

	/**
	 * Wait until an answer is held here.
	 * @param timeout how long to wait at most: a hang guard
	 * @return whether an answer was held in time
	 * @throws InterruptedException if the wait is interrupted
	 */
	public boolean awaitHeld(Duration timeout) throws InterruptedException {
		return this.held.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Whether an answer has been held here.
	 * @return {@code true} once an answer was held
	 */
	public boolean isHeld() {
		return this.held.getCount() == 0;
	}

	/**
	 * Hold the calling answer until released, or until the fake closes.
	 */
	void pass() throws InterruptedException {
		this.held.countDown();
		this.released.await();
	}

	@Override
	public String toString() {
		return "Gate[held=" + isHeld() + ", released=" + (this.released.getCount() == 0) + "]";
	}

}
