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
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.error.ChatBotKitAuthenticationException;
import io.github.cbkspring.client.error.ChatBotKitConnectionException;
import io.github.cbkspring.client.error.ChatBotKitStreamException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.ai.chat.messages.AssistantMessage.ToolCall;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link ChatBotKitChatModel#stream}: tokens, the last response, and failures,
 * on WireMock; those that do not depend on the client on both the blocking and the
 * reactive one.
 *
 * @author cbkspring contributors
 */
class ChatBotKitChatModelStreamTests {

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	@RegisterExtension
	static WireMockExtension api = CompletionApi.server();

	private final ChatBotKitChatModel model = CompletionApi
		.model(api, ChatBotKitChatOptions.builder().botId("bot-1").build())
		.build();

	@Test
	void streamsAResponsePerTokenThenOneWithFinishReasonAndUsage() {
		CompletionApi.answer(api, CompletionApi.token("Hel"), CompletionApi.usage("gpt-5.4", 10, 2),
				CompletionApi.token("lo"), CompletionApi.result("Hello", 12, "stop"));
		StepVerifier.create(this.model.stream(new Prompt("Hi")))
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
		CompletionApi.verifySent(api, """
				{"botId": "bot-1", "messages": [{"type": "user", "text": "Hi"}]}
				""");
	}

	@Test
	void aStreamSubscribedOnANonBlockingThreadIsStillReadOnBoundedElastic() {
		CompletionApi.answer(api, CompletionApi.token("Hel"), CompletionApi.result("Hel", 3, "stop"));
		StepVerifier.create(this.model.stream(new Prompt("Hi")).subscribeOn(Schedulers.parallel()))
			.assertNext((chunk) -> assertThat(text(chunk)).isEqualTo("Hel"))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void aNonBlockingSchedulerFailsTheStreamBeforeSending() {
		ChatBotKitChatModel onParallel = CompletionApi
			.model(api, ChatBotKitChatOptions.builder().botId("bot-1").build())
			.scheduler(Schedulers.parallel())
			.build();
		StepVerifier.create(onParallel.stream(new Prompt("Hi")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("was not sent")
				.hasMessageContaining("Schedulers.boundedElastic()"))
			.verify(TIMEOUT);
		api.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aBlockingCallOnANonBlockingThreadFailsBeforeSending() {
		Mono<ChatResponse> onParallel = Mono.fromCallable(() -> this.model.call(new Prompt("Hi")))
			.subscribeOn(Schedulers.parallel());
		assertThatIllegalStateException().isThrownBy(() -> onParallel.block(TIMEOUT))
			.withMessageContaining("was not sent");
		api.verify(0, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@EnumSource(Client.class)
	void theLastResponseCarriesTheToolCalls(Client client) {
		CompletionApi.answer(api, CompletionApi.functionCall("lookupOrder", "{\"orderId\":\"o-7\"}"),
				CompletionApi.result("", 4, "activity"));
		List<ChatResponse> responses = client.model()
			.stream(new Prompt("Hi", ChatBotKitChatModelResponseTests.withLookupOrder()))
			.collectList()
			.block(TIMEOUT);
		assertThat(responses).singleElement().satisfies((last) -> {
			assertThat(last.getResult().getOutput().getToolCalls())
				.containsExactly(new ToolCall("lookupOrder-0", "function", "lookupOrder", "{\"orderId\":\"o-7\"}"));
			assertThat(last.getResult().getMetadata().getFinishReason()).isEqualTo("TOOL_CALLS");
		});
	}

	@ParameterizedTest
	@EnumSource(Client.class)
	void anErrorEventFailsTheStreamAfterTheTokensThatArrived(Client client) {
		CompletionApi.answer(api, CompletionApi.token("Hel"),
				"{\"type\":\"error\",\"data\":{\"message\":\"Model overloaded\"}}");
		StepVerifier.create(client.model().stream(new Prompt("Hi")))
			.assertNext((chunk) -> assertThat(text(chunk)).isEqualTo("Hel"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ChatBotKitStreamException.class)
				.hasMessageContaining("Model overloaded"))
			.verify(TIMEOUT);
	}

	@ParameterizedTest
	@EnumSource(Client.class)
	void aStreamEndingBeforeItsResultFails(Client client) {
		CompletionApi.answer(api, CompletionApi.token("Hel"), CompletionApi.token("lo"));
		StepVerifier.create(client.model().stream(new Prompt("Hi")))
			.expectNextCount(2)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ChatBotKitStreamException.class)
				.hasMessageContaining("ended before its final event"))
			.verify(TIMEOUT);
	}

	@ParameterizedTest
	@EnumSource(Client.class)
	void aConnectionLostMidStreamIsConnectionException(Client client) {
		api.stubFor(WireMock.post(urlEqualTo(CompletionApi.PATH))
			.willReturn(aResponse().withHeader("Content-Type", "application/jsonl")
				.withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
		StepVerifier.create(client.model().stream(new Prompt("Hi")))
			.expectError(ChatBotKitConnectionException.class)
			.verify(TIMEOUT);
	}

	@ParameterizedTest
	@EnumSource(Client.class)
	void aRefusedCredentialIsTheClientsException(Client client) {
		api.stubFor(WireMock.post(urlEqualTo(CompletionApi.PATH))
			.willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"message\":\"Invalid secret\",\"code\":\"UNAUTHORIZED\"}")));
		StepVerifier.create(client.model().stream(new Prompt("Hi")))
			.expectError(ChatBotKitAuthenticationException.class)
			.verify(TIMEOUT);
	}

	@ParameterizedTest
	@EnumSource(Client.class)
	void invalidOptionsFailTheFluxWithoutSending(Client client) {
		ChatBotKitChatOptions invalid = ChatBotKitChatOptions.builder().botId("bot-1").temperature(0.2).build();
		StepVerifier.create(this.model.stream(new Prompt("Hi", invalid)))
			.expectError(IllegalArgumentException.class)
			.verify(TIMEOUT);
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	/**
	 * The clients the model streams on: the blocking one, read on a scheduler, or the
	 * reactive one.
	 */
	enum Client {

		BLOCKING, REACTIVE;

		ChatBotKitChatModel model() {
			ChatBotKitChatOptions options = ChatBotKitChatOptions.builder().botId("bot-1").build();
			return ((this == BLOCKING) ? CompletionApi.model(api, options) : CompletionApi.reactiveModel(api, options))
				.build();
		}

	}

	private static String text(ChatResponse response) {
		return response.getResult().getOutput().getText();
	}

}
