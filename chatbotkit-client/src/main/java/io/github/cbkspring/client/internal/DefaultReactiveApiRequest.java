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

import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.FileUpload;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.ReactiveApiRequest;
import io.github.cbkspring.client.core.ReactiveDownload;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;

/**
 * The {@link ReactiveApiRequest} of the reactive exchange: collects the query and body
 * ({@link RequestBody}) as {@link DefaultApiRequest} does, then hands them to
 * {@link ReactiveExchange}. The call, its URL included, is made anew for each
 * subscription.
 *
 * @author cbkspring contributors
 */
final class DefaultReactiveApiRequest implements ReactiveApiRequest {

	private final ReactiveExchange exchange;

	private final ApiEndpoint endpoint;

	private final Object[] pathVariables;

	private final QueryString query = new QueryString();

	private @Nullable RequestBody body;

	DefaultReactiveApiRequest(ReactiveExchange exchange, ApiEndpoint endpoint, Object[] pathVariables) {
		Assert.notNull(endpoint, "ApiEndpoint must not be null");
		Assert.notNull(pathVariables, "Path variables must not be null");
		this.exchange = exchange;
		this.endpoint = endpoint;
		this.pathVariables = pathVariables.clone();
		// the path variables are checked now, as the blocking request checks them
		endpoint.expand(this.pathVariables);
	}

	@Override
	public ReactiveApiRequest query(String name, @Nullable Object value) {
		Assert.hasText(name, "Query parameter name must not be empty");
		this.query.add(name, value);
		return this;
	}

	@Override
	public ReactiveApiRequest query(String name, Map<String, String> values) {
		Assert.notNull(values, "Query values must not be null");
		return query(name, (Object) values);
	}

	@Override
	public ReactiveApiRequest query(ListQuery listQuery) {
		Assert.notNull(listQuery, "ListQuery must not be null");
		this.query.add(listQuery);
		return this;
	}

	@Override
	public ReactiveApiRequest body(Object body) {
		this.body = DefaultApiRequest.json(body);
		return this;
	}

	@Override
	public ReactiveApiRequest file(FileUpload file) {
		this.body = RequestBody.Multipart.of(file);
		return this;
	}

	@Override
	public <T> Mono<T> retrieve(Class<T> responseType) {
		return retrieve(JsonResponseReader.of(responseType));
	}

	@Override
	public <T> Mono<T> retrieve(ParameterizedTypeReference<T> responseType) {
		return retrieve(JsonResponseReader.of(responseType));
	}

	private <T> Mono<T> retrieve(JsonResponseReader<T> reader) {
		return this.exchange.single(call(), this.body, reader.accept(),
				(body, headers) -> reader.decode(body, headers, this.exchange.options()));
	}

	@Override
	public Mono<String> retrieveId() {
		return retrieve(IdResponse.class).map(IdResponse::id);
	}

	@Override
	public Mono<Void> execute() {
		return this.exchange.single(call(), this.body, MediaType.ALL, (body, headers) -> null);
	}

	@Override
	public <T> Flux<T> stream(Class<T> elementType) {
		return lines(elementType, null, null);
	}

	@Override
	public <T> Flux<T> stream(Class<T> elementType, Predicate<? super T> finalElement) {
		Assert.notNull(finalElement, "Final element predicate must not be null");
		return lines(elementType, finalElement, null);
	}

	@Override
	public <T> Flux<T> stream(Class<T> elementType, Predicate<? super T> finalElement,
			Function<? super T, @Nullable String> errorMessage) {
		Assert.notNull(finalElement, "Final element predicate must not be null");
		Assert.notNull(errorMessage, "Error message function must not be null");
		return lines(elementType, finalElement, errorMessage);
	}

	@Override
	public <T> Flux<T> streamWithErrorEvents(Class<T> elementType) {
		return lines(elementType, null, JsonLineMapper.errorEventsAreData());
	}

	@Override
	public Mono<ReactiveDownload> download() {
		return this.exchange.download(call(), this.body);
	}

	@Override
	public Mono<String> uploadToStorage(Flux<DataBuffer> content, long size) {
		Assert.notNull(content, "Content must not be null");
		Assert.isTrue(size >= 0, "Size must not be negative");
		return this.exchange.uploadToStorage(call(), this.body, content, size);
	}

	private <T> Flux<T> lines(Class<T> elementType, @Nullable Predicate<? super T> finalElement,
			@Nullable Function<? super T, @Nullable String> errorMessage) {
		JsonLineMapper<T> mapper = new JsonLineMapper<>(JsonCodec.INSTANCE.type(elementType), finalElement,
				errorMessage, this.exchange.options().secret());
		return this.exchange.lines(call(), this.body, mapper);
	}

	private ApiCall call() {
		return ApiCall.of(this.exchange.options(), this.endpoint, this.pathVariables, this.query.build());
	}

	@Override
	public String toString() {
		return "ReactiveApiRequest[" + this.endpoint + "]";
	}

}
