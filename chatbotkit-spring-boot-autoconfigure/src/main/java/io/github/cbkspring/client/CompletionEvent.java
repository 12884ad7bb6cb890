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

/**
 * One event of a streamed completion: a {@link Token} of the reply as it is written, then
 * the {@link Result}. Events of types this client does not know yet arrive as
 * {@link Other}; an {@code error} event ends the stream with a
 * {@link ChatBotKitStreamException} instead.
 *
 * @author cbkspring contributors
 */
public sealed interface CompletionEvent {

	/**
	 * A piece of the reply.
	 *
	 * @param token the text of the piece
	 */
	record Token(String token) implements CompletionEvent {
	}

	/**
	 * The complete reply, the last event of the stream.
	 *
	 * @param result the reply
	 */
	record Result(CompletionResult result) implements CompletionEvent {
	}

	/**
	 * An event of a type this client does not know.
	 *
	 * @param type the event's type
	 */
	record Other(String type) implements CompletionEvent {
	}

}
