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

package io.github.cbkspring.ai.autoconfigure;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.ai.ChatBotKitDocumentRetriever;
import io.github.cbkspring.ai.ChatBotKitVectorStore;
import io.github.cbkspring.ai.CompletionApi;
import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.dataset.DatasetClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.document.Document;
import org.springframework.ai.rag.retrieval.search.DocumentRetriever;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChatBotKitVectorStoreAutoConfiguration}: each condition, what it
 * binds, and that the store searches through the ChatBotKit client's beans.
 *
 * @author cbkspring contributors
 */
class ChatBotKitVectorStoreAutoConfigurationTests {

	@RegisterExtension
	static WireMockExtension api = CompletionApi.server();

	private final ApplicationContextRunner runner = ChatBotKitChatAutoConfigurationTests.runner(api)
		.withConfiguration(AutoConfigurations.of(ChatBotKitVectorStoreAutoConfiguration.class));

	private final ApplicationContextRunner withDataset = this.runner
		.withPropertyValues("spring.ai.vectorstore.chatbotkit.dataset-id=ds-1");

	@Test
	void registersNothingWithoutADataset() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(VectorStore.class)
			.doesNotHaveBean(DocumentRetriever.class)
			.hasSingleBean(DatasetClient.class));
	}

	@Test
	void registersTheStoreAndTheRetrieverOnTheDatasetAndSearchesThroughTheClient() {
		api.stubFor(post(urlEqualTo("/api/v1/dataset/ds-1/search"))
			.willReturn(okJson("{\"id\":\"ds-1\",\"records\":[{\"id\":\"r1\",\"text\":\"a\",\"score\":0.9}]}")));
		this.withDataset.run((context) -> {
			assertThat(context).hasSingleBean(ChatBotKitVectorStore.class)
				.hasSingleBean(ChatBotKitDocumentRetriever.class);
			List<Document> found = context.getBean(VectorStore.class)
				.similaritySearch(SearchRequest.builder().query("q").build());
			assertThat(found).extracting(Document::getId).containsExactly("r1");
			assertThat(context.getBean(VectorStore.class)).hasToString("ChatBotKitVectorStore[datasetId=ds-1]");
			assertThat(context.getBean(DocumentRetriever.class))
				.hasToString("ChatBotKitDocumentRetriever[datasetId=ds-1, topK=4, similarityThreshold=0.0]");
		});
		api.verify(postRequestedFor(urlEqualTo("/api/v1/dataset/ds-1/search"))
			.withRequestBody(equalToJson("{\"search\":\"q\"}")));
	}

	@Test
	void bindsTheRetrieversTopKAndThreshold() {
		this.withDataset
			.withPropertyValues("spring.ai.vectorstore.chatbotkit.top-k=7",
					"spring.ai.vectorstore.chatbotkit.similarity-threshold=0.25")
			.run((context) -> assertThat(context.getBean(DocumentRetriever.class))
				.hasToString("ChatBotKitDocumentRetriever[datasetId=ds-1, topK=7, similarityThreshold=0.25]"));
	}

	@Test
	void registersBothWhenChatBotKitIsTheChosenType() {
		this.withDataset.withPropertyValues("spring.ai.vectorstore.type=chatbotkit")
			.run((context) -> assertThat(context).hasSingleBean(ChatBotKitVectorStore.class)
				.hasSingleBean(ChatBotKitDocumentRetriever.class));
	}

	@Test
	void backsOffWhenAnotherTypeIsChosen() {
		this.withDataset.withPropertyValues("spring.ai.vectorstore.type=pgvector")
			.run((context) -> assertThat(context).doesNotHaveBean(VectorStore.class)
				.doesNotHaveBean(DocumentRetriever.class));
	}

	@Test
	void backsOffWithoutSpringAisVectorStoreApi() {
		this.withDataset.withClassLoader(new FilteredClassLoader(VectorStore.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ChatBotKitVectorStore.class)
				.doesNotHaveBean(ChatBotKitDocumentRetriever.class)
				.hasSingleBean(ChatBotKitClient.class));
	}

	@Test
	void registersNoRetrieverWithoutSpringAisRagModule() {
		this.withDataset.withClassLoader(new FilteredClassLoader(DocumentRetriever.class))
			.run((context) -> assertThat(context).hasSingleBean(ChatBotKitVectorStore.class)
				.doesNotHaveBean(ChatBotKitDocumentRetriever.class));
	}

	@Test
	void backsOffForAStoreAndARetrieverOfTheApplication() {
		this.withDataset
			.withBean("myStore", ChatBotKitVectorStore.class,
					() -> ChatBotKitVectorStore.builder()
						.datasetClient(DatasetApiClients.datasets(api))
						.datasetId("mine")
						.build())
			.withBean("myRetriever", ChatBotKitDocumentRetriever.class,
					() -> ChatBotKitDocumentRetriever.builder()
						.datasetClient(DatasetApiClients.datasets(api))
						.datasetId("mine")
						.build())
			.run((context) -> assertThat(context).hasSingleBean(ChatBotKitVectorStore.class)
				.hasBean("myStore")
				.hasSingleBean(ChatBotKitDocumentRetriever.class)
				.hasBean("myRetriever"));
	}

}
