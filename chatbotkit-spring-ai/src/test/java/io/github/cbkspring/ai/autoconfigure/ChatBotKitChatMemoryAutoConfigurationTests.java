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

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.ai.ChatBotKitChatMemoryRepository;
import io.github.cbkspring.ai.CompletionApi;
import io.github.cbkspring.client.ChatBotKitClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.memory.InMemoryChatMemoryRepository;
import org.springframework.ai.model.chat.memory.autoconfigure.ChatMemoryAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChatBotKitChatMemoryAutoConfiguration}: opt-in, ahead of Spring AI's
 * in-memory repository, and backing off for the application's.
 *
 * @author cbkspring contributors
 */
class ChatBotKitChatMemoryAutoConfigurationTests {

	@RegisterExtension
	static WireMockExtension api = CompletionApi.server();

	private final ApplicationContextRunner runner = ChatBotKitChatAutoConfigurationTests.runner(api)
		.withConfiguration(
				AutoConfigurations.of(ChatBotKitChatMemoryAutoConfiguration.class, ChatMemoryAutoConfiguration.class));

	private final ApplicationContextRunner enabled = this.runner
		.withPropertyValues("spring.ai.chat.memory.repository.chatbotkit.enabled=true");

	@Test
	void leavesSpringAisInMemoryRepositoryUnlessEnabled() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(ChatBotKitChatMemoryRepository.class)
			.getBean(ChatMemoryRepository.class)
			.isInstanceOf(InMemoryChatMemoryRepository.class));
		this.runner.withPropertyValues("spring.ai.chat.memory.repository.chatbotkit.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ChatBotKitChatMemoryRepository.class));
	}

	@Test
	void whenEnabledSpringAisChatMemoryKeepsHistoryInChatBotKit() {
		api.stubFor(get(urlPathEqualTo("/api/v1/conversation/list")).willReturn(okJson("{\"items\":[]}")));
		this.enabled.run((context) -> {
			assertThat(context).hasSingleBean(ChatMemoryRepository.class)
				.getBean(ChatMemoryRepository.class)
				.isInstanceOf(ChatBotKitChatMemoryRepository.class);
			assertThat(context.getBean(ChatMemory.class).get("chat-1")).isEmpty();
		});
		api.verify(getRequestedFor(urlPathEqualTo("/api/v1/conversation/list"))
			.withQueryParam("meta.springAiConversationId", equalTo("chat-1")));
	}

	@Test
	void bindsTheBot() {
		this.enabled.withPropertyValues("spring.ai.chat.memory.repository.chatbotkit.bot-id=bot-1")
			.run((context) -> assertThat(context.getBean(ChatMemoryRepository.class))
				.hasToString("ChatBotKitChatMemoryRepository[botId=bot-1]"));
	}

	@Test
	void backsOffForARepositoryOfTheApplication() {
		this.enabled.withBean("mine", ChatMemoryRepository.class, InMemoryChatMemoryRepository::new)
			.run((context) -> assertThat(context).doesNotHaveBean(ChatBotKitChatMemoryRepository.class)
				.hasSingleBean(ChatMemoryRepository.class)
				.hasBean("mine"));
	}

	@Test
	void backsOffWithoutSpringAisChatMemory() {
		this.enabled.withClassLoader(new FilteredClassLoader(ChatMemoryRepository.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ChatBotKitChatMemoryRepository.class)
				.hasSingleBean(ChatBotKitClient.class));
	}

	@Test
	void theRepositoryIsTheOneSpringAisMemoryUses() {
		this.enabled.run((context) -> assertThat(List.of(context.getBeanNamesForType(ChatMemoryRepository.class)))
			.containsExactly("chatBotKitChatMemoryRepository"));
	}

}
