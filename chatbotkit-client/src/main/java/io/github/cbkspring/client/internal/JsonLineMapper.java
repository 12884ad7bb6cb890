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
package io.github.cbkspring.client.internal;

import java.util.function.Function;
import java.util.function.Predicate;

import io.github.cbkspring.client.error.ChatBotKitStreamException;
import io.github.cbkspring.client.internal.util.Redaction;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.util.JsonParserSequence;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.util.TokenBuffer;

/**
 * Reads one line of a JSON Lines answer into an element, whatever engine delivered it:
 * the blocking iterator ({@link JsonLinesIterator}) and the reactive decoder
 * ({@link JsonLinesFlux}) both map their values here, so that error events, the final
 * element and the messages are the same on both.
 *
 * @param <T> the element type
 * @author cbkspring contributors
 */
final class JsonLineMapper<T> {

	/** The problem of bytes that are not JSON. */
	static final String MALFORMED = "Malformed JSON in stream";

	private final JavaType elementType;

	private final ObjectReader elementReader;

	private final @Nullable Predicate<? super T> finalElement;

	private final @Nullable Function<? super T, @Nullable String> errorMessage;

	private final String secret;

	/**
	 * A mapper of lines.
	 * @param elementType the type each line is read into
	 * @param finalElement accepts the element that must end the stream, or {@code null}
	 * when the stream may end anywhere
	 * @param errorMessage the message of an element that is an error event, or
	 * {@code null} when the element type does not read error events
	 * @param secret the secret, masked in messages
	 */
	JsonLineMapper(JavaType elementType, @Nullable Predicate<? super T> finalElement,
			@Nullable Function<? super T, @Nullable String> errorMessage, String secret) {
		this.elementType = elementType;
		this.elementReader = JsonCodec.INSTANCE.readerInSequence(elementType);
		this.finalElement = finalElement;
		this.errorMessage = errorMessage;
		this.secret = secret;
	}

	/**
	 * The error messages of a stream whose error events are data: none, so that every
	 * element, error events included, is read straight and delivered.
	 * @param <T> the element type
	 * @return the function
	 */
	static <T> Function<? super T, @Nullable String> errorEventsAreData() {
		return (element) -> null;
	}

	/**
	 * Whether the stream must end with a final element.
	 */
	boolean hasFinalElement() {
		return this.finalElement != null;
	}

	/**
	 * Whether the element is the one that ends the stream.
	 */
	boolean isFinal(T element) {
		return this.finalElement != null && this.finalElement.test(element);
	}

	/**
	 * Read the value at the parser, on the given line, into an element. An element type
	 * that reads error events is read straight, and its error elements are recognised
	 * afterwards. For any other, each event's {@code type} is looked at as it passes (the
	 * API writes it first): an event that is not an error is read straight into the
	 * element type, and only error events, and lines of another shape, go through a tree.
	 */
	T map(JsonParser parser, long line) {
		if (this.errorMessage != null) {
			T element = this.elementReader.readValue(parser);
			String message = this.errorMessage.apply(element);
			if (message != null) {
				throw apiError(message, line);
			}
			return element;
		}
		JsonParser value = parser;
		String type = null;
		if (parser.currentToken() == JsonToken.START_OBJECT) {
			TokenBuffer start = TokenBuffer.forBuffering(parser, parser.objectReadContext());
			start.copyCurrentEvent(parser);
			if (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				boolean typeFirst = "type".equals(parser.currentName());
				start.copyCurrentEvent(parser);
				if (parser.nextToken() == JsonToken.VALUE_STRING && typeFirst) {
					type = parser.getString();
				}
			}
			start.copyCurrentEvent(parser);
			value = JsonParserSequence.createFlattened(false, start.asParser(parser.objectReadContext(), parser),
					parser);
			value.nextToken();
		}
		if (type != null && !"error".equals(type)) {
			return this.elementReader.readValue(value);
		}
		JsonNode node = JsonCodec.INSTANCE.readTree(value);
		if ("error".equals(node.path("type").asString(""))) {
			throw apiError(node.path("data").path("message").asString("(no message)"), line);
		}
		return JsonCodec.INSTANCE.convert(node, this.elementType);
	}

	/**
	 * The failure of a line that is not JSON or not an element.
	 * @param problem what is wrong, such as {@link #problem(JacksonException, boolean)}
	 * @param ex the parser's failure, kept as the cause with the secret masked
	 * @param line the line
	 */
	ChatBotKitStreamException malformed(String problem, Exception ex, long line) {
		String detail = (ex instanceof JacksonException jackson) ? jackson.getOriginalMessage() : ex.getMessage();
		return new ChatBotKitStreamException(problem + ": " + Redaction.mask(String.valueOf(detail), this.secret), line,
				Redaction.safe(ex, this.secret));
	}

	/**
	 * What is wrong with a line that failed to read.
	 * @param ex the parser's failure
	 * @param cutOff whether the stream ended in the line
	 */
	static String problem(JacksonException ex, boolean cutOff) {
		if (cutOff) {
			return "The stream ended in the middle of a line: the answer is incomplete";
		}
		return (ex instanceof DatabindException) ? "Unexpected event in stream" : MALFORMED;
	}

	/**
	 * The failure of a line longer than the limit.
	 * @param limit the limit in bytes
	 * @param line the line
	 */
	static ChatBotKitStreamException lineTooLong(int limit, long line) {
		return new ChatBotKitStreamException("A line is longer than the limit of " + limit + " bytes", line, null);
	}

	private ChatBotKitStreamException apiError(String message, long line) {
		return new ChatBotKitStreamException(
				"The API reported an error in the stream: " + Redaction.mask(message, this.secret), line, null);
	}

}
