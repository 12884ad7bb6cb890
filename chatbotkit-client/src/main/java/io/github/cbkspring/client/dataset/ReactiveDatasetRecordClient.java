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
package io.github.cbkspring.client.dataset;

import java.util.Map;
import java.util.function.Consumer;

import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.Page;
import io.github.cbkspring.client.core.ReactiveApiTransport;
import io.github.cbkspring.client.core.ReactivePages;
import io.github.cbkspring.client.error.ChatBotKitException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * The non-blocking twin of {@link DatasetRecordClient}: the records of a dataset (list,
 * fetch, create, update, delete), as a {@link Mono} or a {@link Flux}.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class ReactiveDatasetRecordClient implements ReactiveGeneratedDatasetRecordOperations {

	private final ReactiveApiTransport transport;

	/**
	 * Create a dataset record client on a {@link ReactiveApiTransport}, such as a
	 * {@code ChatBotKitReactiveClient}.
	 * @param transport the transport whose options and connection pool to use
	 */
	public ReactiveDatasetRecordClient(ReactiveApiTransport transport) {
		Assert.notNull(transport, "ReactiveApiTransport must not be null");
		this.transport = transport;
	}

	/**
	 * Fetch a page of a dataset's records ({@code GET /dataset/{datasetId}/record/list}).
	 * @param datasetId the dataset
	 * @param query the page to fetch; the API filters records by no metadata
	 * @return the page, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an argument is not acceptable or the query has
	 * a metadata filter
	 */
	public Mono<Page<DatasetRecord>> list(String datasetId, ListQuery query) {
		DatasetSupport.withoutMeta(query, "records");
		return this.transport.request(DatasetRecordClient.LIST, datasetId)
			.query(query)
			.retrieve(DatasetRecordClient.PAGE);
	}

	/**
	 * Read every record of a dataset lazily, a page fetched only on demand; see
	 * {@link ReactivePages#walk}.
	 * @param datasetId the dataset
	 * @param query the first page to fetch: its size and order apply to all
	 * @return the records
	 * @throws IllegalArgumentException if the query has a metadata filter
	 */
	public Flux<DatasetRecord> listAll(String datasetId, ListQuery query) {
		DatasetSupport.withoutMeta(query, "records");
		return ReactivePages.walk(query, (page) -> list(datasetId, page));
	}

	/**
	 * Fetch a record ({@code GET /dataset/{datasetId}/record/{recordId}/fetch}).
	 * @param datasetId the dataset
	 * @param recordId the record
	 * @return the record, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an id is not acceptable
	 */
	public Mono<DatasetRecord> fetch(String datasetId, String recordId) {
		return this.transport.request(DatasetRecordClient.FETCH, datasetId, recordId).retrieve(DatasetRecord.class);
	}

	/**
	 * Create a record ({@code POST /dataset/{datasetId}/record/create}).
	 * @param datasetId the dataset
	 * @param request the record: a text is required
	 * @return the new record's id, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an argument is not acceptable or the request
	 * has no text
	 */
	public Mono<String> create(String datasetId, DatasetRecordRequest request) {
		return this.transport.request(DatasetRecordClient.CREATE, datasetId)
			.body(DatasetRecordClient.createBody(request))
			.retrieveId();
	}

	/**
	 * Change what the request sets of a record ({@code POST
	 * /dataset/{datasetId}/record/{recordId}/update}).
	 * @param datasetId the dataset
	 * @param recordId the record
	 * @param request the fields to change
	 * @return completes when the call succeeded, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an argument is not acceptable
	 */
	public Mono<Void> update(String datasetId, String recordId, DatasetRecordRequest request) {
		Assert.notNull(request, "DatasetRecordRequest must not be null");
		return this.transport.request(DatasetRecordClient.UPDATE, datasetId, recordId).body(request).execute();
	}

	/**
	 * Delete a record ({@code POST /dataset/{datasetId}/record/{recordId}/delete}).
	 * @param datasetId the dataset
	 * @param recordId the record
	 * @return completes when the call succeeded, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an id is not acceptable
	 */
	public Mono<Void> delete(String datasetId, String recordId) {
		return this.transport.request(DatasetRecordClient.DELETE, datasetId, recordId).body(Map.of()).execute();
	}

	/**
	 * A copy of this client with some options changed, sharing the connection pool; see
	 * {@link ReactiveApiTransport#withOptions(Consumer)}.
	 * @param changes the changes to apply to a copy of the options
	 * @return the copy
	 */
	public ReactiveDatasetRecordClient withOptions(Consumer<ChatBotKitOptions.Builder> changes) {
		return new ReactiveDatasetRecordClient(this.transport.withOptions(changes));
	}

	/**
	 * The transport this client calls the API through.
	 * @return the transport
	 */
	@Override
	public ReactiveApiTransport transport() {
		return this.transport;
	}

	@Override
	public String toString() {
		return "ReactiveDatasetRecordClient[" + this.transport + "]";
	}

}
