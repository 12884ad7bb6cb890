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

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cbkspring.client.bot.SessionCreateResponse;
import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.error.ChatBotKitConnectionException;
import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.client.error.ChatBotKitHttpException;
import io.github.cbkspring.client.error.ChatBotKitRateLimitException;
import io.github.cbkspring.client.error.ChatBotKitServerException;
import io.github.cbkspring.testsupport.ApiStub;
import io.github.cbkspring.testsupport.ClosedPort;
import io.github.cbkspring.testsupport.Scenarios;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The reactive client against the blocking one on WireMock, over real sockets: the same
 * request on the wire, the same typed errors, the same size limits, and retries as the
 * shared policy says, its waits recorded by a {@link RecordingTimer} rather than waited.
 */
class ReactiveClientTests {

	private static final Duration HANG_GUARD = Duration.ofMinutes(2);

	private static final ApiEndpoint FETCH = ApiEndpoint.get("/bot/{botId}/fetch");

	private static final ApiEndpoint UPDATE = ApiEndpoint.post("/bot/{botId}/update");

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	private final RecordingTimer timer = RecordingTimer.running();

	private ChatBotKitOptions options(RetryOptions retry) {
		return ChatBotKitOptions.builder().secret(ApiStub.SECRET).url(api.baseUrl()).retry(retry).build();
	}

	private ChatBotKitReactiveClient reactive(ChatBotKitOptions options) {
		return ChatBotKitReactiveClient.create(WebClient.builder(), options, this.timer, Clock.systemUTC());
	}

