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

package io.github.cbkspring.client.conversation;

import java.util.Map;

import io.github.cbkspring.client.core.Message;
import io.github.cbkspring.client.error.ChatBotKitStreamException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One event of a streamed completion, as the API sends it (a JSON line {@code {"type":
 * ..., "data": {...}}}): {@link Token}s of the reply as it is written, and last the
 * {@link Result}; in between, depending on the bot, {@link ReasoningToken}s,
 * {@link MessageAdded}, {@link Usage}, {@link Abort} and begin/end markers. Events of
 * types this client does not know yet arrive as {@link Unknown}, so that new kinds never
 * break a caller. An {@code error} event ends the stream with a
 * {@link ChatBotKitStreamException} instead, and so does a stream that ends before its
 * result. <pre class="code">
 * switch (event) {
 *     case CompletionEvent.Token token -&gt; out.write(token.token());
 *     case CompletionEvent.Result result -&gt; log(result.result().tokens());
 *     default -&gt; { }
 * }
 * </pre>
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
@JsonDeserialize(using = CompletionEventDeserializer.class)
public sealed interface CompletionEvent {

	/**
	 * A piece of the reply ({@code token}).
	 *
	 * @param token the text of the piece
	 */
	record Token(String token) implements CompletionEvent {

	}

	/**
	 * A piece of the model's reasoning, for models that reason before they reply
	 * ({@code reasoningToken}).
	 *
	 * @param token the text of the piece
	 */
	record ReasoningToken(String token) implements CompletionEvent {

	}

	/**
	 * A message added to the conversation while the reply is made, such as an activity
	 * ({@code message}). The message keeps its metadata: a function call the bot makes is
	 * an {@code activity} message that {@link FunctionCall#of(CompletionEvent)} reads.
	 *
	 * @param message the message
	 */
	record MessageAdded(Message message) implements CompletionEvent {

	}

	/**
	 * The tokens a model used for the reply ({@code usage}); there may be one per model
	 * call.
	 *
	 * @param model the model
	 * @param inputTokens the input tokens used
	 * @param outputTokens the output tokens used
	 */
	record Usage(String model, long inputTokens, long outputTokens) implements CompletionEvent {

	}

	/**
	 * The reply was aborted, for example by a function ({@code abort}).
	 *
	 * @param reason the reason, as the API sent it (text, or a JSON value as maps and
	 * lists), if any
	 * @param functionName the function or tool associated with the abort, if any
	 */
	record Abort(@Nullable Object reason, @Nullable String functionName) implements CompletionEvent {

	}

	/**
	 * The complete reply, the last event of the stream ({@code result}).
	 *
	 * @param result the reply
	 */
	record Result(CompletionResult result) implements CompletionEvent {

	}

	/**
	 * A marker of a phase of the reply ({@code completeBegin}, {@code completeEnd},
	 * {@code waitForChannelMessageBegin}, {@code waitForChannelMessageEnd}).
	 *
	 * @param type the marker's type, such as {@code completeBegin}
	 * @param data the marker's data as maps, lists and values; empty if none, and data
	 * that is not a JSON object under the key {@code value}
	 */
	record Marker(String type, Map<String, Object> data) implements CompletionEvent {

		/**
		 * Copy the data.
		 * @param type the marker's type
		 * @param data the marker's data
		 */
		public Marker {
			data = Map.copyOf(data);
		}

	}

	/**
	 * An event of a type this client does not know yet.
	 *
	 * @param type the event's type
	 * @param data the event's data as maps, lists and values; empty if none, and data
	 * that is not a JSON object under the key {@code value}
	 */
	record Unknown(String type, Map<String, Object> data) implements CompletionEvent {

		/**
		 * Copy the data.
		 * @param type the event's type
		 * @param data the event's data
		 */
		public Unknown {
			data = Map.copyOf(data);
		}

	}

}
