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

package io.github.cbkspring.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.testsupport.ApiStub;

/**
 * Clients of the tests' stub API.
 *
 * @author cbkspring contributors
 */
public final class TestClients {

	private TestClients() {
	}

	/**
	 * A client of a server with retries off, authenticating with {@link ApiStub#SECRET}.
	 * @param url the base URL of the server
	 * @return the client
	 */
	public static ChatBotKitClient client(String url) {
		return ChatBotKitClient
			.create(ChatBotKitOptions.builder().secret(ApiStub.SECRET).url(url).retry(RetryOptions.disabled()).build());
	}

	/**
	 * A client of a stub server with retries off.
	 * @param api the server
	 * @return the client
	 */
	public static ChatBotKitClient client(WireMockExtension api) {
		return client(api.baseUrl());
	}

	/**
	 * A non-blocking client of a stub server with retries off, authenticating with
	 * {@link ApiStub#SECRET}.
	 * @param api the server
	 * @return the client
	 */
	public static ChatBotKitReactiveClient reactiveClient(WireMockExtension api) {
		return ChatBotKitReactiveClient.create(ChatBotKitOptions.builder()
			.secret(ApiStub.SECRET)
			.url(api.baseUrl())
			.retry(RetryOptions.disabled())
			.build());
	}

}
