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
package io.github.cbkspring.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.ReactiveDownload;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.error.ChatBotKitHttpException;
import io.github.cbkspring.client.error.ChatBotKitStorageException;
import io.github.cbkspring.client.internal.EngineSettings;
import io.github.cbkspring.testsupport.ApiStub;
import io.github.cbkspring.testsupport.LargeAnswerServer;
import io.github.cbkspring.testsupport.LoopbackServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link io.github.cbkspring.client.core.ReactiveApiRequest#download()} over real
 * sockets: the body read only as fast as the subscriber asks, cancelling it closing the
 * connection, reading it to the end returning the connection to the pool, and the API's
 * pointer to its storage told from a JSON file.
 */
class ReactiveDownloadTests {

	private static final Duration HANG_GUARD = Duration.ofMinutes(2);

	private static final ApiEndpoint DOWNLOAD = ApiEndpoint.get("/file/{fileId}/download");

	/**
	 * A pool of one connection: a call gets through only if the one before released it.
	 */
	private static ChatBotKitReactiveClient client(String url) {
		return ChatBotKitReactiveClient.create(
				ChatBotKitOptions.builder().secret(ApiStub.SECRET).url(url).retry(RetryOptions.disabled()).build(),
				new EngineSettings(HANG_GUARD, HANG_GUARD, 1, "maxConnections"));
	}

	private static byte[] bytes(ReactiveDownload download) {
		return DataBufferUtils.join(download.body()).map((joined) -> {
			byte[] bytes = new byte[joined.readableByteCount()];
			joined.read(bytes);
			DataBufferUtils.release(joined);
			return bytes;
		}).defaultIfEmpty(new byte[0]).block(HANG_GUARD);
	}

	private static Mono<ReactiveDownload> download(ChatBotKitReactiveClient client) {
		return client.request(DOWNLOAD, "f-1").download();
	}

	@Test
	void aLargeBodyIsReadAsTheSubscriberAsksAndCancellingItClosesTheConnection() {
		try (LargeAnswerServer server = new LargeAnswerServer("200 OK",
				"Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"../big.bin\"\r\n",
				LargeAnswerServer.repeated("0123456789abcdef"));
				ChatBotKitReactiveClient client = client(server.url())) {
			ReactiveDownload download = download(client).block(HANG_GUARD);
			assertThat(download.contentLength()).isEqualTo(LargeAnswerServer.SIZE);
			assertThat(download.contentType()).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
			assertThat(download.filename()).isEqualTo("big.bin");
			assertThat(download).hasToString("ReactiveDownload[contentType=application/octet-stream, contentLength="
					+ LargeAnswerServer.SIZE + ", filename=big.bin]");
			AtomicLong received = new AtomicLong();
			StepVerifier.create(download.body().doOnNext((buffer) -> {
				received.addAndGet(buffer.readableByteCount());
				DataBufferUtils.release(buffer);
			}), 4).expectNextCount(4).thenCancel().verify(HANG_GUARD);
			// neither drained nor read ahead whole: the server could not send the rest
			server.assertEveryAnswerAbandoned();
			assertThat(received.get()).isPositive().isLessThan(LargeAnswerServer.SIZE);
			// the one pooled connection was released: the next download gets through
			StepVerifier
				.create(download(client).flatMapMany(ReactiveDownload::body).take(1).doOnNext(DataBufferUtils::release))
				.expectNextCount(1)
				.verifyComplete();
			assertThat(server.requests()).isEqualTo(2);
		}
	}

	@Test
	void aBodyReadToTheEndReturnsItsConnectionToThePool() {
		String answer = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 5\r\n\r\nbytes";
		try (LoopbackServer server = new LoopbackServer((head) -> answer, HANG_GUARD, false);
				ChatBotKitReactiveClient client = client(server.url())) {
			for (int i = 0; i < 3; i++) {
				ReactiveDownload download = download(client).block(HANG_GUARD);
				assertThat(download.contentType()).isEqualTo(MediaType.IMAGE_PNG);
				assertThat(download.filename()).isNull();
				assertThat(new String(bytes(download), StandardCharsets.US_ASCII)).isEqualTo("bytes");
			}
			assertThat(server.requestLines()).hasSize(3)
				.allSatisfy((line) -> assertThat(line).isEqualTo("GET /api/v1/file/f-1/download HTTP/1.1"));
			assertThat(server.connectionCount()).as("one connection, reused").isOne();
		}
	}

