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

package io.github.cbkspring.client.core;

import java.time.Duration;

import io.github.cbkspring.client.ChatBotKitClient;

import org.springframework.util.Assert;

/**
 * How a {@link ChatBotKitClient} retries failed calls.
 * <p>
 * Retried for every method: connection failures before the request was sent, {@code 429}
 * and {@code 503}. Retried only for idempotent methods (such as {@code GET}), unless
 * {@code retryNonIdempotent} is set: {@code 500}, {@code 502}, {@code 504}, read timeouts
 * and connections lost after the request was sent. Setting it means a retried
 * {@code POST} that the server did process can, for example, create a second session.
 * Other {@code 4xx} responses, a proxy's refusal to connect, and calls of an interrupted
 * thread are never retried.
 * <p>
 * The wait before attempt {@code n + 1} is {@code initialBackoff * 2^(n-1)}, capped at
 * {@code maxBackoff}, with random jitter of up to half of it. A {@code Retry-After}
 * header is waited exactly when it is within {@code maxBackoff}; a longer one ends the
 * retries at once. No retry starts that would end after {@code deadline}, counted from
 * the start of the call.
 *
 * @param enabled whether failed calls are retried at all
 * @param maxAttempts the number of attempts in all, including the first (at least 1)
 * @param initialBackoff the wait before the first retry
 * @param maxBackoff the longest wait between two attempts
 * @param deadline the longest time a call may spend across all attempts and waits
 * @param retryNonIdempotent whether non-idempotent calls ({@code POST}) are also retried
 * on failures that happen after the request was sent
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record RetryOptions(boolean enabled, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
		Duration deadline, boolean retryNonIdempotent) {

	/**
	 * Default number of attempts, including the first.
	 */
	public static final int DEFAULT_MAX_ATTEMPTS = 3;

	/**
	 * Default wait before the first retry.
	 */
	public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(250);

	/**
	 * Default longest wait between two attempts.
	 */
	public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(10);

	/**
	 * Default longest time across all attempts of one call.
	 */
	public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

	/**
	 * Validate the options.
	 * @param enabled whether failed calls are retried at all
	 * @param maxAttempts the number of attempts in all
	 * @param initialBackoff the wait before the first retry
	 * @param maxBackoff the longest wait between two attempts
	 * @param deadline the longest time across all attempts
	 * @param retryNonIdempotent whether non-idempotent calls are retried after sending
	 */
	public RetryOptions {
		Assert.isTrue(maxAttempts >= 1, "maxAttempts must be at least 1");
		Assert.isTrue(initialBackoff != null && !initialBackoff.isNegative(), "initialBackoff must not be negative");
		Assert.isTrue(maxBackoff != null && maxBackoff.compareTo(initialBackoff) >= 0,
				"maxBackoff must not be less than initialBackoff");
		Assert.isTrue(deadline != null && !deadline.isNegative() && !deadline.isZero(), "deadline must be positive");
	}

	/**
	 * The default policy: 3 attempts, 250 ms doubling up to 10 s, 60 s deadline, no
	 * retries of non-idempotent calls after sending.
	 * @return the default options
	 */
	public static RetryOptions defaults() {
		return new RetryOptions(true, DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF,
				DEFAULT_DEADLINE, false);
	}

	/**
	 * A policy that makes one attempt only.
	 * @return options with retries disabled
	 */
	public static RetryOptions disabled() {
		return defaults().withEnabled(false);
	}

	/**
	 * A copy with retries switched on or off.
	 * @param enabled whether failed calls are retried
	 * @return the copy
	 */
	public RetryOptions withEnabled(boolean enabled) {
		return new RetryOptions(enabled, this.maxAttempts, this.initialBackoff, this.maxBackoff, this.deadline,
				this.retryNonIdempotent);
	}

	/**
	 * A copy with another number of attempts.
	 * @param maxAttempts the number of attempts in all, including the first
	 * @return the copy
	 */
	public RetryOptions withMaxAttempts(int maxAttempts) {
		return new RetryOptions(this.enabled, maxAttempts, this.initialBackoff, this.maxBackoff, this.deadline,
				this.retryNonIdempotent);
	}

	/**
	 * A copy with other backoff bounds.
	 * @param initialBackoff the wait before the first retry
	 * @param maxBackoff the longest wait between two attempts
	 * @return the copy
	 */
	public RetryOptions withBackoff(Duration initialBackoff, Duration maxBackoff) {
		return new RetryOptions(this.enabled, this.maxAttempts, initialBackoff, maxBackoff, this.deadline,
				this.retryNonIdempotent);
	}

	/**
	 * A copy with another deadline.
	 * @param deadline the longest time across all attempts of one call
	 * @return the copy
	 */
	public RetryOptions withDeadline(Duration deadline) {
		return new RetryOptions(this.enabled, this.maxAttempts, this.initialBackoff, this.maxBackoff, deadline,
				this.retryNonIdempotent);
	}

	/**
	 * A copy that does or does not retry non-idempotent calls after they were sent.
	 * @param retryNonIdempotent whether to retry {@code POST} on 500, 502, 504 and read
	 * failures
	 * @return the copy
	 */
	public RetryOptions withRetryNonIdempotent(boolean retryNonIdempotent) {
		return new RetryOptions(this.enabled, this.maxAttempts, this.initialBackoff, this.maxBackoff, this.deadline,
				retryNonIdempotent);
	}

}
