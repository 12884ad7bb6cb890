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

import java.io.InputStream;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The JSON mapping of the ChatBotKit wire format. The client owns its mapper instead of
 * using the application's: the API's field names and formats are fixed, and an
 * application-wide setting (a naming strategy, say) must not change them. Unknown fields
 * are ignored and unknown enum values read as the enum's default, since the API grows;
 * times are epoch milliseconds both ways, as the API writes them.
 *
 * @author cbkspring contributors
 */
public final class JsonCodec {

	/** The codec, configured once. */
	public static final JsonCodec INSTANCE = new JsonCodec();

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final JsonMapper mapper = configured(JsonMapper.builder()).build();

	/** Reads streams, with buffers sized for parsers that live as long as a stream. */
	private final JsonMapper streamMapper = configured(
			JsonMapper.builder(JsonFactory.builder().recyclerPool(StreamBuffers.POOL).build()))
		.build();

	private final ObjectReader treeInSequenceReader = readerInSequence(type(JsonNode.class));

	private JsonCodec() {
	}

	private static JsonMapper.Builder configured(JsonMapper.Builder builder) {
		return builder.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			// counts the API may omit read as 0; required fields say so with
			// @JsonProperty
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
			.enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
			.disable(DateTimeFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
			// a metadata key the API sends as null reads as absent, so records can copy
			// their maps with Map.copyOf
			.withConfigOverride(Map.class, (map) -> map.setNullHandling(JsonSetter.Value.forContentNulls(Nulls.SKIP)))
			// the API's times are epoch milliseconds, a fraction included
			.addModule(
					new SimpleModule("chatbotkit-times").addDeserializer(Instant.class, new EpochMillisDeserializer()));
	}

	byte[] write(Object value) {
		try {
			return this.mapper.writeValueAsBytes(value);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Cannot write " + value.getClass().getName() + " as JSON", ex);
		}
	}

	JavaType type(Type type) {
		return this.mapper.constructType(type);
	}

	/**
	 * Read JSON; the {@link JavaType} carries the type at run time.
	 * @throws JacksonException if the bytes are not JSON of the given type
	 */
	@SuppressWarnings("TypeParameterUnusedInFormals")
	<T> T read(byte[] json, JavaType type) {
		return this.mapper.readValue(json, type);
	}

	/**
	 * Write a value as a JSON text, for a field of the API that holds JSON as a string.
	 * @param value the value
	 * @return the JSON text
	 * @throws IllegalArgumentException if the value cannot be written as JSON
	 */
	public String writeString(Object value) {
		try {
			return this.mapper.writeValueAsString(value);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Cannot write " + value.getClass().getName() + " as JSON", ex);
		}
	}

	/**
	 * Read a JSON text that must hold an object, such as a function's arguments.
	 * @param json the JSON text
	 * @param what what the text is, named in the message of a failure
	 * @return the object's members, in order
	 * @throws IllegalArgumentException if the text is not a JSON object
	 */
	public Map<String, Object> readObject(String json, String what) {
		try {
			Map<String, Object> object = this.mapper.readValue(json, OBJECT);
			if (object == null) {
				throw new IllegalArgumentException(what + " must be a JSON object, but was null");
			}
			return object;
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(what + " must be a JSON object: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Map maps, lists and values read from JSON, such as a function's arguments, to a
	 * type.
	 * @param <T> the type
	 * @param value the value
	 * @param type the type to map it to
	 * @return the mapped value
	 * @throws IllegalArgumentException if the value does not fit the type, with Jackson's
	 * message (which names the property, and may quote the value)
	 */
	public <T> T convertValue(Object value, Class<T> type) {
		try {
			return this.mapper.convertValue(value, type);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Turn a value (a record, a bean, a map...) into the maps, lists and values its JSON
	 * reads as, checking that it can be written as JSON.
	 * @param value the value
	 * @return the value as maps, lists and values
	 * @throws IllegalArgumentException if the value cannot be written as JSON
	 */
	public Object toJsonValue(Object value) {
		try {
			return this.mapper.treeToValue(this.mapper.valueToTree(value), Object.class);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Cannot write " + value.getClass().getName() + " as JSON", ex);
		}
	}

	/**
	 * Map a JSON tree to a type.
	 * @throws JacksonException if the tree does not fit the type
	 */
	@SuppressWarnings("TypeParameterUnusedInFormals")
	<T> T convert(JsonNode tree, JavaType type) {
		return this.mapper.treeToValue(tree, type);
	}

	/**
	 * Read JSON as a tree.
	 * @throws JacksonException if the bytes are not JSON
	 */
	JsonNode readTree(byte[] json) {
		return this.mapper.readTree(json);
	}

	/**
	 * A parser over a body of JSON values one after another, such as JSON Lines. The
	 * caller closes it.
	 */
	JsonParser createParser(InputStream input) {
		return this.streamMapper.createParser(input);
	}

	/**
	 * A parser over the bytes of one line of JSON Lines. The caller closes it.
	 */
	JsonParser createParser(byte[] line) {
		return this.streamMapper.createParser(line);
	}

	/**
	 * A reader of one of many JSON values in a row, such as JSON Lines, from the parser's
	 * current token: what follows a value is the next one, not an error.
	 */
	ObjectReader readerInSequence(JavaType type) {
		return this.streamMapper.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	/**
	 * Read the JSON value at the parser's current token as a tree.
	 * @throws JacksonException if the value is not JSON, or the input fails
	 */
	JsonNode readTree(JsonParser parser) {
		return this.treeInSequenceReader.readValue(parser);
	}

}
