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
package io.github.cbkspring.client.core;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.client.error.ChatBotKitStorageException;
import io.github.cbkspring.client.error.ChatBotKitStreamException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;

/**
 * One non-blocking request to an {@link ApiEndpoint}, the twin of {@link ApiRequest}: set
 * its query and body, then take the answer from a terminal method as a {@link Mono} or a
 * {@link Flux}. Nothing is sent until the answer is subscribed to; each subscription
 * makes the call again. Calls get the same URL rule, encoding, headers, retries (within
 * one deadline from the subscription), typed errors ({@link ChatBotKitException} and its
 * kinds, as signals) and size limits as the blocking client's; cancelling the
 * subscription aborts the exchange at any point, before the answer's headers or in the
 * middle of a stream.
 * <p>
 * A request is a builder for one call and is not thread-safe; the answers it returns may
 * be subscribed to from any thread. Implemented by the client only: the interface can
 * gain methods in any release.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public interface ReactiveApiRequest {

	/**
	 * Add a query parameter, encoded as {@link ApiRequest#query(String, Object)} does.
	 * @param name the parameter name
	 * @param value the value, a map, a list or an array
	 * @return this request
	 * @throws IllegalArgumentException if a map, list or array holds a map, list or array
	 */
	ReactiveApiRequest query(String name, @Nullable Object value);

	/**
	 * Add a map as query parameters named {@code name.key}.
	 * @param name the parameter name, such as {@code meta}
	 * @param values the keys and values; none adds nothing
	 * @return this request
	 */
	ReactiveApiRequest query(String name, Map<String, String> values);

	/**
	 * Add the query parameters of a list, as {@link ApiRequest#query(ListQuery)} does.
	 * @param listQuery the list query
	 * @return this request
	 */
	ReactiveApiRequest query(ListQuery listQuery);

	/**
	 * Send a body as JSON, serialized now, before anything is sent.
	 * @param body the body; a map or a record
	 * @return this request
	 * @throws IllegalArgumentException if the body is null or cannot be serialized
	 */
	ReactiveApiRequest body(Object body);

	/**
	 * Send a file as the {@code file} part of a {@code multipart/form-data} body, as
	 * {@link ApiRequest#file(FileUpload)} does: the same part name, file name and content
	 * type. The content is read when the call is sent; a file whose content can be read
	 * only once ({@link org.springframework.core.io.Resource#isOpen()}) is not sent again
	 * on a retry.
	 * @param file the file
	 * @return this request
	 * @since 0.1.0
	 */
	ReactiveApiRequest file(FileUpload file);

	/**
	 * Read the JSON answer as a type.
	 * @param <T> the type
	 * @param responseType the type
	 * @return the answer, or a {@link ChatBotKitException} signal
	 */
	<T> Mono<T> retrieve(Class<T> responseType);

	/**
	 * Read the JSON answer as a generic type.
	 * @param <T> the type
	 * @param responseType the type
	 * @return the answer, or a {@link ChatBotKitException} signal
	 */
	<T> Mono<T> retrieve(ParameterizedTypeReference<T> responseType);

	/**
	 * Read the {@code id} of a JSON answer such as {@code {"id": "..."}}.
	 * @return the id, or a {@link ChatBotKitException} signal
	 */
	Mono<String> retrieveId();

	/**
	 * Make the call and discard the answer.
	 * @return completes when the call succeeded, or a {@link ChatBotKitException} signal
	 */
	Mono<Void> execute();

	/**
	 * Read a JSON Lines answer, one element a line, decoded as the bytes arrive and only
	 * as fast as the subscriber asks: a slow subscriber holds the read, it does not make
	 * the client buffer the stream. A line longer than
	 * {@link ChatBotKitOptions#maxResponseSize()} bytes, malformed JSON or an
	 * {@code {"type":"error"}} event ends it with a {@link ChatBotKitStreamException}
	 * after the elements before it. Failures before the first element are retried as the
	 * retry options say; failures after it are not, since the elements were delivered.
	 * @param <T> the element type
	 * @param elementType the element type
	 * @return the elements
	 */
	<T> Flux<T> stream(Class<T> elementType);

	/**
	 * Read a JSON Lines answer that must end with a final element, as
	 * {@link ApiRequest#stream(Class, Predicate)}.
	 * @param <T> the element type
	 * @param elementType the element type
	 * @param finalElement accepts the final element
	 * @return the elements
	 */
	<T> Flux<T> stream(Class<T> elementType, Predicate<? super T> finalElement);

	/**
	 * Read a JSON Lines answer whose {@code {"type":"error"}} events are data rather than
	 * its end, as {@link ApiRequest#streamWithErrorEvents(Class)}.
	 * @param <T> the element type
	 * @param elementType the element type, which reads error events
	 * @return the elements
	 * @since 0.1.0
	 */
	<T> Flux<T> streamWithErrorEvents(Class<T> elementType);

	/**
	 * Read a JSON Lines answer whose element type reads the API's error events itself, as
	 * {@link ApiRequest#stream(Class, Predicate, Function)}.
	 * @param <T> the element type
	 * @param elementType the element type
	 * @param finalElement accepts the final element
	 * @param errorMessage the message of an element that is an error event, or
	 * {@code null} for any other
	 * @return the elements
	 */
	<T> Flux<T> stream(Class<T> elementType, Predicate<? super T> finalElement,
			Function<? super T, @Nullable String> errorMessage);

	/**
	 * Make the call and stream the answer's bytes, such as a file's content, without the
	 * size limit of JSON answers, as {@link ApiRequest#download()} does: the download
	 * comes with the answer's headers, its body is read only as fast as the subscriber
	 * asks, and cancelling the body closes the connection; see {@link ReactiveDownload}.
	 * Failures until the headers are retried as the retry options say.
	 * <p>
	 * When the API answers {@code 200 application/json {"url": "..."}} instead, a
	 * pre-signed URL of its storage, the bytes are fetched from that URL by the rules of
	 * {@link ApiRequest#download()}: without the ChatBotKit credential, the option
	 * headers or anything else of the client's {@code WebClient} but its connector; over
	 * https unless both the API and the storage are on loopback; never following a
	 * redirect; and never naming the URL in a message or log (only its scheme, host and
	 * path). Only the call to the API is retried. A JSON answer without a {@code url} is
	 * a JSON file and streamed as it is.
	 * @return the download, or a {@link ChatBotKitException} signal, a
	 * {@link ChatBotKitStorageException} if fetching from the storage fails or its URL is
	 * refused
	 * @since 0.1.0
	 */
	Mono<ReactiveDownload> download();

	/**
	 * Make the call, which the API answers with {@code {"id": "...", "uploadRequest":
	 * {"method", "url", "headers"}}}, a pre-signed request to its storage, and send
	 * exactly {@code size} bytes of {@code content} there with exactly those headers (and
	 * the {@code Content-Length}), as {@link ApiRequest#uploadToStorage} does and by the
	 * rules of {@link #download()}. The content is subscribed to once the storage request
	 * is checked, and its bytes are sent as the connection takes them, never held whole;
	 * its length is checked as it passes, and content longer than announced fails before
	 * its last bytes go out, so that the storage never holds content cut to the announced
	 * size. The call to the API is retried as any other; the transfer to the storage
	 * never is. The buffers of the content are released as they are sent.
	 * @param content the bytes, subscribed to once per subscription to the answer
	 * @param size the number of bytes to send, as announced to the API
	 * @return the id the API answered with; an {@link IllegalArgumentException} signal if
	 * {@code content} ends before {@code size} bytes or goes on after them, an
	 * {@link java.io.UncheckedIOException} one if reading it fails with an
	 * {@link java.io.IOException}, a {@link ChatBotKitException} one if the call fails, a
	 * {@link ChatBotKitStorageException} if the transfer to the storage fails or its
	 * request is refused
	 * @throws IllegalArgumentException if {@code content} is null or {@code size} is
	 * negative
	 * @since 0.1.0
	 */
	Mono<String> uploadToStorage(Flux<DataBuffer> content, long size);

}
