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

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A call the fake answers: the recorded request, the operation it matched and the account
 * it runs in.
 *
 * @param request the request as recorded
 * @param match the operation and its path parameters
 * @param account the account: empty for the main one, else the partner user run as
 * @param baseUrl the fake's URL, for the storage URLs it hands out
 * @param rawBody the body's bytes
 * @param contentType the body's content type, empty if none
 * @param accept the {@code Accept} header, empty if none
 * @author cbkspring contributors
 */
@SuppressWarnings("ArrayRecordComponent") // never compared or hashed
record Call(RecordedRequest request, ApiModel.Match match, String account, String baseUrl, byte[] rawBody,
		String contentType, String accept) {

	ApiModel.Operation operation() {
		return this.match.operation();
	}

	/**
	 * A path parameter, named bare or in braces as a template segment.
	 */
	String parameter(String name) {
		String bare = name.startsWith("{") ? name.substring(1, name.length() - 1) : name;
		return Objects.requireNonNull(this.match.parameters().get(bare), bare);
	}

	JsonNode json() {
		JsonNode json = this.request.jsonNode();
		return (json != null) ? json : MissingNode.getInstance();
	}

	/**
	 * The JSON body's fields, a copy to keep.
	 */
	Map<String, Object> body() {
		return this.request.json();
	}

	@Nullable String query(String name) {
		List<String> values = this.request.query().get(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	boolean acceptsJsonLines() {
		return this.accept.contains("application/jsonl");
	}

}
