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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.AssistantMessage.ToolCall;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage.ToolResponse;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;
import org.springframework.ai.tool.function.FunctionToolCallback;
import org.springframework.util.MimeTypeUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for what {@link ChatBotKitChatModel} sends: the request JSON of each message kind
 * and option, on WireMock.
 *
 * @author cbkspring contributors
 */
class ChatBotKitChatModelRequestTests {

	private static final ChatBotKitChatOptions BOT = ChatBotKitChatOptions.builder().botId("bot-1").build();

	@RegisterExtension
	static WireMockExtension api = CompletionApi.server();

	@BeforeEach
	void answer() {
		CompletionApi.answer(api, CompletionApi.result("ok", 1, "stop"));
	}

	@Test
	void userAssistantAndSystemMessagesAreSentInOrderAsUserBotAndInstruction() {
		model(BOT).call(new Prompt(List.of(new SystemMessage("Answer in French."), new UserMessage("Hi"),
				new AssistantMessage("Bonjour"), new SystemMessage("Be brief."), new UserMessage("Bye"))));
		CompletionApi.verifySent(api, """
				{"botId": "bot-1", "messages": [
				  {"type": "instruction", "text": "Answer in French."},
				  {"type": "user", "text": "Hi"},
				  {"type": "bot", "text": "Bonjour"},
				  {"type": "instruction", "text": "Be brief."},
				  {"type": "user", "text": "Bye"}]}
				""");
	}

	@Test
	void aBotConfiguredInPlaceSendsEveryFieldAndTheModelParametersInTheModelString() {
		ChatBotKitChatOptions inPlace = ChatBotKitChatOptions.builder()
			.model("gpt-5.4")
			.backstory("You sell tea.")
			.datasetId("ds-1")
			.skillsetId("sk-1")
			.privacy(true)
			.moderation(false)
			.temperature(0.7)
			.maxTokens(512)
			.frequencyPenalty(0.5)
			.presencePenalty(-0.25)
			.seed(42L)
			.interactionMaxMessages(20)
			.region("eu")
			.build();
		model(inPlace).call(new Prompt("Hi"));
		CompletionApi.verifySent(api, """
				{"model": "gpt-5.4/temperature=0.7/maxTokens=512/frequencyPenalty=0.5/presencePenalty=-0.25\
				/seed=42/interactionMaxMessages=20/region=eu",
				 "backstory": "You sell tea.", "datasetId": "ds-1", "skillsetId": "sk-1",
				 "privacy": true, "moderation": false,
				 "messages": [{"type": "user", "text": "Hi"}]}
				""");
	}

	@Test
	void parametersOfTheOptionsReplaceThoseOfAModelString() {
		model(ChatBotKitChatOptions.builder().model("gpt-5.4/temperature=1/region=us").temperature(0.2).build())
			.call(new Prompt("Hi"));
		CompletionApi.verifySent(api, """
				{"model": "gpt-5.4/temperature=0.2/region=us", "messages": [{"type": "user", "text": "Hi"}]}
				""");
	}

	@Test
	void noOptionsSendTheApiDefaults() {
		model(ChatBotKitChatOptions.builder().build()).call(new Prompt("Hi"));
		CompletionApi.verifySent(api, """
				{"messages": [{"type": "user", "text": "Hi"}]}
				""");
	}

	@Test
	void portableOptionsOfAPromptAreLaidOverTheModelOptions() {
		ChatBotKitChatOptions defaults = ChatBotKitChatOptions.builder()
			.model("gpt-5.4")
			.temperature(0.7)
			.maxTokens(100)
			.build();
		model(defaults).call(new Prompt("Hi", ChatOptions.builder().temperature(0.1).build()));
		CompletionApi.verifySent(api, """
				{"model": "gpt-5.4/temperature=0.1/maxTokens=100", "messages": [{"type": "user", "text": "Hi"}]}
				""");
	}

	@Test
	void chatBotKitOptionsOfAPromptAreUsedAsTheyAre() {
		model(ChatBotKitChatOptions.builder().model("gpt-5.4").temperature(0.7).build()).call(new Prompt("Hi", BOT));
		CompletionApi.verifySent(api, """
				{"botId": "bot-1", "messages": [{"type": "user", "text": "Hi"}]}
				""");
	}

	@Test
	void topKTopPAndStopSequencesAreNotSent() {
		ChatOptions portable = ChatOptions.builder().topK(5).topP(0.9).stopSequences(List.of("END")).build();
		model(ChatBotKitChatOptions.builder().model("gpt-5.4").build()).call(new Prompt("Hi", portable));
		CompletionApi.verifySent(api, """
				{"model": "gpt-5.4", "messages": [{"type": "user", "text": "Hi"}]}
				""");
	}

