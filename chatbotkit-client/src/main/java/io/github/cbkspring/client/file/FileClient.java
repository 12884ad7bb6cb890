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
import java.nio.file.CopyOption;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ApiTransport;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.Download;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.Page;
import io.github.cbkspring.client.error.ChatBotKitException;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.util.Assert;

/**
 * Manages files: their records (list, fetch, create, update, delete) and their content. A
 * file is created first, then its content uploaded: <pre class="code">
 * String fileId = files.create(FileRequest.builder().name("handbook.pdf").build());
 * files.upload(fileId, FileContent.of(Path.of("handbook.pdf")));
 * try (Download download = files.download(fileId)) {
 *     download.inputStream().transferTo(out);
 * }
 * </pre> Content up to {@link #INLINE_UPLOAD_LIMIT} is uploaded inline, larger content
 * straight to the API's storage with a pre-signed request; see {@link UploadMode}. Either
 * way the bytes are streamed, and a download is streamed to the caller, so files of any
 * size pass in bounded memory.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class FileClient implements GeneratedFileOperations {

	/**
	 * The largest content, in bytes, that {@link UploadMode#AUTO} uploads inline: 4 MiB.
	 * The API takes about 4.5 MB in one request, multipart framing included, so larger
	 * content goes straight to its storage.
	 */
	public static final long INLINE_UPLOAD_LIMIT = 4L * 1024 * 1024;

	static final ApiEndpoint LIST = ApiEndpoint.get("/file/list");

	static final ApiEndpoint FETCH = ApiEndpoint.get("/file/{fileId}/fetch");

	static final ApiEndpoint CREATE = ApiEndpoint.post("/file/create");

	static final ApiEndpoint UPDATE = ApiEndpoint.post("/file/{fileId}/update");

	static final ApiEndpoint DELETE = ApiEndpoint.post("/file/{fileId}/delete");

	static final ApiEndpoint UPLOAD = ApiEndpoint.post("/file/{fileId}/upload");

	static final ApiEndpoint DOWNLOAD = ApiEndpoint.get("/file/{fileId}/download");

	static final ParameterizedTypeReference<Page<FileInfo>> PAGE = new ParameterizedTypeReference<>() {
	};

	private final ApiTransport transport;

	/**
	 * Create a file client on an {@link ApiTransport}, such as a
	 * {@code ChatBotKitClient}.
	 * @param transport the transport whose options and connection pool to use
	 */
	public FileClient(ApiTransport transport) {
		Assert.notNull(transport, "ApiTransport must not be null");
		this.transport = transport;
	}

	/**
	 * Fetch a page of files ({@code GET /file/list}).
	 * @param query the page to fetch
	 * @return the page
	 * @throws ChatBotKitException if the call fails
	 */
	public Page<FileInfo> list(ListQuery query) {
		return this.transport.request(LIST).query(query).retrieve(PAGE);
	}

	/**
	 * Read every file lazily, page after page; see {@link Page#walk}.
	 * @param query the first page to fetch: its size, order and filter apply to all
	 * @return the files
	 */
	public Stream<FileInfo> listAll(ListQuery query) {
		return Page.walk(query, this::list);
	}

	/**
	 * Fetch a file's record ({@code GET /file/{fileId}/fetch}).
	 * @param fileId the file
	 * @return the record
	 * @throws IllegalArgumentException if {@code fileId} is not acceptable
	 * @throws ChatBotKitException if the call fails, a
	 * {@code ChatBotKitNotFoundException} if there is no such file
	 */
	public FileInfo fetch(String fileId) {
		return this.transport.request(FETCH, fileId).retrieve(FileInfo.class);
	}

	/**
	 * Create a file's record, without content ({@code POST /file/create}); upload the
	 * content with {@link #upload(String, FileContent)}.
	 * @param request the record
	 * @return the new file's id
	 * @throws ChatBotKitException if the call fails
	 */
	public String create(FileRequest request) {
		Assert.notNull(request, "FileRequest must not be null");
		return this.transport.request(CREATE).body(request).retrieveId();
	}

	/**
	 * Change the fields of a file's record that are set in the request ({@code POST
	 * /file/{fileId}/update}).
	 * @param fileId the file
	 * @param request the fields to change
	 * @throws IllegalArgumentException if an argument is not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public void update(String fileId, FileRequest request) {
		Assert.notNull(request, "FileRequest must not be null");
		this.transport.request(UPDATE, fileId).body(request).execute();
	}

	/**
	 * Delete a file ({@code POST /file/{fileId}/delete}).
	 * @param fileId the file
	 * @throws IllegalArgumentException if {@code fileId} is not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public void delete(String fileId) {
		this.transport.request(DELETE, fileId).body(Map.of()).execute();
	}

	/**
	 * Upload a file's content ({@code POST /file/{fileId}/upload}), inline up to
	 * {@link #INLINE_UPLOAD_LIMIT} bytes and straight to the API's storage above; see
	 * {@link #upload(String, FileContent, UploadMode)}.
	 * @param fileId the file
	 * @param content the content
	 * @throws IllegalArgumentException if an argument is not acceptable
	 * @throws ChatBotKitException if the upload fails
	 */
	public void upload(String fileId, FileContent content) {
		upload(fileId, content, UploadMode.AUTO);
	}

	/**
	 * Upload a file's content ({@code POST /file/{fileId}/upload}) the given way:
	 * <ul>
	 * <li>{@link UploadMode#INLINE}: the content is the {@code file} part of a
	 * {@code multipart/form-data} request to the API.</li>
	 * <li>{@link UploadMode#DIRECT}: the API is sent {@code {"file": {"type", "size",
	 * "name"}}} and answers with a pre-signed request to its storage, which the content
	 * is then streamed with, carrying exactly the headers the API named and no ChatBotKit
	 * credential; see {@code ApiRequest#uploadToStorage}.</li>
	 * <li>{@link UploadMode#AUTO}: inline up to {@link #INLINE_UPLOAD_LIMIT} bytes,
	 * direct above.</li>
	 * </ul>
	 * The bytes are streamed, never held whole, but for a stream that can be read once
	 * and is sent in the request (up to {@link #INLINE_UPLOAD_LIMIT}): it is read first,
	 * so that its length is checked before anything is sent, and it is then retried like
	 * bytes. Any other content that can be read once is never sent twice: neither way
	 * retries it. A stream can be uploaded once: a second upload of the same
	 * {@code FileContent} fails before anything is sent.
	 * @param fileId the file
	 * @param content the content
	 * @param mode the way to upload
	 * @throws IllegalArgumentException if an argument is not acceptable, or a stream's
	 * length does not match its announced size: found before anything is sent for a
	 * stream sent in the request (up to {@link #INLINE_UPLOAD_LIMIT}), while sending for
	 * one sent to the storage (whose request is then aborted before its last bytes, so
	 * the storage never holds content cut to the announced size)
	 * @throws IllegalStateException if the content is a stream that an earlier upload
	 * took, with a message that says how to make the content repeatable
	 * @throws UncheckedIOException if the content cannot be read
	 * @throws ChatBotKitException if the upload fails: a {@code ChatBotKitHttpException}
	 * with code {@code CONTENT_TOO_LARGE} if inline content is too large for the API, a
	 * {@code ChatBotKitStorageException} if the transfer to the storage fails or its
	 * request is refused
	 */
	public void upload(String fileId, FileContent content, UploadMode mode) {
		Assert.notNull(content, "FileContent must not be null");
		Assert.notNull(mode, "UploadMode must not be null");
		if (mode.isInline(content)) {
			this.transport.request(UPLOAD, fileId).file(content.toInlineUpload(INLINE_UPLOAD_LIMIT)).execute();
			return;
		}
		try (InputStream stream = content.openStream()) {
			this.transport.request(UPLOAD, fileId)
				.body(new UploadDescriptor(content))
				.uploadToStorage(stream, content.size());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + content, ex);
		}
	}

	/**
	 * Download a file's content ({@code GET /file/{fileId}/download}), streamed: close
	 * the download, best with try-with-resources. Its content type, length and file name
	 * are those the answer announced. When the API points at its storage instead of
	 * answering with the bytes, they are fetched from there without the ChatBotKit
	 * credential; see {@code ApiRequest#download()}. A file without content yet downloads
	 * as no bytes (the API answers 204).
	 * @param fileId the file
	 * @return the download
	 * @throws IllegalArgumentException if {@code fileId} is not acceptable
	 * @throws ChatBotKitException if the call fails, a {@code ChatBotKitStorageException}
	 * if fetching from the storage fails
	 */
	public Download download(String fileId) {
		return this.transport.request(DOWNLOAD, fileId).download();
	}

	/**
	 * Download a file's content into a local file, streamed, with the options of
	 * {@link Files#copy(InputStream, Path, CopyOption...)}: an existing file is replaced
	 * only with {@link java.nio.file.StandardCopyOption#REPLACE_EXISTING}.
	 * <p>
	 * The target is checked before the call: without {@code REPLACE_EXISTING} it must not
	 * exist, and its directory must. The bytes are written to a temporary file in that
	 * directory, which is moved into place only once the whole body arrived: atomically
	 * where the file system can, else by a plain replace, and without
	 * {@code REPLACE_EXISTING} only if the target still does not exist. If the download
	 * fails, the temporary file is deleted: a file that was to be replaced is left as it
	 * was, and no partial file is left.
	 * @param fileId the file
	 * @param target the local file to write
	 * @param options how to write it:
	 * {@link java.nio.file.StandardCopyOption#REPLACE_EXISTING} or none
	 * @return the number of bytes written
	 * @throws IOException if the local file cannot be written or the connection fails
	 * while the bytes are read: a {@link FileAlreadyExistsException} if the target exists
	 * and is not to be replaced (before the call, or when the bytes are moved into place
	 * if it was created meanwhile), a {@link java.nio.file.NoSuchFileException} before
	 * the call if its directory does not exist
	 * @throws IllegalArgumentException if {@code fileId} is not acceptable or
	 * {@code target} is null
	 * @throws UnsupportedOperationException if an option is not
	 * {@link java.nio.file.StandardCopyOption#REPLACE_EXISTING}, as {@code Files.copy}
	 * throws
	 * @throws ChatBotKitException if the call fails
	 */
	public long downloadTo(String fileId, Path target, CopyOption... options) throws IOException {
		DownloadTarget local = DownloadTarget.of(target, options);
		Path temporary = local.createTemporary();
		try (Download download = download(fileId)) {
			long written = Files.copy(download.inputStream(), temporary, StandardCopyOption.REPLACE_EXISTING);
			local.moveIntoPlace(temporary);
			return written;
		}
		catch (IOException | RuntimeException ex) {
			DownloadTarget.delete(temporary, ex);
			throw ex;
		}
	}

	/**
	 * A copy of this client with some options changed, sharing the connection pool; see
	 * {@link ApiTransport#withOptions(Consumer)}.
	 * @param changes the changes to apply to a copy of the options
	 * @return the copy
	 */
	public FileClient withOptions(Consumer<ChatBotKitOptions.Builder> changes) {
		return new FileClient(this.transport.withOptions(changes));
	}

	/**
	 * The transport this client calls the API through.
	 * @return the transport
	 */
	@Override
	public ApiTransport transport() {
		return this.transport;
	}

	@Override
	public String toString() {
		return "FileClient[" + this.transport + "]";
	}

}
