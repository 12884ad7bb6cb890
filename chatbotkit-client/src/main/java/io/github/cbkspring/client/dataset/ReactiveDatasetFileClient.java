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
 * The non-blocking twin of {@link DatasetFileClient}: the files a dataset takes its
 * records from (list, attach, detach, sync), as a {@link Mono} or a {@link Flux}.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class ReactiveDatasetFileClient {

	private final ReactiveApiTransport transport;

	/**
	 * Create a dataset file client on a {@link ReactiveApiTransport}, such as a
	 * {@code ChatBotKitReactiveClient}.
	 * @param transport the transport whose options and connection pool to use
	 */
	public ReactiveDatasetFileClient(ReactiveApiTransport transport) {
		Assert.notNull(transport, "ReactiveApiTransport must not be null");
		this.transport = transport;
	}

	/**
	 * Fetch a page of the files attached to a dataset ({@code GET
	 * /dataset/{datasetId}/file/list}).
	 * @param datasetId the dataset
	 * @param query the page to fetch; the API filters them by no metadata
	 * @return the page, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an argument is not acceptable or the query has
	 * a metadata filter
	 */
	public Mono<Page<DatasetFile>> list(String datasetId, ListQuery query) {
		DatasetSupport.withoutMeta(query, "dataset files");
		return this.transport.request(DatasetFileClient.LIST, datasetId).query(query).retrieve(DatasetFileClient.PAGE);
	}

	/**
	 * Read every file attached to a dataset lazily, a page fetched only on demand; see
	 * {@link ReactivePages#walk}.
	 * @param datasetId the dataset
	 * @param query the first page to fetch: its size and order apply to all
	 * @return the files
	 * @throws IllegalArgumentException if the query has a metadata filter
	 */
	public Flux<DatasetFile> listAll(String datasetId, ListQuery query) {
		DatasetSupport.withoutMeta(query, "dataset files");
		return ReactivePages.walk(query, (page) -> list(datasetId, page));
	}

	/**
	 * Attach a file to a dataset as a source of records ({@code POST
	 * /dataset/{datasetId}/file/{fileId}/attach}).
	 * @param datasetId the dataset
	 * @param fileId the file
	 * @return completes when the call succeeded, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an id is not acceptable
	 */
	public Mono<Void> attach(String datasetId, String fileId) {
		return this.transport.request(DatasetFileClient.ATTACH, datasetId, fileId)
			.body(DatasetFileClient.AS_SOURCE)
			.execute();
	}

	/**
	 * Detach a file from a dataset ({@code POST
	 * /dataset/{datasetId}/file/{fileId}/detach}).
	 * @param datasetId the dataset
	 * @param fileId the file
	 * @param deleteRecords whether to delete the records made from the file too
	 * @return completes when the call succeeded, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an id is not acceptable
	 */
	public Mono<Void> detach(String datasetId, String fileId, boolean deleteRecords) {
		return this.transport.request(DatasetFileClient.DETACH, datasetId, fileId)
			.body(DatasetFileClient.detachBody(deleteRecords))
			.execute();
	}

	/**
	 * Make the dataset's records of a file again from its content ({@code POST
	 * /dataset/{datasetId}/file/{fileId}/sync}).
	 * @param datasetId the dataset
	 * @param fileId the file
	 * @return completes when the call succeeded, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an id is not acceptable
	 */
	public Mono<Void> sync(String datasetId, String fileId) {
		return this.transport.request(DatasetFileClient.SYNC, datasetId, fileId).body(Map.of()).execute();
	}

	/**
	 * A copy of this client with some options changed, sharing the connection pool; see
	 * {@link ReactiveApiTransport#withOptions(Consumer)}.
	 * @param changes the changes to apply to a copy of the options
	 * @return the copy
	 */
	public ReactiveDatasetFileClient withOptions(Consumer<ChatBotKitOptions.Builder> changes) {
		return new ReactiveDatasetFileClient(this.transport.withOptions(changes));
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
		return "ReactiveDatasetFileClient[" + this.transport + "]";
	}

}
