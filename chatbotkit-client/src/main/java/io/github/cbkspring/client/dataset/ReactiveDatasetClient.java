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
import io.github.cbkspring.client.dataset.DatasetClient.SearchBody;
import io.github.cbkspring.client.error.ChatBotKitException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * The non-blocking twin of {@link DatasetClient}: list, fetch, create, update, delete and
 * search datasets, as a {@link Mono} or a {@link Flux}; their records with
 * {@link #records()} and files with {@link #files()}.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class ReactiveDatasetClient {

	private final ReactiveApiTransport transport;

	/**
	 * Create a dataset client on a {@link ReactiveApiTransport}, such as a
	 * {@code ChatBotKitReactiveClient}.
	 * @param transport the transport whose options and connection pool to use
	 */
	public ReactiveDatasetClient(ReactiveApiTransport transport) {
		Assert.notNull(transport, "ReactiveApiTransport must not be null");
		this.transport = transport;
	}

	/**
	 * Fetch a page of datasets ({@code GET /dataset/list}).
	 * @param query the page to fetch
	 * @return the page, or a {@link ChatBotKitException} signal
	 */
	public Mono<Page<Dataset>> list(ListQuery query) {
		return this.transport.request(DatasetClient.LIST).query(query).retrieve(DatasetClient.PAGE);
	}

	/**
	 * Read every dataset lazily, a page fetched only on demand; see
	 * {@link ReactivePages#walk}.
	 * @param query the first page to fetch: its size, order and filter apply to all
	 * @return the datasets
	 */
	public Flux<Dataset> listAll(ListQuery query) {
		return ReactivePages.walk(query, this::list);
	}

	/**
	 * Fetch a dataset ({@code GET /dataset/{datasetId}/fetch}).
	 * @param datasetId the dataset
	 * @return the dataset, or a {@link ChatBotKitException} signal, a
	 * {@code ChatBotKitNotFoundException} if there is no such dataset
	 * @throws IllegalArgumentException if {@code datasetId} is not acceptable
	 */
	public Mono<Dataset> fetch(String datasetId) {
		return this.transport.request(DatasetClient.FETCH, datasetId).retrieve(Dataset.class);
	}

	/**
	 * Create a dataset ({@code POST /dataset/create}).
	 * @param request the dataset's settings
	 * @return the new dataset's id, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if the request is null
	 */
	public Mono<String> create(DatasetRequest request) {
		Assert.notNull(request, "DatasetRequest must not be null");
		return this.transport.request(DatasetClient.CREATE).body(request).retrieveId();
	}

	/**
	 * Change the settings of a dataset that are set in the request ({@code POST
	 * /dataset/{datasetId}/update}).
	 * @param datasetId the dataset
	 * @param request the settings to change; not the store, which is set at creation
	 * @return completes when the call succeeded, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an argument is not acceptable or the request
	 * sets a store
	 */
	public Mono<Void> update(String datasetId, DatasetRequest request) {
		return this.transport.request(DatasetClient.UPDATE, datasetId)
			.body(DatasetClient.updateBody(request))
			.execute();
	}

	/**
	 * Delete a dataset ({@code POST /dataset/{datasetId}/delete}).
	 * @param datasetId the dataset
	 * @return completes when the call succeeded, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if {@code datasetId} is not acceptable
	 */
	public Mono<Void> delete(String datasetId) {
		return this.transport.request(DatasetClient.DELETE, datasetId).body(Map.of()).execute();
	}

	/**
	 * Search a dataset's records by meaning.
	 * @param datasetId the dataset
	 * @param search the text to search for
	 * @return the records found, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an argument is not acceptable or the text is
	 * empty
	 */
	public Mono<SearchResult> search(String datasetId, String search) {
		return search(datasetId, search, null);
	}

	/**
	 * Search a dataset's records by meaning, within those a filter accepts ({@code POST
	 * /dataset/{datasetId}/search}).
	 * @param datasetId the dataset
	 * @param search the text to search for
	 * @param filter the records to search among, or {@code null} for all
	 * @return the records found, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an argument is not acceptable or the text is
	 * empty
	 */
	public Mono<SearchResult> search(String datasetId, String search, @Nullable SearchFilter filter) {
		return this.transport.request(DatasetClient.SEARCH, datasetId)
			.body(SearchBody.of(search, filter))
			.retrieve(SearchResult.class);
	}

	/**
	 * The records of datasets, on the same transport.
	 * @return a dataset record client
	 */
	public ReactiveDatasetRecordClient records() {
		return new ReactiveDatasetRecordClient(this.transport);
	}

	/**
	 * The files of datasets, on the same transport.
	 * @return a dataset file client
	 */
	public ReactiveDatasetFileClient files() {
		return new ReactiveDatasetFileClient(this.transport);
	}

	/**
	 * A copy of this client with some options changed, sharing the connection pool; see
	 * {@link ReactiveApiTransport#withOptions(Consumer)}.
	 * @param changes the changes to apply to a copy of the options
	 * @return the copy
	 */
	public ReactiveDatasetClient withOptions(Consumer<ChatBotKitOptions.Builder> changes) {
		return new ReactiveDatasetClient(this.transport.withOptions(changes));
	}

	/**
	 * The transport this client calls the API through.
	 * @return the transport
	 */
	public ReactiveApiTransport transport() {
		return this.transport;
	}

	@Override
	public String toString() {
		return "ReactiveDatasetClient[" + this.transport + "]";
	}

}
