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

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception that a ChatBotKit client throws for a failed call. Catch a
 * subtype to react to one meaning: {@link ChatBotKitHttpException} and its subtypes for
 * an error answer of the API, {@link ChatBotKitConnectionException} for a network
 * failure, {@link ChatBotKitDecodingException} for a successful answer that could not be
 * read, {@link ChatBotKitStreamException} for a failure inside a stream.
 * <p>
 * Messages never contain the secret or a session token.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class ChatBotKitException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message the detail message
	 * @param cause the cause, if any
	 */
	public ChatBotKitException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