	@Test
	void aBotIdWithModelParametersOrAConfigurationInPlaceIsRefusedBeforeSending() {
		ChatBotKitChatOptions mixed = ChatBotKitChatOptions.builder()
			.botId("bot-1")
			.backstory("x")
			.temperature(0.2)
			.build();
		assertThatIllegalArgumentException().isThrownBy(() -> model(mixed).call(new Prompt("Hi")))
			.withMessageContaining("bot 'bot-1'")
			.withMessageContaining("backstory, temperature cannot be set for it");
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void modelParametersWithoutAModelAreRefusedBeforeSending() {
		ChatBotKitChatOptions noModel = ChatBotKitChatOptions.builder().maxTokens(10).seed(1L).build();
		assertThatIllegalArgumentException().isThrownBy(() -> model(noModel).call(new Prompt("Hi")))
			.withMessageContaining("maxTokens, seed go into the model string");
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void aUserMessageWithMediaIsRefusedBeforeSending() {
		UserMessage withImage = UserMessage.builder()
			.text("What is this?")
			.media(new Media(MimeTypeUtils.IMAGE_PNG, java.net.URI.create("https://example.com/a.png")))
			.build();
		assertThatIllegalArgumentException().isThrownBy(() -> model(BOT).call(new Prompt(withImage)))
			.withMessageContaining("text only");
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void toolCallbacksAreSentAsFunctions() {
		ChatBotKitChatOptions withTool = ChatBotKitChatOptions.builder()
			.botId("bot-1")
			.toolCallbacks(FunctionToolCallback.builder("lookupOrder", (Order order) -> "shipped")
				.description("Where an order is")
				.inputType(Order.class)
				.build())
			.build();
		model(withTool).call(new Prompt("Where is o-7?"));
		CompletionApi.verifySent(api, """
				{"botId": "bot-1", "messages": [{"type": "user", "text": "Where is o-7?"}],
				 "functions": [{"name": "lookupOrder", "description": "Where an order is",
				   "parameters": {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
				     "properties": {"orderId": {"type": "string"}}, "required": ["orderId"],
				     "additionalProperties": false}}]}
				""");
	}

	@Test
	void toolCallsAndTheirResponsesAreSentAsActivityRequestsEachFollowedByItsResponse() {
		AssistantMessage calls = AssistantMessage.builder()
			.content("Let me look.")
			.toolCalls(List.of(new ToolCall("lookupOrder-0", "function", "lookupOrder", "{\"orderId\":\"o-7\"}"),
					new ToolCall("lookupOrder-1", "function", "lookupOrder", "")))
			.build();
		ToolResponseMessage responses = ToolResponseMessage.builder()
			.responses(List.of(new ToolResponse("lookupOrder-1", "lookupOrder", "\"none\""),
					new ToolResponse("lookupOrder-0", "lookupOrder", "\"shipped\"")))
			.build();
		List<Message> history = List.of(new UserMessage("Where is o-7?"), calls, responses);
		model(BOT).call(new Prompt(history));
		CompletionApi.verifySent(api, """
				{"botId": "bot-1", "messages": [
				  {"type": "user", "text": "Where is o-7?"},
				  {"type": "bot", "text": "Let me look."},
				  {"type": "activity", "text": "", "meta": {"activity": {"type": "request",
				    "function": {"name": "lookupOrder", "arguments": {"orderId": "o-7"}}}}},
				  {"type": "activity", "text": "", "meta": {"activity": {"type": "response",
				    "function": {"name": "lookupOrder", "arguments": {"orderId": "o-7"}, "result": "\\"shipped\\""}}}},
				  {"type": "activity", "text": "", "meta": {"activity": {"type": "request",
				    "function": {"name": "lookupOrder", "arguments": {}}}}},
				  {"type": "activity", "text": "", "meta": {"activity": {"type": "response",
				    "function": {"name": "lookupOrder", "arguments": {}, "result": "\\"none\\""}}}}]}
				""");
	}

	@Test
	void aToolCallWithoutTextSendsNoEmptyBotMessage() {
		AssistantMessage call = AssistantMessage.builder()
			.toolCalls(List.of(new ToolCall("lookupOrder-0", "function", "lookupOrder", "{}")))
			.build();
		model(BOT).call(new Prompt(List.of(new UserMessage("Hi"), call)));
		CompletionApi.verifySent(api, """
				{"botId": "bot-1", "messages": [
				  {"type": "user", "text": "Hi"},
				  {"type": "activity", "text": "", "meta": {"activity": {"type": "request",
				    "function": {"name": "lookupOrder", "arguments": {}}}}}]}
				""");
	}

	@Test
	void aToolResponseWithoutItsToolCallIsRefused() {
		AssistantMessage call = AssistantMessage.builder()
			.toolCalls(List.of(new ToolCall("a-0", "function", "a", "{}")))
			.build();
		ToolResponseMessage other = ToolResponseMessage.builder()
			.responses(List.of(new ToolResponse("b-0", "b", "1")))
			.build();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> model(BOT).call(new Prompt(List.of(new UserMessage("Hi"), call, other))))
			.withMessageContaining("[b-0] answer no tool call");
		ToolResponseMessage alone = ToolResponseMessage.builder()
			.responses(List.of(new ToolResponse("b-0", "b", "1")))
			.build();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> model(BOT).call(new Prompt(List.of(new UserMessage("Hi"), alone))))
			.withMessageContaining("must follow the assistant message");
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	private static ChatBotKitChatModel model(ChatBotKitChatOptions options) {
		return CompletionApi.model(api, options).build();
	}

	record Order(String orderId) {
	}

}
