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

package io.github.cbkspring.benchmarks;

import java.util.Map;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The unary workload, {@code POST /v1/bot/bot-1/session/create}, as the raw drivers do
 * it: the request written per call (the client writes {@code {}} for an empty session
 * request, and so do they) and the answer read into a record of their own, with a mapper
 * configured as the client configures its own. The client's types stay out of here so
 * that only the client drivers depend on them.
 *
 * @author cbkspring contributors
 */
final class SessionJson {

	static final String SECRET = "sk-benchmark-secret";

	static final String PATH = "/v1/bot/bot-1/session/create";

	private static final JsonMapper mapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private SessionJson() {
	}

	static byte[] request() {
		return mapper.writeValueAsBytes(Map.of());
	}

	static Session response(byte[] json) {
		return mapper.readValue(json, Session.class);
	}

	static void check(int status, Session session) {
		check(status, session.token(), session.conversationId());
	}

	static void check(int status, String token, String conversationId) {
		check(status);
		if (!"tok-1".equals(token) || !"conv-1".equals(conversationId)) {
			throw new IllegalStateException("Unexpected answer: token " + token + ", conversation " + conversationId);
		}
	}

	/**
	 * Check the id that a generated {@code create} read from the same answer.
	 */
	static void checkId(String id) {
		if (!"bot-1".equals(id)) {
			throw new IllegalStateException("Unexpected id " + id);
		}
	}

	static void check(int status) {
		if (status != 200) {
			throw new IllegalStateException("Unexpected status " + status);
		}
	}

	/**
	 * The fields of the answer that the client maps too.
	 *
	 * @param id the bot's id
	 * @param conversationId the conversation's id
	 * @param token the conversation token
	 * @param expiresAt when the token expires, in epoch milliseconds
	 */
	record Session(String id, String conversationId, String token, long expiresAt) {
	}

}
