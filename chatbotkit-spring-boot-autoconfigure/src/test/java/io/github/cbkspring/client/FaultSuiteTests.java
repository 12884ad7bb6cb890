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

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every fault a network or server can produce, against real sockets: the call ends with
 * success or the documented exception, within its deadline, after exactly the attempts
 * the retry policy allows. GET and POST differ where the policy does: a POST is repeated
 * only when the request certainly did not reach the server, or the server asked for it
 * (429, 503).
 *
 * @author cbkspring contributors
 */
class FaultSuiteTests {

	private static final Duration READ_TIMEOUT = Duration.ofMillis(300);

	private static final Set<String> JDK_REPEATS_GET = Set.of("connection reset", "empty response");

	private static final RetryOptions RETRY = RetryOptions.defaults()
		.withBackoff(Duration.ofMillis(10), Duration.ofMillis(50));

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	/**
	 * A fault, what the caller sees, and how many attempts GET and POST make.
	 */
	record FaultCase(String name, Function<MappingBuilder, MappingBuilder> stub,
			@Nullable Class<? extends ChatBotKitException> expected, @Nullable Boolean requestSent, int getAttempts,
			int postAttempts) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Arguments> faults() {
		return Stream.of(
				fault("connection reset", respond(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
						ChatBotKitConnectionException.class, true, 3, 1),
				fault("empty response", respond(aResponse().withFault(Fault.EMPTY_RESPONSE)),
						ChatBotKitConnectionException.class, true, 3, 1),
				fault("malformed chunk", respond(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)),
						ChatBotKitConnectionException.class, true, 3, 1),
				fault("random data then close", respond(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)),
						ChatBotKitConnectionException.class, true, 3, 1),
				fault("delay past the read timeout",
						respond(WireMock.okJson(SessionClientTests.SESSION_JSON)
							.withFixedDelay((int) READ_TIMEOUT.toMillis() * 3)),
						ChatBotKitTimeoutException.class, true, 3, 1),
				fault("body dribbled slower than the timeout",
						respond(WireMock.okJson(SessionClientTests.SESSION_JSON)
							.withChunkedDribbleDelay(3, (int) READ_TIMEOUT.toMillis() * 6)),
						ChatBotKitTimeoutException.class, true, 3, 1),
				fault("429 with Retry-After", respond(aResponse().withStatus(429).withHeader("Retry-After", "0")),
						ChatBotKitRateLimitException.class, null, 3, 3),
				fault("500", respond(aResponse().withStatus(500)), ChatBotKitServerException.class, null, 3, 1),
				fault("502", respond(aResponse().withStatus(502)), ChatBotKitServerException.class, null, 3, 1),
				fault("503 burst then success", null, null, null, 3, 3));
	}

	private static Arguments fault(String name, @Nullable Function<MappingBuilder, MappingBuilder> stub,
			@Nullable Class<? extends ChatBotKitException> expected, @Nullable Boolean requestSent, int getAttempts,
			int postAttempts) {
		return Arguments.of(new FaultCase(name, (stub != null) ? stub : Function.identity(), expected, requestSent,
				getAttempts, postAttempts));
	}

	private static Function<MappingBuilder, MappingBuilder> respond(ResponseDefinitionBuilder response) {
		return (request) -> request.willReturn(response);
	}

	/**
	 * The same table on the JDK's {@code HttpClient}, which reports the same faults with
	 * other exceptions: the classification must not depend on the engine.
	 */
	static Stream<Arguments> faultsOnTheJdkEngine() {
		return faults();
	}

	@ParameterizedTest(name = "GET: {0}")
	@MethodSource("faults")
	void getEndsAsThePolicySays(FaultCase fault) {
		stub(fault, () -> get(anyUrl()));
		check(fault, fault.getAttempts(), () -> client().get("/bot/{botId}/fetch", Map.class, "bot-1"));
	}

	@ParameterizedTest(name = "POST: {0}")
	@MethodSource("faults")
	void postEndsAsThePolicySays(FaultCase fault) {
		stub(fault, () -> WireMock.post(anyUrl()));
		check(fault, fault.postAttempts(), () -> client().sessions().create("bot-1"));
	}

	@ParameterizedTest(name = "JDK engine, GET: {0}")
	@MethodSource("faultsOnTheJdkEngine")
	void getOnTheJdkEngineEndsAsThePolicySays(FaultCase fault) {
		stub(fault, () -> get(anyUrl()));
		// the JDK client itself sends an idempotent request once more when the connection
		// is lost before an answer: each of the policy's attempts reaches the server
		// twice
		int enginePerAttempt = JDK_REPEATS_GET.contains(fault.name()) ? 2 : 1;
		check(fault, fault.getAttempts(), fault.getAttempts() * enginePerAttempt,
				() -> jdkClient().get("/bot/{botId}/fetch", Map.class, "bot-1"));
	}

	@ParameterizedTest(name = "JDK engine, POST: {0}")
	@MethodSource("faultsOnTheJdkEngine")
	void postOnTheJdkEngineEndsAsThePolicySays(FaultCase fault) {
		stub(fault, () -> WireMock.post(anyUrl()));
		check(fault, fault.postAttempts(), () -> jdkClient().sessions().create("bot-1"));
	}

	@Test
	void connectionRefusedIsRetriedForEveryMethodAndNeverSent() {
		ChatBotKitClient unreachable = client(
				ChatBotKitOptions.builder().secret("sk-fault").url("http://127.0.0.1:" + ClosedPort.find()));
		for (Runnable call : new Runnable[] { () -> unreachable.get("/bot/{id}/fetch", Map.class, "b"),
				() -> unreachable.sessions().create("b") }) {
			Throwable failure = timed(call, Duration.ofSeconds(2));
			assertThat(failure).isInstanceOf(ChatBotKitConnectionException.class)
				.isNotInstanceOf(ChatBotKitTimeoutException.class);
			assertThat(((ChatBotKitConnectionException) failure).requestSent()).isFalse();
			assertThat(failure.getSuppressed()).as("earlier attempts").hasSize(2);
		}
	}

	@Test
	void dnsFailureIsRetriedAndNeverSent() {
		ChatBotKitClient nowhere = client(
				ChatBotKitOptions.builder().secret("sk-fault").url("https://api.does-not-exist.invalid"));
		Throwable failure = timed(() -> nowhere.sessions().create("b"), Duration.ofSeconds(15));
		assertThat(failure).isInstanceOf(ChatBotKitConnectionException.class);
		assertThat(((ChatBotKitConnectionException) failure).requestSent()).isFalse();
		assertThat(failure.getCause()).isInstanceOf(java.net.UnknownHostException.class);
	}

	@Test
	void streamResetMidwayIsConnectionExceptionAndReleasesTheConnection() {
		ChatBotKitClient oneConnection = ChatBotKitClient.create(
				RestClient.builder()
					.requestFactory(ChatBotKitRequestFactory.create(Duration.ofSeconds(1), READ_TIMEOUT, 1)),
				options().build());
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
		Throwable failure = catchThrowable(() -> {
			try (Stream<CompletionEvent> events = oneConnection.conversations().completeStream("c", "hi")) {
				events.toList();
			}
		});
		assertThat(failure).isInstanceOf(ChatBotKitConnectionException.class);
		try (Stream<CompletionEvent> events = oneConnection.conversations().completeStream("c", "hi")) {
			assertThat(events.toList()).containsExactly(new CompletionEvent.Token("ok"),
					new CompletionEvent.Result(new CompletionResult(null, "ok", 0, EndReason.STOP)));
		}
	}

	@Test
	void streamStallingMidwayIsTimeoutException() {
		api.stubFor(WireMock.post(anyUrl())
			.willReturn(aResponse().withHeader("Content-Type", "application/jsonl")
				.withBody(
						"{\"type\":\"token\",\"data\":{\"token\":\"a\"}}\n{\"type\":\"token\",\"data\":{\"token\":\"b\"}}\n")
				.withChunkedDribbleDelay(2, (int) READ_TIMEOUT.toMillis() * 4)));
		Throwable failure = timed(() -> {
			try (Stream<CompletionEvent> events = client().conversations().completeStream("c", "hi")) {
				events.toList();
			}
		}, READ_TIMEOUT.multipliedBy(3));
		assertThat(failure).isInstanceOf(ChatBotKitTimeoutException.class);
	}

	private static void stub(FaultCase fault, java.util.function.Supplier<MappingBuilder> request) {
		if (fault.expected() == null) {
			Scenarios.failTwiceThenSucceed(api, request, aResponse().withStatus(503),
					WireMock.okJson(SessionClientTests.SESSION_JSON));
		}
		else {
			api.stubFor(fault.stub().apply(request.get()));
		}
	}

	private static void check(FaultCase fault, int attempts, Runnable call) {
		check(fault, attempts, attempts, call);
	}

	private static void check(FaultCase fault, int attempts, int requests, Runnable call) {
		// each attempt waits at most the read timeout, each back-off at most 50 ms
		Duration bound = READ_TIMEOUT.plusMillis(100).multipliedBy(attempts).plusSeconds(1);
		Throwable failure = timed(call, bound);
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

	private static @Nullable Throwable timed(Runnable call, Duration bound) {
		long start = System.nanoTime();
		Throwable failure = catchThrowable(call::run);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("elapsed").isLessThan(bound);
		return failure;
	}

	private static ChatBotKitOptions.Builder options() {
		return ChatBotKitOptions.builder().secret("sk-fault").url(api.baseUrl()).retry(RETRY);
	}

	private static ChatBotKitClient client() {
		return client(options());
	}

	private static ChatBotKitClient jdkClient() {
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(1))
			.build());
		requestFactory.setReadTimeout(READ_TIMEOUT);
		return ChatBotKitClient.create(RestClient.builder().requestFactory(requestFactory), options().build());
	}

	private static ChatBotKitClient client(ChatBotKitOptions.Builder options) {
		return ChatBotKitClient.create(
				RestClient.builder()
					.requestFactory(ChatBotKitRequestFactory.create(Duration.ofSeconds(1), READ_TIMEOUT)),
				options.retry(RETRY).build());
	}

}
