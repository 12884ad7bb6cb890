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
package io.github.cbkspring.client.internal;

import java.io.InputStream;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ApiRequest;
import io.github.cbkspring.client.core.Download;
import io.github.cbkspring.client.core.FileUpload;
import io.github.cbkspring.client.core.ListQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.util.Assert;

/**
 * The {@link ApiRequest} of the exchange: collects the query and body, then hands them to
 * {@link ApiExchange} with the reader of the terminal method called.
 *
 * @author cbkspring contributors
 */
final class DefaultApiRequest implements ApiRequest {

	private final ApiExchange exchange;

	private final ApiEndpoint endpoint;

	private final Object[] pathVariables;

	private final QueryString query = new QueryString();

	private @Nullable RequestBody body;

	DefaultApiRequest(ApiExchange exchange, ApiEndpoint endpoint, Object[] pathVariables) {
		Assert.notNull(endpoint, "ApiEndpoint must not be null");
		Assert.notNull(pathVariables, "Path variables must not be null");
		this.exchange = exchange;
		this.endpoint = endpoint;
		this.pathVariables = pathVariables.clone();
	}

	@Override
	public ApiRequest query(String name, @Nullable Object value) {
		Assert.hasText(name, "Query parameter name must not be empty");
		this.query.add(name, value);
		return this;
	}

	@Override
	public ApiRequest query(String name, Map<String, String> values) {
		Assert.notNull(values, "Query values must not be null");
		return query(name, (Object) values);
	}

	@Override
	public ApiRequest query(ListQuery listQuery) {
		Assert.notNull(listQuery, "ListQuery must not be null");
		this.query.add(listQuery);
		return this;
	}

	@Override
	public ApiRequest body(Object body) {
		this.body = json(body);
		return this;
	}

	@Override
	public ApiRequest file(FileUpload file) {
		this.body = RequestBody.Multipart.of(file);
		return this;
	}

	@Override
	public <T> T retrieve(Class<T> responseType) {
		return exchange(ResponseReader.of(responseType));
	}

	@Override
	public <T> T retrieve(ParameterizedTypeReference<T> responseType) {
		return exchange(ResponseReader.of(responseType));
	}

	@Override
	public String retrieveId() {
		return retrieve(IdResponse.class).id();
	}

	@Override
	public void execute() {
		exchange(DiscardingResponseReader.INSTANCE);
	}

	@Override
	public <T> Stream<T> stream(Class<T> elementType) {
		return exchange(new JsonLinesResponseReader<>(JsonCodec.INSTANCE.type(elementType), null, null));
	}

	@Override
	public <T> Stream<T> stream(Class<T> elementType, Predicate<? super T> finalElement) {
		Assert.notNull(finalElement, "Final element predicate must not be null");
		return exchange(new JsonLinesResponseReader<>(JsonCodec.INSTANCE.type(elementType), finalElement, null));
	}

	@Override
	public <T> Stream<T> stream(Class<T> elementType, Predicate<? super T> finalElement,
			Function<? super T, @Nullable String> errorMessage) {
		Assert.notNull(finalElement, "Final element predicate must not be null");
		Assert.notNull(errorMessage, "Error message function must not be null");
		return exchange(
				new JsonLinesResponseReader<>(JsonCodec.INSTANCE.type(elementType), finalElement, errorMessage));
	}

	@Override
	public <T> Stream<T> streamWithErrorEvents(Class<T> elementType) {
		return exchange(new JsonLinesResponseReader<>(JsonCodec.INSTANCE.type(elementType), null,
				JsonLineMapper.errorEventsAreData()));
	}

	// Binary answers and the API's storage: the bytes stream, and pre-signed URLs are
	// reached without the ChatBotKit credential (StorageTransfer)

	@Override
	public Download download() {
		return exchange(DownloadResponseReader.INSTANCE).resolve(this.exchange);
	}

	@Override
	public String uploadToStorage(InputStream content, long size) {
		Assert.notNull(content, "Content must not be null");
		Assert.isTrue(size >= 0, "Size must not be negative");
		return exchange(PresignedUpload.READER).send(this.exchange, content, size);
	}

	private <T> T exchange(ResponseReader<T> reader) {
		return this.exchange.exchange(this.endpoint, this.pathVariables, this.query.build(), this.body, reader);
	}

	static RequestBody.Json json(Object body) {
		Assert.notNull(body, "Request body must not be null (use an empty map for {})");
		return new RequestBody.Json(JsonCodec.INSTANCE.write(body));
	}

	@Override
	public String toString() {
		return "ApiRequest[" + this.endpoint + "]";
	}

}
