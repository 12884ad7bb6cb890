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

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;

/**
 * A binary answer streamed to the caller, such as a file's content: its bytes are read
 * from the connection as the caller reads {@link #inputStream()}, never buffered whole,
 * so a download of any size needs memory for one buffer only. The size limit of JSON
 * answers ({@link ChatBotKitOptions#maxResponseSize()}) does not apply: the caller
 * decides how much to read.
 * <p>
 * A download holds a connection until it is closed: use try-with-resources. Closing the
 * download or its stream after the last byte returns the connection to the pool; closing
 * it earlier aborts the connection rather than reading (draining) the rest.
 * <pre class="code">
 * try (Download download = client.files().download(fileId)) {
 *     Files.copy(download.inputStream(), target);
 * }
 * </pre>
 * <p>
 * A download is read by one thread.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 * @see ApiRequest#download()
 */
public final class Download implements Closeable {

	private final HttpHeaders headers;

	private final Body body;

	/**
	 * Create a download of a stream of bytes, as the client does for a binary answer; an
	 * application can make one to stand in for an answer, in a test for example.
	 * @param headers the headers of the answer
	 * @param body the bytes; closing the download closes it, once
	 */
	public Download(HttpHeaders headers, InputStream body) {
		Assert.notNull(headers, "Headers must not be null");
		Assert.notNull(body, "Body must not be null");
		this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
		this.body = new Body(body);
	}

	/**
	 * The bytes, read from the connection as they are read from the stream. The stream is
	 * the same on every call and can be read once; closing it closes this download. A
	 * network failure while reading is an {@link IOException} of the HTTP engine.
	 * @return the stream of the bytes
	 */
	public InputStream inputStream() {
		return this.body;
	}

	/**
	 * The bytes as a {@link Resource} that can be read once, for APIs that take one, such
	 * as a Spring MVC controller returning {@code ResponseEntity<Resource>}: it knows the
	 * {@link #filename()} and, when the answer said, the {@link #contentLength()}, and
	 * closing its stream closes this download.
	 * @return the resource
	 */
	public Resource asResource() {
		return new DownloadResource(this);
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
	 * The file name of the {@code Content-Disposition} header ({@code filename*} decoded
	 * when present), reduced to its last path segment so that it is safe to resolve
	 * against a directory: {@code ../../x} becomes {@code x}, and a name that is empty,
	 * {@code .} or {@code ..} is no name.
	 * @return the file name, or {@code null} if the answer named none
	 */
	public @Nullable String filename() {
		return filename(this.headers);
	}

	/**
	 * The safe file name of an answer's {@code Content-Disposition}, as
	 * {@link #filename()} reads it.
	 */
	static @Nullable String filename(HttpHeaders headers) {
		String value = headers.getFirst(HttpHeaders.CONTENT_DISPOSITION);
		if (value == null) {
			return null;
		}
		String filename;
		try {
			filename = ContentDisposition.parse(value).getFilename();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		return (filename != null) ? safeFilename(filename) : null;
	}

	static @Nullable String safeFilename(String filename) {
		String name = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
		StringBuilder printable = new StringBuilder(name.length());
		name.codePoints().filter((c) -> !Character.isISOControl(c)).forEach(printable::appendCodePoint);
		String safe = printable.toString().strip();
		return (safe.isEmpty() || safe.equals(".") || safe.equals("..")) ? null : safe;
	}

	/**
	 * Release the connection: returned to the pool when every byte was read, aborted
	 * otherwise. Closing again does nothing.
	 */
	@Override
	public void close() {
		try {
			this.body.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String toString() {
		return "Download[contentType=" + contentType() + ", contentLength=" + contentLength() + ", filename="
				+ filename() + "]";
	}

	/**
	 * The body, closed once however often the download and its stream are closed.
	 */
	private static final class Body extends FilterInputStream {

		private boolean closed;

		Body(InputStream body) {
			super(body);
		}

		@Override
		public void close() throws IOException {
			if (!this.closed) {
				this.closed = true;
				super.close();
			}
		}

	}

	/**
	 * A one-shot resource over a download that does not read its stream to learn its
	 * length, as {@link InputStreamResource} would.
	 */
	private static final class DownloadResource extends InputStreamResource {

		private final Download download;

		DownloadResource(Download download) {
			super(download.inputStream(), "ChatBotKit download");
			this.download = download;
		}

		@Override
		public @Nullable String getFilename() {
			return this.download.filename();
		}

		/**
		 * The announced length, or {@code -1} when unknown, which Spring's resource
		 * converters read as "unknown" instead of counting the stream.
		 */
		@Override
		public long contentLength() {
			return this.download.contentLength();
		}

	}

}