	/**
	 * The answer, or its failure as it was signalled: {@code block()} would add a
	 * suppressed exception of its own.
	 */
	static <T> @Nullable T block(Mono<T> answer) {
		try {
			return answer.toFuture().get(HANG_GUARD.toMinutes(), TimeUnit.MINUTES);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException failure) ? failure : new IllegalStateException(ex);
		}
		catch (InterruptedException | TimeoutException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void sendsTheRequestTheBlockingClientSends() {
		ChatBotKitOptions options = options(RetryOptions.disabled()).mutate()
			.runAsUserId("user-1")
			.timezone(ZoneId.of("Europe/Vienna"))
			.header("X-Extra", "1")
			.build();
		api.stubFor(post(anyUrl()).willReturn(WireMock.okJson("{\"id\":\"b\"}")));
		try (ChatBotKitClient blocking = ChatBotKitClient.create(options)) {
			blocking.request(UPDATE, ApiStub.ID).query("take", 5).body(Map.of("name", "ä b")).execute();
		}
		block(reactive(options).request(UPDATE, ApiStub.ID).query("take", 5).body(Map.of("name", "ä b")).execute());
		List<LoggedRequest> requests = api.findAll(anyRequestedFor(anyUrl()));
		assertThat(requests).hasSize(2);
		LoggedRequest sent = requests.get(0);
		LoggedRequest reactiveSent = requests.get(1);
		assertThat(reactiveSent.getUrl()).isEqualTo(sent.getUrl())
			.isEqualTo("/api/v1/bot/" + ApiStub.ENCODED_ID + "/update?take=5");
		assertThat(reactiveSent.getMethod()).isEqualTo(sent.getMethod());
		assertThat(reactiveSent.getBodyAsString()).isEqualTo(sent.getBodyAsString());
		for (String header : List.of("Authorization", "Accept", "Accept-Encoding", "User-Agent", "X-RunAs-User-Id",
				"X-Timezone", "X-Extra", "Content-Type", "Content-Length")) {
			assertThat(reactiveSent.getHeader(header)).as(header).isNotNull().isEqualTo(sent.getHeader(header));
		}
	}

	static Stream<ResponseDefinitionBuilder> errorAnswers() {
		return Stream.of(aResponse().withStatus(400).withBody("{\"message\":\"bad\",\"code\":\"BAD_REQUEST\"}"),
				aResponse().withStatus(401).withBody("{\"message\":\"key " + ApiStub.SECRET + " is wrong\"}"),
				aResponse().withStatus(403), aResponse().withStatus(404).withBody("not json " + ApiStub.SECRET),
				aResponse().withStatus(429).withHeader("Retry-After", "7"), aResponse().withStatus(413),
				aResponse().withStatus(503).withHeader("Retry-After", "1.5").withHeader("X-Request-Id", "req-1"),
				aResponse().withStatus(500)
					.withHeader("Content-Type", "application/problem+json")
					.withBody("{\"title\":\"Oops\",\"detail\":\"it broke\"}"),
				aResponse().withStatus(502).withHeader("Content-Encoding", "br").withBody("xx"),
				aResponse().withStatus(302).withHeader("Location", "https://elsewhere.example.com/"),
				aResponse().withStatus(500).withBody("x".repeat(200_000)),
				aResponse().withStatus(407).withBody("proxy"));
	}

	@ParameterizedTest
	@MethodSource("errorAnswers")
	void errorsAreTheBlockingClientsErrors(ResponseDefinitionBuilder answer) {
		api.stubFor(get(anyUrl()).willReturn(answer));
		ChatBotKitOptions options = options(RetryOptions.disabled());
		Throwable expected;
		try (ChatBotKitClient blocking = ChatBotKitClient.create(options)) {
			expected = catchThrowable(() -> blocking.request(FETCH, "b").retrieve(Map.class));
		}
		Throwable actual = catchThrowable(() -> block(reactive(options).request(FETCH, "b").retrieve(Map.class)));
		assertThat(expected).isInstanceOf(ChatBotKitException.class);
		assertThat(actual).hasSameClassAs(expected).hasMessage(expected.getMessage());
		assertThat(actual.getMessage()).doesNotContain(ApiStub.SECRET);
		if (expected instanceof ChatBotKitHttpException http) {
			ChatBotKitHttpException reactiveHttp = (ChatBotKitHttpException) actual;
			assertThat(reactiveHttp.error()).isEqualTo(http.error());
			assertThat(reactiveHttp.retryAfter()).isEqualTo(http.retryAfter());
		}
		else {
			assertThat(((ChatBotKitConnectionException) actual).requestSent())
				.isEqualTo(((ChatBotKitConnectionException) expected).requestSent());
		}
	}

	static Stream<Function<ChatBotKitOptions.Builder, ChatBotKitOptions.Builder>> answerProblems() {
		return Stream.of(Function.identity(), (options) -> options.maxResponseSize(10));
	}

	@ParameterizedTest
	@MethodSource("answerProblems")
	void answersTheBlockingClientCannotReadFailTheSameWay(
			Function<ChatBotKitOptions.Builder, ChatBotKitOptions.Builder> change) {
		ChatBotKitOptions options = change.apply(options(RetryOptions.disabled()).mutate()).build();
		for (ResponseDefinitionBuilder answer : List.of(aResponse().withStatus(200),
				aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>" + "x".repeat(20)),
				aResponse().withStatus(200).withHeader("Content-Type", "html, not a type").withBody("<html>"),
				aResponse().withStatus(200).withHeader("Content-Type", "not a type").withBody("{\"id\":\"b\"}"),
				WireMock.okJson("{\"id\": 12, \"secret\": \"" + ApiStub.SECRET + "\""),
				WireMock.okJson("{\"id\":\"" + "x".repeat(50) + "\"}"))) {
			api.stubFor(get(anyUrl()).willReturn(answer));
			Throwable expected;
			try (ChatBotKitClient blocking = ChatBotKitClient.create(options)) {
				expected = catchThrowable(() -> blocking.request(FETCH, "b").retrieveId());
			}
			Throwable actual = catchThrowable(() -> block(reactive(options).request(FETCH, "b").retrieveId()));
			if (expected == null) {
				assertThat(actual).isNull();
			}
			else {
				assertThat(actual).hasSameClassAs(expected).hasMessage(expected.getMessage());
			}
		}
	}

	@Test
	void gzipAnswersAreDecodedAsTheBlockingClientDecodesThem() {
		byte[] gzipped = io.github.cbkspring.testsupport.LargeAnswerServer
			.storedGzip("{\"id\":\"zipped\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		api.stubFor(get(anyUrl()).willReturn(aResponse().withHeader("Content-Encoding", "gzip")
			.withHeader("Content-Type", "application/json")
			.withBody(gzipped)));
		assertThat(block(reactive(options(RetryOptions.disabled())).request(FETCH, "b").retrieveId()))
			.isEqualTo("zipped");
	}

