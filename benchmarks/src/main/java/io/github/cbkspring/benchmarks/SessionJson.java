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

import io.github.cbkspring.client.bot.SessionCreateRequest;
import io.github.cbkspring.client.bot.SessionCreateResponse;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON work of the raw drivers, configured as the client configures its own mapper.
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
		return mapper.writeValueAsBytes(SessionCreateRequest.empty());
	}

	static SessionCreateResponse response(byte[] json) {
		return mapper.readValue(json, SessionCreateResponse.class);
	}

	static void check(int status, SessionCreateResponse response) {
		check(status);
		if (!"tok-1".equals(response.token()) || !"conv-1".equals(response.conversationId())) {
			throw new IllegalStateException("Unexpected answer " + response);
		}
	}

	static void check(int status) {
		if (status != 200) {
			throw new IllegalStateException("Unexpected status " + status);
		}
	}

}
