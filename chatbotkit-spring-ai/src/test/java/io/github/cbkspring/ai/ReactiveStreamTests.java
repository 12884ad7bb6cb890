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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.error.ChatBotKitNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChatBotKitChatModel#stream} on a reactive client, on WireMock: the
 * same responses as on the blocking client, read on Reactor Netty's event loop rather
 * than on a blocking scheduler. The failures both share are in
 * {@link ChatBotKitChatModelStreamTests}.
 *
 * @author cbkspring contributors
 */
class ReactiveStreamTests {

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	@RegisterExtension
	static WireMockExtension api = CompletionApi.server();

	private final ChatBotKitChatModel model = CompletionApi
		.reactiveModel(api, ChatBotKitChatOptions.builder().botId("bot-1").build())
		.build();

	@Test
	void streamsAResponsePerTokenThenOneWithFinishReasonAndUsageOnTheEventLoop() {
		CompletionApi.answer(api, CompletionApi.token("Hel"), CompletionApi.usage("gpt-5.4", 10, 2),
				CompletionApi.token("lo"), CompletionApi.result("Hello", 12, "stop"));
		Set<String> threads = ConcurrentHashMap.newKeySet();
		StepVerifier
			.create(this.model.stream(new Prompt("Hi"))
				.doOnNext((chunk) -> threads.add(Thread.currentThread().getName())))
			.assertNext((chunk) -> assertThat(text(chunk)).isEqualTo("Hel"))
			.assertNext((chunk) -> assertThat(text(chunk)).isEqualTo("lo"))
			.assertNext((last) -> {
				assertThat(text(last)).isEmpty();
				assertThat(last.getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
				assertThat(last.getMetadata().getUsage().getPromptTokens()).isEqualTo(10);
				assertThat(last.getMetadata().getUsage().getCompletionTokens()).isEqualTo(2);
				assertThat(last.getMetadata().getUsage().getTotalTokens()).isEqualTo(12);
				assertThat(last.getMetadata().getModel()).isEqualTo("gpt-5.4");
			})
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(threads).isNotEmpty().allSatisfy((name) -> assertThat(name).startsWith("reactor-http-"));
		CompletionApi.verifySent(api, """
				{"botId": "bot-1", "messages": [{"type": "user", "text": "Hi"}]}
				""");
	}

	@Test
	void aStreamHasAChunkPerReasoningTokenWithTheReasoningSoFar() {
		CompletionApi.answer(api, CompletionApi.reasoningToken("Two "), CompletionApi.reasoningToken("plus two."),
				CompletionApi.token("4"), CompletionApi.result("4", 9, "stop"));
		StepVerifier.create(this.model.stream(new Prompt("2+2?")))
			.assertNext((chunk) -> assertReasoning(chunk, "Two "))
			.assertNext((chunk) -> assertReasoning(chunk, "Two plus two."))
			.assertNext((chunk) -> assertThat(text(chunk)).isEqualTo("4"))
			.assertNext((last) -> {
				assertReasoning(last, "Two plus two.");
				assertThat(last.getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
			})
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void aConversationIdStreamsTheNewUserMessageToTheStoredConversation() {
		CompletionApi.answerConversation(api, "conv-1", CompletionApi.token("Hel"),
				CompletionApi.usage("gpt-5.4", 40, 2), CompletionApi.token("lo"),
				CompletionApi.result("Hello", 42, "stop"));
		Prompt prompt = new Prompt("Hi", ChatBotKitChatOptions.builder().conversationId("conv-1").build());
		StepVerifier.create(this.model.stream(prompt))
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
	void anUnknownConversationIsTheClientsNotFoundException() {
		api.stubFor(WireMock.post(urlEqualTo(CompletionApi.conversationPath("gone")))
			.willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"message\":\"Not found\",\"code\":\"NOT_FOUND\"}")));
		Prompt prompt = new Prompt("Hi", ChatBotKitChatOptions.builder().conversationId("gone").build());
		StepVerifier.create(this.model.stream(prompt)).expectError(ChatBotKitNotFoundException.class).verify(TIMEOUT);
	}

	@Test
	void aStreamIsNotSentBeforeItIsSubscribedTo() {
		CompletionApi.answer(api, CompletionApi.token("Hel"), CompletionApi.result("Hel", 3, "stop"));
		Flux<ChatResponse> stream = this.model.stream(new Prompt("Hi"));
		assertThat(api.getAllServeEvents()).isEmpty();
		assertThat(stream.collectList().block(TIMEOUT)).hasSize(2);
		assertThat(stream.collectList().block(TIMEOUT)).as("a second subscription calls again").hasSize(2);
		api.verify(2, WireMock.anyRequestedFor(WireMock.anyUrl()));
	}

	private static void assertReasoning(ChatResponse chunk, String reasoning) {
		assertThat(chunk.getResult().getOutput().getMetadata()).containsEntry(ChatBotKitChatModel.REASONING_CONTENT,
				reasoning);
	}

	private static String text(ChatResponse response) {
		return response.getResult().getOutput().getText();
	}

}
