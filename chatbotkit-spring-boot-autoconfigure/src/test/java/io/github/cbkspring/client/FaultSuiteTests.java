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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.conversation.CompletionResult;
import io.github.cbkspring.client.conversation.EndReason;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.error.ChatBotKitConnectionException;
import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.client.error.ChatBotKitRateLimitException;
import io.github.cbkspring.client.error.ChatBotKitServerException;
import io.github.cbkspring.client.error.ChatBotKitStreamException;
import io.github.cbkspring.client.error.ChatBotKitTimeoutException;
import io.github.cbkspring.testsupport.ApiStub;
import io.github.cbkspring.testsupport.ClosedPort;
import io.github.cbkspring.testsupport.Scenarios;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every network and server fault, for {@code GET} and {@code POST}, on every way a client
 * is built, blocking and reactive ({@link CallPath}): what the caller sees, whether it
 * says the request may have been sent, and how many attempts reach the server.
 * <p>
 * Only the faults about timeouts race a timer, with a short read timeout and a server
 * that is twenty times slower; every other fault gets a read timeout no loaded machine
 * reaches, so that a slow answer cannot turn a 500 into a timeout. No test bounds how
 * long a call takes but to catch a hang.
 */
class FaultSuiteTests {

	/**
	 * The read timeout of the faults about timeouts: short, since a busy machine only
	 * makes the expected timeout likelier.
	 */
	private static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(100);

	/** How long a slow server is silent: twenty short read timeouts. */
	private static final int SLOW = (int) SHORT_READ_TIMEOUT.toMillis() * 20;

	/** The read timeout of a stream that lasts longer but is never silent that long. */
	private static final Duration READ_TIMEOUT_OF_A_LONG_STREAM = Duration.ofSeconds(2);

	/** The read timeout of every other fault. */
	private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

	/** The JDK client itself sends a GET once more when the connection is lost. */
	private static final Set<String> JDK_REPEATS_GET = Set.of("connection reset", "empty response");

	private static final RetryOptions RETRY = RetryOptions.defaults()
		.withBackoff(Duration.ofMillis(10), Duration.ofMillis(50));

