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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.github.cbkspring.client.core.Message;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@code {"type": ..., "data": {...}}} line of a completion stream into its
 * {@link CompletionEvent}. Written out rather than declared with {@code @JsonTypeInfo}: a
 * stream is hundreds of small events, and Jackson's polymorphic binding (the type id
 * buffered ahead, creator properties looked up by name) cost about three times what
 * reading the line does; this reads the {@code data} of a token in place. An
 * {@code error} event reads as an {@link CompletionEvent.Unknown} that
 * {@link #errorMessage(CompletionEvent)} recognises, so that the stream can read every
 * line straight into its event and still end at an error.
 *
 * @author cbkspring contributors
 */
final class CompletionEventDeserializer extends ValueDeserializer<CompletionEvent> {

	@Override
	public CompletionEvent deserialize(JsonParser parser, DeserializationContext context) {
		if (!parser.isExpectedStartObjectToken()) {
			return context.reportInputMismatch(CompletionEvent.class, "A stream event must be a JSON object, not %s",
					parser.currentToken());
		}
		String type = null;
		CompletionEvent event = null;
		JsonNode dataAheadOfType = null;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			JsonToken value = parser.nextToken();
			if ("type".equals(name)) {
				type = (value == JsonToken.VALUE_STRING) ? parser.getString() : null;
				// a type that is not a string is no type; the parser must leave it whole
				parser.skipChildren();
			}
			else if (!"data".equals(name) || value == JsonToken.VALUE_NULL) {
				parser.skipChildren();
			}
			else if (type != null) {
				event = read(type, parser, context);
			}
			else {
				// the API writes the type first; if it did not, keep the data until it
				// comes
				dataAheadOfType = context.readTree(parser);
			}
		}
		if (event != null) {
			return event;
		}
		if (dataAheadOfType != null && type != null) {
			JsonParser data = dataAheadOfType.traverse(context);
			data.nextToken();
			return read(type, data, context);
		}
		return withoutData((type != null) ? type : "", context);
	}

	/**
	 * The message of an {@code error} event.
	 * @param event an event
	 * @return the message, or {@code null} if the event is not an error
	 */
	static @Nullable String errorMessage(CompletionEvent event) {
		if (event instanceof CompletionEvent.Unknown unknown && "error".equals(unknown.type())) {
			Object message = unknown.data().get("message");
			return (message != null) ? message.toString() : "(no message)";
		}
		return null;
	}

	/**
	 * Read an event's {@code data}, the parser at its first token.
	 */
	private CompletionEvent read(String type, JsonParser data, DeserializationContext context) {
		return switch (type) {
			case "token" -> new CompletionEvent.Token(token(data, context));
			case "reasoningToken" -> new CompletionEvent.ReasoningToken(token(data, context));
			case "message" -> new CompletionEvent.MessageAdded(context.readValue(data, Message.class));
			case "usage" -> {
				EventData.Usage usage = context.readValue(data, EventData.Usage.class);
				yield new CompletionEvent.Usage(usage.model(), usage.inputTokensUsed(), usage.outputTokensUsed());
			}
			case "abort" -> {
				EventData.Abort abort = context.readValue(data, EventData.Abort.class);
				yield new CompletionEvent.Abort(abort.reason(), abort.functionName());
			}
			case "result" -> new CompletionEvent.Result(context.readValue(data, CompletionResult.class));
			default -> isMarker(type) ? new CompletionEvent.Marker(type, map(data, context))
					: new CompletionEvent.Unknown(type, map(data, context));
		};
	}

	private CompletionEvent withoutData(String type, DeserializationContext context) {
		return switch (type) {
			case "abort" -> new CompletionEvent.Abort(null, null);
			case "token", "reasoningToken", "message", "usage", "result" ->
				context.reportInputMismatch(CompletionEvent.class, "A '%s' event without its data", type);
			default -> isMarker(type) ? new CompletionEvent.Marker(type, Map.of())
					: new CompletionEvent.Unknown(type, Map.of());
		};
	}

	private static boolean isMarker(String type) {
		return switch (type) {
			case "completeBegin", "completeEnd", "waitForChannelMessageBegin", "waitForChannelMessageEnd" -> true;
			default -> false;
		};
	}

	/**
	 * The {@code token} of a token's data, read in place: the hot path of every stream.
	 */
	private static String token(JsonParser data, DeserializationContext context) {
		if (!data.isExpectedStartObjectToken()) {
			return context.reportInputMismatch(CompletionEvent.Token.class, "A token's data must be an object");
		}
		String token = null;
		for (String name = data.nextName(); name != null; name = data.nextName()) {
			if (data.nextToken() == JsonToken.VALUE_STRING && "token".equals(name)) {
				token = data.getString();
			}
			else {
				data.skipChildren();
			}
		}
		if (token == null) {
			return context.reportInputMismatch(CompletionEvent.Token.class, "A token event without its token");
		}
		return token;
	}

	/**
	 * The data of a marker or an unknown event, without its {@code null} values, as the
	 * records hold them; data that is not an object is kept under {@code value}.
	 */
	private static Map<String, Object> map(JsonParser data, DeserializationContext context) {
		if (!data.isExpectedStartObjectToken()) {
			Object value = context.readValue(data, Object.class);
			return (value != null) ? Map.of("value", value) : Map.of();
		}
		JavaType type = context.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class);
		Map<String, @Nullable Object> map = context.readValue(data, type);
		if (map == null) {
			return Map.of();
		}
		map.values().removeIf(Objects::isNull);
		return (Map<String, Object>) map;
	}

}
