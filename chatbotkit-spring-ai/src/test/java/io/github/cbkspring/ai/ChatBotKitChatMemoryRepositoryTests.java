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

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.conversation.ConversationRequest;
import io.github.cbkspring.client.error.ChatBotKitServerException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.AssistantMessage.ToolCall;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage.ToolResponse;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.content.Media;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.MimeTypeUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ChatBotKitChatMemoryRepository}: round trips across a new repository
 * on a stateful stand-in of the conversation endpoints, saves that write only the
 * difference, deletes and failures; and on WireMock, exactly what is sent.
 *
 * @author cbkspring contributors
 */
class ChatBotKitChatMemoryRepositoryTests {

	@RegisterExtension
	static WireMockExtension wireMock = CompletionApi.server();

	private final ConversationApi api;

	ChatBotKitChatMemoryRepositoryTests() throws IOException {
		this.api = new ConversationApi();
	}

	@AfterEach
	void stop() {
		this.api.close();
	}

	@Test
	void everyMessageKindIsFoundAgainByANewRepository() {
		List<Message> history = List.of(new SystemMessage("Be brief."), new UserMessage("Weather in Paris?"),
				AssistantMessage.builder()
					.content("")
					.toolCalls(List.of(new ToolCall("call-1", "function", "weather", "{\"city\":\"Paris\"}")))
					.build(),
				ToolResponseMessage.builder()
					.responses(List.of(new ToolResponse("call-1", "weather", "{\"sky\":\"clear\"}")))
					.build(),
				new AssistantMessage("Clear skies."));
		repository().saveAll("chat-1", history);

		List<Message> found = repository().findByConversationId("chat-1");

		assertThat(found).hasSize(5);
		assertThat(found.get(0)).isInstanceOf(SystemMessage.class).extracting(Message::getText).isEqualTo("Be brief.");
		assertThat(found.get(1)).isInstanceOf(UserMessage.class)
			.extracting(Message::getText)
			.isEqualTo("Weather in Paris?");
		assertThat(((AssistantMessage) found.get(2)).getToolCalls())
			.containsExactly(new ToolCall("call-1", "function", "weather", "{\"city\":\"Paris\"}"));
		assertThat(((ToolResponseMessage) found.get(3)).getResponses())
			.containsExactly(new ToolResponse("call-1", "weather", "{\"sky\":\"clear\"}"));
		assertThat(found.get(4)).isInstanceOf(AssistantMessage.class)
			.extracting(Message::getText)
			.isEqualTo("Clear skies.");
		assertThat(((AssistantMessage) found.get(4)).hasToolCalls()).isFalse();
		assertThat(this.api.conversations).hasSize(1);
		assertThat(this.api.messages.get("conv-1")).extracting((message) -> message.get("type"))
			.containsExactly("instruction", "user", "bot", "activity", "bot");
	}

	@Test
	void aNewConversationIsCreatedWithItsMessagesInOneCall() {
		repository().saveAll("chat-1", List.of(new UserMessage("Hi"), new AssistantMessage("Hello")));
		assertThat(this.api.requests).containsExactly("GET /api/v1/conversation/list",
				"POST /api/v1/conversation/create");
	}

	@Test
	void findConversationIdsListsTheMemoriesOnly() {
		repository().saveAll("chat-1", List.of(new UserMessage("Hi")));
		repository().saveAll("chat-2", List.of(new UserMessage("Hi")));
		this.api.client()
			.conversations()
			.create(ConversationRequest.builder().meta("springAiConversationId", "not-a-memory").build());
		assertThat(repository().findConversationIds()).containsExactly("chat-1", "chat-2");
	}

	@Test
	void anUnknownConversationHasNoMessagesAndIsNotCreated() {
		assertThat(repository().findByConversationId("nope")).isEmpty();
		repository().saveAll("nope", List.of());
		assertThat(this.api.conversations).isEmpty();
	}