	/**
	 * The slow answers hold a server thread each for {@link #SLOW} or longer: more
	 * threads than WireMock's default 25, so that they never keep another answer waiting.
	 */
	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().containerThreads(200))
		.build();

	/**
	 * A fault, what the caller sees, and how many attempts GET and POST make.
	 *
	 * @param name the name
	 * @param stub the answer
	 * @param expected the exception, or {@code null} for success
	 * @param requestSent what the exception says, for connection failures
	 * @param getAttempts attempts of a GET
	 * @param postAttempts attempts of a POST by default
	 * @param postAttemptsOptedIn attempts of a POST with retryNonIdempotent
	 * @param timing whether the fault is about a timeout
	 */
	record FaultCase(String name, Function<MappingBuilder, MappingBuilder> stub,
			@Nullable Class<? extends ChatBotKitException> expected, @Nullable Boolean requestSent, int getAttempts,
			int postAttempts, int postAttemptsOptedIn, boolean timing) {

		Duration readTimeout() {
			return this.timing ? SHORT_READ_TIMEOUT : READ_TIMEOUT;
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<FaultCase> faults() {
		return Stream.of(
				fault("connection reset", respond(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
						ChatBotKitConnectionException.class, true, 3, 1, 3, false),
				fault("empty response", respond(aResponse().withFault(Fault.EMPTY_RESPONSE)),
						ChatBotKitConnectionException.class, true, 3, 1, 3, false),
				fault("malformed chunk", respond(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)),
						ChatBotKitConnectionException.class, true, 3, 1, 3, false),
				fault("random data then close", respond(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)),
						ChatBotKitConnectionException.class, true, 3, 1, 3, false),
				fault("delay past the read timeout",
						respond(WireMock.okJson(ApiStub.SESSION_JSON).withFixedDelay(SLOW)),
						ChatBotKitTimeoutException.class, true, 3, 1, 3, true),
				fault("body dribbled slower than the timeout",
						respond(WireMock.okJson(ApiStub.SESSION_JSON).withChunkedDribbleDelay(3, SLOW * 3)),
						ChatBotKitTimeoutException.class, true, 3, 1, 3, true),
				fault("429 with Retry-After", respond(aResponse().withStatus(429).withHeader("Retry-After", "0")),
						ChatBotKitRateLimitException.class, null, 3, 3, 3, false),
				fault("500", respond(aResponse().withStatus(500)), ChatBotKitServerException.class, null, 3, 1, 3,
						false),
				fault("502", respond(aResponse().withStatus(502)), ChatBotKitServerException.class, null, 3, 1, 3,
						false),
				fault("503 burst then success", null, null, null, 3, 3, 3, false));
	}

	private static FaultCase fault(String name, @Nullable Function<MappingBuilder, MappingBuilder> stub,
			@Nullable Class<? extends ChatBotKitException> expected, @Nullable Boolean requestSent, int getAttempts,
			int postAttempts, int postAttemptsOptedIn, boolean timing) {
		return new FaultCase(name, (stub != null) ? stub : Function.identity(), expected, requestSent, getAttempts,
				postAttempts, postAttemptsOptedIn, timing);
	}

	private static Function<MappingBuilder, MappingBuilder> respond(ResponseDefinitionBuilder response) {
		return (request) -> request.willReturn(response);
	}

	static Stream<Arguments> faultsOnEveryPath() {
		return Stream.of(CallPath.values()).flatMap((path) -> faults().map((fault) -> Arguments.of(path, fault)));
	}

	@ParameterizedTest(name = "{0}, GET: {1}")
	@MethodSource("faultsOnEveryPath")
	void getEndsAsThePolicySays(CallPath path, FaultCase fault) {
		stub(fault, () -> get(anyUrl()));
		// the JDK client itself sends an idempotent request once more when the connection
		// is lost before an answer: each of the policy's attempts reaches the server
		// twice
		int enginePerAttempt = (path.jdk() && JDK_REPEATS_GET.contains(fault.name())) ? 2 : 1;
		try (CallPath.Calls opened = path.open(setup(fault, RETRY))) {
			check(fault, fault.getAttempts(), fault.getAttempts() * enginePerAttempt, () -> opened.fetchBot("bot-1"));
		}
	}

	@ParameterizedTest(name = "{0}, POST: {1}")
	@MethodSource("faultsOnEveryPath")
	void postEndsAsThePolicySays(CallPath path, FaultCase fault) {
		stub(fault, () -> WireMock.post(anyUrl()));
		try (CallPath.Calls opened = path.open(setup(fault, RETRY))) {
			check(fault, fault.postAttempts(), fault.postAttempts(), () -> opened.createSession("bot-1"));
		}
	}

	@ParameterizedTest(name = "{0}, POST opted in: {1}")
	@MethodSource("faultsOnEveryPath")
	void postOptedInto_retryNonIdempotent_isRetriedAfterSending(CallPath path, FaultCase fault) {
		stub(fault, () -> WireMock.post(anyUrl()));
		try (CallPath.Calls opened = path.open(setup(fault, RETRY.withRetryNonIdempotent(true)))) {
			check(fault, fault.postAttemptsOptedIn(), fault.postAttemptsOptedIn(), () -> opened.createSession("bot-1"));
		}
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void connectionRefusedIsRetriedForEveryMethodAndNeverSent(CallPath path) {
		try (CallPath.Calls unreachable = path
			.open(ClientPath.Setup.of("http://127.0.0.1:" + ClosedPort.find()).retry(RETRY))) {
			for (Runnable call : new Runnable[] { () -> unreachable.fetchBot("b"),
					() -> unreachable.createSession("b") }) {
				Throwable failure = failureOf(call);
				assertThat(failure).isInstanceOf(ChatBotKitConnectionException.class)
					.isNotInstanceOf(ChatBotKitTimeoutException.class);
				assertThat(((ChatBotKitConnectionException) failure).requestSent()).isFalse();
				assertThat(failure.getSuppressed()).as("earlier attempts").hasSize(2);
			}
		}
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void dnsFailureIsRetriedAndNeverSent(CallPath path) {
		try (CallPath.Calls opened = path
			.open(ClientPath.Setup.of("https://api.does-not-exist.invalid").retry(RETRY))) {
			Throwable failure = failureOf(() -> opened.createSession("b"));
			assertThat(failure).isInstanceOf(ChatBotKitConnectionException.class);
			assertThat(((ChatBotKitConnectionException) failure).requestSent()).isFalse();
			// the JDK client says UnresolvedAddressException; Netty's resolver gives the
			// DNS answer as the cause of its UnknownHostException
			List<Throwable> causes = new ArrayList<>();
			for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
				causes.add(cause);
			}
			assertThat(causes).anyMatch((cause) -> cause instanceof java.net.UnknownHostException
					|| cause instanceof java.nio.channels.UnresolvedAddressException);
		}
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void streamResetMidwayIsConnectionExceptionAndReleasesTheConnection(CallPath path) {
		api.stubFor(WireMock.post(anyUrl())
			.inScenario("stream")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK))
			.willSetStateTo("healthy"));
		api.stubFor(WireMock.post(anyUrl())
			.inScenario("stream")
			.whenScenarioStateIs("healthy")
			.willReturn(aResponse().withHeader("Content-Type", "application/jsonl")
				.withBody("{\"type\":\"token\",\"data\":{\"token\":\"ok\"}}\n"
						+ "{\"type\":\"result\",\"data\":{\"text\":\"ok\",\"end\":{\"reason\":\"stop\"}}}\n")));
		try (CallPath.Calls oneConnection = path.open(ClientPath.Setup.of(api.baseUrl()).maxConnections(1))) {
			Throwable failure = catchThrowable(() -> oneConnection.completeStream("c"));
			assertThat(failure).isInstanceOf(ChatBotKitConnectionException.class);
			assertThat(oneConnection.completeStream("c")).containsExactly(new CompletionEvent.Token("ok"),
					new CompletionEvent.Result(new CompletionResult(null, "ok", 0, EndReason.STOP)));
		}
	}

	static Stream<Arguments> streamsEndingEarlyOnEveryPath() {
		String tokens = "{\"type\":\"token\",\"data\":{\"token\":\"a\"}}\n{\"type\":\"token\",\"data\":{\"token\":\"b\"}}\n";
		return Stream.of(CallPath.values())
			.flatMap((path) -> Stream.of(Arguments.of(path, tokens, "ended before its final event"),
					Arguments.of(path, tokens + "{\"type\":\"res", "ended in the middle of a line")));
	}

	@ParameterizedTest(name = "{0}: {2}")
	@MethodSource("streamsEndingEarlyOnEveryPath")
	void streamEndingBeforeItsResultDeliversWhatArrivedThenFails(CallPath path, String body, String problem) {
		api.stubFor(WireMock.post(anyUrl())
			.willReturn(aResponse().withHeader("Content-Type", "application/jsonl").withBody(body)));
		try (CallPath.Calls opened = path.open(ClientPath.Setup.of(api.baseUrl()).maxConnections(1))) {
			List<CompletionEvent> delivered = new ArrayList<>();
			Throwable failure = catchThrowable(() -> opened.completeStream("c", delivered::add));
			assertThat(delivered).containsExactly(new CompletionEvent.Token("a"), new CompletionEvent.Token("b"));
			assertThat(failure).isInstanceOf(ChatBotKitStreamException.class).hasMessageContaining(problem);
			// the one pooled connection is free again: the same answer, not a wait for it
			assertThat(catchThrowable(() -> opened.completeStream("c"))).isInstanceOf(ChatBotKitStreamException.class)
				.hasMessageContaining(problem);
		}
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void streamStallingMidwayIsTimeoutException(CallPath path) {
		api.stubFor(WireMock.post(anyUrl())
			.willReturn(aResponse().withHeader("Content-Type", "application/jsonl")
				.withBody("{\"type\":\"token\",\"data\":{\"token\":\"a\"}}\n"
						+ "{\"type\":\"token\",\"data\":{\"token\":\"b\"}}\n")
				.withChunkedDribbleDelay(2, SLOW * 2)));
		try (CallPath.Calls opened = path.open(ClientPath.Setup.of(api.baseUrl()).readTimeout(SHORT_READ_TIMEOUT))) {
			Throwable failure = failureOf(() -> opened.completeStream("c"));
			assertThat(failure).isInstanceOf(ChatBotKitTimeoutException.class);
			assertThat(((ChatBotKitConnectionException) failure).requestSent()).isTrue();
		}
	}

	/**
	 * The read timeout is the longest silence on every engine, not a bound on the whole
	 * answer: a stream that keeps delivering for several read timeouts is read to its end
	 * (Spring's JDK factory would cut it off).
	 */
	@ParameterizedTest
	@EnumSource(CallPath.class)
	void streamLongerThanTheReadTimeoutButNeverSilentThatLongIsReadToTheEnd(CallPath path) {
		String tokens = "{\"type\":\"token\",\"data\":{\"token\":\"a\"}}\n".repeat(10);
		api.stubFor(WireMock.post(anyUrl())
			.willReturn(aResponse().withHeader("Content-Type", "application/jsonl")
				.withBody(tokens + "{\"type\":\"result\",\"data\":{\"text\":\"a\",\"end\":{\"reason\":\"stop\"}}}\n")
				// 50 chunks over 1.5 read timeouts: a chunk every 0.03 of one, so that
				// only a bound on the whole answer ends it
				.withChunkedDribbleDelay(50, (int) READ_TIMEOUT_OF_A_LONG_STREAM.toMillis() * 3 / 2)));
		try (CallPath.Calls opened = path
			.open(ClientPath.Setup.of(api.baseUrl()).readTimeout(READ_TIMEOUT_OF_A_LONG_STREAM))) {
			assertThat(opened.completeStream("c")).hasSize(11);
		}
	}

	private static ClientPath.Setup setup(FaultCase fault, RetryOptions retry) {
		return ClientPath.Setup.of(api.baseUrl()).readTimeout(fault.readTimeout()).retry(retry);
	}

	private static void stub(FaultCase fault, Supplier<MappingBuilder> request) {
		if (fault.expected() == null) {
			Scenarios.failTwiceThenSucceed(api, request, aResponse().withStatus(503),
					WireMock.okJson(ApiStub.SESSION_JSON));
		}
		else {
			api.stubFor(fault.stub().apply(request.get()));
		}
	}

	private static void check(FaultCase fault, int attempts, int requests, Runnable call) {
		Throwable failure = failureOf(call);
		if (fault.expected() == null) {
			assertThat(failure).isNull();
		}
		else {
			assertThat(failure).isInstanceOf(fault.expected());
			if (fault.requestSent() != null) {
				assertThat(((ChatBotKitConnectionException) failure).requestSent()).isEqualTo(fault.requestSent());
			}
			assertThat(failure.getSuppressed()).hasSize(attempts - 1);
		}
		api.verify(requests, anyRequestedFor(anyUrl()));
	}

	/**
	 * What a call throws, if anything. The bound catches a hang, not a slow machine.
	 */
	private static @Nullable Throwable failureOf(Runnable call) {
		return assertTimeoutPreemptively(Duration.ofMinutes(2), () -> catchThrowable(call::run));
	}

}
