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

package io.github.cbkspring.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The operations of the API model the client is generated from
 * ({@code chatbotkit-api.json}, a resource of this jar), and the check of a request body
 * or query against an operation's declared shape.
 *
 * @author cbkspring contributors
 */
final class ApiModel {

	private static final String RESOURCE = "chatbotkit-api.json";

	private final List<Operation> operations;

	private ApiModel(List<Operation> operations) {
		this.operations = operations;
	}

	static ApiModel load() {
		try (InputStream in = ApiModel.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("The API model " + RESOURCE + " is missing from the class path");
			}
			List<Operation> operations = new ArrayList<>();
			for (JsonNode operation : Json.MAPPER.readTree(in).path("operations")) {
				operations.add(new Operation(operation));
			}
			return new ApiModel(List.copyOf(operations));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The operation a request is for: of those whose method and path template match, the
	 * one with the most literal segments, as {@code /contact/ensure} over
	 * {@code /contact/{contactId}}.
	 * @param method the HTTP method
	 * @param segments the decoded segments of the path after {@code /api/v1}
	 * @return the operation and its path parameters, or {@code null} if none matches
	 */
	@Nullable Match match(String method, List<String> segments) {
		Match best = null;
		for (Operation operation : this.operations) {
			Match match = operation.match(method, segments);
			if (match != null && (best == null || match.literals() > best.literals())) {
				best = match;
			}
		}
		return best;
	}

	/**
	 * An operation of the model.
	 */
	static final class Operation {

		private final String id;

		private final String method;

		private final List<String> template;

		private final JsonNode request;

		private final JsonNode query;

		Operation(JsonNode operation) {
			this.id = operation.path("id").asString();
			this.method = operation.path("method").asString();
			this.template = segments(operation.path("path").asString());
			this.request = operation.path("request");
			this.query = operation.path("query");
		}

		String id() {
			return this.id;
		}

		/**
		 * The path's segments, parameters in braces: {@code [bot, {botId}, fetch]}.
		 */
		List<String> template() {
			return this.template;
		}

		@Nullable Match match(String method, List<String> segments) {
			if (!this.method.equals(method) || this.template.size() != segments.size()) {
				return null;
			}
			Map<String, String> parameters = new java.util.LinkedHashMap<>();
			int literals = 0;
			for (int i = 0; i < segments.size(); i++) {
				String part = this.template.get(i);
				if (part.startsWith("{")) {
					parameters.put(part.substring(1, part.length() - 1), segments.get(i));
				}
				else if (part.equals(segments.get(i))) {
					literals++;
				}
				else {
					return null;
				}
			}
			return new Match(this, Map.copyOf(parameters), literals);
		}

		/**
		 * Check a JSON body against the declared request.
		 * @param body the body, {@code null} if none was sent
		 * @return what is wrong, naming the field, or {@code null} if nothing is
		 */
		@Nullable String checkBody(@Nullable JsonNode body) {
			if (this.request.isMissingNode()) {
				return null;
			}
			if (body == null) {
				return "A JSON body is required";
			}
			return check(body, this.request, "");
		}

		/**
		 * Check the query parameters the model declares: types and enumerations.
		 * @param query the parameters, each with its first value
		 * @return what is wrong, naming the parameter, or {@code null} if nothing is
		 */
		@Nullable String checkQuery(Map<String, String> query) {
			for (JsonNode parameter : this.query) {
				String value = query.get(parameter.path("name").asString());
				if (value != null) {
					String problem = checkText(value, parameter.path("type"), parameter.path("name").asString());
					if (problem != null) {
						return problem;
					}
				}
			}
			return null;
		}

		private static List<String> segments(String path) {
			return List.of(path.substring(1).split("/"));
		}

	}

	/**
	 * An operation a request matched, with its path parameters by name.
	 */
	record Match(Operation operation, Map<String, String> parameters, int literals) {

	}

	/**
	 * What is wrong with a value of a declared type: the first problem found, naming the
	 * field by its path ({@code messages[0].type}).
	 */
	static @Nullable String check(JsonNode value, JsonNode type, String path) {
		if (value.isNull()) {
			// the client leaves absent fields out; a null is an absent optional field
			return null;
		}
		String kind = type.path("kind").asString();
		return switch (kind) {
			case "string" -> value.isString() ? checkEnum(value.asString(), type, path) : wrongType(path, "a string");
			case "number" -> value.isNumber() ? checkBounds(value, type, path) : wrongType(path, "a number");
			case "integer" -> value.isIntegralNumber() ? checkBounds(value, type, path) : wrongType(path, "an integer");
			case "boolean" -> value.isBoolean() ? null : wrongType(path, "a boolean");
			case "array" -> checkArray(value, type, path);
			case "map" -> checkMap(value, type, path);
			case "object" -> checkObject(value, type, path, true);
			case "union" -> checkUnion(value, type, path);
			default -> null;
		};
	}

	private static @Nullable String checkArray(JsonNode value, JsonNode type, String path) {
		if (!value.isArray()) {
			return wrongType(path, "an array");
		}
		for (int i = 0; i < value.size(); i++) {
			String problem = check(value.get(i), type.path("items"), path + "[" + i + "]");
			if (problem != null) {
				return problem;
			}
		}
		return null;
	}

	private static @Nullable String checkMap(JsonNode value, JsonNode type, String path) {
		if (!value.isObject()) {
			return wrongType(path, "an object");
		}
		for (Map.Entry<String, JsonNode> entry : value.properties()) {
			String problem = check(entry.getValue(), type.path("values"), join(path, entry.getKey()));
			if (problem != null) {
				return problem;
			}
		}
		return null;
	}

	private static @Nullable String checkObject(JsonNode value, JsonNode type, String path, boolean closed) {
		if (!value.isObject()) {
			return wrongType(path, "an object");
		}
		Set<String> declared = new java.util.HashSet<>();
		for (JsonNode field : type.path("fields")) {
			String name = field.path("name").asString();
			declared.add(name);
			JsonNode fieldValue = value.get(name);
			if (fieldValue == null || fieldValue.isNull()) {
				if (field.path("required").asBoolean()) {
					return "Missing required field '" + join(path, name) + "'";
				}
			}
			else {
				String problem = check(fieldValue, field.path("type"), join(path, name));
				if (problem != null) {
					return problem;
				}
			}
		}
		if (closed) {
			for (String name : value.propertyNames()) {
				if (!declared.contains(name)) {
					return "Unknown field '" + join(path, name) + "'";
				}
			}
		}
		return null;
	}

	/**
	 * A union holds if one alternative does. The model keeps a union's alternatives but
	 * not the fields the API description declares beside them (a completion's
	 * {@code messages} beside its bot or configuration), so an alternative that is an
	 * object is checked open: its fields are checked, others are let through.
	 */
	private static @Nullable String checkUnion(JsonNode value, JsonNode type, String path) {
		String first = null;
		for (JsonNode alternative : type.path("of")) {
			String problem = "object".equals(alternative.path("kind").asString())
					? checkObject(value, alternative, path, false) : check(value, alternative, path);
			if (problem == null) {
				return null;
			}
			first = (first != null) ? first : problem;
		}
		return first;
	}

	private static @Nullable String checkEnum(String value, JsonNode type, String path) {
		JsonNode values = type.path("enum");
		if (values.isMissingNode()) {
			return null;
		}
		List<String> allowed = new ArrayList<>();
		values.forEach((allowedValue) -> allowed.add(allowedValue.asString()));
		return allowed.contains(value) ? null : "Field '" + path + "' must be one of "
				+ allowed.stream().collect(Collectors.joining(", ")) + ", not '" + value + "'";
	}

	private static @Nullable String checkBounds(JsonNode value, JsonNode type, String path) {
		JsonNode minimum = type.path("minimum");
		if (minimum.isNumber() && value.asDouble() < minimum.asDouble()) {
			return "Field '" + path + "' must be at least " + minimum.asString();
		}
		JsonNode maximum = type.path("maximum");
		if (maximum.isNumber() && value.asDouble() > maximum.asDouble()) {
			return "Field '" + path + "' must be at most " + maximum.asString();
		}
		return null;
	}

	private static @Nullable String checkText(String value, JsonNode type, String name) {
		String kind = type.path("kind").asString();
		if ("integer".equals(kind) || "number".equals(kind)) {
			try {
				return check(Json.MAPPER.readTree(value), type, name);
			}
			catch (RuntimeException ex) {
				return wrongType(name, "integer".equals(kind) ? "an integer" : "a number");
			}
		}
		return "string".equals(kind) ? checkEnum(value, type, name) : null;
	}

	private static String wrongType(String path, String expected) {
		return "Field '" + path + "' must be " + expected;
	}

	private static String join(String path, String name) {
		return path.isEmpty() ? name : path + "." + name;
	}

}
