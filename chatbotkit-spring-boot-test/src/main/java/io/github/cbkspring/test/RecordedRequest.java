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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A request the fake received, as the application sent it but for its credential: the
 * {@code Authorization} header is never kept, so that no secret reaches a test's output.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public final class RecordedRequest {

	private final String method;

	private final String path;

	private final Map<String, List<String>> query;

	private final Map<String, List<String>> headers;

	private final String body;

	private final @Nullable JsonNode json;

	private final @Nullable String operationId;

	RecordedRequest(String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers,
			String body, @Nullable JsonNode json, @Nullable String operationId) {
		this.method = method;
		this.path = path;
		this.query = query;
		this.headers = headers;
		this.body = body;
		this.json = json;
		this.operationId = operationId;
	}

	/**
	 * The HTTP method.
	 * @return such as {@code POST}
	 */
	public String method() {
		return this.method;
	}

	/**
	 * The path, decoded.
	 * @return the path after {@code /api/v1}, such as {@code /conversation/complete}
	 */
	public String path() {
		return this.path;
	}

	/**
	 * The query parameters.
	 * @return each parameter's values, in the order sent
	 */
	public Map<String, List<String>> query() {
		return this.query;
	}

	/**
	 * A header's first value; {@code Authorization} is never kept.
	 * @param name the header's name, in any case
	 * @return the value, or {@code null} if the request had none
	 */
	public @Nullable String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	/**
	 * The body as text.
	 * @return the body, empty if there was none
	 */
	public String body() {
		return this.body;
	}

	/**
	 * The JSON body as maps, lists, strings, numbers and booleans.
	 * @return the body's fields, empty if the body was not a JSON object
	 */
	public Map<String, Object> json() {
		return (this.json != null) ? Json.map(this.json) : Map.of();
	}

	/**
	 * The operation of the API model the request was for.
	 * @return the operation's id, such as {@code completeConversation}, or {@code null}
	 * if the request matched none
	 */
	public @Nullable String operationId() {
		return this.operationId;
	}

	/**
	 * The partner user the request ran as ({@code X-RunAs-User-Id}).
	 * @return the user's id, or {@code null}
	 */
	public @Nullable String runAsUserId() {
		return header("X-RunAs-User-Id");
	}

	@Nullable JsonNode jsonNode() {
		return this.json;
	}

	/**
	 * The user's message a completion answers, what
	 * {@link CompletionScripts#whenUserSays(String)} matches.
	 * @return the {@code text} of a conversation's completion, else the text of the last
	 * {@code user} message in {@code messages}; {@code null} if there is neither
	 */
	public @Nullable String userMessage() {
		if (this.json == null) {
			return null;
		}
		JsonNode text = this.json.get("text");
		if (text != null && text.isString()) {
			return text.asString();
		}
		List<String> users = userMessages();
		return users.isEmpty() ? null : users.get(users.size() - 1);
	}

	List<String> userMessages() {
		List<String> users = new ArrayList<>();
		if (this.json != null) {
			for (JsonNode message : this.json.path("messages")) {
				if ("user".equals(message.path("type").asString(""))) {
					users.add(message.path("text").asString(""));
				}
			}
		}
		return users;
	}

	@Override
	public String toString() {
		return this.method + " " + this.path + (this.body.isEmpty() ? "" : " " + this.body);
	}

}
