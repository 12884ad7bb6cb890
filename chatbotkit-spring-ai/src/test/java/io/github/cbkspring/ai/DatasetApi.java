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

package io.github.cbkspring.ai;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.RetryOptions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * The dataset and conversation endpoints of a ChatBotKit API on WireMock, over real
 * sockets, for the retriever, vector store and chat memory tests.
 *
 * @author cbkspring contributors
 */
final class DatasetApi {

	static final String SEARCH = "/api/v1/dataset/ds-1/search";

	private DatasetApi() {
	}

	/**
	 * A client of the server with retries off.
	 */
	static ChatBotKitClient client(WireMockExtension api) {
		return ChatBotKitClient.create(options(api).retry(RetryOptions.disabled()).build());
	}

	static ChatBotKitOptions.Builder options(WireMockExtension api) {
		return ChatBotKitOptions.builder().secret(CompletionApi.SECRET).url(api.baseUrl());
	}

	/**
	 * Answer the search of dataset {@code ds-1} with these records (JSON objects).
	 */
	static void answerSearch(WireMockExtension api, String... records) {
		api.stubFor(post(urlEqualTo(SEARCH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody("{\"id\":\"ds-1\",\"records\":[" + String.join(",", records) + "]}")));
	}

	/**
	 * A record found with a score.
	 */
	static String match(String id, String text, double score, String metaJson) {
		return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\",\"score\":" + score + ",\"meta\":" + metaJson + "}";
	}

	/**
	 * Check that exactly one search was sent, with the credential and exactly this body.
	 */
	static void verifySearched(WireMockExtension api, String json) {
		api.verify(1,
				postRequestedFor(urlEqualTo(SEARCH))
					.withHeader("Authorization", equalTo("Bearer " + CompletionApi.SECRET))
					.withRequestBody(equalToJson(json, false, false)));
	}

}
