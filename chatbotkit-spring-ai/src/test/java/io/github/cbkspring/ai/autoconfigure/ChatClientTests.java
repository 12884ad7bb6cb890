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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.ai.ChatBotKitChatOptions;
import io.github.cbkspring.ai.CompletionApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for Spring AI's {@link ChatClient} on the auto-configured ChatBotKit chat model,
 * as an application uses it: injected builder, whole and streamed replies, per-call
 * options, and a tool that the bot calls, run by Spring AI's tool calling advisor.
 *
 * @author cbkspring contributors
 */
class ChatClientTests {

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	@RegisterExtension
	static WireMockExtension api = CompletionApi.server();

	private final ApplicationContextRunner runner = ChatBotKitChatAutoConfigurationTests.runner(api)
		.withConfiguration(AutoConfigurations.of(ToolCallingAutoConfiguration.class, ChatClientAutoConfiguration.class))
		.withPropertyValues("spring.ai.chatbotkit.chat.bot-id=bot-1");

	@Test
	void callContentIsTheBotsReply() {
		CompletionApi.answer(api, CompletionApi.token("Hel"), CompletionApi.token("lo"),
				CompletionApi.result("Hello", 3, "stop"));
		withChatClient((chatClient) -> {
			assertThat(chatClient.prompt().user("Hi").call().content()).isEqualTo("Hello");
		});
		CompletionApi.verifySent(api, """
				{"botId": "bot-1", "messages": [{"type": "user", "text": "Hi"}]}
				""");
	}

	@Test
	void streamContentIsTheBotsTokens() {
		CompletionApi.answer(api, CompletionApi.token("Hel"), CompletionApi.token("lo"),
				CompletionApi.result("Hello", 3, "stop"));
		withChatClient((chatClient) -> {
			List<String> tokens = chatClient.prompt().user("Hi").stream().content().collectList().block(TIMEOUT);
			assertThat(tokens).containsExactly("Hel", "lo");
		});
	}

	@Test
	void systemTextAndPerCallOptionsReachTheRequest() {
		CompletionApi.answer(api, CompletionApi.result("Hej", 2, "stop"));
		withChatClient((chatClient) -> {
			String reply = chatClient.prompt()
				.system("Answer in Swedish.")
				.user("Hi")
				.options(ChatBotKitChatOptions.builder().model("gpt-5.4").temperature(0.2))
				.call()
				.content();
			assertThat(reply).isEqualTo("Hej");
		});
		CompletionApi.verifySent(api, """
				{"model": "gpt-5.4/temperature=0.2", "messages": [
				  {"type": "instruction", "text": "Answer in Swedish."}, {"type": "user", "text": "Hi"}]}
				""");
	}

	@Test
	void aConversationIdPerCallSendsTheTurnToTheStoredConversationInsteadOfTheDefaultBot() {
		CompletionApi.answerConversation(api, "conv-1", CompletionApi.token("Hej"),
				CompletionApi.result("Hej", 2, "stop"));
		withChatClient((chatClient) -> {
			String reply = chatClient.prompt()
				.system("Answer in Swedish.")
				.user("Hi")
				.options(ChatBotKitChatOptions.builder().conversationId("conv-1"))
				.call()
				.content();
			assertThat(reply).isEqualTo("Hej");
		});
		CompletionApi.verifySentToConversation(api, "conv-1", """
				{"text": "Hi", "extensions": {"backstory": "Answer in Swedish."}}
				""");
	}

	@Test
	void aConversationIdPerCallStreamsFromTheStoredConversation() {
		CompletionApi.answerConversation(api, "conv-1", CompletionApi.token("Hel"), CompletionApi.token("lo"),
				CompletionApi.result("Hello", 3, "stop"));
		withChatClient((chatClient) -> {
			List<String> tokens = chatClient.prompt()
				.user("Hi")
				.options(ChatBotKitChatOptions.builder().conversationId("conv-1"))
				.stream()
				.content()
				.collectList()
				.block(TIMEOUT);
			assertThat(tokens).containsExactly("Hel", "lo");
		});
		CompletionApi.verifySentToConversation(api, "conv-1", """
				{"text": "Hi"}
				""");
	}

