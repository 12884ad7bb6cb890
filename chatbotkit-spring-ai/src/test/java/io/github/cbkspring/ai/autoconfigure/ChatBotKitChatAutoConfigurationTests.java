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

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.ai.ChatBotKitChatModel;
import io.github.cbkspring.ai.ChatBotKitChatOptions;
import io.github.cbkspring.ai.CompletionApi;
import io.github.cbkspring.autoconfigure.ChatBotKitAutoConfiguration;
import io.github.cbkspring.autoconfigure.ChatBotKitReactiveAutoConfiguration;
import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.conversation.ConversationClient;
import io.github.cbkspring.client.conversation.ReactiveConversationClient;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChatBotKitChatAutoConfiguration}: when it is active, what it binds,
 * and that the model calls through the ChatBotKit client's beans.
 *
 * @author cbkspring contributors
 */
class ChatBotKitChatAutoConfigurationTests {

	@RegisterExtension
	static WireMockExtension api = CompletionApi.server();

	private final ApplicationContextRunner runner = runner(api);

	/**
	 * A context with the ChatBotKit client and chat model auto-configurations on an API.
	 */
	static ApplicationContextRunner runner(WireMockExtension api) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
					HttpMessageConvertersAutoConfiguration.class, HttpClientAutoConfiguration.class,
					ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
					ChatBotKitAutoConfiguration.class, ChatBotKitChatAutoConfiguration.class))
			.withPropertyValues("chatbotkit.secret=" + CompletionApi.SECRET, "chatbotkit.url=" + api.baseUrl());
	}

	@Test
	void registersTheChatModelWhenNoChatModelIsChosen() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(ChatBotKitChatModel.class)
			.getBean(ChatModel.class)
			.isSameAs(context.getBean(ChatBotKitChatModel.class)));
	}

	@Test
	void registersTheChatModelWhenChatBotKitIsChosen() {
		this.runner.withPropertyValues("spring.ai.model.chat=chatbotkit")
			.run((context) -> assertThat(context).hasSingleBean(ChatBotKitChatModel.class));
	}

	@Test
	void backsOffWhenAnotherChatModelIsChosen() {
		this.runner.withPropertyValues("spring.ai.model.chat=openai")
			.run((context) -> assertThat(context).doesNotHaveBean(ChatBotKitChatModel.class)
				.hasSingleBean(ConversationClient.class));
	}

	@Test
	void backsOffForAChatModelOfTheApplication() {
		this.runner
			.withBean("myModel", ChatBotKitChatModel.class,
					() -> CompletionApi.model(api, ChatBotKitChatOptions.builder().build()).build())
			.run((context) -> assertThat(context).hasSingleBean(ChatBotKitChatModel.class).hasBean("myModel"));
	}

	@Test
	void backsOffWithoutSpringAi() {
		this.runner.withClassLoader(new FilteredClassLoader(ChatModel.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ChatBotKitChatModel.class)
				.hasSingleBean(ChatBotKitClient.class));
	}

	@Test
	void bindsEveryPropertyIntoTheDefaultOptions() {
		this.runner
			.withPropertyValues("spring.ai.chatbotkit.chat.model=gpt-5.4", "spring.ai.chatbotkit.chat.backstory=b",
					"spring.ai.chatbotkit.chat.dataset-id=d", "spring.ai.chatbotkit.chat.skillset-id=s",
					"spring.ai.chatbotkit.chat.privacy=true", "spring.ai.chatbotkit.chat.moderation=false",
					"spring.ai.chatbotkit.chat.temperature=0.3", "spring.ai.chatbotkit.chat.max-tokens=256",
					"spring.ai.chatbotkit.chat.frequency-penalty=0.1", "spring.ai.chatbotkit.chat.presence-penalty=0.2",
					"spring.ai.chatbotkit.chat.seed=9", "spring.ai.chatbotkit.chat.interaction-max-messages=12",
					"spring.ai.chatbotkit.chat.region=eu")
			.run((context) -> assertThat(context.getBean(ChatBotKitChatModel.class).getOptions())
				.isEqualTo(ChatBotKitChatOptions.builder()
					.model("gpt-5.4")
					.backstory("b")
					.datasetId("d")
					.skillsetId("s")
					.privacy(true)
					.moderation(false)
					.temperature(0.3)
					.maxTokens(256)
					.frequencyPenalty(0.1)
					.presencePenalty(0.2)
					.seed(9L)
					.interactionMaxMessages(12)
					.region("eu")
					.build()));
	}

	@Test
	void bindsTheBotId() {
		this.runner.withPropertyValues("spring.ai.chatbotkit.chat.bot-id=bot-1")
			.run((context) -> assertThat(context.getBean(ChatBotKitChatModel.class).getOptions())
				.isEqualTo(ChatBotKitChatOptions.builder().botId("bot-1").build()));
	}

	@Test
	void callsTheApiOfTheChatBotKitProperties() {
		CompletionApi.answer(api, CompletionApi.result("Hello", 2, "stop"));
		this.runner.withPropertyValues("spring.ai.chatbotkit.chat.bot-id=bot-1").run((context) -> {
			assertThat(context.getBean(ChatModel.class).call("Hi")).isEqualTo("Hello");
			CompletionApi.verifySent(api, """
					{"botId": "bot-1", "messages": [{"type": "user", "text": "Hi"}]}
					""");
		});
	}

	@Test
	void callsThroughTheConversationClientOfTheApplication() {
		CompletionApi.answer(api, CompletionApi.result("Hello", 2, "stop"));
		this.runner.withPropertyValues("chatbotkit.url=https://unused.example.com")
			.withBean(ConversationClient.class, () -> CompletionApi.conversations(api.baseUrl()))
			.run((context) -> {
				assertThat(context.getBean(ChatModel.class).call("Hi")).isEqualTo("Hello");
				assertThat(api.getAllServeEvents()).hasSize(1);
			});
	}

	@Test
	void streamsOnTheReactiveClientWhenWebFluxIsThere() {
		CompletionApi.answer(api, CompletionApi.token("Hel"), CompletionApi.result("Hel", 2, "stop"));
		this.runner.withConfiguration(AutoConfigurations.of(ChatBotKitReactiveAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(ReactiveConversationClient.class);
				assertThat(streamingThreads(context)).hasSize(2)
					.allSatisfy((name) -> assertThat(name).startsWith("reactor-http-"));
			});
	}

	@Test
	void streamsOnTheBlockingClientWithoutWebFlux() {
		CompletionApi.answer(api, CompletionApi.token("Hel"), CompletionApi.result("Hel", 2, "stop"));
		this.runner.withConfiguration(AutoConfigurations.of(ChatBotKitReactiveAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ReactiveConversationClient.class);
				assertThat(streamingThreads(context)).hasSize(2)
					.allSatisfy((name) -> assertThat(name).startsWith("boundedElastic-"));
			});
	}

	@Test
	void streamsOnTheReactiveConversationClientOfTheApplication() {
		CompletionApi.answer(api, CompletionApi.token("Hel"), CompletionApi.result("Hel", 2, "stop"));
		// the blocking client's API is elsewhere: only the application's reactive client
		// reaches the stub
		this.runner.withPropertyValues("chatbotkit.url=https://unused.example.com")
			.withBean(ReactiveConversationClient.class, () -> CompletionApi.reactiveConversations(api.baseUrl()))
			.run((context) -> {
				assertThat(streamingThreads(context)).hasSize(2)
					.allSatisfy((name) -> assertThat(name).startsWith("reactor-http-"));
				assertThat(api.getAllServeEvents()).hasSize(1);
			});
	}

	/**
	 * The threads the responses of a stream of the context's chat model arrive on.
	 */
	private static List<String> streamingThreads(ApplicationContext context) {
		return context.getBean(ChatModel.class)
			.stream(new Prompt("Hi"))
			.map((response) -> Thread.currentThread().getName())
			.collectList()
			.block(Duration.ofMinutes(2));
	}

	@Test
	void observesCallsWithTheApplicationsRegistryAndConvention() {
		CompletionApi.answer(api, CompletionApi.result("Hello", 2, "stop"));
		this.runner.withBean(ObservationRegistry.class, TestObservationRegistry::create)
			.withBean(ChatModelObservationConvention.class, () -> new DefaultChatModelObservationConvention() {
				@Override
				public String getContextualName(ChatModelObservationContext context) {
					return "bot call";
				}
			})
			.run((context) -> {
				context.getBean(ChatModel.class).call(new Prompt("Hi"));
				TestObservationRegistryAssert
					.assertThat((TestObservationRegistry) context.getBean(ObservationRegistry.class))
					.hasObservationWithNameEqualTo("gen_ai.client.operation")
					.that()
					.hasContextualNameEqualTo("bot call")
					.hasLowCardinalityKeyValue("gen_ai.system", "chatbotkit");
			});
	}

}
