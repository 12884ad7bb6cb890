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

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.error.ChatBotKitNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tool.function.FunctionToolCallback;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ChatBotKitChatModel} on a stored conversation
 * ({@link ChatBotKitChatOptions#getConversationId()}): what goes to {@code POST
 * /conversation/{conversationId}/complete}, whole and streamed, and the options and
 * prompts it refuses before sending, on WireMock.
 *
 * @author cbkspring contributors
 */
class ChatBotKitChatModelConversationTests {

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private static final ChatBotKitChatOptions CONVERSATION = ChatBotKitChatOptions.builder()
		.conversationId("conv-1")
		.build();

	@RegisterExtension
	static WireMockExtension api = CompletionApi.server();

	private final ChatBotKitChatModel model = CompletionApi.model(api, CONVERSATION).build();

	@Test
	void callSendsTheNewUserMessageToTheStoredConversation() {
		CompletionApi.answerConversation(api, "conv-1", CompletionApi.token("Hel"),
				CompletionApi.usage("gpt-5.4", 40, 2), CompletionApi.token("lo"),
				CompletionApi.result("Hello", 42, "stop"));
		ChatResponse response = this.model.call(new Prompt("Hi"));
		assertThat(response.getResult().getOutput().getText()).isEqualTo("Hello");
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
		assertThat(response.getMetadata().getUsage().getPromptTokens()).isEqualTo(40);
		assertThat(response.getMetadata().getUsage().getTotalTokens()).isEqualTo(42);
		CompletionApi.verifySentToConversation(api, "conv-1", """
				{"text": "Hi"}
				""");
		api.verify(postRequestedFor(urlEqualTo(CompletionApi.conversationPath("conv-1"))).withHeader("Accept",
				equalTo("application/jsonl")));
	}

	@Test
	void streamSendsTheNewUserMessageToTheStoredConversation() {
		CompletionApi.answerConversation(api, "conv-1", CompletionApi.token("Hel"),
				CompletionApi.usage("gpt-5.4", 40, 2), CompletionApi.token("lo"),
				CompletionApi.result("Hello", 42, "stop"));
		StepVerifier.create(this.model.stream(new Prompt("Hi")))
			.assertNext((chunk) -> assertThat(text(chunk)).isEqualTo("Hel"))
			.assertNext((chunk) -> assertThat(text(chunk)).isEqualTo("lo"))
			.assertNext((last) -> {
				assertThat(last.getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
				assertThat(last.getMetadata().getUsage().getCompletionTokens()).isEqualTo(2);
				assertThat(last.getMetadata().getModel()).isEqualTo("gpt-5.4");
			})
			.expectComplete()
			.verify(TIMEOUT);
		CompletionApi.verifySentToConversation(api, "conv-1", """
				{"text": "Hi"}
				""");
	}

	@Test
	void systemMessagesGoAsAdditionalBackstory() {
		CompletionApi.answerConversation(api, "conv-1", CompletionApi.result("Hej", 2, "stop"));
		this.model.call(new Prompt(List.of(new SystemMessage("Answer in Swedish."), new SystemMessage("Be brief."),
				new UserMessage("Hi"))));
		CompletionApi.verifySentToConversation(api, "conv-1", """
				{"text": "Hi", "extensions": {"backstory": "Answer in Swedish.\\n\\nBe brief."}}
				""");
	}

	@Test
	void aPromptWithoutAUserMessageCompletesFromTheConversationAsItIs() {
		CompletionApi.answerConversation(api, "conv-1", CompletionApi.result("Welcome back", 2, "stop"));
		assertThat(this.model.call(new Prompt(new SystemMessage("Greet the user."))).getResult().getOutput().getText())
			.isEqualTo("Welcome back");
		CompletionApi.verifySentToConversation(api, "conv-1", """
				{"extensions": {"backstory": "Greet the user."}}
				""");
	}

	@Test
	void theConversationIdIsAPathSegment() {
		CompletionApi.answerConversation(api, "conv%201", CompletionApi.result("Hi", 1, "stop"));
		ChatBotKitChatOptions spaced = ChatBotKitChatOptions.builder().conversationId("conv 1").build();
		assertThat(this.model.call(new Prompt("Hi", spaced)).getResult().getOutput().getText()).isEqualTo("Hi");
		CompletionApi.verifySentToConversation(api, "conv%201", """
				{"text": "Hi"}
				""");
	}

	@Test
	void anUnknownConversationIsTheClientsNotFoundException() {
		api.stubFor(WireMock.post(urlEqualTo(CompletionApi.conversationPath("gone")))
			.willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"message\":\"Conversation not found\",\"code\":\"NOT_FOUND\"}")));
		Prompt prompt = new Prompt("Hi", ChatBotKitChatOptions.builder().conversationId("gone").build());
		assertThatExceptionOfType(ChatBotKitNotFoundException.class).isThrownBy(() -> this.model.call(prompt));
		StepVerifier.create(this.model.stream(prompt)).expectError(ChatBotKitNotFoundException.class).verify(TIMEOUT);
	}

	@Test
	void aBotOrModelWithAConversationIdIsRefusedBeforeSending() {
		assertRefused(new Prompt("Hi", CONVERSATION.mutate().botId("bot-1").build()), "conversation 'conv-1'",
				"botId cannot be set with a conversationId");
		assertRefused(new Prompt("Hi", CONVERSATION.mutate().model("gpt-5.4").temperature(0.2).build()),
				"model, temperature cannot be set with a conversationId");
		assertRefused(
				new Prompt("Hi",
						CONVERSATION.mutate()
							.backstory("b")
							.datasetId("d")
							.skillsetId("s")
							.privacy(true)
							.moderation(true)
							.maxTokens(5)
							.seed(1L)
							.build()),
				"backstory, datasetId, skillsetId, privacy, moderation, maxTokens, seed cannot be set");
	}

	@Test
	void toolCallbacksWithAConversationIdAreRefusedBeforeSending() {
		FunctionToolCallback<String, String> tool = FunctionToolCallback.builder("echo", (String input) -> input)
			.description("Echo")
			.inputType(String.class)
			.build();
		assertRefused(new Prompt("Hi", CONVERSATION.mutate().toolCallbacks(tool).build()),
				"toolCallbacks cannot be set with a conversationId");
	}

	@Test
	void aPromptWithHistoryIsRefusedBeforeSending() {
		assertRefused(new Prompt(List.of(new UserMessage("Hi"), new AssistantMessage("Hello"), new UserMessage("Bye"))),
				"carries only system messages and the new user message, not assistant messages", "chat memory advisor");
		assertRefused(new Prompt(List.<Message>of(new UserMessage("Hi"), new UserMessage("Bye"))), "not user messages");
		assertRefused(new Prompt(new AssistantMessage("Hello")), "not assistant messages");
	}

	@Test
	void aUserMessageWithMediaIsRefusedBeforeSending() {
		UserMessage withMedia = UserMessage.builder()
			.text("What is this?")
			.media(new org.springframework.ai.content.Media(org.springframework.util.MimeTypeUtils.IMAGE_PNG,
					java.net.URI.create("https://example.com/a.png")))
			.build();
		assertRefused(new Prompt(withMedia), "text only");
	}

	private void assertRefused(Prompt prompt, String... messageParts) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.model.call(prompt))
			.withMessageContainingAll(messageParts);
		StepVerifier.create(this.model.stream(prompt))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContainingAll(messageParts))
			.verify(TIMEOUT);
		api.verify(0, anyRequestedFor(anyUrl()));
	}

	private static String text(ChatResponse response) {
		return response.getResult().getOutput().getText();
	}

}
