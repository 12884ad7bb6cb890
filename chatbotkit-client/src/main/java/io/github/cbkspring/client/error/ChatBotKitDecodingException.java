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
 * The API answered with success (2xx), but the answer could not be decoded: it was not
 * JSON when JSON was expected, it did not match the expected shape, a required field was
 * missing, or it was larger than the configured limit. (Error answers are
 * {@link ChatBotKitHttpException}s.)
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class ChatBotKitDecodingException extends ChatBotKitException {

	/**
	 * Create an exception for an unusable answer.
	 * @param message the detail message, with a bounded excerpt of the body at most
	 * @param cause the cause, if any
	 */
	public ChatBotKitDecodingException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
