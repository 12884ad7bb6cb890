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
import java.nio.file.CopyOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.ChatBotKitReactiveClient;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.Download;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.Page;
import io.github.cbkspring.client.core.ReactiveDownload;
import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The operations of {@link FileClient}, on the blocking client or on the reactive one
 * ({@link ReactiveFileClient}, waited for), so that one test checks both: the cases that
 * the clients share are parameterized by {@link Side}.
 *
 * @author cbkspring contributors
 */
interface FileOperations {

	/** A bound on a reactive call that only a hang reaches. */
	Duration HANG_GUARD = Duration.ofMinutes(2);

	Page<FileInfo> list(ListQuery query);

	List<FileInfo> listAll(ListQuery query);

	FileInfo fetch(String fileId);

	String create(FileRequest request);

	void update(String fileId, FileRequest request);

	void delete(String fileId);

	void upload(String fileId, FileContent content);

	void upload(String fileId, FileContent content, UploadMode mode);

	Download download(String fileId);

	long downloadTo(String fileId, Path target, CopyOption... options) throws IOException;

	FileOperations withOptions(Consumer<ChatBotKitOptions.Builder> changes);

	/**
	 * The client a shared case runs on.
	 */
	enum Side {

		BLOCKING, REACTIVE;

		/**
		 * The file operations of a client of this side, on a client of its own.
		 * @param options the options of the client
		 * @return the operations
		 */
		FileOperations on(ChatBotKitOptions options) {
			return (this == BLOCKING) ? blocking(ChatBotKitClient.create(options).files())
					: reactive(ChatBotKitReactiveClient.create(WebClient.builder(), options).files());
		}

	}

	static FileOperations blocking(FileClient files) {
		return new FileOperations() {

			@Override
			public Page<FileInfo> list(ListQuery query) {
				return files.list(query);
			}

			@Override
			public List<FileInfo> listAll(ListQuery query) {
				return files.listAll(query).toList();
			}

			@Override
			public FileInfo fetch(String fileId) {
				return files.fetch(fileId);
			}

			@Override
			public String create(FileRequest request) {
				return files.create(request);
			}

			@Override
			public void update(String fileId, FileRequest request) {
				files.update(fileId, request);
			}

			@Override
			public void delete(String fileId) {
				files.delete(fileId);
			}

			@Override
			public void upload(String fileId, FileContent content) {
				files.upload(fileId, content);
			}

			@Override
			public void upload(String fileId, FileContent content, UploadMode mode) {
				files.upload(fileId, content, mode);
			}

			@Override
			public Download download(String fileId) {
				return files.download(fileId);
			}

			@Override
			public long downloadTo(String fileId, Path target, CopyOption... options) throws IOException {
				return files.downloadTo(fileId, target, options);
			}

			@Override
			public FileOperations withOptions(Consumer<ChatBotKitOptions.Builder> changes) {
				return blocking(files.withOptions(changes));
			}

		};
	}

	/**
	 * The reactive client's operations, each waited for: a failure signal is thrown as it
	 * is, the body of a download read through a stream that asks for the bytes as they
	 * are read and cancels when closed.
	 */
	static FileOperations reactive(ReactiveFileClient files) {
		return new FileOperations() {

			@Override
			public Page<FileInfo> list(ListQuery query) {
				return files.list(query).block(HANG_GUARD);
			}

			@Override
			public List<FileInfo> listAll(ListQuery query) {
				return files.listAll(query).collectList().block(HANG_GUARD);
			}

			@Override
			public FileInfo fetch(String fileId) {
				return files.fetch(fileId).block(HANG_GUARD);
			}

			@Override
			public String create(FileRequest request) {
				return files.create(request).block(HANG_GUARD);
			}

			@Override
			public void update(String fileId, FileRequest request) {
				files.update(fileId, request).block(HANG_GUARD);
			}

			@Override
			public void delete(String fileId) {
				files.delete(fileId).block(HANG_GUARD);
			}

			@Override
			public void upload(String fileId, FileContent content) {
				files.upload(fileId, content).block(HANG_GUARD);
			}

			@Override
			public void upload(String fileId, FileContent content, UploadMode mode) {
				files.upload(fileId, content, mode).block(HANG_GUARD);
			}

			@Override
			public Download download(String fileId) {
				ReactiveDownload download = files.download(fileId).block(HANG_GUARD);
				if (download == null) {
					throw new AssertionError("The download completed empty");
				}
				return new Download(download.headers(), new Body(download.body()));
			}

			@Override
			public long downloadTo(String fileId, Path target, CopyOption... options) throws IOException {
				Mono<Long> written = files.downloadTo(fileId, target, options);
				try {
					Long count = written.block(HANG_GUARD);
					return (count != null) ? count : -1;
				}
				catch (RuntimeException ex) {
					if (Exceptions.unwrap(ex) instanceof IOException io) {
						throw io;
					}
					throw ex;
				}
			}

			@Override
			public FileOperations withOptions(Consumer<ChatBotKitOptions.Builder> changes) {
				return reactive(files.withOptions(changes));
			}

		};
	}

	/**
	 * The body of a reactive download as a stream, subscribed to when first read; closed
	 * before, it is subscribed to and cancelled.
	 */
	final class Body extends InputStream {

		private final Flux<DataBuffer> body;

		private @Nullable InputStream stream;

		Body(Flux<DataBuffer> body) {
			this.body = body;
		}

		private InputStream stream() {
			if (this.stream == null) {
				this.stream = DataBufferUtils.subscriberInputStream(this.body, 1);
			}
			return this.stream;
		}

		@Override
		public int read() throws IOException {
			return stream().read();
		}

		@Override
		public int read(byte[] bytes, int offset, int length) throws IOException {
			return stream().read(bytes, offset, length);
		}

		@Override
		public void close() throws IOException {
			if (this.stream != null) {
				this.stream.close();
			}
			else {
				this.body.take(0).blockLast(HANG_GUARD);
			}
		}

	}

}
