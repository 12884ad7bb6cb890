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

package io.github.cbkspring.codegen;

import java.util.ArrayList;
import java.util.List;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import tools.jackson.databind.JsonNode;

/**
 * The Javadoc written from the model's facts: the wire name, the JSON type, whether it is
 * required, bounds, units and defaults. Nothing of the description's prose.
 *
 * @author cbkspring contributors
 */
final class Javadoc {

	private Javadoc() {
	}

	/**
	 * The facts of a field, for its {@code @param} tag.
	 * @param field the model's field
	 * @param javaType its Java type
	 * @return the facts
	 */
	static String facts(JsonNode field, TypeName javaType) {
		JsonNode type = field.path("type");
		List<String> facts = new ArrayList<>();
		facts.add(code(field.path("name").asString()) + ", " + kind(type));
		facts.add(field.path("required").asBoolean() ? "required" : "optional");
		if (field.path("nullable").asBoolean()) {
			facts.add("may be null");
		}
		if (javaType.equals(ClassName.get(java.time.Instant.class))) {
			facts.add("epoch milliseconds on the wire");
		}
		if (type.has("enum")) {
			List<String> values = new ArrayList<>();
			type.get("enum").forEach((value) -> values.add(code(value.asString())));
			facts.add("one of " + String.join(", ", values));
		}
		if (type.has("minimum")) {
			facts.add("at least " + type.get("minimum"));
		}
		if (type.has("maximum")) {
			facts.add("at most " + type.get("maximum"));
		}
		if (type.has("minLength")) {
			facts.add("at least " + type.get("minLength") + " characters");
		}
		if (type.has("format")) {
			facts.add("format " + code(type.get("format").asString()));
		}
		if (type.has("default")) {
			facts.add("default " + code(type.get("default").toString()));
		}
		return String.join("; ", facts);
	}

	/**
	 * The JSON type of a model type, such as {@code array of object}.
	 * @param type the model type
	 * @return its JSON type
	 */
	static String kind(JsonNode type) {
		String kind = type.path("kind").asString();
		return switch (kind) {
			case "array" -> "array of " + kind(type.path("items"));
			case "map" -> "object of " + kind(type.path("values"));
			case "union" -> "one of several shapes";
			case "any" -> "any JSON value";
			default -> kind;
		};
	}

	/**
	 * A value as code, escaped for Javadoc.
	 * @param text the value
	 * @return the Javadoc
	 */
	static String code(String text) {
		String escaped = text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("@", "&#64;")
			.replace("{", "&#123;")
			.replace("}", "&#125;")
			.replace("*/", "*&#47;")
			.replace("\\", "&#92;")
			.replace("$", "&#36;");
		return "<code>" + escaped + "</code>";
	}

}
