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
 * A JSON Lines stream failed after it started: the API sent an {@code error} event, or a
 * line could not be read. {@link #lineNumber()} says where.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class ChatBotKitStreamException extends ChatBotKitException {

	private final long lineNumber;

	/**
	 * Create an exception.
	 * @param message the detail message
	 * @param lineNumber the 1-based line of the stream that failed
	 * @param cause the cause, if any
	 */
	public ChatBotKitStreamException(String message, long lineNumber,
			@org.jspecify.annotations.Nullable Throwable cause) {
		super(message + " (line " + lineNumber + ")", cause);
		this.lineNumber = lineNumber;
	}

	/**
	 * The 1-based line of the stream that failed, counting blank lines.
	 * @return the line number
	 */
	public long lineNumber() {
		return this.lineNumber;
	}

}