	/**
	 * The pointer is followed by the blocking client's rules (see
	 * {@code FileStorageTests}, whose shared cases run on both clients): one to a host
	 * that is not loopback over plain http is refused before any I/O.
	 */
	@Test
	void aPointerOverPlainHttpToAnotherHostIsRefusedAndItsUrlIsNeverShown() {
		String pointer = "{\"url\":\"http://storage.example.com/f/1?X-Amz-Signature=s3cr3t\"}";
		try (LoopbackServer server = new LoopbackServer((head) -> LoopbackServer.json("200 OK", pointer, ""),
				HANG_GUARD, false); ChatBotKitReactiveClient client = client(server.url())) {
			StepVerifier.create(download(client))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ChatBotKitStorageException.class)
					.hasMessageContaining("must travel over https")
					.hasMessageContaining("nothing was sent")
					.hasMessageNotContaining("s3cr3t")
					.satisfies((storage) -> assertThat(((ChatBotKitStorageException) storage).location())
						.startsWith("http://storage.example.com/f/1")
						.doesNotContain("s3cr3t")))
				.verify(HANG_GUARD);
			// the pointer was read to its end: its connection went back to the pool
			assertThat(download(client).onErrorResume((ex) -> Mono.empty()).block(HANG_GUARD)).isNull();
			assertThat(server.connectionCount()).isOne();
		}
	}

	/**
	 * A JSON answer that is not a pointer is a JSON file, streamed whole: one within the
	 * size the client looks into, and one past it.
	 */
	@ParameterizedTest
	@ValueSource(ints = { 10, 4_000 })
	void aJsonFileIsStreamedAsItIs(int items) {
		StringBuilder json = new StringBuilder("[");
		for (int i = 0; i < items; i++) {
			json.append((i > 0) ? "," : "").append("{\"n\":").append(i).append('}');
		}
		String file = json.append(']').toString();
		try (LoopbackServer server = new LoopbackServer((head) -> LoopbackServer.json("200 OK", file, ""), HANG_GUARD,
				false); ChatBotKitReactiveClient client = client(server.url())) {
			for (int i = 0; i < 2; i++) {
				ReactiveDownload download = download(client).block(HANG_GUARD);
				assertThat(download.contentType()).isEqualTo(MediaType.APPLICATION_JSON);
				assertThat(new String(bytes(download), StandardCharsets.UTF_8)).isEqualTo(file);
			}
			assertThat(server.connectionCount()).isOne();
		}
	}

	@Test
	void anEmptyJsonAnswerIsAnEmptyDownload() {
		try (LoopbackServer server = new LoopbackServer((head) -> LoopbackServer.json("200 OK", "", ""), HANG_GUARD,
				false); ChatBotKitReactiveClient client = client(server.url())) {
			assertThat(bytes(download(client).block(HANG_GUARD))).isEmpty();
		}
	}

	@Test
	void anErrorAnswerIsItsTypedExceptionAndNothingIsDownloaded() {
		try (LoopbackServer server = new LoopbackServer((head) -> LoopbackServer.json("404 Not Found",
				"{\"message\":\"No such file\",\"code\":\"NOT_FOUND\"}", ""), HANG_GUARD, false);
				ChatBotKitReactiveClient client = client(server.url())) {
			StepVerifier.create(download(client))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ChatBotKitHttpException.class)
					.satisfies((http) -> assertThat(((ChatBotKitHttpException) http).statusCode()).isEqualTo(404)))
				.verify(HANG_GUARD);
		}
	}

}
