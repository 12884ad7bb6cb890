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

import java.util.Objects;

import io.github.cbkspring.ai.ChatBotKitDocumentRetriever;
import io.github.cbkspring.ai.ChatBotKitVectorStore;
import io.github.cbkspring.autoconfigure.ChatBotKitAutoConfiguration;
import io.github.cbkspring.client.dataset.DatasetClient;

import org.springframework.ai.rag.retrieval.search.DocumentRetriever;
import org.springframework.ai.vectorstore.SpringAIVectorStoreTypes;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for a ChatBotKit dataset as a Spring AI vector store: a
 * {@link ChatBotKitVectorStore} and, with Spring AI's RAG module on the class path, a
 * {@link ChatBotKitDocumentRetriever}, on the {@link DatasetClient} of the ChatBotKit
 * client's auto-configuration and the dataset of {@link ChatBotKitVectorStoreProperties
 * spring.ai.vectorstore.chatbotkit.*}.
 * <p>
 * Active when Spring AI's vector store API is on the class path,
 * {@code spring.ai.vectorstore.chatbotkit.dataset-id} is set, and
 * {@code spring.ai.vectorstore.type} is
 * {@value ChatBotKitVectorStoreAutoConfiguration#TYPE} or not set.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
@AutoConfiguration(after = ChatBotKitAutoConfiguration.class)
@ConditionalOnClass({ VectorStore.class, ChatBotKitVectorStore.class, DatasetClient.class })
@ConditionalOnProperty(name = SpringAIVectorStoreTypes.TYPE, havingValue = ChatBotKitVectorStoreAutoConfiguration.TYPE,
		matchIfMissing = true)
@ConditionalOnProperty(prefix = ChatBotKitVectorStoreProperties.PREFIX, name = "dataset-id")
@EnableConfigurationProperties(ChatBotKitVectorStoreProperties.class)
public final class ChatBotKitVectorStoreAutoConfiguration {

	/**
	 * The value of {@code spring.ai.vectorstore.type} that selects this vector store.
	 */
	public static final String TYPE = "chatbotkit";

	@Bean
	@ConditionalOnMissingBean
	ChatBotKitVectorStore chatBotKitVectorStore(DatasetClient datasetClient,
			ChatBotKitVectorStoreProperties properties) {
		return ChatBotKitVectorStore.builder()
			.datasetClient(datasetClient)
			.datasetId(Objects.requireNonNull(properties.getDatasetId()))
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DocumentRetriever.class)
	static class RetrieverConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ChatBotKitDocumentRetriever chatBotKitDocumentRetriever(DatasetClient datasetClient,
				ChatBotKitVectorStoreProperties properties) {
			return ChatBotKitDocumentRetriever.builder()
				.datasetClient(datasetClient)
				.datasetId(Objects.requireNonNull(properties.getDatasetId()))
				.topK(properties.getTopK())
				.similarityThreshold(properties.getSimilarityThreshold())
				.build();
		}

	}

}
