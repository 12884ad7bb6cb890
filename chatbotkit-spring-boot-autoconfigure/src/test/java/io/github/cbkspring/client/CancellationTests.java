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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.core.Cancellation;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.error.ChatBotKitConnectionException;
import io.github.cbkspring.testsupport.ApiStub;
import io.github.cbkspring.testsupport.EventStreamServer;
import io.github.cbkspring.testsupport.HeldAnswer;
import io.github.cbkspring.testsupport.LargeAnswerServer;
import io.github.cbkspring.testsupport.LoopbackServer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * A {@link Cancellation} gives up a blocking call from another thread at any moment, on
 * every engine: while it waits for the answer's headers (where HttpClient 5 does not
 * answer interrupts), for a pooled connection or between two attempts. The cancelled call
 * says so, is never retried, and leaves the calling thread's interrupt flag clear.
 * Answers are held until the test ends and read timeouts outlast the hang guards, so only
 * the cancel can end a call.
 */
@Timeout(120)
class CancellationTests {

	private static final Duration HANG_GUARD = Duration.ofMinutes(2);

	private static final Duration NEVER = Duration.ofMinutes(10);

	private static final RetryOptions RETRY = RetryOptions.defaults()
		.withBackoff(Duration.ofMillis(10), Duration.ofMillis(50));

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("io.github.cbkspring.client.InterruptTests#callsOnEveryPath")
	void cancelWhileTheAnswerIsAwaitedAbortsTheCallAtOnce(ClientPath path, String call) throws Exception {
		try (HeldAnswer held = new HeldAnswer(LoopbackServer.json("200 OK", "{}", ""));
				LoopbackServer server = new LoopbackServer(held, NEVER, false);
				ClientPath.Opened opened = path
					.open(ClientPath.Setup.of(server.url()).readTimeout(NEVER).retry(RETRY))) {
			Cancellation cancellation = new Cancellation();
			CompletableFuture<Throwable> outcome = callInAnotherThread(cancellation,
					() -> InterruptTests.calls().get(call).accept(opened.client()));
			held.awaitRequest();

			cancellation.cancel();

			Throwable failure = outcome.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
			assertCancelled(failure, true);
			assertThat(failure.getSuppressed()).as("the engine's failure, no retries").hasSize(1);
			assertThat(server.requestLines()).as("requests").hasSize(1);
		}
	}

