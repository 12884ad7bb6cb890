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

/**
 * The call timed out: connecting took longer than the connect timeout, or the answer
 * stalled for longer than the read timeout.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class ChatBotKitTimeoutException extends ChatBotKitConnectionException {

	/**
	 * Create an exception for a timeout.
	 * @param message the detail message
	 * @param cause the underlying exception
	 * @param requestSent whether the request may have reached the server
	 */
	public ChatBotKitTimeoutException(String message, Throwable cause, boolean requestSent) {
		super(message, cause, requestSent);
	}

}
