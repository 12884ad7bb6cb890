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
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.MessageAggregator;
import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the bot's reasoning in {@link ChatBotKitChatModel}'s responses: the
 * {@value ChatBotKitChatModel#REASONING_CONTENT} metadata of the assistant message, from
 * {@code reasoningToken} events or {@code reasoning} messages, whole and streamed, on
 * WireMock.
 *
 * @author cbkspring contributors
 */
class ChatBotKitChatModelReasoningTests {

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	@RegisterExtension
	static WireMockExtension api = CompletionApi.server();

	private final ChatBotKitChatModel model = CompletionApi
		.model(api, ChatBotKitChatOptions.builder().botId("bot-1").build())
		.build();

	@Test
	void theWholeReplyCarriesTheReasoningTokens() {
		CompletionApi.answer(api, CompletionApi.reasoningToken("Two "), CompletionApi.reasoningToken("plus two."),
				CompletionApi.token("4"), CompletionApi.result("4", 9, "stop"));
		AssistantMessage output = this.model.call(new Prompt("2+2?")).getResult().getOutput();
		assertThat(output.getText()).isEqualTo("4");
		assertThat(output.getMetadata()).containsEntry(ChatBotKitChatModel.REASONING_CONTENT, "Two plus two.");
	}

	@Test
	void withoutReasoningTokensTheReasoningMessagesAreTheReasoning() {
		CompletionApi.answer(api, CompletionApi.reasoningMessage("Two plus two."),
				CompletionApi.reasoningMessage("Is four."), CompletionApi.token("4"),
				CompletionApi.result("4", 9, "stop"));
		assertThat(this.model.call(new Prompt("2+2?")).getResult().getOutput().getMetadata())
			.containsEntry(ChatBotKitChatModel.REASONING_CONTENT, "Two plus two.\n\nIs four.");
	}

	@Test
	void reasoningTokensAreNotCountedTwiceWhenAReasoningMessageFollows() {
		CompletionApi.answer(api, CompletionApi.reasoningToken("Two plus two."),
				CompletionApi.reasoningMessage("Two plus two."), CompletionApi.token("4"),
				CompletionApi.result("4", 9, "stop"));
		assertThat(this.model.call(new Prompt("2+2?")).getResult().getOutput().getMetadata())
			.containsEntry(ChatBotKitChatModel.REASONING_CONTENT, "Two plus two.");
	}

	@Test
	void aReplyWithoutReasoningHasNoReasoningMetadata() {
		CompletionApi.answer(api, CompletionApi.token("4"), CompletionApi.result("4", 1, "stop"));
		assertThat(this.model.call(new Prompt("2+2?")).getResult().getOutput().getMetadata())
			.doesNotContainKey(ChatBotKitChatModel.REASONING_CONTENT);
	}

	@Test
	void aStreamHasAChunkPerReasoningTokenWithTheReasoningSoFar() {
		CompletionApi.answer(api, CompletionApi.reasoningToken("Two "), CompletionApi.reasoningToken("plus two."),
				CompletionApi.token("4"), CompletionApi.result("4", 9, "stop"));
		StepVerifier.create(this.model.stream(new Prompt("2+2?")))
			.assertNext((chunk) -> assertReasoning(chunk, "", "Two "))
			.assertNext((chunk) -> assertReasoning(chunk, "", "Two plus two."))
			.assertNext((chunk) -> assertThat(chunk.getResult().getOutput().getText()).isEqualTo("4"))
			.assertNext((last) -> {
				assertReasoning(last, "", "Two plus two.");
				assertThat(last.getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
			})
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void anAggregatedStreamCarriesTheWholeReasoningAsACallDoes() {
		CompletionApi.answer(api, CompletionApi.reasoningToken("Two "), CompletionApi.reasoningToken("plus two."),
				CompletionApi.token("4"), CompletionApi.result("4", 9, "stop"));
		AtomicReference<ChatResponse> aggregated = new AtomicReference<>();
		List<ChatResponse> chunks = new MessageAggregator()
			.aggregate(this.model.stream(new Prompt("2+2?")), aggregated::set)
			.collectList()
			.block(TIMEOUT);
		assertThat(chunks).hasSize(4);
		AssistantMessage output = aggregated.get().getResult().getOutput();
		assertThat(output.getText()).isEqualTo("4");
		assertThat(output.getMetadata()).containsEntry(ChatBotKitChatModel.REASONING_CONTENT, "Two plus two.");
	}

	@Test
	void aStoredConversationsReplyCarriesItsReasoning() {
		CompletionApi.answerConversation(api, "conv-1", CompletionApi.reasoningToken("Think."),
				CompletionApi.token("Hi"), CompletionApi.result("Hi", 3, "stop"));
		Prompt prompt = new Prompt("Hi", ChatBotKitChatOptions.builder().conversationId("conv-1").build());
		assertThat(this.model.call(prompt).getResult().getOutput().getMetadata())
			.containsEntry(ChatBotKitChatModel.REASONING_CONTENT, "Think.");
	}

	private static void assertReasoning(ChatResponse chunk, String text, String reasoning) {
		assertThat(chunk.getResult().getOutput().getText()).isEqualTo(text);
		assertThat(chunk.getResult().getOutput().getMetadata()).containsEntry(ChatBotKitChatModel.REASONING_CONTENT,
				reasoning);
	}

}
