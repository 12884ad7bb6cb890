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

package io.github.cbkspring.client.error;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The API answered with a status other than 2xx. Subtypes name the statuses that callers
 * most often handle; other statuses (400, 409, 413, 3xx, ...) arrive as this type.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 * @see ChatBotKitAuthenticationException
 * @see ChatBotKitPermissionException
 * @see ChatBotKitNotFoundException
 * @see ChatBotKitRateLimitException
 * @see ChatBotKitServerException
 */
public class ChatBotKitHttpException extends ChatBotKitException {

	private final ChatBotKitError error;

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
		super(describe(error), null);
		this.error = error;
		this.retryAfter = retryAfter;
	}

	/**
	 * What the API said.
	 * @return the error
	 */
	public ChatBotKitError error() {
		return this.error;
	}

	/**
	 * The HTTP status of the error answer.
	 * @return the status code, such as {@code 404}
	 */
	public int statusCode() {
		return this.error.status();
	}

	/**
	 * The API error code.
	 * @return the code, such as {@code NOT_FOUND}
	 */
	public String code() {
		return this.error.code();
	}

	/**
	 * The API error message, or a bounded excerpt of a body that was not the API's JSON
	 * error.
	 * @return the message
	 */
	public String apiMessage() {
		return this.error.message();
	}

	/**
	 * The request id that the API sent with the error answer.
	 * @return the request id, or {@code null} if none was sent
	 */
	public @Nullable String requestId() {
		return this.error.requestId();
	}

	/**
	 * The wait the API asked for in its {@code Retry-After} header (sent with 429 and 503
	 * answers).
	 * @return the wait, or empty if the API did not say
	 */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

	private static String describe(ChatBotKitError error) {
		@Nullable String requestId = error.requestId();
		@Nullable String call = error.call();
		return "ChatBotKit API answered " + error.status() + " " + error.code() + ((call != null) ? " to " + call : "")
				+ ": " + error.message() + ((requestId != null) ? " [request id " + requestId + "]" : "");
	}

}
