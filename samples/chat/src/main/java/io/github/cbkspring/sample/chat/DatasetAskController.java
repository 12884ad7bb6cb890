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

package io.github.cbkspring.sample.chat;

import java.util.List;
import java.util.Objects;

import io.github.cbkspring.ai.ChatBotKitDocumentRetriever;
import io.github.cbkspring.sample.chat.AskController.Question;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.PromptTemplate;
import org.springframework.ai.document.Document;
import org.springframework.ai.rag.advisor.RetrievalAugmentationAdvisor;
import org.springframework.ai.rag.generation.augmentation.ContextualQueryAugmenter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers questions from a ChatBotKit dataset (retrieval-augmented generation) with
 * Spring AI's {@link ChatClient} and {@link RetrievalAugmentationAdvisor}:
 * {@code chatbotkit-spring-ai-starter} makes the {@link ChatBotKitDocumentRetriever} of
 * {@code spring.ai.vectorstore.chatbotkit.dataset-id}, which searches the dataset; the
 * advisor puts the records it finds into the question, and the bot answers. The answer
 * comes with the records it was given, so that the page can show its sources.
 *
 * @author cbkspring contributors
 */
@RestController
class DatasetAskController {

	// shorter than Spring AI's default instructions, so that the demo bot's echo of the
	// question it was given stays readable
	private static final PromptTemplate WITH_SOURCES = new PromptTemplate("""
			Answer from these sources only.

			{context}

			Question: {query}""");

	private final ChatClient chatClient;

	DatasetAskController(ChatClient.Builder chatClient, ChatBotKitDocumentRetriever retriever) {
		this.chatClient = chatClient
			.defaultAdvisors(RetrievalAugmentationAdvisor.builder()
				.documentRetriever(retriever)
				.queryAugmenter(ContextualQueryAugmenter.builder().promptTemplate(WITH_SOURCES).build())
				.build())
			.build();
	}

	@PostMapping(path = "/api/ask-dataset", produces = MediaType.APPLICATION_JSON_VALUE)
	Answer ask(@RequestBody Question question) {
		ChatClientResponse response = this.chatClient.prompt()
			.user(AskController.text(question))
			.call()
			.chatClientResponse();
		ChatResponse chat = response.chatResponse();
		Generation generation = (chat != null) ? chat.getResult() : null;
		String text = (generation != null) ? generation.getOutput().getText() : null;
		return new Answer(Objects.requireNonNullElse(text, ""), sources(response));
	}

	private static List<Source> sources(ChatClientResponse response) {
		if (!(response.context().get(RetrievalAugmentationAdvisor.DOCUMENT_CONTEXT) instanceof List<?> documents)) {
			return List.of();
		}
		return documents.stream()
			.map(Document.class::cast)
			.map((document) -> new Source(Objects.requireNonNullElse(document.getText(), ""), document.getScore(),
					document.getMetadata().get(ChatBotKitDocumentRetriever.SOURCE_METADATA)))
			.toList();
	}

	record Answer(String text, List<Source> sources) {
	}

	/**
	 * A record the answer was given.
	 *
	 * @param text the record's text
	 * @param score how well it matched the question, if the search said
	 * @param source where the record came from, if the dataset says
	 */
	record Source(String text, @Nullable Double score, @Nullable Object source) {
	}

}
