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

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.FileUpload;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.error.ChatBotKitNotFoundException;
import io.github.cbkspring.client.error.ChatBotKitServerException;
import io.github.cbkspring.testsupport.ApiStub;
import io.github.cbkspring.testsupport.Scenarios;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * BlockHound watches every non-blocking thread (Reactor Netty's event loops, Reactor's
 * parallel scheduler) while the reactive client makes calls of every kind on Reactor
 * Netty: a blocking call there fails the call with a {@link BlockingOperationError}. The
 * first test shows that BlockHound is on, so that the others can fail.
 */
class ReactiveBlockingTests {

	private static final Duration HANG_GUARD = Duration.ofMinutes(2);

	private static final ApiEndpoint FETCH = ApiEndpoint.get("/bot/{botId}/fetch");

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	@BeforeAll
	static void installBlockHound() {
		// BlockHound allows a Reactor worker's wait for its next task (in the JDK's
		// delay queue) only if the wait began after the install: a worker already
		// waiting is failed when it parks again, inside the queue, which then no
		// longer wakes its workers, so that every task and delay of the scheduler hangs
		assertThat(Thread.getAllStackTraces().keySet()).filteredOn(Schedulers::isNonBlockingThread)
			.extracting(Thread::getName)
			.as("non-blocking threads started before BlockHound: run this class in a JVM of its own")
			.isEmpty();
		BlockHound.install();
	}

	private static ChatBotKitReactiveClient client(RetryOptions retry) {
		// an address, not a name: the JDK's resolver would block, as it does for any
		// engine that is given a host name to resolve
		return ChatBotKitReactiveClient.create(ChatBotKitOptions.builder()
			.secret(ApiStub.SECRET)
			.url("http://127.0.0.1:" + api.getPort())
			.retry(retry)
			.build());
	}

	@Test
	void blockHoundIsWatching() {
		Throwable failure = catchThrowable(() -> Mono.fromCallable(() -> {
			Thread.sleep(1);
			return 1;
		}).subscribeOn(Schedulers.parallel()).block(HANG_GUARD));
		assertThat(failure).hasRootCauseInstanceOf(BlockingOperationError.class);
	}

	@Test
	void answersErrorsAndRetriesNeverBlock() {
		api.stubFor(get("/api/v1/bot/ok/fetch").willReturn(WireMock.okJson("{\"id\":\"ok\"}")));
		api.stubFor(get("/api/v1/bot/missing/fetch").willReturn(aResponse().withStatus(404).withBody("{}")));
		Scenarios.failTwiceThenSucceed(api, () -> get("/api/v1/bot/flaky/fetch"), aResponse().withStatus(503),
				WireMock.okJson("{\"id\":\"flaky\"}"));
		api.stubFor(get("/api/v1/bot/down/fetch").willReturn(aResponse().withStatus(500)));
		ChatBotKitReactiveClient client = client(
				RetryOptions.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)));
		assertThat(client.request(FETCH, "ok").retrieveId().block(HANG_GUARD)).isEqualTo("ok");
		assertThat(client.request(FETCH, "flaky").retrieveId().block(HANG_GUARD)).isEqualTo("flaky");
		assertThat(catchThrowable(() -> client.request(FETCH, "missing").retrieveId().block(HANG_GUARD)))
			.isInstanceOf(ChatBotKitNotFoundException.class);
		assertThat(catchThrowable(() -> client.request(FETCH, "down").retrieveId().block(HANG_GUARD)))
			.isInstanceOf(ChatBotKitServerException.class);
	}

	@Test
	void uploadsNeverBlock(@TempDir Path directory) throws IOException {
		Path file = Files.write(directory.resolve("notes.txt"), "notes".getBytes(StandardCharsets.UTF_8));
		api.stubFor(post("/api/v1/file/f/upload").willReturn(WireMock.okJson("{\"id\":\"f\"}")));
		Scenarios.failTwiceThenSucceed(api, () -> post("/api/v1/file/flaky/upload"), aResponse().withStatus(503),
				WireMock.okJson("{\"id\":\"flaky\"}"));
		ChatBotKitReactiveClient client = client(
				RetryOptions.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)));
		ApiEndpoint upload = ApiEndpoint.post("/file/{fileId}/upload");
		// a stream of a file reads with a blocking call that BlockHound knows
		try (InputStream stream = new FileInputStream(file.toFile())) {
			for (FileUpload content : List.of(FileUpload.of(new FileSystemResource(file)),
					new FileUpload(new InputStreamResource(stream), "notes.txt", MediaType.TEXT_PLAIN))) {
				assertThat(client.request(upload, "f").file(content).retrieveId().block(HANG_GUARD)).isEqualTo("f");
			}
		}
		assertThat(client.request(upload, "flaky")
			.file(FileUpload.of(new byte[] { 1 }, "a.bin", null))
			.retrieveId()
			.block(HANG_GUARD)).isEqualTo("flaky");
		assertThat(api.findAll(postRequestedFor(anyUrl()))).hasSize(5);
	}

	@Test
	void streamsNeverBlock() {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/jsonl")
			.withBody("{\"type\":\"token\",\"data\":{\"token\":\"a\"}}\n".repeat(1000)
					+ "{\"type\":\"result\",\"data\":{\"text\":\"a\"}}\n")
			.withChunkedDribbleDelay(20, 200)));
		List<CompletionEvent> events = client(RetryOptions.disabled()).conversations()
			.completeStream("c", "Hi")
			.collectList()
			.block(HANG_GUARD);
		assertThat(events).hasSize(1001);
	}

}