	@Test
	void aChatMemoryAdvisorOnAStoredConversationIsRefusedOnceItAddsHistory() {
		CompletionApi.answerConversation(api, "conv-1", CompletionApi.result("Hello", 2, "stop"));
		MessageChatMemoryAdvisor memory = MessageChatMemoryAdvisor.builder(MessageWindowChatMemory.builder().build())
			.build();
		withChatClient((chatClient) -> {
			ChatClient withMemory = chatClient.mutate()
				.defaultAdvisors(memory)
				.defaultOptions(ChatBotKitChatOptions.builder().conversationId("conv-1"))
				.defaultAdvisors((advisors) -> advisors.param(ChatMemory.CONVERSATION_ID, "chat-1"))
				.build();
			assertThat(withMemory.prompt().user("Hi").call().content()).isEqualTo("Hello");
			assertThatIllegalArgumentException().isThrownBy(() -> withMemory.prompt().user("Again").call().content())
				.withMessageContaining("not assistant messages")
				.withMessageContaining("chat memory advisor");
		});
		CompletionApi.verifySentToConversation(api, "conv-1", """
				{"text": "Hi"}
				""");
	}

	@Test
	void aToolTheBotCallsIsRunAndItsResultSentBackInTheNextCompletion() {
		stubToolRoundTrip();
		OrderTools tools = new OrderTools();
		withChatClient((chatClient) -> {
			assertThat(chatClient.prompt().user("Where is o-7?").tools(tools).call().content())
				.isEqualTo("Order o-7 has shipped.");
		});
		assertThat(tools.calls).hasValue(1);
		verifyToolRoundTrip();
	}

	@Test
	void aToolTheBotCallsIsRunWhileStreaming() {
		stubToolRoundTrip();
		OrderTools tools = new OrderTools();
		withChatClient((chatClient) -> {
			List<String> tokens = chatClient.prompt()
				.user("Where is o-7?")
				.tools(tools)
				.stream()
				.content()
				.collectList()
				.block(TIMEOUT);
			assertThat(String.join("", tokens)).isEqualTo("Order o-7 has shipped.");
		});
		assertThat(tools.calls).hasValue(1);
		verifyToolRoundTrip();
	}

	private void withChatClient(Consumer<ChatClient> test) {
		this.runner.run((context) -> test.accept(context.getBean(ChatClient.Builder.class).build()));
	}

	/**
	 * The first completion asks for the function; the one that carries its response
	 * answers.
	 */
	private static void stubToolRoundTrip() {
		api.stubFor(WireMock.post(urlEqualTo(CompletionApi.PATH))
			.atPriority(2)
			.willReturn(jsonLines(CompletionApi.functionCall("lookupOrder", "{\"orderId\":\"o-7\"}"),
					CompletionApi.result("", 5, "activity"))));
		api.stubFor(WireMock.post(urlEqualTo(CompletionApi.PATH))
			.atPriority(1)
			.withRequestBody(matchingJsonPath("$.messages[?(@.meta.activity.type == 'response')]"))
			.willReturn(jsonLines(CompletionApi.token("Order o-7 "), CompletionApi.token("has shipped."),
					CompletionApi.result("Order o-7 has shipped.", 9, "stop"))));
	}

	private static void verifyToolRoundTrip() {
		String function = """
				"functions": [{"name": "lookupOrder", "description": "Where an order is",
				  "parameters": {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
				    "properties": {"orderId": {"type": "string", "description": "The order"}},
				    "required": ["orderId"], "additionalProperties": false}}]
				""";
		api.verify(2, postRequestedFor(urlEqualTo(CompletionApi.PATH)));
		api.verify(1, postRequestedFor(urlEqualTo(CompletionApi.PATH)).withRequestBody(equalToJson("""
				{"botId": "bot-1", "messages": [{"type": "user", "text": "Where is o-7?"}], %s}
				""".formatted(function), false, false)));
		api.verify(1, postRequestedFor(urlEqualTo(CompletionApi.PATH)).withRequestBody(equalToJson("""
				{"botId": "bot-1", "messages": [
				  {"type": "user", "text": "Where is o-7?"},
				  {"type": "activity", "text": "", "meta": {"activity": {"type": "request",
				    "function": {"name": "lookupOrder", "arguments": {"orderId": "o-7"}}}}},
				  {"type": "activity", "text": "", "meta": {"activity": {"type": "response",
				    "function": {"name": "lookupOrder", "arguments": {"orderId": "o-7"}, "result": "\\"shipped\\""}}}}],
				 %s}
				""".formatted(function), false, false)));
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder jsonLines(String... lines) {
		return aResponse().withHeader("Content-Type", "application/jsonl").withBody(String.join("\n", lines) + "\n");
	}

	static class OrderTools {

		final AtomicInteger calls = new AtomicInteger();

		@Tool(description = "Where an order is")
		String lookupOrder(@ToolParam(description = "The order") String orderId) {
			this.calls.incrementAndGet();
			return "o-7".equals(orderId) ? "shipped" : "unknown";
		}

	}

}
