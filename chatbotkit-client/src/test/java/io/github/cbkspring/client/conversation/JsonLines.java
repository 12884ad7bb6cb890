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

package io.github.cbkspring.client.conversation;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.testsupport.ApiStub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * JSON Lines answers for the conversation tests, next to {@link ApiStub}.
 *
 * @author cbkspring contributors
 */
final class JsonLines {

	private JsonLines() {
	}

	/**
	 * Answer a {@code POST} that asks for JSON Lines with these lines.
	 */
	static void stubPost(WireMockExtension api, String path, String lines) {
		api.stubFor(WireMock.post(urlEqualTo("/api/v1" + path))
			.withHeader("Accept", equalTo("application/jsonl"))
			.willReturn(aResponse().withHeader("Content-Type", "application/jsonl").withBody(lines)));
	}

	/**
	 * Check that exactly one {@code POST} asked for JSON Lines, with the credential and
	 * exactly this JSON body.
	 */
	static void verifyPost(WireMockExtension api, String path, String json) {
		api.verify(1,
				postRequestedFor(urlEqualTo("/api/v1" + path)).withHeader("Accept", equalTo("application/jsonl"))
					.withHeader("Authorization", equalTo("Bearer " + ApiStub.SECRET))
					.withRequestBody(equalToJson(json, false, false)));
		api.verify(1, WireMock.anyRequestedFor(WireMock.anyUrl()));
	}

}
