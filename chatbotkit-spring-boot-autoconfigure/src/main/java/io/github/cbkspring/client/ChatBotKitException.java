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

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception that a ChatBotKit client throws for a failed call. Catch a
 * subtype to react to one meaning: {@link ChatBotKitHttpException} and its subtypes for
 * an error answer of the API, {@link ChatBotKitConnectionException} for a network
 * failure, {@link ChatBotKitResponseException} for an answer that could not be read,
 * {@link ChatBotKitStreamException} for a failure inside a stream.
 * <p>
 * Messages never contain the secret or a session token.
 *
 * @author cbkspring contributors
 */
public class ChatBotKitException extends RuntimeException {

	private final @Nullable ChatBotKitError error;

	/**
	 * Create an exception.
	 * @param message the detail message
	 * @param cause the cause, if any
	 */
	public ChatBotKitException(String message, @Nullable Throwable cause) {
		this(message, null, cause);
	}

	/**
	 * Create an exception for an error answer of the API.
	 * @param message the detail message
	 * @param error what the API said, if it answered
	 * @param cause the cause, if any
	 */
	protected ChatBotKitException(String message, @Nullable ChatBotKitError error, @Nullable Throwable cause) {
		super(message, cause);
		this.error = error;
	}

	/**
	 * What the API said, when the call failed with an error answer.
	 * @return the error or {@code null} if there was no error answer
	 */
	public @Nullable ChatBotKitError error() {
		return this.error;
	}

	/**
	 * The HTTP status of the error answer.
	 * @return the status code, or {@code 0} if there was no error answer
	 */
	public int statusCode() {
		return (this.error != null) ? this.error.status() : 0;
	}

	/**
	 * The API error code, such as {@code NOT_FOUND}.
	 * @return the code, or {@code null} if there was no error answer
	 */
	public @Nullable String code() {
		return (this.error != null) ? this.error.code() : null;
	}

	/**
	 * The API error message (or an excerpt of a body that was not the API's JSON error).
	 * @return the message, or {@code null} if there was no error answer
	 */
	public @Nullable String apiMessage() {
		return (this.error != null) ? this.error.message() : null;
	}

	/**
	 * The request id that the API sent with the error answer.
	 * @return the request id, or {@code null} if none was sent
	 */
	public @Nullable String requestId() {
		return (this.error != null) ? this.error.requestId() : null;
	}

}
