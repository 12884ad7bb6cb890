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

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.error.ChatBotKitConnectionException;
import io.github.cbkspring.testsupport.ApiStub;
import io.github.cbkspring.testsupport.HeldAnswer;
import io.github.cbkspring.testsupport.LargeAnswerServer;
import io.github.cbkspring.testsupport.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * An interrupted caller gets a {@link ChatBotKitConnectionException}, never an engine's
 * raw exception; the interrupt flag is kept; a call that never got a connection says
 * {@code requestSent()=false}; and nothing is retried for a caller that wants to stop.
 */
@Timeout(120)
class InterruptTests {

	private static final RetryOptions RETRY = RetryOptions.defaults()
		.withBackoff(Duration.ofMillis(10), Duration.ofMillis(50));

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	@AfterEach
	void clearInterrupt() {
		Thread.interrupted();
	}

	static Map<String, Consumer<ChatBotKitClient>> calls() {
		return Map.of("POST", (client) -> client.sessions().create("bot-1"), "GET",
				(client) -> client.get("/bot/{id}/fetch", Map.class, "b"), "stream", (client) -> {
					try (Stream<Map> lines = client.stream("/conversation/{id}/complete", Map.of(), Map.class, "c")) {
						lines.toList();
					}
				});
	}

	static Stream<Arguments> callsOnEveryPath() {
		return Stream.of(ClientPath.values())
			.flatMap((path) -> calls().keySet().stream().map((call) -> Arguments.of(path, call)));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("callsOnEveryPath")
	void interruptedCallerIsNeverSentAndKeepsTheFlag(ClientPath path, String call) {
		api.stubFor(WireMock.any(anyUrl()).willReturn(WireMock.okJson(ApiStub.SESSION_JSON)));
		try (ClientPath.Opened opened = path.open(ClientPath.Setup.of(api.baseUrl()).retry(RETRY))) {
			Thread.currentThread().interrupt();
			Throwable failure = catchThrowable(() -> calls().get(call).accept(opened.client()));
			assertThat(Thread.interrupted()).as("interrupt flag kept").isTrue();
			assertThat(failure).isInstanceOf(ChatBotKitConnectionException.class).hasMessageStartingWith("Interrupted");
			assertThat(((ChatBotKitConnectionException) failure).requestSent()).isFalse();
			assertThat(failure.getSuppressed()).as("no retries").isEmpty();
		}
		api.verify(0, anyRequestedFor(anyUrl()));
	}

	/**
	 * Interrupted while waiting for a free pooled connection: nothing was sent.
	 */
	@ParameterizedTest
	// only Apache HttpClient 5: the JDK client does not bound its pool
	@EnumSource(names = { "PLAIN", "BOOT" })
	void interruptWhileWaitingForAPooledConnectionIsNotSent(ClientPath path) throws Exception {
		// the one connection stays taken: the stream holding it is never read
		try (LargeAnswerServer server = new LargeAnswerServer("200 OK", "Content-Type: application/jsonl\r\n",
				LargeAnswerServer.repeated("{\"n\":1}\n"));
				ClientPath.Opened opened = path.open(ClientPath.Setup.of(server.url())
					.maxConnections(1)
					.connectTimeout(Duration.ofMinutes(2))
					.retry(RETRY));
				Stream<Map> holding = opened.client().stream("/conversation/{id}/complete", Map.of(), Map.class, "c")) {
			CompletableFuture<Throwable> outcome = new CompletableFuture<>();
			Thread caller = new Thread(() -> {
				Throwable failure = catchThrowable(() -> opened.client().sessions().create("bot-1"));
				outcome.complete((failure != null && Thread.currentThread().isInterrupted()) ? failure
						: new AssertionError("flag lost or no failure: " + failure));
			});
			caller.start();
			// parked until a connection is free (an interrupt before would end it the
			// same)
			await().atMost(Duration.ofMinutes(2)).until(() -> caller.getState() == Thread.State.TIMED_WAITING);
			caller.interrupt();
			Throwable failure = outcome.get(2, TimeUnit.MINUTES);
			assertThat(failure).isInstanceOf(ChatBotKitConnectionException.class).hasMessageStartingWith("Interrupted");
			assertThat(((ChatBotKitConnectionException) failure).requestSent()).isFalse();
			assertThat(server.requests()).as("only the holding stream was sent").isOne();
		}
	}

	/**
	 * Interrupted while waiting for the answer: the JDK engine gives up at once, without
	 * the answer (it may have sent the request); HttpClient 5's blocking read cannot be
	 * interrupted and ends when the answer comes, with the flag kept.
	 */
	@ParameterizedTest
	@EnumSource(ClientPath.class)
	void interruptWhileWaitingForTheAnswerStopsWithoutRetrying(ClientPath path) throws Exception {
		try (HeldAnswer held = new HeldAnswer(LoopbackServer.json("200 OK", "{}", ""));
				LoopbackServer server = new LoopbackServer(held, Duration.ofSeconds(5), false);
				ClientPath.Opened opened = path.open(ClientPath.Setup.of(server.url()).retry(RETRY))) {
			CompletableFuture<Throwable> outcome = new CompletableFuture<>();
			Thread caller = new Thread(() -> {
				Throwable failure = catchThrowable(() -> opened.client().get("/bot/{id}/fetch", Map.class, "b"));
				outcome.complete(Thread.currentThread().isInterrupted() ? ((failure != null) ? failure : new Success())
						: new AssertionError("flag lost: " + failure));
			});
			caller.start();
			held.awaitRequest();
			caller.interrupt();
			if (path.jdk()) {
				// the answer is still held back
				Throwable failure = outcome.get(2, TimeUnit.MINUTES);
				assertThat(failure).isInstanceOf(ChatBotKitConnectionException.class)
					.hasMessageStartingWith("Interrupted");
				assertThat(failure.getSuppressed()).as("no retries").isEmpty();
			}
			else {
				held.release();
				assertThat(outcome.get(2, TimeUnit.MINUTES)).isInstanceOf(Success.class);
			}
			assertThat(server.requestLines()).as("requests").hasSize(1);
		}
	}

	/** The call ended normally. */
	private static final class Success extends Throwable {

		private static final long serialVersionUID = 1L;

	}

}
