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
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.Download;
import io.github.cbkspring.client.error.ChatBotKitStorageException;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.MultiValueMap;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.client.ApiVersionInserter;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Sends bytes to, or fetches them from, a pre-signed URL of the API's storage: another
 * host, which must never see the ChatBotKit credential.
 * <p>
 * The transfer uses the API client's request factory, so the timeouts, the connection
 * pool, TLS and proxy settings and the refusal of redirects stay, but nothing else of its
 * {@link RestClient}: no interceptors, initializers, default headers or cookies, API
 * version, buffering or observations (which would name the URL). Each request carries
 * exactly the headers the API asked for, with none of the client's option headers; the
 * headers and cookies that a {@code defaultRequest} callback of the builder sets are
 * cleared too (a builder cannot drop the callback itself). A redirect is reported, never
 * followed; plain http is refused unless both ends are on loopback
 * ({@link StorageLocation}). The URL appears in no message and no log of this client:
 * only its masked form does.
 * <p>
 * Bytes are streamed both ways with one buffer; a transfer is never retried, since a
 * stream may be readable once. Streaming holds whatever interceptors the application gave
 * the API client's {@code RestClient} (its own, or a
 * {@code ChatBotKitRestClientCustomizer}'s): Spring's {@code RestClient} buffers every
 * request body as soon as its builder has held an interceptor, even once the list is
 * emptied, so the transfer does not derive its {@code RestClient} from the API client's
 * but builds one of its own on the same request factory, read from the builder that
 * {@link RestClient#mutate()} gives (Spring offers no accessor). Only when that builder
 * is not Spring's own (whose factory field the transfer reads) does it fall back to the
 * API client's {@code RestClient} with every part above removed, which buffers an upload
 * if there were interceptors, with a warning.
 *
 * @author cbkspring contributors
 */
public final class StorageTransfer {

	private static final Log logger = LogFactory.getLog(StorageTransfer.class);

	/**
	 * The logger of HttpClient 5 that prints request lines (the path with the query) at
	 * DEBUG.
	 */
	static final String ENGINE_REQUEST_LOG = "org.apache.hc.client5.http.impl.classic.MainClientExec";

	private static final int BUFFER_SIZE = 16 * 1024;

	/**
	 * Where Spring's builder of {@code RestClient}s, which {@link RestClient#mutate()}
	 * gives, keeps its request factory; {@code null} if it has no such field.
	 */
	public static final @Nullable Field REQUEST_FACTORY = requestFactoryField();

	/** Inserts no API version, should the API client's builder have one. */
	private static final ApiVersionInserter NO_API_VERSION = new ApiVersionInserter() {
	};

	private final RestClient restClient;

	private final ChatBotKitOptions options;

	/**
	 * Whether Spring buffers request bodies: the fallback on a builder with interceptors.
	 */
	private final boolean buffered;

	private StorageTransfer(RestClient restClient, ChatBotKitOptions options, boolean buffered) {
		this.restClient = restClient;
		this.options = options;
		this.buffered = buffered;
	}

	/**
	 * A transfer on the request factory of an API exchange.
	 * @param exchange the exchange
	 * @return the transfer
	 */
	static StorageTransfer of(ApiExchange exchange) {
		return of(exchange, REQUEST_FACTORY);
	}

	/**
	 * A transfer on the request factory of an API exchange, read from the field given.
	 */
	static StorageTransfer of(ApiExchange exchange, @Nullable Field requestFactoryField) {
		RestClient.Builder api = exchange.restClient().mutate();
		if (requestFactoryField != null && requestFactoryField.getDeclaringClass().isInstance(api)) {
			// null when the API client's builder had none: then both take Spring's
			// default
			ClientHttpRequestFactory requestFactory = (ClientHttpRequestFactory) ReflectionUtils
				.getField(requestFactoryField, api);
			RestClient.Builder own = RestClient.builder().observationRegistry(ObservationRegistry.NOOP);
			if (requestFactory != null) {
				own.requestFactory(requestFactory);
			}
			return new StorageTransfer(own.build(), exchange.options(), false);
		}
		boolean intercepted = hasInterceptors(api);
		if (intercepted) {
			// it buffers whenever it has an interceptor list, even an empty one: the list
			// is cleared only when there is something to clear
			api.requestInterceptors(List::clear);
		}
		RestClient restClient = api.requestInitializers(List::clear)
			.defaultHeaders(HttpHeaders::clear)
			.defaultCookies(MultiValueMap::clear)
			.apiVersionInserter(NO_API_VERSION)
			.bufferContent((uri, method) -> false)
			.observationRegistry(ObservationRegistry.NOOP)
			.build();
		return new StorageTransfer(restClient, exchange.options(), intercepted);
	}

	/**
	 * The request factory field of Spring's {@code RestClient} builder, or {@code null}
	 * if it has none by that name.
	 */
	private static @Nullable Field requestFactoryField() {
		Field field = ReflectionUtils.findField(RestClient.builder().getClass(), "requestFactory",
				ClientHttpRequestFactory.class);
		if (field != null) {
			ReflectionUtils.makeAccessible(field);
		}
		return field;
	}

	/**
	 * Whether a builder has interceptors, asked of a clone, since asking creates the
	 * list.
	 */
	private static boolean hasInterceptors(RestClient.Builder builder) {
		boolean[] found = new boolean[1];
		builder.clone().requestInterceptors((interceptors) -> found[0] = !interceptors.isEmpty());
		return found[0];
	}

	/**
	 * Send exactly {@code size} bytes of {@code content}, which is read but not closed.
	 * @throws ChatBotKitStorageException if the storage answers with an error or the
	 * connection fails
	 * @throws IllegalArgumentException if the content ends before {@code size} bytes
	 * @throws UncheckedIOException if the content cannot be read
	 */
	void upload(HttpMethod method, StorageLocation location, HttpHeaders headers, InputStream content, long size) {
		beforeTransfer(method, location);
		if (this.buffered && size > BUFFER_SIZE) {
			logger.warn("The ChatBotKit client's RestClient has interceptors: they are left out of the transfer to the"
					+ " storage, but Spring's RestClient still holds the " + size
					+ " bytes in memory while sending them." + " A client without interceptors streams them");
		}
		try {
			this.restClient.method(method).uri(location.uri()).headers((requestHeaders) -> {
				requestHeaders.clear();
				requestHeaders.addAll(headers);
				requestHeaders.setContentLength(size);
			}).cookies(MultiValueMap::clear).body(new Content(content, size)).exchange((request, response) -> {
				checkStatus(response, method, location);
				BoundedBody ignored = BoundedBody.read(response.getBody(), ErrorDecoder.MAX_ERROR_BODY);
				if (ignored.truncated()) {
					Connections.abort(response);
				}
				return Boolean.TRUE;
			}, true);
		}
		catch (ResourceAccessException ex) {
			throw failed(ex, method, location);
		}
	}

	/**
	 * Fetch the bytes at a location, streamed.
	 * @throws ChatBotKitStorageException if the storage answers with an error or the
	 * connection fails
	 */
	Download download(StorageLocation location) {
		beforeTransfer(HttpMethod.GET, location);
		try {
			return this.restClient.get()
				.uri(location.uri())
				.headers(HttpHeaders::clear)
				.cookies(MultiValueMap::clear)
				.exchange((request, response) -> {
					try {
						checkStatus(response, HttpMethod.GET, location);
						return Connections.download(response, response.getBody());
					}
					catch (IOException | RuntimeException ex) {
						Connections.abort(response);
						throw ex;
					}
				}, false);
		}
		catch (ResourceAccessException ex) {
			throw failed(ex, HttpMethod.GET, location);
		}
	}

	static void beforeTransfer(HttpMethod method, StorageLocation location) {
		if (LogFactory.getLog(ENGINE_REQUEST_LOG).isDebugEnabled()) {
			logger.warn("DEBUG logging of '" + ENGINE_REQUEST_LOG + "' prints request lines, the query of a pre-signed"
					+ " storage URL (a credential) included: keep it off outside local debugging");
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Storage transfer " + method.name() + " " + location);
		}
	}

	private void checkStatus(ClientHttpResponse response, HttpMethod method, StorageLocation location)
			throws IOException {
		HttpStatusCode status = response.getStatusCode();
		if (status.is2xxSuccessful()) {
			return;
		}
		BoundedBody body = BoundedBody.read(response.getBody(), ErrorDecoder.MAX_ERROR_BODY);
		Connections.abort(response);
		throw refused(status, body, method, location, this.options);
	}

	/**
	 * The failure of a storage answer that is not a success: it names the storage with
	 * its query masked, and an excerpt of the body masked too.
	 * @param status the status of the answer
	 * @param body the start of its body, at most {@link ErrorDecoder#MAX_ERROR_BODY}
	 * bytes
	 */
	static ChatBotKitStorageException refused(HttpStatusCode status, BoundedBody body, HttpMethod method,
			StorageLocation location, ChatBotKitOptions options) {
		String detail;
		if (status.is3xxRedirection()) {
			detail = "a redirect, not followed (a pre-signed transfer never goes to another URL)";
		}
		else if (body.isEmpty()) {
			detail = "(empty body)";
		}
		else {
			// masked before the excerpt is cut, so that no part of a secret survives
			String text = location.mask(new String(body.bytes(), StandardCharsets.UTF_8));
			detail = new BoundedBody(text.getBytes(StandardCharsets.UTF_8), body.truncated()).excerpt(options.secret());
		}
		return new ChatBotKitStorageException("The storage at " + location + " (not the ChatBotKit API) answered "
				+ method.name() + " with " + status.value() + ": " + detail, location.toString(), status.value(), null);
	}

	private static RuntimeException failed(ResourceAccessException ex, HttpMethod method, StorageLocation location) {
		return failed((ex.getCause() != null) ? ex.getCause() : ex, method, location);
	}

	/**
	 * The exception for a transfer that failed: an argument error when the content's
	 * length did not match its announced size, an {@link UncheckedIOException} when the
	 * content could not be read, else a {@link ChatBotKitStorageException} whose message
	 * and cause never name the URL.
	 * @param failure the engine's failure, or one of the content's
	 */
	static RuntimeException failed(Throwable failure, HttpMethod method, StorageLocation location) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ContentSizeException wrongSize) {
				return new IllegalArgumentException(wrongSize.getMessage());
			}
			if (cause instanceof ContentReadException unreadable) {
				return new UncheckedIOException("Reading the content to upload failed", unreadable.source());
			}
		}
		String classified = NetworkFailures.translate(failure, method.name() + " " + location).getMessage();
		return new ChatBotKitStorageException(
				location.mask(classified) + " (a transfer to the storage, not the ChatBotKit API)", location.toString(),
				0, withoutUrl(failure, location));
	}

	/**
	 * The failure, or a stand-in for it when its chain names the URL (engines quote URLs
	 * in their messages): the stand-in keeps the class, the masked message and the stack
	 * trace.
	 */
	static Throwable withoutUrl(Throwable failure, StorageLocation location) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String message = String.valueOf(cause.getMessage());
			if (!location.mask(message).equals(message)) {
				IOException standIn = new IOException(location.mask(failure.toString()));
				standIn.setStackTrace(failure.getStackTrace());
				return standIn;
			}
		}
		return failure;
	}

	/**
	 * The bytes to send, copied from the content with one buffer.
	 */
	private static final class Content implements StreamingHttpOutputMessage.Body {

		private final InputStream content;

		private final long size;

		Content(InputStream content, long size) {
			this.content = content;
			this.size = size;
		}

		@Override
		public void writeTo(OutputStream body) throws IOException {
			byte[] buffer = new byte[(int) Math.min(BUFFER_SIZE, Math.max(this.size, 1))];
			long remaining = this.size;
			if (remaining == 0) {
				checkEnded();
			}
			while (remaining > 0) {
				int read = read(buffer, (int) Math.min(buffer.length, remaining));
				if (read < 0) {
					throw ContentSizeException.ended(this.size - remaining, this.size);
				}
				if (read == remaining) {
					// checked before the last bytes go out, so that the storage never
					// receives the whole announced length of content that is longer
					checkEnded();
				}
				body.write(buffer, 0, read);
				remaining -= read;
			}
		}

		private void checkEnded() throws IOException {
			if (read(new byte[1], 1) >= 0) {
				throw ContentSizeException.longer(this.size);
			}
		}

		private int read(byte[] buffer, int length) throws IOException {
			try {
				return this.content.read(buffer, 0, length);
			}
			catch (IOException ex) {
				throw new ContentReadException(ex);
			}
		}

	}

	/**
	 * The content ended before its announced size, or went on after it.
	 */
	static final class ContentSizeException extends IOException {

		private static final long serialVersionUID = 1L;

		private ContentSizeException(String message) {
			super(message);
		}

		static ContentSizeException ended(long sent, long size) {
			return new ContentSizeException(
					"The content to upload ended after " + sent + " of the " + size + " bytes announced");
		}

		static ContentSizeException longer(long size) {
			return new ContentSizeException("The content to upload is longer than the " + size + " bytes announced");
		}

	}

	/**
	 * Reading the content failed: the caller's source, not the network.
	 */
	static final class ContentReadException extends IOException {

		private static final long serialVersionUID = 1L;

		private final IOException source;

		ContentReadException(IOException source) {
			super("Reading the content to upload failed", source);
			this.source = source;
		}

		IOException source() {
			return this.source;
		}

	}

}
