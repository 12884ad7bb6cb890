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
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.ChatBotKitReactiveClient;
import io.github.cbkspring.client.TestClients;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.ReactiveDownload;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.error.ChatBotKitServerException;
import io.github.cbkspring.testsupport.ApiStub;
import io.github.cbkspring.testsupport.LargeAnswerServer;
import io.github.cbkspring.testsupport.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.core.io.buffer.DataBufferUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What only the reactive file client has: nothing sent until subscribed, a download read
 * as the subscriber asks, and the options of {@code downloadTo}. The operations it shares
 * with the blocking client are checked on both in {@link FileClientTests} and
 * {@link FileStorageTests}.
 */
class ReactiveFileClientTests {

	private static final Duration HANG_GUARD = Duration.ofMinutes(2);

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	private final ChatBotKitReactiveClient client = TestClients.reactiveClient(api);

	private final ReactiveFileClient files = this.client.files();

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void nothingIsSentUntilTheAnswerIsSubscribedTo(@TempDir Path directory) {
		this.files.list(ListQuery.defaults());
		this.files.listAll(ListQuery.defaults());
		this.files.fetch("f");
		this.files.create(FileRequest.builder().name("a").build());
		this.files.delete("f");
		this.files.upload("f", FileContent.of(new byte[1], "a.bin"));
		this.files.upload("f", FileContent.of(new byte[1], "a.bin"), UploadMode.DIRECT);
		this.files.download("f");
		this.files.downloadTo("f", directory.resolve("a.bin"));
		assertThat(api.getAllServeEvents()).isEmpty();
		assertThat(directory.resolve("a.bin")).doesNotExist();
	}

	/**
	 * Fifty megabytes that the API points at, on a storage that sends only as fast as the
	 * client reads: written whole to a file, and, read one buffer and cancelled, never
	 * sent whole.
	 */
	@Test
	void fiftyMegabytesFromTheStorageAreReadOnlyAsFastAsTheyAreAskedFor(@TempDir Path directory) throws IOException {
		// a server of each: it answers one request a connection
		try (LargeAnswerServer storage = FileClientTests.largeFile()) {
			pointAt(storage);
			Path target = directory.resolve("big.bin");
			assertThat(this.files.downloadTo("f", target).block(HANG_GUARD)).isEqualTo(LargeAnswerServer.SIZE);
			assertThat(Files.size(target)).isEqualTo(LargeAnswerServer.SIZE);
		}
		try (LargeAnswerServer storage = FileClientTests.largeFile()) {
			pointAt(storage);
			ReactiveDownload download = this.files.download("f").block(HANG_GUARD);
			assertThat(download).isNotNull();
			assertThat(download.contentLength()).isEqualTo(LargeAnswerServer.SIZE);
			StepVerifier.create(download.body().doOnNext(DataBufferUtils::release), 1)
				.expectNextCount(1)
				.thenCancel()
				.verify(HANG_GUARD);
			storage.assertEveryAnswerAbandoned();
		}
	}

	private static void pointAt(LargeAnswerServer storage) {
		api.stubFor(get(anyUrl()).willReturn(WireMock.okJson("{\"url\":\"" + storage.url() + "/big?sig=s3cr3t\"}")));
	}

	/**
	 * A download cancelled midway leaves the file it was to replace as it was: the
	 * temporary file its bytes went to is deleted.
	 */
	@Test
	void downloadToCancelledMidwayLeavesTheFileItWasToReplaceAsItWas(@TempDir Path directory) throws Exception {
		Path target = Files.writeString(directory.resolve("a.txt"), "old");
		CountDownLatch requested = new CountDownLatch(1);
		// a thousand of the million bytes announced, then nothing until the test ends
		try (LoopbackServer server = new LoopbackServer((head) -> {
			requested.countDown();
			return "HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n" + "x".repeat(1000);
		}, Duration.ofMinutes(2), true)) {
			Disposable download = this.files.withOptions((options) -> options.url(server.url()))
				.downloadTo("f", target, StandardCopyOption.REPLACE_EXISTING)
				.subscribe();
			assertThat(requested.await(2, TimeUnit.MINUTES)).isTrue();
			assertThat(directory).isDirectoryContaining((path) -> !path.equals(target));
			download.dispose();
			awaitOnly(directory, target);
		}
		assertThat(target).hasContent("old");
	}

	/**
	 * Wait until the directory holds only the file: the temporary file is deleted on
	 * another thread once the download is cancelled. The wait is a hang guard.
	 */
	private static void awaitOnly(Path directory, Path file) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + HANG_GUARD.toNanos();
		while (true) {
			try (Stream<Path> files = Files.list(directory)) {
				if (files.allMatch(file::equals) || System.nanoTime() > deadline) {
					break;
				}
			}
			Thread.sleep(10);
		}
		assertThat(directory).isDirectoryNotContaining((path) -> !path.equals(file));
	}

	/**
	 * A second subscription to the upload of a stream fails before anything is sent, with
	 * a message that says how to upload content more than once; the first is never
	 * retried.
	 */
	@ParameterizedTest
	@CsvSource({ "INLINE, 2", "INLINE, 4194305", "DIRECT, 2" })
	void aSecondSubscriptionToTheUploadOfAStreamFailsClearly(UploadMode mode, long size) {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503)));
		Mono<Void> upload = this.files
			.withOptions((options) -> options
				.retry(RetryOptions.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(2))))
			.upload("f", FileContent.of(new GeneratedContent(size), size, "export.csv"), mode);
		StepVerifier.create(upload).expectError(ChatBotKitServerException.class).verify(HANG_GUARD);
		// the stream itself is never retried: only bytes read first, or the descriptor of
		// a direct upload, whose stream would go to the storage
		int sent = api.getAllServeEvents().size();
		assertThat(sent).isEqualTo((size > FileClient.INLINE_UPLOAD_LIMIT) ? 1 : 3);
		StepVerifier.create(upload)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("can be read once and was already read by an earlier upload or subscription")
				.hasMessageContaining("FileContent.of(Resource) of a resource that can be opened again"))
			.verify(HANG_GUARD);
		assertThat(api.getAllServeEvents()).hasSize(sent);
	}

	@Test
	void downloadToTakesTheOptionsOfFilesCopy(@TempDir Path directory) {
		Path target = directory.resolve("a.bin");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> this.files.downloadTo("f", target, LinkOption.NOFOLLOW_LINKS));
		assertThatExceptionOfType(NullPointerException.class)
			.isThrownBy(() -> this.files.downloadTo("f", target, StandardCopyOption.REPLACE_EXISTING, null));
		assertThatIllegalArgumentException().isThrownBy(() -> this.files.downloadTo("f", null))
			.withMessage("Target path must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.files.downloadTo("..", target));
		api.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void toStringNamesTheClientButNotTheSecretAndCopiesKeepTheTransport() {
		assertThat(this.files).asString().startsWith("ReactiveFileClient[").doesNotContain(ApiStub.SECRET);
		assertThat(this.files.transport()).isSameAs(this.client);
		ReactiveFileClient copy = this.files.withOptions((options) -> options.runAsUserId("u-1"));
		assertThat(copy.transport().options().runAsUserId()).isEqualTo("u-1");
		assertThat(this.files.transport().options().runAsUserId()).isNull();
	}

}
