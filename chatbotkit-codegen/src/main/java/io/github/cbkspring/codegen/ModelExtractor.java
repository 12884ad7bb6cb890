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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Derives the API model of the client from ChatBotKit's OpenAPI description: per
 * operation its id, method, path, path and query parameters, request and answer fields
 * with their types, required marks and enums, and the answer's content types (JSON Lines
 * for a stream). Only facts are kept: no summary, description or example of the
 * description. Run with the description's path and the model's path: <pre class="code">
 * ./mvnw -B -ntp -pl chatbotkit-codegen compile exec:java@model -Dopenapi=path/to/v1.json
 * </pre>
 *
 * @author cbkspring contributors
 */
public final class ModelExtractor {

	/**
	 * The resources whose typed clients are written by hand: the generator leaves them
	 * alone.
	 */
	static final List<String> OVERLAYS = List.of("bot", "contact", "conversation", "dataset", "file", "partner",
			"usage");

	private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private ModelExtractor() {
	}

	/**
	 * Derive the model.
	 * @param args the OpenAPI description's path, then the model's path
	 * @throws IOException if a file cannot be read or written
	 */
	public static void main(String[] args) throws IOException {
		if (args.length != 2) {
			throw new IllegalArgumentException("Usage: ModelExtractor <openapi.json> <model.json>");
		}
		JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		JsonNode description = mapper.readTree(Files.readString(Path.of(args[0])));
		Files.writeString(Path.of(args[1]), mapper.writeValueAsString(extract(description)) + "\n");
	}