	@ParameterizedTest
	@EnumSource(ClientPath.class)
	void oneCancelAbortsTheCallsOfEveryThreadInside(ClientPath path) throws Exception {
		try (HeldAnswer held = new HeldAnswer(LoopbackServer.json("200 OK", "{}", ""));
				LoopbackServer server = new LoopbackServer(held, NEVER, false);
				ClientPath.Opened opened = path.open(ClientPath.Setup.of(server.url()).readTimeout(NEVER))) {
			Cancellation cancellation = new Cancellation();
			List<CompletableFuture<Throwable>> outcomes = List.of(
					callInAnotherThread(cancellation, () -> opened.client().get("/bot/{id}/fetch", Map.class, "a")),
					callInAnotherThread(cancellation, () -> opened.client().sessions().create("b")));
			await().atMost(HANG_GUARD).until(() -> server.requestLines().size() == 2);

			cancellation.cancel();

			for (CompletableFuture<Throwable> outcome : outcomes) {
				assertCancelled(outcome.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS), true);
			}
		}
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("io.github.cbkspring.client.InterruptTests#callsOnEveryPath")
	void callAfterTheCancelIsNeverSent(ClientPath path, String call) {
		api.stubFor(WireMock.any(anyUrl()).willReturn(WireMock.okJson(ApiStub.SESSION_JSON)));
		try (ClientPath.Opened opened = path.open(ClientPath.Setup.of(api.baseUrl()).retry(RETRY))) {
			Cancellation cancellation = new Cancellation();
			cancellation.cancel();
			Throwable failure = catchThrowable(
					() -> cancellation.run(() -> InterruptTests.calls().get(call).accept(opened.client())));
			assertCancelled(failure, false);
			assertThat(Thread.currentThread().isInterrupted()).as("interrupt flag").isFalse();
			// outside it, the client calls as before
			assertThat(opened.client().get("/bot/{id}/fetch", Map.class, "b")).isNotEmpty();
		}
		api.verify(1, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@EnumSource(ClientPath.class)
	void cancelAfterTheCallsEndedChangesNothing(ClientPath path) {
		api.stubFor(WireMock.any(anyUrl()).willReturn(WireMock.okJson(ApiStub.SESSION_JSON)));
		try (ClientPath.Opened opened = path.open(ClientPath.Setup.of(api.baseUrl()))) {
			Cancellation cancellation = new Cancellation();
			Object session = cancellation.call(() -> opened.client().sessions().create("bot-1"));
			cancellation.cancel();
			assertThat(session).isNotNull();
			assertThat(cancellation.isCancelled()).isTrue();
			assertThat(Thread.currentThread().isInterrupted()).as("interrupt flag").isFalse();
			assertThat(opened.client().sessions().create("bot-1")).isNotNull();
		}
	}

	/**
	 * A stream that a call inside returned is cancelled with it, wherever it is read: its
	 * connection is aborted before the long answer is through, and its reads fail with
	 * the cancel.
	 */
	@ParameterizedTest
	@EnumSource(ClientPath.class)
	void cancelAbortsAnOpenStreamThatACallInsideReturnedAndItsReadsFail(ClientPath path) {
		try (LargeAnswerServer server = new LargeAnswerServer("200 OK", "Content-Type: application/jsonl\r\n",
				LargeAnswerServer.repeated("{\"n\":1}\n"));
				ClientPath.Opened opened = path.open(ClientPath.Setup.of(server.url()).readTimeout(NEVER))) {
			Cancellation cancellation = new Cancellation();
			try (Stream<Map> lines = cancellation
				.call(() -> opened.client().stream("/conversation/{id}/complete", Map.of(), Map.class, "c"))) {
				Iterator<Map> reading = lines.iterator();
				assertThat(reading.next()).containsEntry("n", 1);

				cancellation.cancel();

				server.assertEveryAnswerAbandoned();
				assertCancelled(catchThrowable(() -> reading.forEachRemaining((line) -> {
				})), true);
			}
			assertThat(Thread.currentThread().isInterrupted()).as("interrupt flag").isFalse();
		}
	}

	/**
	 * A stream read inside the cancellation on another thread, while the server holds the
	 * rest of the answer: the reader gets the cancel, never a quiet end that would pass
	 * half a reply for a whole one.
	 */
	@ParameterizedTest
	@EnumSource(ClientPath.class)
	void cancelWhileAStreamIsReadFailsTheReadNeverEndsItQuietly(ClientPath path) throws Exception {
		try (EventStreamServer server = new EventStreamServer();
				ClientPath.Opened opened = path.open(ClientPath.Setup.of(server.url()).readTimeout(NEVER))) {
			Cancellation cancellation = new Cancellation();
			CountDownLatch firstLine = new CountDownLatch(1);
			CompletableFuture<Throwable> outcome = callInAnotherThread(cancellation, () -> {
				try (Stream<Map> lines = opened.client()
					.stream("/conversation/{id}/complete", Map.of(), Map.class, "c")) {
					lines.forEach((line) -> firstLine.countDown());
				}
			});
			EventStreamServer.Exchange exchange = server.next().open().send("{\"n\":1}");
			assertThat(firstLine.await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)).as("the first line read").isTrue();

			cancellation.cancel();

			assertCancelled(outcome.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS), true);
			exchange.awaitClosedByClient();
		}
	}

	/**
	 * A stream the server ended whole before the cancel stays whole: the cancel does not
	 * turn its end into a failure.
	 */
	@ParameterizedTest
	@EnumSource(ClientPath.class)
	void aStreamThatEndedBeforeTheCancelStaysWhole(ClientPath path) {
		api.stubFor(WireMock.any(anyUrl())
			.willReturn(WireMock.aResponse()
				.withHeader("Content-Type", "application/jsonl")
				.withBody("{\"n\":1}\n{\"n\":2}\n")));
		try (ClientPath.Opened opened = path.open(ClientPath.Setup.of(api.baseUrl()))) {
			Cancellation cancellation = new Cancellation();
			try (Stream<Map> lines = cancellation
				.call(() -> opened.client().stream("/conversation/{id}/complete", Map.of(), Map.class, "c"))) {
				Iterator<Map> reading = lines.iterator();
				List<Map> read = List.of(reading.next(), reading.next());
				assertThat(reading.hasNext()).isFalse();

				cancellation.cancel();

				assertThat(reading.hasNext()).as("still ended, not failed").isFalse();
				assertThat(read).extracting((line) -> line.get("n")).containsExactly(1, 2);
			}
		}
	}

