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

package io.github.cbkspring.client;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The API answered with a status other than 2xx. Subtypes name the statuses that callers
 * most often handle; other statuses (400, 409, 413, 3xx, ...) arrive as this type.
 *
 * @author cbkspring contributors
 * @see ChatBotKitAuthenticationException
 * @see ChatBotKitPermissionException
 * @see ChatBotKitNotFoundException
 * @see ChatBotKitRateLimitException
 * @see ChatBotKitServerException
 */
public class ChatBotKitHttpException extends ChatBotKitException {

	private final @Nullable Duration retryAfter;

	/**
	 * Create an exception for an error answer.
	 * @param error what the API said
	 */
	public ChatBotKitHttpException(ChatBotKitError error) {
		this(error, null);
	}

	/**
	 * Create an exception for an error answer that asked the caller to wait.
	 * @param error what the API said
	 * @param retryAfter the wait the API asked for in {@code Retry-After}, if any
	 */
	public ChatBotKitHttpException(ChatBotKitError error, @Nullable Duration retryAfter) {
		super(describe(error), error, null);
		this.retryAfter = retryAfter;
	}

	/**
	 * The wait the API asked for in its {@code Retry-After} header (sent with 429 and 503
	 * answers).
	 * @return the wait, or empty if the API did not say
	 */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

	@Override
	public ChatBotKitError error() {
		ChatBotKitError error = super.error();
		if (error == null) {
			throw new IllegalStateException("An HTTP exception always has an error");
		}
		return error;
	}

	private static String describe(ChatBotKitError error) {
		@Nullable String requestId = error.requestId();
		return "ChatBotKit API answered " + error.status() + " " + error.code() + ": " + error.message()
				+ ((requestId != null) ? " [request id " + requestId + "]" : "");
	}

}
