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
import java.util.function.Supplier;

import io.github.cbkspring.client.dataset.DatasetClient;
import io.github.cbkspring.client.error.ChatBotKitException;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.document.Document;
import org.springframework.ai.rag.Query;
import org.springframework.ai.rag.retrieval.search.DocumentRetriever;
import org.springframework.ai.rag.retrieval.search.VectorStoreDocumentRetriever;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.filter.Filter;
import org.springframework.ai.vectorstore.filter.FilterExpressionTextParser;
import org.springframework.util.Assert;

/**
 * A ChatBotKit dataset as a Spring AI {@link DocumentRetriever}, for
 * {@code RetrievalAugmentationAdvisor} with any chat model: each query is a dataset
 * search ({@code POST /dataset/{datasetId}/search}), and ChatBotKit embeds and ranks on
 * its side, so no {@code EmbeddingModel} is needed. <pre class="code">
 * DocumentRetriever retriever = ChatBotKitDocumentRetriever.builder()
 *     .datasetClient(client.datasets())
 *     .datasetId("dataset-123")
 *     .topK(5)
 *     .build();
 * ChatClient.create(chatModel).prompt()
 *     .advisors(RetrievalAugmentationAdvisor.builder().documentRetriever(retriever).build())
 *     .user("How many days of leave do I get?")
 *     .call().content();
 * </pre>
 * <p>
 * Each record found becomes a {@link Document} with the record's text, its score as the
 * document's {@linkplain Document#getScore() score}, and as metadata the record's
 * metadata (without {@code null} values), its source under {@value #SOURCE_METADATA}
 * (unless the metadata has that key) and its id under {@value #RECORD_ID_METADATA}. The
 * document id is the one {@link ChatBotKitVectorStore} kept in the record's metadata
 * under {@value #DOCUMENT_ID_METADATA}, or else the record's id.
 * <p>
 * The search takes neither a number of results nor a lowest score: it returns the records
 * the dataset's own settings ({@code searchMaxRecords}, {@code searchMinScore}) allow,
 * best first, and this retriever keeps those that score at least the similarity
 * threshold, at most top k of them.
 * <p>
 * A filter expression, set on the builder or given per query in the query's context under
 * {@link VectorStoreDocumentRetriever#FILTER_EXPRESSION} (as an expression or its text),
 * becomes the search's metadata filter: {@code ==} and {@code !=} on a text, a number or
 * a boolean, {@code >}, {@code >=}, {@code <} and {@code <=} on a number, and {@code AND}
 * of conditions on different keys. Anything else fails with an
 * {@link IllegalArgumentException} that names the part it cannot express, before any
 * call: the search never returns more than the filter allows.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public final class ChatBotKitDocumentRetriever implements DocumentRetriever {

	/**
	 * The metadata key of a document's record id.
	 */
	public static final String RECORD_ID_METADATA = "recordId";

	/**
	 * The metadata key of a record's source.
	 */
	public static final String SOURCE_METADATA = "source";

	/**
	 * The record metadata key that holds the id of the document a record was written
	 * from.
	 */
	public static final String DOCUMENT_ID_METADATA = "documentId";

	private final DatasetSearch search;

	private final int topK;

	private final double similarityThreshold;

	private final Supplier<Filter.@Nullable Expression> filterExpression;

	private ChatBotKitDocumentRetriever(Builder builder) {
		Assert.notNull(builder.datasets, "DatasetClient must not be null");
		Assert.hasText(builder.datasetId, "Dataset id must not be empty");
		this.search = new DatasetSearch(builder.datasets, builder.datasetId);
		this.topK = builder.topK;
		this.similarityThreshold = builder.similarityThreshold;
		this.filterExpression = builder.filterExpression;
	}

	/**
	 * Start a retriever.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Search the dataset for the query's text.
	 * @param query the query; its context may hold a filter expression under
	 * {@link VectorStoreDocumentRetriever#FILTER_EXPRESSION}, used instead of the
	 * builder's
	 * @return the documents found, best first, at most top k
	 * @throws IllegalArgumentException if the query's text is empty or the filter cannot
	 * be expressed as a dataset search filter
	 * @throws ChatBotKitException if the search fails
	 */
	@Override
	public List<Document> retrieve(Query query) {
		Assert.notNull(query, "Query must not be null");
		return this.search.search(query.text(), this.topK, this.similarityThreshold, filterExpression(query));
	}

	private Filter.@Nullable Expression filterExpression(Query query) {
		Object filter = query.context().get(VectorStoreDocumentRetriever.FILTER_EXPRESSION);
		if (filter instanceof Filter.Expression expression) {
			return expression;
		}
		if (filter instanceof String text && !text.isBlank()) {
			return new FilterExpressionTextParser().parse(text);
		}
		return this.filterExpression.get();
	}

	@Override
	public String toString() {
		return "ChatBotKitDocumentRetriever[datasetId=" + this.search.datasetId() + ", topK=" + this.topK
				+ ", similarityThreshold=" + this.similarityThreshold + "]";
	}

	/**
	 * Builder for {@link ChatBotKitDocumentRetriever}.
	 */
	public static final class Builder {

		private @Nullable DatasetClient datasets;

		private @Nullable String datasetId;

		private int topK = SearchRequest.DEFAULT_TOP_K;

		private double similarityThreshold = SearchRequest.SIMILARITY_THRESHOLD_ACCEPT_ALL;

		private Supplier<Filter.@Nullable Expression> filterExpression = () -> null;

		private Builder() {
		}

		/**
		 * Set the client that searches; its connection settings, retries and timeouts
		 * apply. Required.
		 * @param datasets the dataset client
		 * @return this builder
		 */
		public Builder datasetClient(DatasetClient datasets) {
			Assert.notNull(datasets, "DatasetClient must not be null");
			this.datasets = datasets;
			return this;
		}

		/**
		 * Set the dataset to search. Required.
		 * @param datasetId the dataset's id
		 * @return this builder
		 */
		public Builder datasetId(String datasetId) {
			Assert.hasText(datasetId, "Dataset id must not be empty");
			this.datasetId = datasetId;
			return this;
		}

		/**
		 * Set the most documents a query returns; {@value SearchRequest#DEFAULT_TOP_K} by
		 * default. The dataset's {@code searchMaxRecords} caps it on the API's side.
		 * @param topK the most documents, positive
		 * @return this builder
		 */
		public Builder topK(int topK) {
			Assert.isTrue(topK > 0, "topK must be positive");
			this.topK = topK;
			return this;
		}

		/**
		 * Set the lowest score of a document returned; {@code 0} (all) by default.
		 * @param similarityThreshold the lowest score, not negative
		 * @return this builder
		 */
		public Builder similarityThreshold(double similarityThreshold) {
			Assert.isTrue(similarityThreshold >= 0 && Double.isFinite(similarityThreshold),
					"similarityThreshold must be a finite number, not negative");
			this.similarityThreshold = similarityThreshold;
			return this;
		}

		/**
		 * Set the filter of every query whose context sets none.
		 * @param filterExpression the filter on the records' metadata
		 * @return this builder
		 */
		public Builder filterExpression(Filter.Expression filterExpression) {
			Assert.notNull(filterExpression, "Filter expression must not be null");
			return filterExpression(() -> filterExpression);
		}

		/**
		 * Set where the filter of every query whose context sets none comes from, such as
		 * the current user's tenant; asked on each query.
		 * @param filterExpression supplies the filter, or {@code null} for none
		 * @return this builder
		 */
		public Builder filterExpression(Supplier<Filter.@Nullable Expression> filterExpression) {
			Assert.notNull(filterExpression, "Filter expression supplier must not be null");
			this.filterExpression = filterExpression;
			return this;
		}

		/**
		 * Build the retriever.
		 * @return the retriever
		 * @throws IllegalArgumentException if no dataset client or dataset id was set
		 */
		public ChatBotKitDocumentRetriever build() {
			return new ChatBotKitDocumentRetriever(this);
		}

	}

}