	/**
	 * A cancellation inside another: a cancel of either ends the call.
	 */
	@ParameterizedTest
	@EnumSource(ClientPath.class)
	void anOuterCancellationCancelsTheCallsInsideAnInnerOne(ClientPath path) throws Exception {
		try (HeldAnswer held = new HeldAnswer(LoopbackServer.json("200 OK", "{}", ""));
				LoopbackServer server = new LoopbackServer(held, NEVER, false);
				ClientPath.Opened opened = path.open(ClientPath.Setup.of(server.url()).readTimeout(NEVER))) {
			Cancellation outer = new Cancellation();
			Cancellation inner = new Cancellation();
			CompletableFuture<Throwable> outcome = callInAnotherThread(outer,
					() -> inner.run(() -> opened.client().get("/bot/{id}/fetch", Map.class, "b")));
			held.awaitRequest();

			outer.cancel();

			assertCancelled(outcome.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS), true);
			assertThat(inner.isCancelled()).isFalse();
		}
	}

	/**
	 * Between two attempts the cancel ends the wait: the backoff here is longer than the
	 * hang guard.
	 */
	@ParameterizedTest
	@EnumSource(ClientPath.class)
	void cancelBetweenTwoAttemptsEndsTheWait(ClientPath path) throws Exception {
		api.stubFor(WireMock.any(anyUrl()).willReturn(WireMock.aResponse().withStatus(503)));
		RetryOptions slowRetry = RetryOptions.defaults().withBackoff(NEVER, NEVER).withDeadline(NEVER.multipliedBy(3));
		try (ClientPath.Opened opened = path.open(ClientPath.Setup.of(api.baseUrl()).retry(slowRetry))) {
			Cancellation cancellation = new Cancellation();
			CompletableFuture<Throwable> outcome = callUntilItWaits(cancellation,
					() -> opened.client().sessions().create("bot-1"),
					() -> api.findAll(anyRequestedFor(anyUrl())).size() == 1);

			cancellation.cancel();

			assertCancelled(outcome.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS), true);
		}
		api.verify(1, anyRequestedFor(anyUrl()));
	}

	/**
	 * Waiting for a free pooled connection: nothing was sent.
	 */
	@ParameterizedTest
	// only Apache HttpClient 5: the JDK client does not bound its pool
	@EnumSource(names = { "PLAIN", "BOOT" })
	void cancelWhileWaitingForAPooledConnectionIsNotSent(ClientPath path) throws Exception {
		// the one connection stays taken: the stream holding it is never read
		try (LargeAnswerServer server = new LargeAnswerServer("200 OK", "Content-Type: application/jsonl\r\n",
				LargeAnswerServer.repeated("{\"n\":1}\n"));
				ClientPath.Opened opened = path
					.open(ClientPath.Setup.of(server.url()).maxConnections(1).connectTimeout(NEVER).retry(RETRY));
				Stream<Map> holding = opened.client().stream("/conversation/{id}/complete", Map.of(), Map.class, "c")) {
			Cancellation cancellation = new Cancellation();
			CompletableFuture<Throwable> outcome = callUntilItWaits(cancellation,
					() -> opened.client().sessions().create("bot-1"), () -> true);

			cancellation.cancel();

			assertCancelled(outcome.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS), false);
			assertThat(server.requests()).as("only the holding stream was sent").isOne();
		}
	}

	/**
	 * Run calls inside the cancellation on a thread of their own: completes with their
	 * failure, or with an {@link AssertionError} if they succeeded or left the thread
	 * interrupted.
	 */
	private static CompletableFuture<Throwable> callInAnotherThread(Cancellation cancellation, Runnable calls) {
		CompletableFuture<Throwable> outcome = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			Throwable failure = catchThrowable(() -> cancellation.run(calls));
			outcome.complete(Thread.currentThread().isInterrupted()
					? new AssertionError("interrupt flag left set after " + failure)
					: (failure != null) ? failure : new AssertionError("the call succeeded"));
		});
		thread.start();
		return outcome;
	}

	/**
	 * {@link #callInAnotherThread} until its thread waits with a timeout (for a pooled
	 * connection or between attempts) and the condition holds.
	 */
	private static CompletableFuture<Throwable> callUntilItWaits(Cancellation cancellation, Runnable calls,
			BooleanSupplier condition) {
		AtomicReference<Thread> caller = new AtomicReference<>();
		CompletableFuture<Throwable> outcome = callInAnotherThread(cancellation, () -> {
			caller.set(Thread.currentThread());
			calls.run();
		});
		await().atMost(HANG_GUARD)
			.until(() -> caller.get() != null && caller.get().getState() == Thread.State.TIMED_WAITING
					&& condition.getAsBoolean());
		return outcome;
	}

	private static void assertCancelled(Throwable failure, boolean requestSent) {
		assertThat(failure).isInstanceOf(ChatBotKitConnectionException.class)
			.hasMessageStartingWith("Cancelled")
			.hasCauseInstanceOf(CancellationException.class);
		assertThat(((ChatBotKitConnectionException) failure).requestSent()).isEqualTo(requestSent);
	}

}
