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

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.cbkspring.client.dataset.DatasetClient;
import io.github.cbkspring.client.dataset.DatasetRecordRequest;
import io.github.cbkspring.client.dataset.SearchFilter;
import io.github.cbkspring.client.dataset.SearchMatch;
import io.github.cbkspring.client.error.ChatBotKitException;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.ai.vectorstore.filter.Filter;
import org.springframework.util.Assert;

/**
 * A ChatBotKit dataset as a Spring AI {@link VectorStore}. ChatBotKit embeds the records
 * of a dataset and ranks them on its side, so this store takes no {@code EmbeddingModel},
 * and documents keep no embedding here (as with Spring AI's Bedrock knowledge base
 * store). <pre class="code">
 * VectorStore store = ChatBotKitVectorStore.builder()
 *     .datasetClient(client.datasets())
 *     .datasetId("dataset-123")
 *     .build();
 * store.add(documents);
 * List&lt;Document&gt; found = store.similaritySearch(SearchRequest.builder().query("leave").topK(5).build());
 * </pre>
 * <ul>
 * <li>{@link #add(List)} writes each document as a record ({@code POST
 * /dataset/{datasetId}/record/create}, one call each, since the API has no bulk create;
 * each is retried as the client's retries say): its text; its metadata as the record's
 * metadata, with the document id under
 * {@value ChatBotKitDocumentRetriever#DOCUMENT_ID_METADATA}; and a text
 * {@value ChatBotKitDocumentRetriever#SOURCE_METADATA} in its metadata as the record's
 * source as well. The documents are checked before the first call (each needs a text); a
 * failure after some were written is a {@link ChatBotKitVectorStoreWriteException} that
 * says which were written and which not.</li>
 * <li>{@link #similaritySearch(SearchRequest)} is a dataset search, mapped as
 * {@link ChatBotKitDocumentRetriever} maps it: top k and the similarity threshold cut
 * what the API returns, and the filter expression becomes the search filter (an
 * expression it cannot express fails, naming the part).</li>
 * <li>{@link #delete(List)} and {@link #delete(Filter.Expression)} find the records with
 * dataset searches filtered on the document id or the expression (the API lists records
 * without their metadata, so only a search finds them by it) and delete each ({@code POST
 * /dataset/{datasetId}/record/{recordId}/delete}), searching again until a search finds
 * no record it has not deleted yet. A record is deleted only if the metadata the search
 * returned meets the filter. A dataset whose {@code searchMinScore} drops weak matches
 * can hide records from these searches: leave it unset for a dataset used as a vector
 * store.</li>
 * </ul>
 * Failures are the client's {@link ChatBotKitException}s, after its retries. Calls are
 * not observed as vector store operations; the client's HTTP observations record them.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public final class ChatBotKitVectorStore implements VectorStore {

	private final DatasetSearch search;

	private ChatBotKitVectorStore(Builder builder) {
		Assert.notNull(builder.datasets, "DatasetClient must not be null");
		Assert.hasText(builder.datasetId, "Dataset id must not be empty");
		this.search = new DatasetSearch(builder.datasets, builder.datasetId);
	}

	/**
	 * Start a vector store.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Write documents as records of the dataset, in order.
	 * @param documents the documents, each with a text
	 * @throws IllegalArgumentException if a document has no text (nothing is written)
	 * @throws ChatBotKitVectorStoreWriteException if a write fails after others were done
	 * @throws ChatBotKitException if the first write fails
	 */
	@Override
	public void add(List<Document> documents) {
		Assert.notNull(documents, "Documents must not be null");
		List<DatasetRecordRequest> records = documents.stream().map(ChatBotKitVectorStore::record).toList();
		Map<String, String> written = new LinkedHashMap<>();
		for (int i = 0; i < records.size(); i++) {
			try {
				written.put(documents.get(i).getId(),
						this.search.datasets().records().create(this.search.datasetId(), records.get(i)));
			}
			catch (RuntimeException ex) {
				if (written.isEmpty()) {
					throw ex;
				}
				List<String> notWritten = documents.subList(i, documents.size()).stream().map(Document::getId).toList();
				throw new ChatBotKitVectorStoreWriteException(written, notWritten, ex);
			}
		}
	}

	private static DatasetRecordRequest record(Document document) {
		Assert.notNull(document, "Document must not be null");
		String text = document.getText();
		Assert.isTrue(text != null,
				() -> "Document '" + document.getId() + "' has no text: a ChatBotKit dataset record holds text only");
		Map<String, Object> meta = new LinkedHashMap<>(document.getMetadata());
		meta.put(ChatBotKitDocumentRetriever.DOCUMENT_ID_METADATA, document.getId());
		DatasetRecordRequest record = new DatasetRecordRequest(text, null, meta);
		if (document.getMetadata().get(ChatBotKitDocumentRetriever.SOURCE_METADATA) instanceof String source) {
			record = record.withSource(source);
		}
		return record;
	}

	/**
	 * Delete the records written from these documents.
	 * @param ids the document ids
	 * @throws ChatBotKitException if a call fails; the records deleted before stay
	 * deleted
	 */
	@Override
	public void delete(List<String> ids) {
		Assert.notNull(ids, "Document ids must not be null");
		for (String id : ids) {
			Assert.hasText(id, "Document id must not be empty");
			deleteMatching(id, SearchFilter.eq(ChatBotKitDocumentRetriever.DOCUMENT_ID_METADATA, id));
		}
	}

	/**
	 * Delete the records whose metadata meet a filter.
	 * @param filterExpression the filter
	 * @throws IllegalArgumentException if the filter cannot be expressed as a dataset
	 * search filter (nothing is deleted)
	 * @throws ChatBotKitException if a call fails; the records deleted before stay
	 * deleted
	 */
	@Override
	public void delete(Filter.Expression filterExpression) {
		Assert.notNull(filterExpression, "Filter expression must not be null");
		deleteMatching("*", SearchFilters.translate(filterExpression));
	}

	/**
	 * Search and delete until a search finds nothing more to delete. A record deleted
	 * once is not deleted again: a search index that still returns it ends the loop
	 * rather than running it for ever.
	 */
	private void deleteMatching(String text, SearchFilter filter) {
		Set<String> deleted = new HashSet<>();
		boolean found = true;
		while (found) {
			found = false;
			for (SearchMatch match : this.search.datasets().search(this.search.datasetId(), text, filter).records()) {
				if (SearchFilters.matches(filter, match.meta()) && deleted.add(match.id())) {
					this.search.datasets().records().delete(this.search.datasetId(), match.id());
					found = true;
				}
			}
		}
	}

	/**
	 * Search the dataset.
	 * @param request the query, top k, similarity threshold and filter
	 * @return the documents found, best first
	 * @throws IllegalArgumentException if the query is empty or the filter cannot be
	 * expressed as a dataset search filter
	 * @throws ChatBotKitException if the search fails
	 */
	@Override
	public List<Document> similaritySearch(SearchRequest request) {
		Assert.notNull(request, "SearchRequest must not be null");
		return this.search.search(request.getQuery(), request.getTopK(), request.getSimilarityThreshold(),
				request.getFilterExpression());
	}

	/**
	 * The dataset client, for what this store does not do.
	 * @return the {@link DatasetClient}
	 */
	@Override
	@SuppressWarnings("unchecked")
	public <T> Optional<T> getNativeClient() {
		return Optional.of((T) this.search.datasets());
	}

	@Override
	public String toString() {
		return "ChatBotKitVectorStore[datasetId=" + this.search.datasetId() + "]";
	}

	/**
	 * Builder for {@link ChatBotKitVectorStore}.
	 */
	public static final class Builder {

		private @Nullable DatasetClient datasets;

		private @Nullable String datasetId;

		private Builder() {
		}

		/**
		 * Set the client that writes and searches; its connection settings, retries and
		 * timeouts apply. Required.
		 * @param datasets the dataset client
		 * @return this builder
		 */
		public Builder datasetClient(DatasetClient datasets) {
			Assert.notNull(datasets, "DatasetClient must not be null");
			this.datasets = datasets;
			return this;
		}

		/**
		 * Set the dataset that holds the documents. Required.
		 * @param datasetId the dataset's id
		 * @return this builder
		 */
		public Builder datasetId(String datasetId) {
			Assert.hasText(datasetId, "Dataset id must not be empty");
			this.datasetId = datasetId;
			return this;
		}

		/**
		 * Build the vector store.
		 * @return the vector store
		 * @throws IllegalArgumentException if no dataset client or dataset id was set
		 */
		public ChatBotKitVectorStore build() {
			return new ChatBotKitVectorStore(this);
		}

	}

}
