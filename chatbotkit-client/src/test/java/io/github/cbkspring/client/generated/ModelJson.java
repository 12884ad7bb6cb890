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

package io.github.cbkspring.client.generated;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.cbkspring.client.internal.JsonCodec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * JSON as the API model describes it: an answer with every field the model lists, and the
 * checks that a request sent is what the model asks for and that an answer read dropped
 * nothing.
 *
 * @author cbkspring contributors
 */
final class ModelJson {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private ModelJson() {
	}

	/**
	 * The fields of an object, or of a union of objects (those declared beside its
	 * alternatives, then all fields of all alternatives).
	 * @param type a model type
	 * @return the fields by name, or {@code null} if the type is not an object
	 */
	static Map<String, JsonNode> fields(JsonNode type) {
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		String kind = type.path("kind").asString();
		if (kind.equals("object")) {
			type.path("fields").forEach((field) -> fields.put(field.path("name").asString(), field.path("type")));
			return fields;
		}
		if (kind.equals("union")) {
			// those declared beside the alternatives, which each of them has
			type.path("fields").forEach((field) -> fields.put(field.path("name").asString(), field.path("type")));
			for (JsonNode alternative : type.path("of")) {
				if (!alternative.path("kind").asString().equals("object")) {
					return null;
				}
				alternative.path("fields")
					.forEach((field) -> fields.putIfAbsent(field.path("name").asString(), field.path("type")));
			}
			return fields;
		}
		return null;
	}

	/**
	 * An answer with every field of the model set; a page's cursor is empty, so that a
	 * walk ends after it.
	 * @param type the model type
	 * @param name the field's name
	 * @return the JSON
	 */
	static JsonNode sample(JsonNode type, String name) {
		Map<String, JsonNode> fields = fields(type);
		if (fields != null) {
			ObjectNode object = NODES.objectNode();
			fields.forEach((field, fieldType) -> object.set(field,
					field.equals("cursor") ? NODES.stringNode("") : sample(fieldType, field)));
			return object;
		}
		return switch (type.path("kind").asString()) {
			case "string" -> NODES.stringNode(type.has("enum") ? type.get("enum").get(0).asString() : "text");
			case "integer" -> NODES.numberNode(7);
			case "number" -> name.endsWith("At") ? NODES.numberNode(1767225600000L) : NODES.numberNode(1.5);
			case "boolean" -> NODES.booleanNode(true);
			case "array" -> NODES.arrayNode().add(sample(type.path("items"), name));
			case "map" -> NODES.objectNode().set("key", sample(type.path("values"), name));
			case "union" -> sample(type.path("of").get(0), name);
			default -> NODES.stringNode("any");
		};
	}

	/**
	 * Check that JSON sent has every field of the model type and no other, each of its
	 * type.
	 * @param sent the JSON sent
	 * @param type the model type
	 * @param where where in the request, for the failure message
	 */
	static void assertConforms(JsonNode sent, JsonNode type, String where) {
		Map<String, JsonNode> fields = fields(type);
		if (fields != null) {
			assertThat(sent.isObject()).as(where + " is an object").isTrue();
			assertThat(new LinkedHashSet<>(sent.propertyNames())).as(where + "'s fields")
				.containsExactlyInAnyOrderElementsOf(fields.keySet());
			fields.forEach((name, fieldType) -> assertConforms(sent.get(name), fieldType, where + "." + name));
			return;
		}
		switch (type.path("kind").asString()) {
			case "string" -> {
				assertThat(sent.isString()).as(where + " is a string").isTrue();
				if (type.has("enum")) {
					Set<String> values = new LinkedHashSet<>();
					type.get("enum").forEach((value) -> values.add(value.asString()));
					assertThat(values).as(where + "'s values").contains(sent.asString());
				}
			}
			case "integer" -> assertThat(sent.isIntegralNumber()).as(where + " is an integer").isTrue();
			case "number" -> assertThat(sent.isNumber()).as(where + " is a number").isTrue();
			case "boolean" -> assertThat(sent.isBoolean()).as(where + " is a boolean").isTrue();
			case "array" -> {
				assertThat(sent.isArray()).as(where + " is an array").isTrue();
				sent.forEach((item) -> assertConforms(item, type.path("items"), where + "[]"));
			}
			case "map" -> {
				assertThat(sent.isObject()).as(where + " is an object").isTrue();
				sent.properties()
					.forEach((entry) -> assertConforms(entry.getValue(), type.path("values"),
							where + "." + entry.getKey()));
			}
			default -> {
				// any value, or a union whose alternatives are not all objects
			}
		}
	}

	/**
	 * Check that a value read from JSON kept every field of it: records by their
	 * components' JSON names, enums by their wire values, times as epoch milliseconds.
	 * @param json the JSON answered
	 * @param value what the client read
	 * @param where where in the answer, for the failure message
	 */
	static void assertNothingDropped(JsonNode json, Object value, String where) {
		assertThat(value).as(where + " read").isNotNull();
		if (value instanceof Record record) {
			Map<String, RecordComponent> components = new LinkedHashMap<>();
			for (RecordComponent component : record.getClass().getRecordComponents()) {
				JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
				components.put((property != null) ? property.value() : component.getName(), component);
			}
			for (Map.Entry<String, JsonNode> field : json.properties()) {
				RecordComponent component = components.get(field.getKey());
				if (component == null) {
					fail(where + "." + field.getKey() + " has no component in " + record.getClass().getName());
				}
				assertNothingDropped(field.getValue(), read(record, component), where + "." + field.getKey());
			}
		}
		else if (value instanceof List<?> list) {
			List<JsonNode> items = new ArrayList<>();
			json.forEach(items::add);
			assertThat(list).as(where).hasSameSizeAs(items);
			for (int i = 0; i < items.size(); i++) {
				assertNothingDropped(items.get(i), list.get(i), where + "[" + i + "]");
			}
		}
		else if (value instanceof Map<?, ?> map) {
			assertThat(new ArrayList<Object>(map.keySet())).as(where + "'s keys")
				.containsExactlyInAnyOrderElementsOf(json.propertyNames());
			json.properties()
				.forEach((entry) -> assertNothingDropped(entry.getValue(), map.get(entry.getKey()),
						where + "." + entry.getKey()));
		}
		else if (value instanceof Enum<?> constant) {
			assertThat(constant.name()).as(where).isNotEqualTo("UNKNOWN");
			assertThat(JsonCodec.INSTANCE.writeString(constant)).as(where).isEqualTo(json.toString());
		}
		else if (value instanceof Instant instant) {
			assertThat(instant.toEpochMilli()).as(where).isEqualTo(json.asLong());
		}
		else if (value instanceof Number number) {
			assertThat(number.doubleValue()).as(where).isEqualTo(json.asDouble());
		}
		else {
			assertThat(value).as(where).isEqualTo(json.isBoolean() ? json.asBoolean() : json.asString());
		}
	}

	private static Object read(Record record, RecordComponent component) {
		try {
			return component.getAccessor().invoke(record);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
