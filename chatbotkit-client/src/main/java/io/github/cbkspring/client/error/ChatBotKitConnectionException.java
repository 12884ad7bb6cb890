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
 * The call failed on the network: the connection could not be made, was lost, or no
 * complete answer arrived. The cause holds the underlying exception.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 * @see ChatBotKitTimeoutException
 */
public class ChatBotKitConnectionException extends ChatBotKitException {

	private final boolean requestSent;

	/**
	 * Create an exception for a network failure.
	 * @param message the detail message
	 * @param cause the underlying exception
	 * @param requestSent whether the request may have reached the server
	 */
	public ChatBotKitConnectionException(String message, Throwable cause, boolean requestSent) {
		super(message, cause);
		this.requestSent = requestSent;
	}

	/**
	 * Whether the request may have reached the server before the failure: {@code false}
	 * only when the connection could not be made, so the call certainly had no effect.
	 * @return whether the request may have been sent
	 */
	public boolean requestSent() {
		return this.requestSent;
	}

}
