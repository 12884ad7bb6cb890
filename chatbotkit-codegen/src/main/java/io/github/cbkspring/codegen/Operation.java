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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.lang.model.SourceVersion;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An operation of the model as the generator sees it: which resource it belongs to, its
 * verb, and the shapes of its request and answer.
 *
 * @param model the operation in the model
 * @param chain the words of its resource, such as {@code [skillset, ability]}
 * @param verb the last word of its path, such as {@code update}, or {@code null} for a
 * resource that is its own operation ({@code /graphql})
 * @param pathVariables the path variables, in the order of the path
 * @param request the shape of the request
 * @param answer the shape of the answer
 * @author cbkspring contributors
 */
record Operation(JsonNode model, List<String> chain, @Nullable String verb, List<String> pathVariables, Request request,
		Answer answer) {

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

	/** The query parameters that {@code ListQuery} sends. */
	static final Set<String> LIST_QUERY = Set.of("cursor", "order", "take", "meta");

	/** What is sent. */
	enum Request {

		/** No body. */
		NONE,
		/** An empty JSON object. */
		EMPTY,
		/** A record. */
		RECORD,
		/** A free-form JSON object. */
		MAP

	}

	/** What is answered. */
	enum Answer {

		/** Nothing the caller needs: update, delete, or an empty object. */
		VOID,
		/** Only an id, returned as a string. */
		ID,
		/** A page of items. */
		PAGE,
		/** A record. */
		RECORD,
		/** A free-form JSON object, or an answer the description does not describe. */
		MAP,
		/** JSON Lines, read as a stream of records. */
		STREAM,
		/** Content that is not JSON. */
		DOWNLOAD

	}

	static Operation of(JsonNode model) {
		String path = model.path("path").asString();
		List<String> literals = new ArrayList<>();
		for (String segment : path.substring(1).split("/", -1)) {
			if (!segment.startsWith("{")) {
				literals.add(segment);
			}
		}
		List<String> chain = (literals.size() == 1) ? literals : literals.subList(0, literals.size() - 1);
		String verb = (literals.size() == 1) ? null : literals.get(literals.size() - 1);
		List<String> variables = new ArrayList<>();
		Matcher matcher = VARIABLE.matcher(path);
		while (matcher.find()) {
			variables.add(matcher.group(1));
		}
		return new Operation(model, List.copyOf(chain), verb, variables, request(model), answer(model, verb));
	}

	private static Request request(JsonNode model) {
		JsonNode request = model.get("request");
		if (request == null) {
			return Request.NONE;
		}
		List<JsonNode> fields = TypeWriter.fields(request);
		if (fields == null) {
			return Request.MAP;
		}
		return fields.isEmpty() ? Request.EMPTY : Request.RECORD;
	}

	private static Answer answer(JsonNode model, @Nullable String verb) {
		JsonNode answer = model.get("answer");
		if (model.path("streams").asBoolean()) {
			return Answer.STREAM;
		}
		if (answer == null) {
			return model.path("answerContent").isEmpty() ? Answer.MAP : Answer.DOWNLOAD;
		}
		List<JsonNode> fields = TypeWriter.fields(answer);
		if (fields == null) {
			return Answer.MAP;
		}
		List<String> names = fields.stream().map((field) -> field.path("name").asString()).toList();
		if (names.isEmpty() || (("update".equals(verb) || "delete".equals(verb)) && echoes(model, names))) {
			return Answer.VOID;
		}
		if (names.equals(List.of("id"))) {
			return Answer.ID;
		}
		boolean paged = names.contains("items") && names.contains("cursor") && takesCursor(model);
		return paged ? Answer.PAGE : Answer.RECORD;
	}

	/**
	 * Whether an answer only echoes what the caller sent: the id, or path variables (a
	 * space's storage path).
	 */
	private static boolean echoes(JsonNode model, List<String> names) {
		List<String> sent = new ArrayList<>(List.of("id"));
		model.path("pathParameters").forEach((parameter) -> sent.add(parameter.asString()));
		return sent.containsAll(names);
	}

	private static boolean takesCursor(JsonNode model) {
		for (JsonNode parameter : model.path("query")) {
			if (parameter.path("name").asString().equals("cursor")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the operation's stream has error events of its own: the {@code type} of an
	 * alternative of its events is {@code error}, so that an error event is one of them
	 * (a task's execution failed) rather than the end of the stream, which it is on any
	 * other stream.
	 * @return whether its error events are data
	 */
	boolean streamsErrorEvents() {
		JsonNode events = this.model.path("answer");
		if (this.answer != Answer.STREAM || !"type".equals(TypeWriter.discriminator(events))) {
			return false;
		}
		for (JsonNode alternative : events.path("of")) {
			for (JsonNode field : alternative.path("fields")) {
				if (field.path("name").asString().equals("type")
						&& field.path("type").path("enum").get(0).asString().equals("error")) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The part of a {@code multipart/form-data} body that takes a file's bytes, where the
	 * operation takes one (an upload).
	 * @return the part's name, or {@code null}
	 */
	@Nullable String filePart() {
		JsonNode part = this.model.get("filePart");
		return (part != null) ? part.asString() : null;
	}

	String id() {
		return this.model.path("id").asString();
	}

	String method() {
		return this.model.path("method").asString();
	}

	String path() {
		return this.model.path("path").asString();
	}

	/**
	 * The path template of the operation's endpoint: the model's path, with the variable
	 * that the model marks as a path of segments ({@code pathOfSegments}, a file's path
	 * in a space's storage) written {@code {*path}}, as in Spring's path patterns, since
	 * ChatBotKit's Node SDK sends it split at {@code /} with each segment encoded.
	 */
	String endpointPath() {
		String variable = this.model.path("pathOfSegments").asString("");
		return variable.isEmpty() ? path() : path().replace("{" + variable + "}", "{*" + variable + "}");
	}

	/**
	 * Whether a path variable is a path of segments rather than one segment.
	 */
	boolean isPathOfSegments(String variable) {
		return variable.equals(this.model.path("pathOfSegments").asString(""));
	}

	/**
	 * The query parameters other than those of {@code ListQuery} on a page.
	 * @return the parameters
	 */
	List<JsonNode> parameters() {
		List<JsonNode> parameters = new ArrayList<>();
		for (JsonNode parameter : this.model.path("query")) {
			if (this.answer != Answer.PAGE || !LIST_QUERY.contains(parameter.path("name").asString())) {
				parameters.add(parameter);
			}
		}
		return parameters;
	}

	/**
	 * The method's name: the verb; {@code execute} for a resource that is its own
	 * operation ({@code client.graphQl().execute(...)}); the operation's id where that is
	 * a keyword or is taken.
	 * @param taken whether a name is taken in the client
	 * @return the name
	 */
	String methodName(java.util.function.Predicate<String> taken) {
		String verb = (this.verb != null) ? this.verb : "execute";
		if (!SourceVersion.isKeyword(verb) && !taken.test(Names.camel(verb))) {
			return Names.camel(verb);
		}
		return Names.camel(id());
	}

	/**
	 * The stem of the operation's type names: {@code SkillsetAbilityUpdate}, or the
	 * operation's id where the method is named after it, or the resource's prefix for its
	 * own operation ({@code GraphQl}).
	 * @param methodName the method's name
	 * @return the stem
	 */
	String typeStem(String methodName) {
		if (methodName.equals(Names.camel(id()))) {
			return Names.pascal(methodName);
		}
		if (this.verb == null) {
			// the resource's own operation: GraphQlRequest
			return Names.prefix(this.chain);
		}
		return Names.prefix(this.chain) + Names.pascal(methodName);
	}

}
