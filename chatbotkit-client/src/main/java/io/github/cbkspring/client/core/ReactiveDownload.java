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

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;

/**
 * A binary answer of the reactive client, such as a file's content: its headers, and its
 * bytes as a {@link Flux} of Spring's {@link DataBuffer}s read from the connection only
 * as fast as the subscriber asks, never buffered whole, so a download of any size needs
 * memory for a few buffers only. The size limit of JSON answers
 * ({@link ChatBotKitOptions#maxResponseSize()}) does not apply. The reactive twin of
 * {@link Download}. <pre class="code">
 * Mono&lt;Void&gt; saved = client.request(endpoint, fileId).download()
 *     .flatMap((download) -&gt; DataBufferUtils.write(download.body(), target));
 * </pre>
 * <p>
 * The connection is held until the body is read to the end, when it returns to the pool,
 * or cancelled, which closes it rather than reading (draining) the rest: subscribe to the
 * body once, or cancel it. Each buffer is the subscriber's to release
 * ({@link DataBufferUtils#release(DataBuffer)}), unless it hands the body to something
 * that releases what it writes, such as {@link DataBufferUtils#write} or a WebFlux answer
 * ({@code ResponseEntity<Flux<DataBuffer>>}).
 *
 * @author cbkspring contributors
 * @since 0.1.0
 * @see ReactiveApiRequest#download()
 */
public final class ReactiveDownload {

	private final HttpHeaders headers;

	private final Flux<DataBuffer> body;

	/**
	 * Create a download, as the client does for a binary answer; an application can make
	 * one to stand in for an answer, in a test for example.
	 * @param headers the headers of the answer
	 * @param body the bytes
	 */
	public ReactiveDownload(HttpHeaders headers, Flux<DataBuffer> body) {
		Assert.notNull(headers, "Headers must not be null");
		Assert.notNull(body, "Body must not be null");
		this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
		this.body = body;
	}

	/**
	 * The bytes, read from the connection as the subscriber asks for them; can be
	 * subscribed to once. A network failure while reading is a
	 * {@code ChatBotKitException} signal; cancelling closes the connection.
	 * @return the bytes, each buffer to be released by the subscriber
	 */
	public Flux<DataBuffer> body() {
		return this.body;
	}

	/**
	 * The headers of the answer.
	 * @return the headers, read-only
	 */
	public HttpHeaders headers() {
		return this.headers;
	}

	/**
	 * The content type of the bytes.
	 * @return the content type, or {@code null} if the answer named none
	 */
	public @Nullable MediaType contentType() {
		return this.headers.getContentType();
	}

	/**
	 * The number of bytes, as the answer announced it.
	 * @return the length in bytes, or {@code -1} if the answer did not say
	 */
	public long contentLength() {
		return this.headers.getContentLength();
	}

	/**
	 * The file name of the {@code Content-Disposition} header, made safe to resolve
	 * against a directory as {@link Download#filename()} makes it.
	 * @return the file name, or {@code null} if the answer named none
	 */
	public @Nullable String filename() {
		return Download.filename(this.headers);
	}

	@Override
	public String toString() {
		return "ReactiveDownload[contentType=" + contentType() + ", contentLength=" + contentLength() + ", filename="
				+ filename() + "]";
	}

}
