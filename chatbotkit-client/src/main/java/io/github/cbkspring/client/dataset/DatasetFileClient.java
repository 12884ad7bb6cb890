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
 * Manages the files that datasets are built from: list, attach, detach, sync. A file is
 * uploaded first (with the file endpoints), then attached to a dataset, whose records the
 * API makes from the file's content. Every method takes the dataset first, so one client
 * serves every dataset: <pre class="code">
 * DatasetFileClient files = client.datasets().files();
 * files.attach(datasetId, fileId);
 * files.sync(datasetId, fileId);
 * files.detach(datasetId, fileId, true);
 * </pre>
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class DatasetFileClient {

	static final ApiEndpoint LIST = ApiEndpoint.get("/dataset/{datasetId}/file/list");

	static final ApiEndpoint ATTACH = ApiEndpoint.post("/dataset/{datasetId}/file/{fileId}/attach");

	static final ApiEndpoint DETACH = ApiEndpoint.post("/dataset/{datasetId}/file/{fileId}/detach");

	static final ApiEndpoint SYNC = ApiEndpoint.post("/dataset/{datasetId}/file/{fileId}/sync");

	static final ParameterizedTypeReference<Page<DatasetFile>> PAGE = new ParameterizedTypeReference<>() {
	};

	/**
	 * The body of an attachment: the file is a source of records, the one kind of
	 * attachment the API knows.
	 */
	static final Map<String, String> AS_SOURCE = Map.of("type", "source");

	private final ApiTransport transport;

	/**
	 * Create a dataset file client on an {@link ApiTransport}, such as a
	 * {@code ChatBotKitClient}.
	 * @param transport the transport whose options and connection pool to use
	 */
	public DatasetFileClient(ApiTransport transport) {
		Assert.notNull(transport, "ApiTransport must not be null");
		this.transport = transport;
	}

	/**
	 * Fetch a page of the files attached to a dataset ({@code GET
	 * /dataset/{datasetId}/file/list}).
	 * @param datasetId the dataset
	 * @param query the page to fetch; this list has no metadata filter
	 * @return the page
	 * @throws IllegalArgumentException if an argument is not acceptable, or the query has
	 * a metadata filter
	 * @throws ChatBotKitException if the call fails
	 */
	public Page<DatasetFile> list(String datasetId, ListQuery query) {
		DatasetSupport.withoutMeta(query, "dataset files");
		return this.transport.request(LIST, datasetId).query(query).retrieve(PAGE);
	}

	/**
	 * Read every file attached to a dataset lazily, page after page; see
	 * {@link Page#walk}.
	 * @param datasetId the dataset
	 * @param query the first page to fetch: its size and order apply to all
	 * @return the files
	 * @throws IllegalArgumentException if the query has a metadata filter
	 */
	public Stream<DatasetFile> listAll(String datasetId, ListQuery query) {
		DatasetSupport.withoutMeta(query, "dataset files");
		return Page.walk(query, (page) -> list(datasetId, page));
	}

	/**
	 * Attach a file to a dataset as a source of records ({@code POST
	 * /dataset/{datasetId}/file/{fileId}/attach} with {@code {"type":"source"}}). The API
	 * makes records from the file's content; {@link #sync} makes them again.
	 * @param datasetId the dataset
	 * @param fileId the file, already uploaded
	 * @throws IllegalArgumentException if an id is not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public void attach(String datasetId, String fileId) {
		this.transport.request(ATTACH, datasetId, fileId).body(AS_SOURCE).execute();
	}

	/**
	 * Detach a file from a dataset ({@code POST
	 * /dataset/{datasetId}/file/{fileId}/detach}).
	 * @param datasetId the dataset
	 * @param fileId the file
	 * @param deleteRecords whether to delete the records made from the file too, or keep
	 * them in the dataset
	 * @throws IllegalArgumentException if an id is not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public void detach(String datasetId, String fileId, boolean deleteRecords) {
		this.transport.request(DETACH, datasetId, fileId).body(detachBody(deleteRecords)).execute();
	}

	/**
	 * Make the records of an attached file again from its current content ({@code POST
	 * /dataset/{datasetId}/file/{fileId}/sync}), after the file changed.
	 * @param datasetId the dataset
	 * @param fileId the file
	 * @throws IllegalArgumentException if an id is not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public void sync(String datasetId, String fileId) {
		this.transport.request(SYNC, datasetId, fileId).body(Map.of()).execute();
	}

	/**
	 * A copy of this client with some options changed, sharing the connection pool; see
	 * {@link ApiTransport#withOptions(Consumer)}.
	 * @param changes the changes to apply to a copy of the options
	 * @return the copy
	 */
	public DatasetFileClient withOptions(Consumer<ChatBotKitOptions.Builder> changes) {
		return new DatasetFileClient(this.transport.withOptions(changes));
	}

	/**
	 * The transport this client calls the API through.
	 * @return the transport
	 */
	public ApiTransport transport() {
		return this.transport;
	}

	/**
	 * The body of a detach.
	 */
	static Map<String, Boolean> detachBody(boolean deleteRecords) {
		return Map.of("deleteRecords", deleteRecords);
	}

	@Override
	public String toString() {
		return "DatasetFileClient[" + this.transport + "]";
	}

}
