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

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.error.ChatBotKitConnectionException;
import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.client.error.ChatBotKitHttpException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * Decides whether a failed attempt is tried again and after how long, following
 * {@link RetryOptions}; the exchange uses it for each call, and the event subscriptions
 * for their reconnects. Spring Framework's {@code RetryTemplate} is not used: although
 * its policy has an overall timeout since 7.0.2, its back-off cannot see the failure, so
 * it cannot honour a {@code Retry-After} header, and it reports the last failure as a
 * checked exception that every call would have to unwrap.
 *
 * @author cbkspring contributors
 */
public final class RetryPolicy {

	private final RetryOptions options;

	/**
	 * Create a policy.
	 * @param options the retry options to follow
	 */
	public RetryPolicy(RetryOptions options) {
		this.options = options;
	}

	/**
	 * The wait before the next attempt, or {@code null} to give up.
	 * @param method the method of the call
	 * @param attempts the attempts made so far (at least 1)
	 * @param failure the failure of the last attempt
	 * @return the wait, or {@code null} to give up
	 */
	public @Nullable Duration delayBeforeRetry(HttpMethod method, int attempts, ChatBotKitException failure) {
		if (!this.options.enabled() || attempts >= this.options.maxAttempts() || !isRetryable(method, failure)) {
			return null;
		}
		Duration retryAfter = (failure instanceof ChatBotKitHttpException http) ? http.retryAfter().orElse(null) : null;
		// a wait of zero (0, or a date already past) says nothing: the back-off keeps a
		// server that says "now" from being called again at once, over and over
		if (retryAfter != null && !retryAfter.isZero()) {
			return (retryAfter.compareTo(this.options.maxBackoff()) <= 0) ? retryAfter : null;
		}
		return backoff(attempts);
	}

	/**
	 * The wait before the next attempt when it would start before the deadline, or
	 * {@code null} to give up. Every engine's exchange asks this.
	 * @param method the method of the call
	 * @param attempts the attempts made so far (at least 1)
	 * @param failure the failure of the last attempt
	 * @param nowNanos the exchange's clock now, in nanoseconds
	 * @param deadlineNanos the call's deadline on the same clock
	 */
	@Nullable Duration delayWithin(HttpMethod method, int attempts, ChatBotKitException failure, long nowNanos,
			long deadlineNanos) {
		Duration delay = delayBeforeRetry(method, attempts, failure);
		return (delay == null || nowNanos + delay.toNanos() > deadlineNanos) ? null : delay;
	}

	private boolean isRetryable(HttpMethod method, ChatBotKitException failure) {
		boolean mayRepeat = isIdempotent(method) || this.options.retryNonIdempotent();
		if (failure instanceof ChatBotKitConnectionException connection) {
			// a proxy's refusal is a matter of configuration: asking again changes
			// nothing
			return !(connection.getCause() instanceof ProxyRefusedException)
					&& (!connection.requestSent() || mayRepeat);
		}
		int status = (failure instanceof ChatBotKitHttpException http) ? http.statusCode() : 0;
		return switch (status) {
			case 429, 503 -> true;
			case 500, 502, 504 -> mayRepeat;
			default -> false;
		};
	}

	private static boolean isIdempotent(HttpMethod method) {
		return method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD) || method.equals(HttpMethod.PUT)
				|| method.equals(HttpMethod.DELETE) || method.equals(HttpMethod.OPTIONS);
	}

	/**
	 * Exponential back-off with "equal jitter": half the wait is fixed, half random, so
	 * that clients failing together do not retry together.
	 */
	private Duration backoff(int attempts) {
		long initial = this.options.initialBackoff().toMillis();
		long max = this.options.maxBackoff().toMillis();
		long exponential = (attempts >= 31) ? max : Math.min(max, initial << (attempts - 1));
		long half = exponential / 2;
		return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(exponential - half + 1));
	}

}