	@Test
	void typedClientsOfTheOverlays() {
		api.stubFor(post("/api/v1/bot/bot-1/session/create").willReturn(WireMock.okJson(ApiStub.SESSION_JSON)));
		api.stubFor(post("/api/v1/conversation/c-1/complete")
			.willReturn(aResponse().withHeader("Content-Type", "application/jsonl")
				.withBody("{\"type\":\"token\",\"data\":{\"token\":\"a\"}}\n"
						+ "{\"type\":\"result\",\"data\":{\"text\":\"a\"}}\n")));
		api.stubFor(post("/api/v1/conversation/c-1/session/create")
			.willReturn(WireMock.okJson("{\"id\":\"s\",\"token\":\"t\",\"expiresAt\":1700000000000}")));
		ChatBotKitReactiveClient client = reactive(options(RetryOptions.disabled()));
		SessionCreateResponse session = block(client.sessions().create("bot-1"));
		assertThat(session).isNotNull();
		assertThat(session.conversationId()).isNotBlank();
		List<CompletionEvent> events = client.conversations()
			.completeStream("c-1", "Hi")
			.collectList()
			.block(HANG_GUARD);
		assertThat(events).hasSize(2).first().isEqualTo(new CompletionEvent.Token("a"));
		assertThat(block(client.conversations().createSession("c-1"))).isNotNull();
	}

