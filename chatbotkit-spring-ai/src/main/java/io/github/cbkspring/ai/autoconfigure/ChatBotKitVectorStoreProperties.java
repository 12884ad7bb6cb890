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

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the ChatBotKit vector store and document retriever: the
 * dataset they use and the defaults of retrieval. The connection is the ChatBotKit
 * client's ({@code chatbotkit.*}).
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
@ConfigurationProperties(ChatBotKitVectorStoreProperties.PREFIX)
public class ChatBotKitVectorStoreProperties {

	/**
	 * The prefix of these properties.
	 */
	public static final String PREFIX = "spring.ai.vectorstore.chatbotkit";

	/**
	 * Dataset that holds the documents; the vector store and the retriever are registered
	 * only when it is set.
	 */
	private @Nullable String datasetId;

	/**
	 * Most documents the retriever returns for a query; the dataset's search max records
	 * caps it on the API's side.
	 */
	// literals rather than SearchRequest's constants (the same values), so that the
	// configuration metadata shows them
	private int topK = 4;

	/**
	 * Lowest score of a document the retriever returns; 0 returns all the search finds.
	 */
	private double similarityThreshold = 0.0;

	public @Nullable String getDatasetId() {
		return this.datasetId;
	}

	public void setDatasetId(@Nullable String datasetId) {
		this.datasetId = datasetId;
	}

	public int getTopK() {
		return this.topK;
	}

	public void setTopK(int topK) {
		this.topK = topK;
	}

	public double getSimilarityThreshold() {
		return this.similarityThreshold;
	}

	public void setSimilarityThreshold(double similarityThreshold) {
		this.similarityThreshold = similarityThreshold;
	}

}
