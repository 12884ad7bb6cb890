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
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.rag.advisor.RetrievalAugmentationAdvisor;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link ChatClient} as an application builds it: answers from a ChatBotKit dataset
 * through {@link RetrievalAugmentationAdvisor} on {@link ChatBotKitDocumentRetriever},
 * and keeps its history in ChatBotKit conversations through
 * {@link MessageChatMemoryAdvisor} on {@link ChatBotKitChatMemoryRepository}, read back
 * on the next call by a new repository.
 *
 * @author cbkspring contributors
 */
class RetrievalAndMemoryChatClientTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static WireMockExtension api = CompletionApi.server();

	private final ConversationApi conversations;

	RetrievalAndMemoryChatClientTests() throws IOException {
		this.conversations = new ConversationApi();
	}

	@AfterEach
	void stop() {
		this.conversations.close();
	}

	@Test
	void answersFromTheDatasetAndRemembersTheChatInChatBotKit() {
		DatasetApi.answerSearch(api, DatasetApi.match("rec-1", "Leave is 25 days a year.", 0.9, "{}"));
		CompletionApi.answer(api, CompletionApi.result("25 days.", 5, "stop"));

		assertThat(ask("How much leave do I get?")).isEqualTo("25 days.");

		DatasetApi.verifySearched(api, "{\"search\":\"How much leave do I get?\"}");
		assertThat(userText(completion(0))).contains("How much leave do I get?").contains("Leave is 25 days a year.");
		assertThat(this.conversations.messages.get("conv-1")).extracting((message) -> message.get("type"))
			.containsExactly("user", "bot");
		assertThat(this.conversations.conversations.get("conv-1").get("meta"))
			.isEqualTo(Map.of("springAiChatMemory", "true", "springAiConversationId", "chat-1"));

		CompletionApi.answer(api, CompletionApi.result("Yes.", 2, "stop"));
		assertThat(ask("Is that per year?")).isEqualTo("Yes.");

		List<?> sent = (List<?>) completion(1).get("messages");
		assertThat(sent.stream().<Object>map((message) -> ((Map<?, ?>) message).get("type")).toList())
			.containsExactly("user", "bot", "user");
		assertThat(((Map<?, ?>) sent.get(1)).get("text")).isEqualTo("25 days.");
		assertThat(this.conversations.messages.get("conv-1")).hasSize(4);
	}

	private String ask(String question) {
		// a new repository on a new client each call: the history comes from ChatBotKit
		ChatMemory memory = MessageWindowChatMemory.builder()
			.chatMemoryRepository(ChatBotKitChatMemoryRepository.builder()
				.conversationClient(this.conversations.client().conversations())
				.build())
			.build();
		ChatBotKitDocumentRetriever retriever = ChatBotKitDocumentRetriever.builder()
			.datasetClient(DatasetApi.client(api).datasets())
			.datasetId("ds-1")
			.build();
		ChatClient chatClient = ChatClient
			.builder(CompletionApi.model(api, ChatBotKitChatOptions.builder().botId("bot-1").build()).build())
			.defaultAdvisors(MessageChatMemoryAdvisor.builder(memory).build(),
					RetrievalAugmentationAdvisor.builder().documentRetriever(retriever).build())
			.build();
		return chatClient.prompt()
			.user(question)
			.advisors((advisors) -> advisors.param(ChatMemory.CONVERSATION_ID, "chat-1"))
			.call()
			.content();
	}

	private static Map<?, ?> completion(int index) {
		List<LoggedRequest> requests = api.findAll(postRequestedFor(urlEqualTo(CompletionApi.PATH)));
		return JSON.readValue(requests.get(index).getBodyAsString(), Map.class);
	}

	private static String userText(Map<?, ?> completion) {
		List<?> messages = (List<?>) completion.get("messages");
		return (String) ((Map<?, ?>) messages.get(messages.size() - 1)).get("text");
	}

}
