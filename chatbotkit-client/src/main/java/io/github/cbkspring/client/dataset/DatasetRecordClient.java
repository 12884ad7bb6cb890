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

import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ApiTransport;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.Page;
import io.github.cbkspring.client.error.ChatBotKitException;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.util.Assert;

/**
 * Manages the records of datasets: list, create, fetch, update, delete. Every method
 * takes the dataset first, so one client serves every dataset: <pre class="code">
 * DatasetRecordClient records = client.datasets().records();
 * String recordId = records.create(datasetId, DatasetRecordRequest.of("Leave is 25 days a year.").withSource("handbook.pdf"));
 * records.update(datasetId, recordId, DatasetRecordRequest.empty().withMeta("lang", "en"));
 * </pre>
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class DatasetRecordClient implements GeneratedDatasetRecordOperations {

	static final ApiEndpoint LIST = ApiEndpoint.get("/dataset/{datasetId}/record/list");

	static final ApiEndpoint FETCH = ApiEndpoint.get("/dataset/{datasetId}/record/{recordId}/fetch");

	static final ApiEndpoint CREATE = ApiEndpoint.post("/dataset/{datasetId}/record/create");

	static final ApiEndpoint UPDATE = ApiEndpoint.post("/dataset/{datasetId}/record/{recordId}/update");

	static final ApiEndpoint DELETE = ApiEndpoint.post("/dataset/{datasetId}/record/{recordId}/delete");

	static final ParameterizedTypeReference<Page<DatasetRecord>> PAGE = new ParameterizedTypeReference<>() {
	};

	private final ApiTransport transport;

	/**
	 * Create a record client on an {@link ApiTransport}, such as a
	 * {@code ChatBotKitClient}.
	 * @param transport the transport whose options and connection pool to use
	 */
	public DatasetRecordClient(ApiTransport transport) {
		Assert.notNull(transport, "ApiTransport must not be null");
		this.transport = transport;
	}

	/**
	 * Fetch a page of the records of a dataset ({@code GET
	 * /dataset/{datasetId}/record/list}).
	 * @param datasetId the dataset
	 * @param query the page to fetch; this list has no metadata filter
	 * @return the page
	 * @throws IllegalArgumentException if an argument is not acceptable, or the query has
	 * a metadata filter
	 * @throws ChatBotKitException if the call fails
	 */
	public Page<DatasetRecord> list(String datasetId, ListQuery query) {
		DatasetSupport.withoutMeta(query, "records");
		return this.transport.request(LIST, datasetId).query(query).retrieve(PAGE);
	}

	/**
	 * Read every record of a dataset lazily, page after page; see {@link Page#walk}.
	 * @param datasetId the dataset
	 * @param query the first page to fetch: its size and order apply to all
	 * @return the records
	 * @throws IllegalArgumentException if the query has a metadata filter
	 */
	public Stream<DatasetRecord> listAll(String datasetId, ListQuery query) {
		DatasetSupport.withoutMeta(query, "records");
		return Page.walk(query, (page) -> list(datasetId, page));
	}

	/**
	 * Fetch a record ({@code GET /dataset/{datasetId}/record/{recordId}/fetch}).
	 * @param datasetId the dataset
	 * @param recordId the record
	 * @return the record, without its metadata (the API does not return it here)
	 * @throws IllegalArgumentException if an id is not acceptable
	 * @throws ChatBotKitException if the call fails, a
	 * {@code ChatBotKitNotFoundException} if there is no such record
	 */
	public DatasetRecord fetch(String datasetId, String recordId) {
		return this.transport.request(FETCH, datasetId, recordId).retrieve(DatasetRecord.class);
	}

	/**
	 * Create a record ({@code POST /dataset/{datasetId}/record/create}).
	 * @param datasetId the dataset
	 * @param request the record, with its text
	 * @return the new record's id
	 * @throws IllegalArgumentException if an argument is not acceptable, or the request
	 * has no text
	 * @throws ChatBotKitException if the call fails
	 */
	public String create(String datasetId, DatasetRecordRequest request) {
		return this.transport.request(CREATE, datasetId).body(createBody(request)).retrieveId();
	}

	/**
	 * Change the fields of a record that are set in the request ({@code POST
	 * /dataset/{datasetId}/record/{recordId}/update}).
	 * @param datasetId the dataset
	 * @param recordId the record
	 * @param request the fields to change
	 * @throws IllegalArgumentException if an argument is not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public void update(String datasetId, String recordId, DatasetRecordRequest request) {
		Assert.notNull(request, "DatasetRecordRequest must not be null");
		this.transport.request(UPDATE, datasetId, recordId).body(request).execute();
	}

	/**
	 * Delete a record ({@code POST /dataset/{datasetId}/record/{recordId}/delete}).
	 * @param datasetId the dataset
	 * @param recordId the record
	 * @throws IllegalArgumentException if an id is not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public void delete(String datasetId, String recordId) {
		this.transport.request(DELETE, datasetId, recordId).body(Map.of()).execute();
	}

	/**
	 * A copy of this client with some options changed, sharing the connection pool; see
	 * {@link ApiTransport#withOptions(Consumer)}.
	 * @param changes the changes to apply to a copy of the options
	 * @return the copy
	 */
	public DatasetRecordClient withOptions(Consumer<ChatBotKitOptions.Builder> changes) {
		return new DatasetRecordClient(this.transport.withOptions(changes));
	}

	/**
	 * The transport this client calls the API through.
	 * @return the transport
	 */
	@Override
	public ApiTransport transport() {
		return this.transport;
	}

	/**
	 * The body of a new record, checked: a text.
	 */
	static DatasetRecordRequest createBody(DatasetRecordRequest request) {
		Assert.notNull(request, "DatasetRecordRequest must not be null");
		Assert.notNull(request.text(), "A record is created with a text");
		return request;
	}

	@Override
	public String toString() {
		return "DatasetRecordClient[" + this.transport + "]";
	}

}
