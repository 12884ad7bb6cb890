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

package io.github.cbkspring.ai.autoconfigure;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.ai.CompletionApi;
import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.conversation.ConversationClient;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.dataset.DatasetClient;

/**
 * Clients of a WireMock API for beans that tests define themselves.
 *
 * @author cbkspring contributors
 */
final class DatasetApiClients {

	private DatasetApiClients() {
	}

	static DatasetClient datasets(WireMockExtension api) {
		return client(api).datasets();
	}

	static ConversationClient conversations(WireMockExtension api) {
		return client(api).conversations();
	}

	private static ChatBotKitClient client(WireMockExtension api) {
		return ChatBotKitClient.create(ChatBotKitOptions.builder()
			.secret(CompletionApi.SECRET)
			.url(api.baseUrl())
			.retry(RetryOptions.disabled())
			.build());
	}

}
