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

package io.github.cbkspring.client.internal;

import reactor.core.scheduler.Schedulers;

import org.springframework.util.ClassUtils;

/**
 * Refuses a call on a thread that must never block, such as a WebFlux event loop: every
 * call of the client blocks its thread until ChatBotKit answers, and a blocked event loop
 * holds up every request it serves. Such a thread is told by Reactor's
 * {@link Schedulers#isInNonBlockingThread()} when Reactor is on the class path; without
 * Reactor there is none, and nothing is refused.
 *
 * @author cbkspring contributors
 */
public final class NonBlockingThreads {

	private static final boolean REACTOR_PRESENT = ClassUtils.isPresent("reactor.core.scheduler.Schedulers",
			NonBlockingThreads.class.getClassLoader());

	private NonBlockingThreads() {
	}

	/**
	 * Refuse the call when the current thread is non-blocking.
	 * @param call the call, whose {@code toString()} names it in the message (formatted
	 * only then: this runs on every call)
	 * @throws IllegalStateException if the current thread is non-blocking
	 */
	static void refuseBlocking(Object call) {
		if (REACTOR_PRESENT && Reactor.inNonBlockingThread()) {
			throw new IllegalStateException(call + " was not sent: the ChatBotKit client blocks until ChatBotKit"
					+ " answers, and thread " + Thread.currentThread().getName() + " must not block (a WebFlux event"
					+ " loop or another non-blocking Reactor thread). Call the client on a thread that may block; in"
					+ " WebFlux: Mono.fromCallable(() -> ...).subscribeOn(Schedulers.boundedElastic())");
		}
	}

	/**
	 * The only code that uses Reactor, loaded only when it is present.
	 */
	private static final class Reactor {

		static boolean inNonBlockingThread() {
			return Schedulers.isInNonBlockingThread();
		}

	}

}
