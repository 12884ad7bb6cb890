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
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ApiTransport;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.Page;
import io.github.cbkspring.client.error.ChatBotKitException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.util.Assert;

/**
 * Manages datasets (list, fetch, create, update, delete) and searches them; the records
 * of a dataset are managed with {@link #records()}, the files it is built from with
 * {@link #files()}. A retrieval (RAG) ingestion: <pre class="code">
 * DatasetClient datasets = client.datasets();
 * String datasetId = datasets.create(DatasetRequest.builder().name("Handbook").searchMaxRecords(5).build());
 * for (Chunk chunk : chunks) {
 *     datasets.records().create(datasetId,
 *             DatasetRecordRequest.of(chunk.text()).withSource(chunk.url()).withMeta("lang", "en"));
 * }
 * SearchResult result = datasets.search(datasetId, "How many days of leave?", SearchFilter.eq("lang", "en"));
 * for (SearchMatch match : result.records()) {
 *     System.out.println(match.score() + " " + match.source() + ": " + match.text());
 * }
 * </pre> Every method that takes a dataset id takes it first, in this client and in its
 * records and files clients alike, so that one client serves every dataset.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class DatasetClient {

	static final ApiEndpoint LIST = ApiEndpoint.get("/dataset/list");

	static final ApiEndpoint FETCH = ApiEndpoint.get("/dataset/{datasetId}/fetch");

	static final ApiEndpoint CREATE = ApiEndpoint.post("/dataset/create");

	static final ApiEndpoint UPDATE = ApiEndpoint.post("/dataset/{datasetId}/update");

	static final ApiEndpoint DELETE = ApiEndpoint.post("/dataset/{datasetId}/delete");

	static final ApiEndpoint SEARCH = ApiEndpoint.post("/dataset/{datasetId}/search");

	static final ParameterizedTypeReference<Page<Dataset>> PAGE = new ParameterizedTypeReference<>() {
	};

	private final ApiTransport transport;

	/**
	 * Create a dataset client on an {@link ApiTransport}, such as a
	 * {@code ChatBotKitClient}.
	 * @param transport the transport whose options and connection pool to use
	 */
	public DatasetClient(ApiTransport transport) {
		Assert.notNull(transport, "ApiTransport must not be null");
		this.transport = transport;
	}

	/**
	 * Fetch a page of datasets ({@code GET /dataset/list}).
	 * @param query the page to fetch, optionally filtered by metadata
	 * @return the page
	 * @throws ChatBotKitException if the call fails
	 */
	public Page<Dataset> list(ListQuery query) {
		return this.transport.request(LIST).query(query).retrieve(PAGE);
	}

	/**
	 * Read every dataset lazily, page after page; see {@link Page#walk}.
	 * @param query the first page to fetch: its size, order and filter apply to all
	 * @return the datasets
	 */
	public Stream<Dataset> listAll(ListQuery query) {
		return Page.walk(query, this::list);
	}

	/**
	 * Fetch a dataset ({@code GET /dataset/{datasetId}/fetch}).
	 * @param datasetId the dataset
	 * @return the dataset
	 * @throws IllegalArgumentException if {@code datasetId} is not acceptable
	 * @throws ChatBotKitException if the call fails, a
	 * {@code ChatBotKitNotFoundException} if there is no such dataset
	 */
	public Dataset fetch(String datasetId) {
		return this.transport.request(FETCH, datasetId).retrieve(Dataset.class);
	}

	/**
	 * Create a dataset ({@code POST /dataset/create}).
	 * @param request the dataset's settings, including its {@link DatasetRequest#store()
	 * store} if not the API's default
	 * @return the new dataset's id
	 * @throws ChatBotKitException if the call fails
	 */
	public String create(DatasetRequest request) {
		Assert.notNull(request, "DatasetRequest must not be null");
		return this.transport.request(CREATE).body(request).retrieveId();
	}

	/**
	 * Change the settings of a dataset that are set in the request ({@code POST
	 * /dataset/{datasetId}/update}). The store is chosen when a dataset is created and
	 * cannot change.
	 * @param datasetId the dataset
	 * @param request the settings to change, without a store
	 * @throws IllegalArgumentException if an argument is not acceptable, or the request
	 * sets a {@link DatasetRequest#store() store}
	 * @throws ChatBotKitException if the call fails
	 */
	public void update(String datasetId, DatasetRequest request) {
		this.transport.request(UPDATE, datasetId).body(updateBody(request)).execute();
	}

	/**
	 * Delete a dataset and its records ({@code POST /dataset/{datasetId}/delete}).
	 * @param datasetId the dataset
	 * @throws IllegalArgumentException if {@code datasetId} is not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public void delete(String datasetId) {
		this.transport.request(DELETE, datasetId).body(Map.of()).execute();
	}

	/**
	 * Search the records of a dataset ({@code POST /dataset/{datasetId}/search}).
	 * @param datasetId the dataset
	 * @param search the text to search for, such as a user's question
	 * @return the records found, best first, with their scores
	 * @throws IllegalArgumentException if an argument is not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public SearchResult search(String datasetId, String search) {
		return search(datasetId, search, null);
	}

	/**
	 * Search the records of a dataset whose metadata match a filter ({@code POST
	 * /dataset/{datasetId}/search}).
	 * @param datasetId the dataset
	 * @param search the text to search for, such as a user's question
	 * @param filter the conditions on the records' metadata, or {@code null} for none
	 * @return the records found, best first, with their scores
	 * @throws IllegalArgumentException if an argument is not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public SearchResult search(String datasetId, String search, @Nullable SearchFilter filter) {
		return this.transport.request(SEARCH, datasetId)
			.body(SearchBody.of(search, filter))
			.retrieve(SearchResult.class);
	}

	/**
	 * The record endpoints of datasets, on the same client.
	 * @return a record client
	 */
	public DatasetRecordClient records() {
		return new DatasetRecordClient(this.transport);
	}

	/**
	 * The file endpoints of datasets, on the same client.
	 * @return a dataset file client
	 */
	public DatasetFileClient files() {
		return new DatasetFileClient(this.transport);
	}

	/**
	 * A copy of this client with some options changed, sharing the connection pool; see
	 * {@link ApiTransport#withOptions(Consumer)}.
	 * @param changes the changes to apply to a copy of the options
	 * @return the copy
	 */
	public DatasetClient withOptions(Consumer<ChatBotKitOptions.Builder> changes) {
		return new DatasetClient(this.transport.withOptions(changes));
	}

	/**
	 * The transport this client calls the API through.
	 * @return the transport
	 */
	public ApiTransport transport() {
		return this.transport;
	}

	@Override
	public String toString() {
		return "DatasetClient[" + this.transport + "]";
	}

	/**
	 * The body of a search.
	 * @param search the text to search for
	 * @param filter the metadata filter, not sent when {@code null}
	 */
	/**
	 * The body of an update, checked: no store.
	 */
	static DatasetRequest updateBody(DatasetRequest request) {
		Assert.notNull(request, "DatasetRequest must not be null");
		Assert.isNull(request.store(), "The store of a dataset is set when it is created and cannot be updated");
		return request;
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record SearchBody(String search, @Nullable SearchFilter filter) {

		static SearchBody of(String search, @Nullable SearchFilter filter) {
			Assert.hasText(search, "Search text must not be empty");
			return new SearchBody(search, filter);
		}

	}

}