	@Test
	void retriesAsThePolicySaysWithoutWaiting() {
		Scenarios.failTwiceThenSucceed(api, () -> get(anyUrl()), aResponse().withStatus(503),
				WireMock.okJson("{\"id\":\"b\"}"));
		RetryOptions retry = RetryOptions.defaults().withBackoff(Duration.ofMillis(100), Duration.ofSeconds(2));
		assertThat(block(reactive(options(retry)).request(FETCH, "b").retrieveId())).isEqualTo("b");
		api.verify(3, anyRequestedFor(anyUrl()));
		assertThat(this.timer.waits).hasSize(2);
		assertThat(this.timer.waits.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
		assertThat(this.timer.waits.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
	}

	@Test
	void retryAfterIsTheWaitAndTheLastFailureCarriesTheEarlierOnes() {
		api.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
		RetryOptions retry = RetryOptions.defaults().withBackoff(Duration.ofMillis(100), Duration.ofSeconds(10));
		Throwable failure = catchThrowable(() -> block(reactive(options(retry)).request(FETCH, "b").retrieveId()));
		assertThat(failure).isInstanceOf(ChatBotKitRateLimitException.class);
		assertThat(failure.getSuppressed()).hasSize(retry.maxAttempts() - 1);
		assertThat(this.timer.waits).containsOnly(Duration.ofSeconds(7)).hasSize(retry.maxAttempts() - 1);
	}

	@Test
	void noAttemptStartsAfterTheDeadline() {
		api.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "8")));
		RetryOptions retry = RetryOptions.defaults()
			.withBackoff(Duration.ofMillis(100), Duration.ofSeconds(10))
			.withDeadline(Duration.ofSeconds(10));
		Throwable failure = catchThrowable(() -> block(reactive(options(retry)).request(FETCH, "b").retrieveId()));
		assertThat(failure).isInstanceOf(ChatBotKitServerException.class);
		// 8 s fits in the deadline of 10, a second 8 s does not
		api.verify(2, anyRequestedFor(anyUrl()));
		assertThat(failure.getSuppressed()).hasSize(1);
	}

	@Test
	void postIsNotRepeatedAfterSendingUnlessOptedIn() {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500)));
		RetryOptions retry = RetryOptions.defaults().withBackoff(Duration.ofMillis(100), Duration.ofSeconds(2));
		assertThat(catchThrowable(() -> block(reactive(options(retry)).request(UPDATE, "b").body(Map.of()).execute())))
			.isInstanceOf(ChatBotKitServerException.class);
		api.verify(1, anyRequestedFor(anyUrl()));
		api.resetRequests();
		assertThat(catchThrowable(() -> block(
				reactive(options(retry.withRetryNonIdempotent(true))).request(UPDATE, "b").body(Map.of()).execute())))
			.isInstanceOf(ChatBotKitServerException.class);
		api.verify(retry.maxAttempts(), anyRequestedFor(anyUrl()));
	}

	@Test
	void connectionRefusedIsRetriedAndNeverSent() {
		ChatBotKitOptions options = ChatBotKitOptions.builder()
			.secret(ApiStub.SECRET)
			.url("http://127.0.0.1:" + ClosedPort.find())
			.retry(RetryOptions.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)))
			.build();
		Throwable failure = catchThrowable(
				() -> block(reactive(options).request(UPDATE, "b").body(Map.of()).execute()));
		assertThat(failure).isInstanceOf(ChatBotKitConnectionException.class);
		assertThat(((ChatBotKitConnectionException) failure).requestSent()).isFalse();
		assertThat(failure.getSuppressed()).hasSize(2);
		assertThat(failure.getMessage()).doesNotContain(ApiStub.SECRET);
	}

	@Test
	void badPathVariablesFailWhenTheRequestIsMade() {
		ChatBotKitReactiveClient client = reactive(options(RetryOptions.disabled()));
		assertThatIllegalArgumentException().isThrownBy(() -> client.request(FETCH, ".."));
		assertThatIllegalArgumentException().isThrownBy(() -> client.request(FETCH));
		assertThatIllegalArgumentException().isThrownBy(() -> client.sessions().create(" "));
	}

	@Test
	void copiesTakeOtherOptionsAndNothingShowsTheSecret() {
		api.stubFor(get(anyUrl()).willReturn(WireMock.okJson("{\"id\":\"b\"}")));
		ChatBotKitReactiveClient client = reactive(options(RetryOptions.disabled()));
		ChatBotKitReactiveClient tenant = client.withSecret("sk-other-tenant").withOptions((o) -> o.runAsUserId("u"));
		block(tenant.request(FETCH, "b").retrieveId());
		api.verify(WireMock.getRequestedFor(anyUrl())
			.withHeader("Authorization", WireMock.equalTo("Bearer sk-other-tenant"))
			.withHeader("X-RunAs-User-Id", WireMock.equalTo("u")));
		assertThat(client.options().secret()).isEqualTo(ApiStub.SECRET);
		for (Object shown : List.of(client, tenant, client.conversations(), client.sessions(),
				client.request(FETCH, "b"))) {
			assertThat(shown.toString()).doesNotContain(ApiStub.SECRET).doesNotContain("sk-other-tenant");
		}
	}

	@Test
	void theDefaultEngineIsReactorNettyWithTimeouts() {
		api.stubFor(get(anyUrl()).willReturn(WireMock.okJson("{\"id\":\"b\"}")));
		ChatBotKitReactiveClient client = ChatBotKitReactiveClient.create(options(RetryOptions.disabled()));
		assertThat(block(client.request(FETCH, "b").retrieveId())).isEqualTo("b");
	}

}