	@Test
	void appendingWritesOnlyTheNewMessages() {
		repository().saveAll("chat-1", List.of(new UserMessage("u1"), new AssistantMessage("a1")));
		this.api.requests.clear();
		repository().saveAll("chat-1", List.of(new UserMessage("u1"), new AssistantMessage("a1"), new UserMessage("u2"),
				new AssistantMessage("a2")));
		assertThat(this.api.requests).containsExactly("GET /api/v1/conversation/list",
				"GET /api/v1/conversation/conv-1/message/list", "POST /api/v1/conversation/conv-1/message/create",
				"POST /api/v1/conversation/conv-1/message/create");
		assertThat(texts()).containsExactly("u1", "a1", "u2", "a2");
	}

	@Test
	void aMovingWindowDeletesTheOldestAndAppendsTheNewest() {
		repository().saveAll("chat-1", List.of(new UserMessage("u1"), new AssistantMessage("a1"), new UserMessage("u2"),
				new AssistantMessage("a2")));
		String oldest = (String) this.api.messages.get("conv-1").get(0).get("id");
		String second = (String) this.api.messages.get("conv-1").get(1).get("id");
		this.api.requests.clear();
		repository().saveAll("chat-1", List.of(new UserMessage("u2"), new AssistantMessage("a2"), new UserMessage("u3"),
				new AssistantMessage("a3")));
		assertThat(this.api.requests).containsExactly("GET /api/v1/conversation/list",
				"GET /api/v1/conversation/conv-1/message/list",
				"POST /api/v1/conversation/conv-1/message/" + oldest + "/delete",
				"POST /api/v1/conversation/conv-1/message/" + second + "/delete",
				"POST /api/v1/conversation/conv-1/message/create", "POST /api/v1/conversation/conv-1/message/create");
		assertThat(texts()).containsExactly("u2", "a2", "u3", "a3");
	}

	@Test
	void aHistoryThatSharesNoStartReplacesEveryMessage() {
		repository().saveAll("chat-1", List.of(new UserMessage("u1"), new AssistantMessage("a1")));
		repository().saveAll("chat-1", List.of(new UserMessage("other")));
		assertThat(texts()).containsExactly("other");
		repository().saveAll("chat-1", List.of());
		assertThat(texts()).isEmpty();
		assertThat(repository().findConversationIds()).containsExactly("chat-1");
	}

	@Test
	void messagesWithoutASpringAiKindAreLeftOutOfReadsAndAloneOnSaves() {
		repository().saveAll("chat-1", List.of(new UserMessage("u1")));
		this.api.storeMessage("conv-1", "reasoning", "thinking");
		this.api.storeMessage("conv-1", "activity", "a bot function");
		assertThat(repository().findByConversationId("chat-1")).extracting(Message::getText).containsExactly("u1");
		repository().saveAll("chat-1", List.of(new UserMessage("u1"), new AssistantMessage("a1")));
		assertThat(texts()).containsExactly("u1", "thinking", "a bot function", "a1");
	}

	@Test
	void deleteRemovesTheConversationAndAnUnknownIdDeletesNothing() {
		repository().saveAll("chat-1", List.of(new UserMessage("u1")));
		repository().deleteByConversationId("chat-1");
		assertThat(this.api.conversations).isEmpty();
		assertThat(repository().findByConversationId("chat-1")).isEmpty();
		this.api.requests.clear();
		repository().deleteByConversationId("chat-1");
		assertThat(this.api.requests).containsExactly("GET /api/v1/conversation/list");
	}

	@Test
	void aFailedSaveLeavesPartOfTheHistoryAndSavingAgainCompletesIt() {
		repository().saveAll("chat-1", List.of(new UserMessage("u1")));
		this.api.failNext("POST /api/v1/conversation/conv-1/message/create");
		List<Message> history = List.of(new UserMessage("u1"), new AssistantMessage("a1"), new UserMessage("u2"));
		assertThatExceptionOfType(ChatBotKitServerException.class)
			.isThrownBy(() -> repository().saveAll("chat-1", history));
		assertThat(texts()).containsExactly("u1");
		repository().saveAll("chat-1", history);
		assertThat(texts()).containsExactly("u1", "a1", "u2");
	}

