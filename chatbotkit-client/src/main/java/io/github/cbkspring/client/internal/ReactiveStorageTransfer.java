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

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.ReactiveDownload;
import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.client.error.ChatBotKitStorageException;
import io.github.cbkspring.client.internal.StorageTransfer.ContentReadException;
import io.github.cbkspring.client.internal.StorageTransfer.ContentSizeException;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.ApiVersionInserter;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;

/**
 * The twin of {@link StorageTransfer} on {@link WebClient}: sends bytes to, or fetches
 * them from, a pre-signed URL of the API's storage with the same rules and messages.
 * <p>
 * The transfer uses the API client's {@code WebClient} for its connector (timeouts,
 * connection pool, TLS and proxy settings, no redirects) and nothing else: its filters
 * are replaced by one that sends a request made anew from the method, the URL and the
 * body alone, with exactly the headers the API asked for, so that no default header,
 * cookie, {@code defaultRequest} callback, attribute or filter of the application reaches
 * the storage; observations (which would name the URL) are off. The body is streamed as
 * the connection takes it, never held whole; a transfer is never retried.
 *
 * @author cbkspring contributors
 */
final class ReactiveStorageTransfer {

	/** Inserts no API version, should the API client's builder have one. */
	private static final ApiVersionInserter NO_API_VERSION = new ApiVersionInserter() {
	};

	private final WebClient webClient;

	private final ChatBotKitOptions options;

	ReactiveStorageTransfer(WebClient webClient, ChatBotKitOptions options) {
		this.webClient = webClient;
		this.options = options;
	}

	/**
	 * Send exactly {@code size} bytes of {@code content}; the content's length is checked
	 * as it passes, and a content longer than announced fails before its last bytes go
	 * out, so that the storage never holds content cut to the announced size.
	 * @return completes when the storage accepted the bytes; a
	 * {@link ChatBotKitStorageException} signal if it answers with an error or the
	 * connection fails, an {@link IllegalArgumentException} one if the content's length
	 * does not match, an {@link java.io.UncheckedIOException} one if it cannot be read
	 */
	Mono<Void> upload(HttpMethod method, StorageLocation location, HttpHeaders headers, Flux<DataBuffer> content,
			long size) {
		HttpHeaders exactly = HttpHeaders.copyOf(headers);
		exactly.setContentLength(size);
		// an empty body is whole once the headers are out: content announced as empty is
		// checked before the request
		Mono<Void> empty = (size == 0) ? exactly(content, 0).then() : Mono.empty();
		return empty.then(exchange(method, location, exactly, (size == 0) ? Flux.empty() : exactly(content, size)))
			.flatMap((entity) -> ReactiveExchange.bounded(body(entity), entity.getHeaders(),
					ErrorDecoder.MAX_ERROR_BODY, true))
			.onErrorMap((ex) -> !(ex instanceof ChatBotKitException), (ex) -> failed(ex, method, location))
			.then();
	}

	/**
	 * Fetch the bytes at a location, streamed as the subscriber asks for them.
	 * @return the download; a {@link ChatBotKitStorageException} signal if the storage
	 * answers with an error or the connection fails
	 */
	Mono<ReactiveDownload> download(StorageLocation location) {
		return exchange(HttpMethod.GET, location, new HttpHeaders(), null)
			.map((entity) -> new ReactiveDownload(entity.getHeaders(),
					body(entity).onErrorMap((ex) -> !(ex instanceof ChatBotKitException),
							(ex) -> failed(ex, HttpMethod.GET, location))))
			.onErrorMap((ex) -> !(ex instanceof ChatBotKitException), (ex) -> failed(ex, HttpMethod.GET, location));
	}

	/**
	 * Send a request and take the successful answer's headers, its body unread; any other
	 * answer fails with the blocking transfer's exception. Other failures are left to the
	 * caller to translate with {@link #failed}.
	 */
	private Mono<ResponseEntity<Flux<DataBuffer>>> exchange(HttpMethod method, StorageLocation location,
			HttpHeaders headers, @Nullable Flux<DataBuffer> content) {
		return Mono.defer(() -> {
			StorageTransfer.beforeTransfer(method, location);
			WebClient storage = this.webClient.mutate().filters((filters) -> {
				filters.clear();
				filters.add(only(headers));
			}).apiVersionInserter(NO_API_VERSION).observationRegistry(ObservationRegistry.NOOP).build();
			WebClient.RequestBodySpec request = storage.method(method).uri(location.uri());
			WebClient.RequestHeadersSpec<?> withBody = (content != null)
					? request.body(BodyInserters.fromDataBuffers(content)) : request;
			return withBody.retrieve()
				.onStatus((status) -> true, (response) -> Mono.empty())
				.toEntityFlux(BodyExtractors.toDataBuffers());
		})
			.flatMap((entity) -> entity.getStatusCode().is2xxSuccessful() ? Mono.just(entity) : ReactiveExchange
				.bounded(body(entity), entity.getHeaders(), ErrorDecoder.MAX_ERROR_BODY, true)
				.flatMap((body) -> Mono
					.error(StorageTransfer.refused(entity.getStatusCode(), body, method, location, this.options))));
	}

	/**
	 * A filter that sends a request made anew from the method, URL and body of the one it
	 * is given, with exactly the headers given and nothing else of the client's.
	 */
	private static ExchangeFilterFunction only(HttpHeaders headers) {
		return (request,
				next) -> next.exchange(ClientRequest.create(request.method(), request.url())
					.headers((sent) -> sent.addAll(headers))
					.body(request.body())
					.build());
	}

	/**
	 * The content, checked against its announced size as it passes: the buffer that
	 * completes the size is held until the content ends, so that content longer than
	 * announced fails before its last bytes are sent.
	 */
	static Flux<DataBuffer> exactly(Flux<DataBuffer> content, long size) {
		return Flux.defer(() -> {
			AtomicLong read = new AtomicLong();
			AtomicReference<@Nullable DataBuffer> last = new AtomicReference<>();
			return content.onErrorMap(IOException.class, ContentReadException::new)
				.<DataBuffer>handle((buffer, sink) -> {
					long total = read.addAndGet(buffer.readableByteCount());
					if (total > size) {
						DataBufferUtils.release(buffer);
						release(last);
						sink.error(ContentSizeException.longer(size));
					}
					else if (total == size && buffer.readableByteCount() > 0) {
						last.set(buffer);
					}
					else {
						sink.next(buffer);
					}
				})
				.concatWith(
						Mono.defer(() -> (read.get() < size) ? Mono.error(ContentSizeException.ended(read.get(), size))
								: Mono.justOrEmpty(last.getAndSet(null))))
				.doOnCancel(() -> release(last))
				.doOnDiscard(DataBuffer.class, DataBufferUtils::release);
		});
	}

	private static void release(AtomicReference<@Nullable DataBuffer> held) {
		DataBuffer buffer = held.getAndSet(null);
		if (buffer != null) {
			DataBufferUtils.release(buffer);
		}
	}

	/**
	 * The failure of a transfer, as the blocking transfer reports it: of the engine's
	 * failure rather than Spring's wrapper of it.
	 */
	private static RuntimeException failed(Throwable failure, HttpMethod method, StorageLocation location) {
		Throwable cause = failure.getCause();
		return StorageTransfer.failed((failure instanceof WebClientException && cause != null) ? cause : failure,
				method, location);
	}

	private static Flux<DataBuffer> body(ResponseEntity<Flux<DataBuffer>> entity) {
		Flux<DataBuffer> body = entity.getBody();
		return (body != null) ? body : Flux.empty();
	}

}
