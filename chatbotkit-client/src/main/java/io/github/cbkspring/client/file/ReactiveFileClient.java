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
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.Page;
import io.github.cbkspring.client.core.ReactiveApiRequest;
import io.github.cbkspring.client.core.ReactiveApiTransport;
import io.github.cbkspring.client.core.ReactiveDownload;
import io.github.cbkspring.client.core.ReactivePages;
import io.github.cbkspring.client.error.ChatBotKitException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.util.Assert;

/**
 * The non-blocking twin of {@link FileClient}: the same operations on the same endpoints,
 * with the same arguments, checks and types, each answer a {@link Mono} or a {@link Flux}
 * that makes its call when subscribed to: <pre class="code">
 * Mono&lt;Long&gt; saved = files.create(FileRequest.builder().name("handbook.pdf").build())
 *     .flatMap((fileId) -&gt; files.upload(fileId, FileContent.of(Path.of("handbook.pdf")))
 *         .then(files.downloadTo(fileId, Path.of("copy.pdf"))));
 * </pre> Content up to {@link FileClient#INLINE_UPLOAD_LIMIT} is uploaded inline, larger
 * content straight to the API's storage with a pre-signed request, as {@link UploadMode}
 * says. The bytes are read as the connection takes them, a local file without blocking
 * and other content on a thread of Reactor's {@code boundedElastic} scheduler, and a
 * download is read only as fast as its subscriber asks, so files of any size pass in
 * bounded memory.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class ReactiveFileClient implements ReactiveGeneratedFileOperations {

	/** The size of the buffers content is read into, as the blocking client's. */
	private static final int BUFFER_SIZE = 16 * 1024;

	private final ReactiveApiTransport transport;

	/**
	 * Create a file client on a {@link ReactiveApiTransport}, such as a
	 * {@code ChatBotKitReactiveClient}.
	 * @param transport the transport whose options and connection pool to use
	 */
	public ReactiveFileClient(ReactiveApiTransport transport) {
		Assert.notNull(transport, "ReactiveApiTransport must not be null");
		this.transport = transport;
	}

	/**
	 * Fetch a page of files ({@code GET /file/list}).
	 * @param query the page to fetch
	 * @return the page, or a {@link ChatBotKitException} signal
	 */
	public Mono<Page<FileInfo>> list(ListQuery query) {
		return this.transport.request(FileClient.LIST).query(query).retrieve(FileClient.PAGE);
	}

	/**
	 * Read every file lazily, page after page: a page is fetched only when its items are
	 * asked for; see {@link ReactivePages#walk}.
	 * @param query the first page to fetch: its size, order and filter apply to all
	 * @return the files
	 */
	public Flux<FileInfo> listAll(ListQuery query) {
		return ReactivePages.walk(query, this::list);
	}

	/**
	 * Fetch a file's record ({@code GET /file/{fileId}/fetch}).
	 * @param fileId the file
	 * @return the record, or a {@link ChatBotKitException} signal, a
	 * {@code ChatBotKitNotFoundException} if there is no such file
	 * @throws IllegalArgumentException if {@code fileId} is not acceptable
	 */
	public Mono<FileInfo> fetch(String fileId) {
		return this.transport.request(FileClient.FETCH, fileId).retrieve(FileInfo.class);
	}

	/**
	 * Create a file's record, without content ({@code POST /file/create}); upload the
	 * content with {@link #upload(String, FileContent)}.
	 * @param request the record
	 * @return the new file's id, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if {@code request} is null
	 */
	public Mono<String> create(FileRequest request) {
		Assert.notNull(request, "FileRequest must not be null");
		return this.transport.request(FileClient.CREATE).body(request).retrieveId();
	}

	/**
	 * Change the fields of a file's record that are set in the request ({@code POST
	 * /file/{fileId}/update}).
	 * @param fileId the file
	 * @param request the fields to change
	 * @return completes when the call succeeded, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an argument is not acceptable
	 */
	public Mono<Void> update(String fileId, FileRequest request) {
		Assert.notNull(request, "FileRequest must not be null");
		return this.transport.request(FileClient.UPDATE, fileId).body(request).execute();
	}

	/**
	 * Delete a file ({@code POST /file/{fileId}/delete}).
	 * @param fileId the file
	 * @return completes when the call succeeded, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if {@code fileId} is not acceptable
	 */
	public Mono<Void> delete(String fileId) {
		return this.transport.request(FileClient.DELETE, fileId).body(Map.of()).execute();
	}

	/**
	 * Upload a file's content ({@code POST /file/{fileId}/upload}), inline up to
	 * {@link FileClient#INLINE_UPLOAD_LIMIT} bytes and straight to the API's storage
	 * above; see {@link #upload(String, FileContent, UploadMode)}.
	 * @param fileId the file
	 * @param content the content
	 * @return completes when the content is uploaded, or a failure signal as
	 * {@link #upload(String, FileContent, UploadMode)} says
	 * @throws IllegalArgumentException if an argument is not acceptable
	 */
	public Mono<Void> upload(String fileId, FileContent content) {
		return upload(fileId, content, UploadMode.AUTO);
	}

	/**
	 * Upload a file's content ({@code POST /file/{fileId}/upload}) the given way, as
	 * {@link FileClient#upload(String, FileContent, UploadMode)} does: inline as the
	 * {@code file} part of a {@code multipart/form-data} request, or straight to the
	 * API's storage with the pre-signed request the API answers the descriptor
	 * {@code {"file": {"type", "size", "name"}}} with; see
	 * {@link ReactiveApiRequest#uploadToStorage}.
	 * <p>
	 * The bytes are read when the answer is subscribed to and streamed, never held whole,
	 * but for a stream that can be read once and is sent in the request (up to
	 * {@link FileClient#INLINE_UPLOAD_LIMIT}): it is read first, on a thread of Reactor's
	 * {@code boundedElastic} scheduler, so that its length is checked before anything is
	 * sent, and it is then retried like bytes. Any other content that can be read once is
	 * never sent twice: neither way retries it. A stream can be uploaded once: a second
	 * subscription, or a second upload of the same {@code FileContent}, fails before
	 * anything is sent.
	 * @param fileId the file
	 * @param content the content
	 * @param mode the way to upload
	 * @return completes when the content is uploaded; an {@link IllegalArgumentException}
	 * signal if a stream's length does not match its announced size (before anything is
	 * sent for a stream sent in the request, while sending for one sent to the storage,
	 * whose request is then aborted before its last bytes), an
	 * {@link IllegalStateException} one if the content is a stream that an earlier upload
	 * took, with a message that says how to make the content repeatable, an
	 * {@link java.io.UncheckedIOException} one if the content cannot be read, a
	 * {@link ChatBotKitException} one if the upload fails: a
	 * {@code ChatBotKitHttpException} with code {@code CONTENT_TOO_LARGE} if inline
	 * content is too large for the API, a {@code ChatBotKitStorageException} if the
	 * transfer to the storage fails or its request is refused
	 * @throws IllegalArgumentException if an argument is not acceptable
	 */
	public Mono<Void> upload(String fileId, FileContent content, UploadMode mode) {
		Assert.notNull(content, "FileContent must not be null");
		Assert.notNull(mode, "UploadMode must not be null");
		ReactiveApiRequest request = this.transport.request(FileClient.UPLOAD, fileId);
		if (mode.isInline(content)) {
			return Mono.fromCallable(() -> content.toInlineUpload(FileClient.INLINE_UPLOAD_LIMIT))
				.subscribeOn(Schedulers.boundedElastic())
				.flatMap((upload) -> request.file(upload).execute());
		}
		// opened first, as the blocking client opens it: content that cannot be read
		// fails before the call
		return Mono
			.using(() -> open(content),
					(stream) -> request.body(new UploadDescriptor(content))
						.uploadToStorage(DataBufferUtils
							.readInputStream(() -> stream, DefaultDataBufferFactory.sharedInstance, BUFFER_SIZE)
							.subscribeOn(Schedulers.boundedElastic()), content.size())
						.then(),
					ReactiveFileClient::close)
			.subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * Download a file's content ({@code GET /file/{fileId}/download}), read only as fast
	 * as the subscriber asks; see {@link ReactiveDownload} (its buffers are the
	 * subscriber's to release). Its content type, length and file name are those the
	 * answer announced. When the API points at its storage instead of answering with the
	 * bytes, they are fetched from there without the ChatBotKit credential; see
	 * {@link ReactiveApiRequest#download()}. A file without content yet downloads as no
	 * bytes (the API answers 204).
	 * @param fileId the file
	 * @return the download, or a {@link ChatBotKitException} signal, a
	 * {@code ChatBotKitStorageException} if fetching from the storage fails
	 * @throws IllegalArgumentException if {@code fileId} is not acceptable
	 */
	public Mono<ReactiveDownload> download(String fileId) {
		return this.transport.request(FileClient.DOWNLOAD, fileId).download();
	}

	/**
	 * Download a file's content into a local file, streamed with
	 * {@link DataBufferUtils#write(org.reactivestreams.Publisher, Path, OpenOption...)},
	 * with the options of {@link Files#copy(java.io.InputStream, Path, CopyOption...)}:
	 * an existing file is replaced only with {@link StandardCopyOption#REPLACE_EXISTING}.
	 * <p>
	 * When subscribed to, the target is checked before the call, on a thread of Reactor's
	 * {@code boundedElastic} scheduler: without {@code REPLACE_EXISTING} it must not
	 * exist, and its directory must. The bytes are written to a temporary file in that
	 * directory, which is moved into place only once the whole body arrived: atomically
	 * where the file system can, else by a plain replace, and without
	 * {@code REPLACE_EXISTING} only if the target still does not exist. If the download
	 * fails or is cancelled, the temporary file is deleted: a file that was to be
	 * replaced is left as it was, and no partial file is left.
	 * @param fileId the file
	 * @param target the local file to write
	 * @param options how to write it: {@link StandardCopyOption#REPLACE_EXISTING} or none
	 * @return the number of bytes written; an {@link java.io.IOException} signal if the
	 * local file cannot be written: a {@link java.nio.file.FileAlreadyExistsException} if
	 * the target exists and is not to be replaced (before the call, or when the bytes are
	 * moved into place if it was created meanwhile), a
	 * {@link java.nio.file.NoSuchFileException} before the call if its directory does not
	 * exist; a {@link ChatBotKitException} signal if the call fails or the connection
	 * fails while the bytes are read
	 * @throws IllegalArgumentException if {@code fileId} is not acceptable or
	 * {@code target} is null
	 * @throws UnsupportedOperationException if an option is not
	 * {@link StandardCopyOption#REPLACE_EXISTING}, as {@code Files.copy} throws
	 */
	public Mono<Long> downloadTo(String fileId, Path target, CopyOption... options) {
		DownloadTarget local = DownloadTarget.of(target, options);
		Mono<ReactiveDownload> download = download(fileId);
		return Mono.usingWhen(Mono.fromCallable(local::createTemporary).subscribeOn(Schedulers.boundedElastic()),
				(temporary) -> download.flatMap((answer) -> write(answer, temporary))
					.flatMap((written) -> Mono.fromCallable(() -> {
						local.moveIntoPlace(temporary);
						return written;
					}).subscribeOn(Schedulers.boundedElastic())),
				(temporary) -> Mono.empty(), (temporary, ex) -> deleteLater(temporary, ex),
				(temporary) -> deleteLater(temporary, null));
	}

	/**
	 * Write a download's body to a file, answering the number of bytes written.
	 */
	private static Mono<Long> write(ReactiveDownload download, Path file) {
		AtomicBoolean read = new AtomicBoolean();
		AtomicLong written = new AtomicLong();
		Flux<DataBuffer> body = download.body()
			.doOnSubscribe((subscription) -> read.set(true))
			.doOnNext((buffer) -> written.addAndGet(buffer.readableByteCount()));
		return DataBufferUtils.write(body, file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)
			.then(Mono.fromSupplier(written::get))
			// a body never subscribed to still holds its connection
			.onErrorResume(
					(ex) -> (read.get() ? Mono.<Void>empty() : download.body().take(0).then()).then(Mono.error(ex)));
	}

	private static Mono<Void> deleteLater(Path temporary, @Nullable Throwable failure) {
		return Mono.<Void>fromRunnable(() -> DownloadTarget.delete(temporary, failure))
			.subscribeOn(Schedulers.boundedElastic());
	}

	private static InputStream open(FileContent content) {
		try {
			return content.openStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + content, ex);
		}
	}

	private static void close(InputStream stream) {
		try {
			stream.close();
		}
		catch (IOException ex) {
			// read to the end or abandoned: nothing of the upload depends on it
		}
	}

	/**
	 * A copy of this client with some options changed, sharing the connection pool; see
	 * {@link ReactiveApiTransport#withOptions(Consumer)}.
	 * @param changes the changes to apply to a copy of the options
	 * @return the copy
	 */
	public ReactiveFileClient withOptions(Consumer<ChatBotKitOptions.Builder> changes) {
		return new ReactiveFileClient(this.transport.withOptions(changes));
	}

	/**
	 * The transport this client calls the API through.
	 * @return the transport
	 */
	@Override
	public ReactiveApiTransport transport() {
		return this.transport;
	}

	@Override
	public String toString() {
		return "ReactiveFileClient[" + this.transport + "]";
	}

}
