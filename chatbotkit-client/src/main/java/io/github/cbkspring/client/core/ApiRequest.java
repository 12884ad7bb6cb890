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

import java.io.InputStream;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.error.ChatBotKitConnectionException;
import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.client.error.ChatBotKitStorageException;
import io.github.cbkspring.client.error.ChatBotKitStreamException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;

/**
 * One request to an {@link ApiEndpoint}, made with
 * {@link ChatBotKitClient#request(ApiEndpoint, Object...)}: set its query and body, then
 * read the answer with one of the terminal methods ({@link #retrieve(Class)},
 * {@link #execute()}, {@link #stream(Class)}). Every typed client makes its calls this
 * way, so a request made here gets the same URL rule, encoding, headers, retries, error
 * mapping, size limits and observations: <pre class="code">
 * Map&lt;?, ?&gt; skillset = client.request(ApiEndpoint.get("/skillset/{skillsetId}/fetch"), skillsetId)
 *     .retrieve(Map.class);
 * </pre>
 * <p>
 * A request is a builder for one call and is not thread-safe; the client that made it is.
 * Implemented by the client only: the interface can gain methods in any release.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public interface ApiRequest {

	/**
	 * Add a query parameter, encoded as ChatBotKit's Node SDK encodes it
	 * ({@code URLSearchParams}, {@code application/x-www-form-urlencoded}): ASCII
	 * letters, digits and {@code *-._} as they are, a space as {@code +}, anything else
	 * percent-encoded in UTF-8 ({@code +} as {@code %2B}, {@code @} as {@code %40}). A
	 * map adds one parameter per entry, {@code name.key=value}; a list or an array one
	 * per element, {@code name.0=a&name.1=b}; a {@code null} value, entry or element adds
	 * nothing. Any other value is written with {@code toString()}.
	 * @param name the parameter name
	 * @param value the value, a map, a list or an array
	 * @return this request
	 * @throws IllegalArgumentException if a map, list or array holds a map, list or
	 * array: the API reads one level
	 */
	ApiRequest query(String name, @Nullable Object value);

	/**
	 * Add a map as query parameters named {@code name.key}, the form the ChatBotKit API
	 * reads a {@code meta} filter in; the same as {@link #query(String, Object)} with a
	 * map.
	 * @param name the parameter name, such as {@code meta}
	 * @param values the keys and values; none adds nothing
	 * @return this request
	 */
	ApiRequest query(String name, Map<String, String> values);

	/**
	 * Add the query parameters of a list: {@code cursor}, {@code take}, {@code order} and
	 * {@code meta.<key>}, each only when set.
	 * @param listQuery the page to ask for
	 * @return this request
	 */
	ApiRequest query(ListQuery listQuery);

	/**
	 * Send an object (a record, a map, ...) as the JSON body.
	 * @param body the body
	 * @return this request
	 * @throws IllegalArgumentException if the body cannot be written as JSON
	 */
	ApiRequest body(Object body);

	/**
	 * Send a file as the {@code file} part of a {@code multipart/form-data} body. A file
	 * whose content can be read only once is not sent again on a retry.
	 * @param file the file
	 * @return this request
	 */
	ApiRequest file(FileUpload file);

	/**
	 * Make the call and read the answer: JSON mapped to {@code responseType}, or any
	 * content as bytes when it is {@link RawResponse}.
	 * @param <T> the answer type
	 * @param responseType the type to read the answer into
	 * @return the answer
	 * @throws ChatBotKitException if the call fails
	 */
	<T> T retrieve(Class<T> responseType);

	/**
	 * Make the call and read the answer into a generic type.
	 * @param <T> the answer type
	 * @param responseType the type to read the answer into
	 * @return the answer
	 * @throws ChatBotKitException if the call fails
	 */
	<T> T retrieve(ParameterizedTypeReference<T> responseType);

	/**
	 * Make the call and return the {@code id} of its JSON answer, the way the API answers
	 * create operations.
	 * @return the id
	 * @throws ChatBotKitException if the call fails or the answer has no id
	 */
	String retrieveId();

	/**
	 * Make the call for its effect, accepting any successful answer, empty or not, and
	 * discarding its body.
	 * @throws ChatBotKitException if the call fails
	 */
	void execute();

	/**
	 * Make the call with {@code Accept: application/jsonl} and read the answer lazily,
	 * one element a line. The stream holds a connection: close it, best with
	 * try-with-resources; it is also released when read to the end.
	 * <p>
	 * Blank lines are skipped. A line that is not JSON, or an {@code {"type":"error"}}
	 * event, ends the stream with a {@link ChatBotKitStreamException}; a network failure
	 * with a {@link ChatBotKitConnectionException}. Only the opening of the stream is
	 * retried.
	 * @param <T> the element type
	 * @param elementType the type to read each line into
	 * @return the stream of elements
	 * @throws ChatBotKitException if the call fails before the stream starts
	 */
	<T> Stream<T> stream(Class<T> elementType);

	/**
	 * Like {@link #stream(Class)} for a stream that ends with a final element, such as
	 * the result of a completion: when the body ends before an element that
	 * {@code finalElement} accepts, the stream fails with a
	 * {@link ChatBotKitStreamException} after the elements that did arrive, so that a
	 * cut-off answer never looks complete.
	 * @param <T> the element type
	 * @param elementType the type to read each line into
	 * @param finalElement whether an element is the stream's final one
	 * @return the stream of elements
	 * @throws ChatBotKitException if the call fails before the stream starts
	 */
	<T> Stream<T> stream(Class<T> elementType, Predicate<? super T> finalElement);

	/**
	 * Like {@link #stream(Class, Predicate)} for an element type that reads the API's
	 * {@code {"type":"error"}} events too, as an element that {@code errorMessage} knows:
	 * each line is then read straight into the element type, and an element for which
	 * {@code errorMessage} gives a message ends the stream with a
	 * {@link ChatBotKitStreamException} that carries it. The other variants look at each
	 * line's {@code type} before they read it, which costs about a third more CPU per
	 * line.
	 * @param <T> the element type
	 * @param elementType the type to read each line into
	 * @param finalElement whether an element is the stream's final one
	 * @param errorMessage the message of an element that is an error event, or
	 * {@code null} for any other element
	 * @return the stream of elements
	 * @throws ChatBotKitException if the call fails before the stream starts
	 */
	<T> Stream<T> stream(Class<T> elementType, Predicate<? super T> finalElement,
			Function<? super T, @Nullable String> errorMessage);

	/**
	 * Like {@link #stream(Class)} for a stream whose {@code {"type":"error"}} events are
	 * data rather than its end, such as a task's workflow events, where an error is one
	 * of the task's execution and the stream goes on: every line is read straight into
	 * the element type, which must read error events (a sealed type with an {@code Error}
	 * alternative), and delivered, error events included. Lines that are not JSON, or not
	 * an element, end the stream with a {@link ChatBotKitStreamException}; it ends when
	 * the answer does.
	 * @param <T> the element type
	 * @param elementType the type to read each line into
	 * @return the stream of elements
	 * @throws ChatBotKitException if the call fails before the stream starts
	 * @since 0.1.0
	 */
	<T> Stream<T> streamWithErrorEvents(Class<T> elementType);

	/**
	 * Make the call and stream the answer's bytes, such as a file's content, without the
	 * size limit of JSON answers: the bytes are read from the connection as the caller
	 * reads them. Close the download, best with try-with-resources; see {@link Download}.
	 * <p>
	 * When the API answers {@code 200 application/json {"url": "..."}} instead, a
	 * pre-signed URL of its storage, the bytes are fetched from that URL: without the
	 * ChatBotKit credential, the option headers or anything else of the client's
	 * {@code RestClient} but its request factory; over https unless both the API and the
	 * storage are on loopback; never following a redirect; and never naming the URL in a
	 * message or log (only its scheme, host and path). Only the call to the API is
	 * retried. A JSON answer without a {@code url} is a JSON file and streamed as it is.
	 * @return the download
	 * @throws ChatBotKitException if the call fails, a {@link ChatBotKitStorageException}
	 * if fetching from the storage fails or its URL is refused
	 */
	Download download();

	/**
	 * Make the call, which the API answers with {@code {"id": "...", "uploadRequest":
	 * {"method", "url", "headers"}}}, a pre-signed request to its storage, and send
	 * exactly {@code size} bytes of {@code content} there with exactly those headers (and
	 * the {@code Content-Length}): the direct upload of content too large to go inline.
	 * The storage request follows the rules of {@link #download()}: no ChatBotKit
	 * credential, option header, interceptor or observation; https unless both ends are
	 * on loopback; no redirect; the URL in no message or log. The bytes are streamed with
	 * one buffer, never held whole. The call to the API is retried as any other; the
	 * transfer to the storage never is, since {@code content} may be readable once.
	 * @param content the bytes, read but not closed
	 * @param size the number of bytes to send, as announced to the API
	 * @return the id the API answered with
	 * @throws IllegalArgumentException if {@code size} is negative, or (after the
	 * transfer began) {@code content} ends before {@code size} bytes
	 * @throws java.io.UncheckedIOException if reading {@code content} fails
	 * @throws ChatBotKitException if the call fails, a {@link ChatBotKitStorageException}
	 * if the transfer to the storage fails or its request is refused
	 */
	String uploadToStorage(InputStream content, long size);

}
