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

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.cbkspring.client.bot.SessionCreateResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the retry behaviour of {@link ChatBotKitClient}, counting the attempts that
 * WireMock received.
 *
 * @author cbkspring contributors
 */
class RetryTests {

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final RetryOptions FAST = RetryOptions.defaults()
		.withBackoff(Duration.ofMillis(10), Duration.ofSeconds(2));

	private ChatBotKitClient client(RetryOptions retry) {
		return ChatBotKitClient
			.create(ChatBotKitOptions.builder().secret("sk-retry").url(api.baseUrl()).retry(retry).build());
	}

	@Test
	void serviceUnavailableBurstThenSuccessIsRetriedForPost() {
		Scenarios.failTwiceThenSucceed(api, () -> post(anyUrl()), aResponse().withStatus(503),
				WireMock.okJson(SessionClientTests.SESSION_JSON));
		SessionCreateResponse session = client(FAST).sessions().create("bot-1");
		assertThat(session.conversationId()).isEqualTo("conv-1");
		api.verify(3, anyRequestedFor(anyUrl()));
	}

	@Test
	void givesUpAfterMaxAttemptsWithEarlierFailuresAttached() {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429)));
		assertThatExceptionOfType(ChatBotKitRateLimitException.class)
			.isThrownBy(() -> client(FAST).sessions().create("bot-1"))
			.satisfies((ex) -> assertThat(ex.getSuppressed()).hasSize(2)
				.allSatisfy((earlier) -> assertThat(earlier).isInstanceOf(ChatBotKitRateLimitException.class)));
		api.verify(3, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 502, 504 })
	void serverErrorsAreNotRetriedForPostByDefault(int status) {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status)));
		assertThatExceptionOfType(ChatBotKitServerException.class)
			.isThrownBy(() -> client(FAST).sessions().create("bot-1"));
		api.verify(1, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 502, 504 })
	void serverErrorsAreRetriedForGet(int status) {
		api.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(status)));
		assertThatExceptionOfType(ChatBotKitServerException.class)
			.isThrownBy(() -> client(FAST).get("/bot/{id}", Map.class, "b1"));
		api.verify(3, anyRequestedFor(anyUrl()));
	}

	@Test
	void serverErrorsAreRetriedForPostWhenOptedIn() {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500)));
		assertThatExceptionOfType(ChatBotKitServerException.class)
			.isThrownBy(() -> client(FAST.withRetryNonIdempotent(true)).sessions().create("bot-1"));
		api.verify(3, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 401, 403, 404, 409, 413 })
	void otherClientErrorsAreNeverRetried(int status) {
		api.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(status)));
		assertThatExceptionOfType(ChatBotKitHttpException.class)
			.isThrownBy(() -> client(FAST).get("/bot/{id}", Map.class, "b1"));
		api.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void retryAfterSecondsIsHonoured() {
		Scenarios.failTwiceThenSucceed(api, () -> post(anyUrl()),
				aResponse().withStatus(429).withHeader("Retry-After", "1"),
				WireMock.okJson(SessionClientTests.SESSION_JSON));
		long start = System.nanoTime();
		client(FAST).sessions().create("bot-1");
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(elapsed).isBetween(Duration.ofMillis(2000), Duration.ofMillis(3500));
		api.verify(3, anyRequestedFor(anyUrl()));
	}

	@Test
	void retryAfterHttpDateIsHonoured() {
		String inTwoSeconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
			.format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(2));
		api.stubFor(post(anyUrl()).inScenario("date")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503).withHeader("Retry-After", inTwoSeconds))
			.willSetStateTo("ok"));
		api.stubFor(post(anyUrl()).inScenario("date")
			.whenScenarioStateIs("ok")
			.willReturn(WireMock.okJson(SessionClientTests.SESSION_JSON)));
		long start = System.nanoTime();
		client(FAST).sessions().create("bot-1");
		// whole seconds on the wire: the wait is between one and two seconds
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900),
				Duration.ofMillis(2500));
	}

	@Test
	void retryAfterLongerThanMaxBackoffEndsRetries() {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
		long start = System.nanoTime();
		assertThatExceptionOfType(ChatBotKitRateLimitException.class)
			.isThrownBy(() -> client(FAST).sessions().create("bot-1"))
			.satisfies((ex) -> assertThat(ex.retryAfter()).contains(Duration.ofSeconds(30)));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
		api.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void deadlineStopsRetriesThatWouldEndTooLate() {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));
		RetryOptions retry = FAST.withMaxAttempts(10).withDeadline(Duration.ofMillis(1500));
		long start = System.nanoTime();
		assertThatExceptionOfType(ChatBotKitServerException.class)
			.isThrownBy(() -> client(retry).sessions().create("bot-1"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
		api.verify(2, anyRequestedFor(anyUrl()));
	}

	@Test
	void connectionRefusedIsRetriedForPost() {
		ChatBotKitClient unreachable = ChatBotKitClient.create(ChatBotKitOptions.builder()
			.secret("sk-retry")
			.url("http://127.0.0.1:" + ClosedPort.find())
			.retry(FAST)
			.build());
		assertThatExceptionOfType(ChatBotKitConnectionException.class)
			.isThrownBy(() -> unreachable.sessions().create("bot-1"))
			.satisfies((ex) -> assertThat(ex.getSuppressed()).hasSize(2));
	}

	@Test
	void connectionResetAfterSendIsNotRetriedForPost() {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThatExceptionOfType(ChatBotKitConnectionException.class)
			.isThrownBy(() -> client(FAST).sessions().create("bot-1"));
		api.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void connectionResetIsRetriedForGet() {
		Scenarios.failTwiceThenSucceed(api, () -> get(anyUrl()), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
				WireMock.okJson("{\"ok\":true}"));
		assertThat(client(FAST).get("/bot/{id}", Map.class, "b1")).containsEntry("ok", true);
		api.verify(3, anyRequestedFor(anyUrl()));
	}

	@Test
	void disabledRetriesMakeOneAttempt() {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503)));
		assertThatExceptionOfType(ChatBotKitServerException.class)
			.isThrownBy(() -> client(RetryOptions.disabled()).sessions().create("bot-1"));
		api.verify(1, anyRequestedFor(anyUrl()));
	}

}
