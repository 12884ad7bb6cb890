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

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.conversation.CompletionEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.ai.chat.messages.AssistantMessage.ToolCall;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tool.function.FunctionToolCallback;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@link ChatResponse} of {@link ChatBotKitChatModel#call}: text, finish
 * reason, usage and tool calls, read from the API's events on WireMock.
 *
 * @author cbkspring contributors
 */
class ChatBotKitChatModelResponseTests {

	@RegisterExtension
	static WireMockExtension api = CompletionApi.server();

	private final ChatBotKitChatModel model = CompletionApi
		.model(api, ChatBotKitChatOptions.builder().botId("bot-1").build())
		.build();

	@Test
	void theReplyIsTheResultTextWithItsFinishReason() {
		CompletionApi.answer(api, CompletionApi.token("Hel"), CompletionApi.token("lo"),
				CompletionApi.result("Hello", 3, "stop"));
		ChatResponse response = this.model.call(new Prompt("Hi"));
		assertThat(response.getResults()).hasSize(1);
		assertThat(response.getResult().getOutput().getText()).isEqualTo("Hello");
		assertThat(response.getResult().getOutput().hasToolCalls()).isFalse();
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
	}

	@ParameterizedTest
	@CsvSource({ "stop, STOP", "length, LENGTH", "activity, ACTIVITY", "abort, ABORT", "error, ERROR",
			"iteration, ITERATION", "brand-new, UNKNOWN" })
	void everyEndReasonHasItsFinishReason(String endReason, String finishReason) {
		CompletionApi.answer(api, CompletionApi.result("", 0, endReason));
		assertThat(this.model.call(new Prompt("Hi")).getResult().getMetadata().getFinishReason())
			.isEqualTo(finishReason);
	}

	@Test
	void usageAddsUpTheModelCallsAndTakesTheTotalFromTheResult() {
		CompletionApi.answer(api, CompletionApi.usage("gpt-5.4-mini", 100, 7), CompletionApi.token("Hi"),
				CompletionApi.usage("gpt-5.4", 120, 9), CompletionApi.result("Hi", 250, "stop"));
		ChatResponse response = this.model.call(new Prompt("Hi"));
		Usage usage = response.getMetadata().getUsage();
		assertThat(usage.getPromptTokens()).isEqualTo(220);
		assertThat(usage.getCompletionTokens()).isEqualTo(16);
		assertThat(usage.getTotalTokens()).isEqualTo(250);
		assertThat(usage.getNativeUsage()).isEqualTo(List.of(new CompletionEvent.Usage("gpt-5.4-mini", 100, 7),
				new CompletionEvent.Usage("gpt-5.4", 120, 9)));
		assertThat(response.getMetadata().getModel()).isEqualTo("gpt-5.4");
	}

	@Test
	void withoutUsageEventsTheTotalIsTheResultTokens() {
		CompletionApi.answer(api, CompletionApi.result("Hi", 12, "stop"));
		Usage usage = this.model.call(new Prompt("Hi")).getMetadata().getUsage();
		assertThat(usage.getPromptTokens()).isZero();
		assertThat(usage.getCompletionTokens()).isZero();
		assertThat(usage.getTotalTokens()).isEqualTo(12);
	}

	@Test
	void aCallOfAnOfferedFunctionComesBackAsToolCallsWithSynthesisedIds() {
		CompletionApi.answer(api, CompletionApi.functionCall("lookupOrder", "{\"orderId\":\"o-7\"}"),
				CompletionApi.functionCall("lookupOrder", "{\"orderId\":\"o-8\"}"),
				CompletionApi.functionCall("serverAbility", "{}"), CompletionApi.result("One moment.", 5, "activity"));
		ChatResponse response = this.model.call(new Prompt("Hi", withLookupOrder()));
		assertThat(response.getResult().getOutput().getText()).isEqualTo("One moment.");
		assertThat(response.getResult().getOutput().getToolCalls()).containsExactly(
				new ToolCall("lookupOrder-0", "function", "lookupOrder", "{\"orderId\":\"o-7\"}"),
				new ToolCall("lookupOrder-1", "function", "lookupOrder", "{\"orderId\":\"o-8\"}"));
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("TOOL_CALLS");
		assertThat(response.hasToolCalls()).isTrue();
	}

	@Test
	void anActivityOfAFunctionNotOfferedIsNoToolCall() {
		CompletionApi.answer(api, CompletionApi.functionCall("lookupOrder", "{}"),
				CompletionApi.result("Done", 5, "stop"));
		ChatResponse response = this.model.call(new Prompt("Hi"));
		assertThat(response.hasToolCalls()).isFalse();
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
	}

	static ChatBotKitChatOptions withLookupOrder() {
		return ChatBotKitChatOptions.builder()
			.botId("bot-1")
			.toolCallbacks(FunctionToolCallback
				.builder("lookupOrder", (ChatBotKitChatModelRequestTests.Order order) -> "shipped")
				.description("Where an order is")
				.inputType(ChatBotKitChatModelRequestTests.Order.class)
				.build())
			.build();
	}

}
