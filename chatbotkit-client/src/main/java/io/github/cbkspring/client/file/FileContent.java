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

package io.github.cbkspring.client.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.cbkspring.client.core.FileUpload;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.util.Assert;

/**
 * The content of a file to upload: where its bytes come from, how many there are, and the
 * name and content type the API is told. The size must be known before the upload starts
 * (it decides between an inline and a direct upload, and the direct one announces it), so
 * a stream comes with its size: <pre class="code">
 * FileContent.of(Path.of("handbook.pdf"))
 * FileContent.of(resource).withContentType(MediaType.APPLICATION_PDF)
 * FileContent.of(bytes, "notes.md", MediaType.TEXT_MARKDOWN)
 * FileContent.of(inputStream, size, "export.csv")
 * FileContent.of(inputStream, size, "export", MediaType.parseMediaType("text/csv"))
 * </pre> Without a content type, it is the one known for the file name's extension. The
 * bytes are streamed when uploaded, never read whole into memory, but for a stream sent
 * in the request (up to {@link FileClient#INLINE_UPLOAD_LIMIT}), which is read first so
 * that its length is checked before anything is sent.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public final class FileContent {

	private final Resource resource;

	private final String name;

	private final @Nullable MediaType contentType;

	private final long size;

	private FileContent(Resource resource, String name, @Nullable MediaType contentType, long size) {
		Assert.isTrue(name != null && !name.isBlank(), "File name must not be null or blank");
		Assert.isTrue(size >= 0, () -> "Size must not be negative, but was " + size);
		this.resource = resource;
		this.name = name;
		this.contentType = contentType;
		this.size = size;
	}

	/**
	 * The content of a resource that can be read more than once, such as a
	 * {@code FileSystemResource} or {@code ClassPathResource}, named after its file name.
	 * @param resource the resource
	 * @return the content
	 * @throws IllegalArgumentException if the resource has no file name, can be read only
	 * once (use {@link #of(InputStream, long, String)}), or its size cannot be read
	 */
	public static FileContent of(Resource resource) {
		Assert.notNull(resource, "Resource must not be null");
		String filename = resource.getFilename();
		Assert.hasText(filename, "Resource has no file name: use FileContent.of(resource, name)");
		return of(resource, filename);
	}

	/**
	 * The content of a resource that can be read more than once, with a file name.
	 * @param resource the resource
	 * @param name the file name
	 * @return the content
	 * @throws IllegalArgumentException if the resource can be read only once (use
	 * {@link #of(InputStream, long, String)}), or its size cannot be read
	 */
	public static FileContent of(Resource resource, String name) {
		Assert.notNull(resource, "Resource must not be null");
		Assert.isTrue(!resource.isOpen(),
				"A resource that can be read once does not know its size: use FileContent.of(InputStream, size, name)");
		try {
			return new FileContent(resource, name, null, resource.contentLength());
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Cannot read the size of " + resource.getDescription(), ex);
		}
	}

	/**
	 * The content of a file, named after it.
	 * @param path the file
	 * @return the content
	 * @throws IllegalArgumentException if the file cannot be read
	 */
	public static FileContent of(Path path) {
		Assert.notNull(path, "Path must not be null");
		return of(new FileSystemResource(path));
	}

	/**
	 * Bytes in memory, with the content type known for the file name's extension.
	 * @param bytes the bytes, not copied
	 * @param name the file name
	 * @return the content
	 * @throws IllegalArgumentException if {@code bytes} is {@code null}, or {@code name}
	 * is {@code null} or blank
	 */
	public static FileContent of(byte[] bytes, String name) {
		Assert.notNull(bytes, "Bytes must not be null");
		return new FileContent(new ByteArrayResource(bytes), name, null, bytes.length);
	}

	/**
	 * Bytes in memory, with a content type.
	 * @param bytes the bytes, not copied
	 * @param name the file name
	 * @param contentType the content type the API is told
	 * @return the content
	 * @throws IllegalArgumentException if an argument is {@code null}, or {@code name} is
	 * blank
	 * @since 0.1.0
	 */
	public static FileContent of(byte[] bytes, String name, MediaType contentType) {
		return of(bytes, name).withContentType(contentType);
	}

	/**
	 * The bytes of a stream that can be read once, such as a request body being relayed.
	 * Exactly {@code size} bytes are read, and the stream is closed by the upload. An
	 * upload of this content is never retried, and it can be uploaded once: a second
	 * upload, or a second subscription to a reactive one, fails with an
	 * {@link IllegalStateException} that says so, before anything is sent. To upload
	 * content more than once, use bytes, a {@link Path}, or a {@link Resource} that can
	 * be opened again.
	 * @param stream the stream
	 * @param size the number of bytes to read from it
	 * @param name the file name
	 * @return the content
	 * @throws IllegalArgumentException if {@code stream} is {@code null}, {@code size} is
	 * negative, or {@code name} is {@code null} or blank
	 */
	public static FileContent of(InputStream stream, long size, String name) {
		Assert.notNull(stream, "InputStream must not be null");
		return new FileContent(new SizedStreamResource(stream, size, name), name, null, size);
	}

	/**
	 * The bytes of a stream that can be read once, with a content type; otherwise as
	 * {@link #of(InputStream, long, String)}.
	 * @param stream the stream
	 * @param size the number of bytes to read from it
	 * @param name the file name
	 * @param contentType the content type the API is told
	 * @return the content
	 * @throws IllegalArgumentException if an argument is {@code null}, {@code size} is
	 * negative, or {@code name} is blank
	 * @since 0.1.0
	 */
	public static FileContent of(InputStream stream, long size, String name, MediaType contentType) {
		return of(stream, size, name).withContentType(contentType);
	}

	/**
	 * A copy with another file name.
	 * @param name the name the API is told
	 * @return the copy
	 */
	public FileContent withName(String name) {
		return new FileContent(this.resource, name, this.contentType, this.size);
	}

	/**
	 * A copy with a content type, instead of the one derived from the file name.
	 * @param contentType the content type
	 * @return the copy
	 */
	public FileContent withContentType(MediaType contentType) {
		Assert.notNull(contentType, "Content type must not be null");
		return new FileContent(this.resource, this.name, contentType, this.size);
	}

	/**
	 * The file name the API is told.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The content type the API is told: the one set, else the one known for the file
	 * name's extension, else {@code application/octet-stream}.
	 * @return the content type
	 */
	public MediaType contentType() {
		return (this.contentType != null) ? this.contentType
				: MediaTypeFactory.getMediaType(this.name).orElse(MediaType.APPLICATION_OCTET_STREAM);
	}

	/**
	 * The number of bytes.
	 * @return the size in bytes
	 */
	public long size() {
		return this.size;
	}

	FileUpload toFileUpload() {
		return new FileUpload(this.resource, this.name, contentType());
	}

	/**
	 * The upload for one request of at most {@code limit} bytes: a stream that can be
	 * read once is read here, whole, so that a length that does not match its announced
	 * size fails before anything is sent; other content is streamed as it is, and so is a
	 * stream above the limit. A stream is taken here either way, so that a second upload
	 * of it fails before anything is sent.
	 * @throws IllegalArgumentException if the stream ends before its size or goes on
	 * after it
	 * @throws IllegalStateException if the stream was already taken by an upload
	 * @throws UncheckedIOException if the stream cannot be read
	 */
	FileUpload toInlineUpload(long limit) {
		if (!this.resource.isOpen()) {
			return toFileUpload();
		}
		try {
			if (this.size > limit) {
				return new FileUpload(new SizedStreamResource(openStream(), this.size, this.name), this.name,
						contentType());
			}
			try (InputStream stream = openStream()) {
				byte[] bytes = stream.readNBytes((int) this.size);
				Assert.isTrue(bytes.length == this.size, () -> "The content to upload ended after " + bytes.length
						+ " of the " + this.size + " bytes announced");
				Assert.isTrue(stream.read() < 0,
						() -> "The content to upload is longer than the " + this.size + " bytes announced");
				return new FileUpload(new ByteArrayResource(bytes), this.name, contentType());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + this, ex);
		}
	}

	/**
	 * The bytes as a resource, which the reactive client reads: one that can be read once
	 * is an {@link InputStreamResource}.
	 */
	Resource resource() {
		return this.resource;
	}

	/**
	 * The stream of bytes to upload.
	 * @throws IllegalStateException if the content is a stream that was already taken by
	 * an upload
	 * @throws IOException if the content cannot be read
	 */
	InputStream openStream() throws IOException {
		return this.resource.getInputStream();
	}

	@Override
	public String toString() {
		return "FileContent[name=" + this.name + ", contentType=" + contentType() + ", size=" + this.size + "]";
	}

	/**
	 * A stream as a resource that knows its size and name, so that a multipart writer
	 * never reads the stream to learn its length, as it would for an
	 * {@link InputStreamResource}.
	 */
	private static final class SizedStreamResource extends InputStreamResource {

		private final long size;

		private final String name;

		private final InputStream stream;

		private final AtomicBoolean taken = new AtomicBoolean();

		SizedStreamResource(InputStream stream, long size, String name) {
			super(stream, "stream of " + size + " bytes");
			this.stream = stream;
			this.size = size;
			this.name = name;
		}

		/**
		 * The stream, to the first caller only: instead of the message of
		 * {@link InputStreamResource}, which names neither the content nor the remedy,
		 * one that says what to upload instead.
		 */
		@Override
		public InputStream getInputStream() {
			if (!this.taken.compareAndSet(false, true)) {
				throw new IllegalStateException("The content to upload, a stream named '" + this.name + "' of "
						+ this.size + " bytes, can be read once and was already read by an earlier upload or"
						+ " subscription: to upload it again, make it repeatable with FileContent.of(byte[], name),"
						+ " FileContent.of(Path) or FileContent.of(Resource) of a resource that can be opened again");
			}
			return this.stream;
		}

		@Override
		public long contentLength() {
			return this.size;
		}

		@Override
		public String getFilename() {
			return this.name;
		}

	}

}
