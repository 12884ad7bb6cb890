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

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.ChatBotKitReactiveClient;
import io.github.cbkspring.client.TestClients;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.ReactiveDownload;
import io.github.cbkspring.testsupport.ApiStub;
import io.github.cbkspring.testsupport.LargeAnswerServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

import org.springframework.core.io.buffer.DataBufferUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
