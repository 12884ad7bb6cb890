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

package io.github.cbkspring.testsupport;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.jspecify.annotations.Nullable;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A WireMock ChatBotKit API over real sockets for the tests of the typed clients: ids
 * that need encoding, and one way to stub and verify a call.
 *
 * @author cbkspring contributors
 */
public final class ApiStub {

	/**
	 * The secret the clients send.
	 */
	public static final String SECRET = "sk-test-secret-123";

	/**
	 * An id that is one path segment only when encoded.
	 */
	public static final String ID = "id/1 ä?#%";

	/**
	 * {@link #ID} as it must appear in the path.
	 */
	public static final String ENCODED_ID = "id%2F1%20%C3%A4%3F%23%25";

	/**
	 * A session answer with a message type the client does not know and an unknown field,
	 * which a reader must ignore.
	 */
	public static final String SESSION_JSON = """
			{"id":"bot-1","conversationId":"conv-1","token":"tok-1","expiresAt":1767225600000,
			 "messages":[{"type":"bot","text":"Hi"},{"type":"future-type","text":"?"}],"unknownField":{"a":1}}
			""";

	private ApiStub() {
	}

	/**
	 * A WireMock server on a free port, for {@code @RegisterExtension}.
	 * @return the extension
	 */
	public static WireMockExtension server() {
		return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
	}

	/**
	 * Answer a {@code GET} of a path with JSON.
	 * @param api the server
	 * @param path the path after {@code /api/v1}, with the query if any
	 * @param json the answer
	 */
	public static void stubGet(WireMockExtension api, String path, String json) {
		stub(api, WireMock.get(urlEqualTo("/api/v1" + path)), json);
	}

	/**
	 * Answer a {@code POST} to a path with JSON.
	 * @param api the server
	 * @param path the path after {@code /api/v1}
	 * @param json the answer
	 */
	public static void stubPost(WireMockExtension api, String path, String json) {
		stub(api, WireMock.post(urlEqualTo("/api/v1" + path)), json);
	}

	private static void stub(WireMockExtension api, MappingBuilder request, String json) {
		api.stubFor(request.willReturn(WireMock.okJson(json)));
	}

	/**
	 * Check that exactly one {@code GET} of the path was made, with the credential.
	 * @param api the server
	 * @param path the path after {@code /api/v1}, with the query if any
	 */
	public static void verifyGet(WireMockExtension api, String path) {
		verify(api, getRequestedFor(urlEqualTo("/api/v1" + path)));
	}

	/**
	 * Check that exactly one {@code POST} to the path was made, with the credential and
	 * exactly this JSON body: no field more, none less.
	 * @param api the server
	 * @param path the path after {@code /api/v1}
	 * @param json the expected body, or {@code null} to leave it unchecked
	 */
	public static void verifyPost(WireMockExtension api, String path, @Nullable String json) {
		RequestPatternBuilder request = postRequestedFor(urlEqualTo("/api/v1" + path)).withHeader("Content-Type",
				equalTo("application/json"));
		verify(api, (json != null) ? request.withRequestBody(equalToJson(json, false, false)) : request);
	}

	private static void verify(WireMockExtension api, RequestPatternBuilder request) {
		api.verify(1, request.withHeader("Authorization", equalTo("Bearer " + SECRET)));
		api.verify(1, WireMock.anyRequestedFor(WireMock.anyUrl()));
	}

}