	/**
	 * Derive the model from a parsed description.
	 * @param description the OpenAPI description
	 * @return the model
	 */
	static ObjectNode extract(JsonNode description) {
		ObjectNode model = NODES.objectNode();
		ArrayNode overlays = model.putArray("overlays");
		OVERLAYS.forEach(overlays::add);
		ArrayNode operations = model.putArray("operations");
		for (Map.Entry<String, JsonNode> path : description.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				if (METHODS.contains(method.getKey())) {
					operations.add(operation(path.getKey(), method.getKey(), method.getValue()));
				}
			}
		}
		return model;
	}

	private static ObjectNode operation(String path, String method, JsonNode source) {
		ObjectNode operation = NODES.objectNode();
		operation.put("id", source.get("operationId").asString());
		operation.put("method", method.toUpperCase(java.util.Locale.ROOT));
		operation.put("path", path);
		ArrayNode pathParameters = operation.putArray("pathParameters");
		ArrayNode query = operation.putArray("query");
		for (JsonNode parameter : source.path("parameters")) {
			String in = parameter.path("in").asString("");
			if (in.equals("path")) {
				String name = parameter.get("name").asString();
				pathParameters.add(name);
				if (isPathOfSegments(path, name, parameter)) {
					operation.put("pathOfSegments", name);
				}
			}
			else if (in.equals("query")) {
				query.add(field(parameter.get("name").asString(), parameter.path("required").asBoolean(false),
						parameter.path("schema")));
			}
		}
		JsonNode body = source.path("requestBody");
		if (!body.isMissingNode()) {
			ArrayNode contents = operation.putArray("requestContent");
			body.path("content").propertyNames().forEach(contents::add);
			JsonNode json = body.path("content").path("application/json").path("schema");
			if (!json.isMissingNode()) {
				operation.set("request", type(json));
			}
			String filePart = filePart(body.path("content").path("multipart/form-data").path("schema"));
			if (filePart != null) {
				operation.put("filePart", filePart);
			}
		}
		JsonNode answer = source.path("responses").path("200").path("content");
		ArrayNode contents = operation.putArray("answerContent");
		answer.propertyNames().forEach(contents::add);
		JsonNode json = answer.path("application/json").path("schema");
		JsonNode lines = answer.path("application/jsonl").path("schema");
		if (!json.isMissingNode()) {
			operation.set("answer", type(json));
		}
		else if (!lines.isMissingNode()) {
			operation.set("answer", type(lines));
		}
		operation.put("streams", json.isMissingNode() && !lines.isMissingNode());
		return operation;
	}

	/**
	 * The part of a {@code multipart/form-data} body that holds a file's bytes: its one
	 * property of format {@code binary}, or {@code null} if it has none.
	 */
	private static @Nullable String filePart(JsonNode schema) {
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			if (property.getValue().path("format").asString("").equals("binary")) {
				return property.getKey();
			}
		}
		return null;
	}

	/**
	 * Whether a path parameter is a path of segments ({@code docs/plan.md}), which the
	 * Node SDK sends split at {@code /} with each segment encoded: the path's last
	 * variable, described as a file's or a directory's path (a space's storage). OpenAPI
	 * has no notation for it, so the description's words decide, and the model keeps the
	 * fact, not the words.
	 */
	private static boolean isPathOfSegments(String path, String name, JsonNode parameter) {
		String description = parameter.path("schema")
			.path("description")
			.asString(parameter.path("description").asString(""))
			.toLowerCase(java.util.Locale.ROOT);
		return path.endsWith("/{" + name + "}") && description.contains("path")
				&& (description.contains("file") || description.contains("directory"));
	}

	private static ObjectNode field(String name, boolean required, JsonNode schema) {
		ObjectNode field = NODES.objectNode();
		field.put("name", name);
		field.put("required", required);
		if (schema.path("nullable").asBoolean(false)) {
			field.put("nullable", true);
		}
		field.set("type", type(schema));
		return field;
	}

	/**
	 * The facts of a schema: its kind ({@code string}, {@code integer}, {@code number},
	 * {@code boolean}, {@code object} with fields, {@code map} with values, {@code array}
	 * with items, {@code union} of alternatives, or {@code any}), enums, format, bounds
	 * and default.
	 * @param schema the schema
	 * @return its type in the model
	 */
	static ObjectNode type(JsonNode schema) {
		if (schema.has("allOf")) {
			return type(allOf(schema));
		}
		ObjectNode type = NODES.objectNode();
		List<JsonNode> alternatives = new ArrayList<>();
		schema.path("oneOf").forEach(alternatives::add);
		schema.path("anyOf").forEach(alternatives::add);
		if (!alternatives.isEmpty()) {
			type.put("kind", "union");
			Set<String> required = required(schema);
			// the properties declared beside the alternatives hold in each of them, as in
			// the Node SDK's types ({...} & (A | B)); a required name that is no such
			// property is one of the alternatives'
			if (!schema.path("properties").isEmpty()) {
				type.set("fields", fields(schema, required));
			}
			ArrayNode of = type.putArray("of");
			for (JsonNode alternative : alternatives) {
				ObjectNode alternativeType = type(alternative);
				alternativeType.path("fields").forEach((field) -> {
					if (required.contains(field.path("name").asString())) {
						((ObjectNode) field).put("required", true);
					}
				});
				of.add(alternativeType);
			}
			return type;
		}
		String kind = kind(schema);
		type.put("kind", kind);
		switch (kind) {
			case "object" -> type.set("fields", fields(schema, required(schema)));
			case "map" -> {
				JsonNode values = schema.path("additionalProperties");
				type.set("values", values.isObject() ? type(values) : NODES.objectNode().put("kind", "any"));
			}
			case "array" -> type.set("items", type(schema.path("items")));
			default -> {
			}
		}
		copy(schema, type, "format");
		copy(schema, type, "minimum");
		copy(schema, type, "maximum");
		copy(schema, type, "minLength");
		copy(schema, type, "default");
		if (schema.has("enum")) {
			ArrayNode values = type.putArray("enum");
			schema.get("enum").forEach((value) -> values.add(value.asString()));
		}
		return type;
	}

	private static Set<String> required(JsonNode schema) {
		Set<String> required = new java.util.HashSet<>();
		schema.path("required").forEach((name) -> required.add(name.asString()));
		return required;
	}

	private static ArrayNode fields(JsonNode schema, Set<String> required) {
		ArrayNode fields = NODES.arrayNode();
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			fields.add(field(property.getKey(), required.contains(property.getKey()), property.getValue()));
		}
		return fields;
	}

	/**
	 * A schema of {@code allOf} as the one schema it means: the properties and required
	 * names of all its parts and of the schema itself, and the alternatives of the one
	 * part that has them.
	 * @throws IllegalArgumentException if more than one part has alternatives, which the
	 * model cannot say
	 */
	private static JsonNode allOf(JsonNode schema) {
		ObjectNode merged = ((ObjectNode) schema).deepCopy();
		merged.remove("allOf");
		ObjectNode properties = merged.putObject("properties");
		schema.path("properties")
			.properties()
			.forEach((property) -> properties.set(property.getKey(), property.getValue()));
		ArrayNode required = merged.putArray("required");
		schema.path("required").forEach(required::add);
		for (JsonNode part : schema.get("allOf")) {
			JsonNode resolved = part.has("allOf") ? allOf(part) : part;
			resolved.path("properties")
				.properties()
				.forEach((property) -> properties.set(property.getKey(), property.getValue()));
			resolved.path("required").forEach(required::add);
			for (String combinator : List.of("oneOf", "anyOf")) {
				if (resolved.has(combinator)) {
					if (merged.has("oneOf") || merged.has("anyOf")) {
						throw new IllegalArgumentException("allOf with alternatives in more than one part");
					}
					merged.set(combinator, resolved.get(combinator));
				}
			}
		}
		if (!merged.has("oneOf") && !merged.has("anyOf")) {
			merged.put("type", "object");
		}
		return merged;
	}

	private static String kind(JsonNode schema) {
		String kind = schema.path("type").asString("");
		if (kind.equals("object") || (kind.isEmpty() && schema.has("properties"))) {
			// "properties": {} is an empty object (a delete's body); no properties at
			// all, a free-form one
			boolean fields = schema.has("properties") && !schema.has("additionalProperties");
			return (fields || !schema.path("properties").isEmpty()) ? "object" : "map";
		}
		return switch (kind) {
			case "string", "integer", "number", "boolean", "array" -> kind;
			default -> "any";
		};
	}

	private static void copy(JsonNode schema, ObjectNode type, String name) {
		@Nullable JsonNode value = schema.get(name);
		if (value != null) {
			type.set(name, value);
		}
	}

}