	@Test
	void aUserMessageWithMediaCannotBeStoredAndNothingIsSent() {
		UserMessage withImage = UserMessage.builder()
			.text("Look")
			.media(new Media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(new byte[] { 1 })))
			.build();
		assertThatIllegalArgumentException().isThrownBy(() -> repository().saveAll("chat-1", List.of(withImage)))
			.withMessageContaining("media");
		assertThat(this.api.requests).isEmpty();
	}

	@Test
	void argumentsAreChecked() {
		ChatBotKitChatMemoryRepository repository = repository();
		assertThatIllegalArgumentException().isThrownBy(() -> repository.findByConversationId(""));
		assertThatIllegalArgumentException().isThrownBy(() -> repository.saveAll(" ", List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> repository.deleteByConversationId(""));
		assertThatIllegalArgumentException().isThrownBy(() -> ChatBotKitChatMemoryRepository.builder().build())
			.withMessageContaining("ConversationClient");
		assertThatIllegalArgumentException().isThrownBy(() -> ChatBotKitChatMemoryRepository.builder().botId(""));
	}

	@Test
	void theConversationIsLookedUpByItsMetadataAndCreatedWithItAndTheBot() {
		wireMock.stubFor(get(urlPathEqualTo("/api/v1/conversation/list")).willReturn(okJson("{\"items\":[]}")));
		wireMock.stubFor(post(urlEqualTo("/api/v1/conversation/create")).willReturn(okJson("{\"id\":\"conv-9\"}")));
		ChatBotKitChatMemoryRepository repository = ChatBotKitChatMemoryRepository.builder()
			.conversationClient(DatasetApi.client(wireMock).conversations())
			.botId("bot-1")
			.build();
		repository.saveAll("chat-1", List.of(new UserMessage("Hi")));
		wireMock.verify(getRequestedFor(urlPathEqualTo("/api/v1/conversation/list"))
			.withQueryParam("meta.springAiChatMemory", equalTo("true"))
			.withQueryParam("meta.springAiConversationId", equalTo("chat-1"))
			.withHeader("Authorization", equalTo("Bearer " + CompletionApi.SECRET)));
		wireMock.verify(postRequestedFor(urlEqualTo("/api/v1/conversation/create")).withRequestBody(equalToJson("""
				{"meta":{"springAiChatMemory":"true","springAiConversationId":"chat-1"},"botId":"bot-1",
				 "messages":[{"type":"user","text":"Hi"}]}""", false, false)));
		wireMock.verify(2, anyRequestedFor(anyUrl()));
	}

	@Test
	void aConversationOfAnotherIdIsNeverUsedEvenIfTheListIgnoresTheFilter() {
		wireMock.stubFor(get(urlPathEqualTo("/api/v1/conversation/list"))
			.willReturn(okJson("{\"items\":[{\"id\":\"conv-other\",\"createdAt\":1,\"updatedAt\":1,"
					+ "\"meta\":{\"springAiChatMemory\":\"true\",\"springAiConversationId\":\"chat-2\"}},"
					+ "{\"id\":\"conv-plain\",\"createdAt\":1,\"updatedAt\":1,"
					+ "\"meta\":{\"springAiConversationId\":\"chat-1\"}}]}")));
		ChatBotKitChatMemoryRepository repository = ChatBotKitChatMemoryRepository.builder()
			.conversationClient(DatasetApi.client(wireMock).conversations())
			.build();
		assertThat(repository.findByConversationId("chat-1")).isEmpty();
		repository.deleteByConversationId("chat-1");
		wireMock.verify(0, postRequestedFor(anyUrl()));
	}

	@Test
	void aFailedLookupIsTheClients() {
		wireMock.stubFor(get(urlPathEqualTo("/api/v1/conversation/list")).willReturn(aResponse().withStatus(503)));
		ChatBotKitChatMemoryRepository repository = ChatBotKitChatMemoryRepository.builder()
			.conversationClient(DatasetApi.client(wireMock).conversations())
			.build();
		assertThatExceptionOfType(ChatBotKitServerException.class)
			.isThrownBy(() -> repository.findByConversationId("chat-1"));
		assertThatExceptionOfType(ChatBotKitServerException.class).isThrownBy(repository::findConversationIds);
	}

	private ChatBotKitChatMemoryRepository repository() {
		// a new client and repository each time: nothing is kept between them
		return ChatBotKitChatMemoryRepository.builder().conversationClient(this.api.client().conversations()).build();
	}

	private List<Object> texts() {
		return this.api.messages.get("conv-1")
			.stream()
			.map((Map<String, Object> message) -> message.get("text"))
			.toList();
	}

}
