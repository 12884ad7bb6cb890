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
package io.github.cbkspring.readme;

import io.github.cbkspring.ai.ChatBotKitChatModel;
import io.github.cbkspring.ai.ChatBotKitChatOptions;
import io.github.cbkspring.ai.ChatBotKitDocumentRetriever;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.rag.advisor.RetrievalAugmentationAdvisor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Spring AI examples of {@code docs/spring-ai.md}, compiled as they are printed.
 *
 * @author cbkspring contributors
 */
@SuppressWarnings("unused")
class SpringAiSnippets {

	// tag::spring-ai-controller[]
	@RestController
	class AskController {

		private final ChatClient chatClient;

		AskController(ChatClient.Builder chatClient) {
			this.chatClient = chatClient.build();
		}

		@GetMapping("/ask")
		String ask(@RequestParam String question) {
			return this.chatClient.prompt().user(question).call().content();
		}

		@GetMapping(path = "/ask/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		Flux<String> stream(@RequestParam String question) {
			return this.chatClient.prompt().user(question).stream().content();
		}

	}
	// end::spring-ai-controller[]

	String perCallOptions(ChatClient chatClient, String question) {
		return
		// tag::spring-ai-options[]
		chatClient.prompt()
			.user(question)
			.options(ChatBotKitChatOptions.builder().model("gpt-5.4").temperature(0.2))
			.call()
			.content();
		// end::spring-ai-options[]
	}

	String inAStoredConversation(ChatClient chatClient, String conversationId, String question) {
		return
		// tag::spring-ai-conversation[]
		chatClient.prompt()
			.user(question)
			.options(ChatBotKitChatOptions.builder().conversationId(conversationId))
			.call()
			.content();
		// end::spring-ai-conversation[]
	}

	@Nullable Object reasoning(ChatClient chatClient, String question) {
		// tag::spring-ai-reasoning[]
		ChatResponse response = chatClient.prompt().user(question).call().chatResponse();
		Object reasoning = response.getResult().getOutput().getMetadata().get(ChatBotKitChatModel.REASONING_CONTENT);
		// end::spring-ai-reasoning[]
		return reasoning;
	}

	// tag::spring-ai-rag[]
	@RestController
	class DatasetAskController {

		private final ChatClient chatClient;

		DatasetAskController(ChatClient.Builder chatClient, ChatBotKitDocumentRetriever retriever) {
			this.chatClient = chatClient
				.defaultAdvisors(RetrievalAugmentationAdvisor.builder().documentRetriever(retriever).build())
				.build();
		}

		@GetMapping("/ask-dataset")
		String ask(@RequestParam String question) {
			return this.chatClient.prompt().user(question).call().content();
		}

	}
	// end::spring-ai-rag[]

}
