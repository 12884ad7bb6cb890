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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.cbkspring.client.dataset.DatasetClient;
import io.github.cbkspring.client.dataset.SearchFilter;
import io.github.cbkspring.client.dataset.SearchMatch;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.filter.Filter;

/**
 * A search of one dataset as Spring AI documents, for the retriever and the vector store:
 * the filter is translated before anything is sent, and the API's ranked records are cut
 * to the similarity threshold and the top k here, since the search takes neither.
 *
 * @author cbkspring contributors
 */
final class DatasetSearch {

	private final DatasetClient datasets;

	private final String datasetId;

	DatasetSearch(DatasetClient datasets, String datasetId) {
		this.datasets = datasets;
		this.datasetId = datasetId;
	}

	/**
	 * The best records for a text, as documents.
	 * @throws IllegalArgumentException if the filter cannot be expressed
	 */
	List<Document> search(String text, int topK, double similarityThreshold, Filter.@Nullable Expression filter) {
		SearchFilter searchFilter = (filter != null) ? SearchFilters.translate(filter) : null;
		return this.datasets.search(this.datasetId, text, searchFilter)
			.records()
			.stream()
			.filter((match) -> match.score() >= similarityThreshold)
			.limit(topK)
			.map(DatasetSearch::document)
			.toList();
	}

	String datasetId() {
		return this.datasetId;
	}

	DatasetClient datasets() {
		return this.datasets;
	}

	/**
	 * A record as a document: the id a vector store kept in its metadata (else the
	 * record's), its metadata without that id and without nulls (which documents do not
	 * hold), its source unless the metadata has one, and its record id.
	 */
	static Document document(SearchMatch match) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		match.meta().forEach((key, value) -> {
			if (value != null && !ChatBotKitDocumentRetriever.DOCUMENT_ID_METADATA.equals(key)) {
				metadata.put(key, value);
			}
		});
		if (match.source() != null) {
			metadata.putIfAbsent(ChatBotKitDocumentRetriever.SOURCE_METADATA, match.source());
		}
		metadata.put(ChatBotKitDocumentRetriever.RECORD_ID_METADATA, match.id());
		Object documentId = match.meta().get(ChatBotKitDocumentRetriever.DOCUMENT_ID_METADATA);
		String id = (documentId instanceof String kept && !kept.isEmpty()) ? kept : match.id();
		return Document.builder().id(id).text(match.text()).metadata(metadata).score(match.score()).build();
	}

}
