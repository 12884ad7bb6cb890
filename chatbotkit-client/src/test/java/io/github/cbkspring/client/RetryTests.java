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
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.bot.SessionCreateResponse;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.error.ChatBotKitConnectionException;
import io.github.cbkspring.client.error.ChatBotKitHttpException;
import io.github.cbkspring.client.error.ChatBotKitRateLimitException;
import io.github.cbkspring.client.error.ChatBotKitServerException;
import io.github.cbkspring.client.internal.ApiExchange;
import io.github.cbkspring.client.internal.ErrorDecoder;
import io.github.cbkspring.testsupport.ApiStub;
import io.github.cbkspring.testsupport.ClosedPort;
import io.github.cbkspring.testsupport.Scenarios;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The retry loop and its policy, without waiting: the exchange's sleeper and clock are
 * replaced by a fake that records every wait and moves the clock on by it, so that a
 * {@code Retry-After} of a minute costs nothing and the assertions are exact.
 */
class RetryTests {

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	private static final RetryOptions FAST = RetryOptions.defaults()
		.withBackoff(Duration.ofMillis(100), Duration.ofSeconds(2));

	private final FakeTime time = new FakeTime();

	private final ClientHttpRequestFactory engine = ChatBotKitHttpEngine.requestFactory(Duration.ofSeconds(2),
			Duration.ofSeconds(10), 4);

	@AfterEach
	void closeEngine() throws Exception {
		((DisposableBean) this.engine).destroy();
		Thread.interrupted();
	}

	private ChatBotKitClient client(RetryOptions retry) {
		return client(retry, api.baseUrl());
	}

	private ChatBotKitClient client(RetryOptions retry, String url) {
		ChatBotKitOptions options = ChatBotKitOptions.builder().secret("sk-retry").url(url).retry(retry).build();
		return new ChatBotKitClient(new ApiExchange(RestClient.builder().requestFactory(this.engine).build(), options,
				this.time::sleep, this.time::nanoTime, this.time.wallClock()));
	}

	@Test
	void serviceUnavailableBurstThenSuccessIsRetriedForPostWithBackoffAndJitter() {
		Scenarios.failTwiceThenSucceed(api, () -> post(anyUrl()), aResponse().withStatus(503),
				WireMock.okJson(ApiStub.SESSION_JSON));
		SessionCreateResponse session = client(FAST).sessions().create("bot-1");
		assertThat(session.conversationId()).isEqualTo("conv-1");
		api.verify(3, anyRequestedFor(anyUrl()));
		// "equal jitter": half of each wait is fixed, half random
		assertThat(this.time.waits()).hasSize(2);
		assertThat(this.time.waits().get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
		assertThat(this.time.waits().get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
	}

	@Test
	void backoffDoublesUpToTheMaximum() {
		api.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)));
		RetryOptions retry = RetryOptions.defaults()
			.withBackoff(Duration.ofMillis(100), Duration.ofMillis(400))
			.withMaxAttempts(6);
		assertThatExceptionOfType(ChatBotKitServerException.class)
			.isThrownBy(() -> client(retry).get("/bot/{id}", Map.class, "b1"));
		List<Duration> waits = this.time.waits();
		assertThat(waits).hasSize(5);
		long[] caps = { 100, 200, 400, 400, 400 };
		for (int i = 0; i < caps.length; i++) {
			assertThat(waits.get(i)).as("wait " + (i + 1))
				.isBetween(Duration.ofMillis(caps[i] / 2), Duration.ofMillis(caps[i]));
		}
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

	@ParameterizedTest
	@CsvSource({ "1, 1000", "1.5, 1500", "0.0001, 1", "2, 2000" })
	void retryAfterSecondsIsWaitedExactly(String header, long millis) {
		Scenarios.failTwiceThenSucceed(api, () -> post(anyUrl()),
				aResponse().withStatus(429).withHeader("Retry-After", header), WireMock.okJson(ApiStub.SESSION_JSON));
		client(FAST).sessions().create("bot-1");
		assertThat(this.time.waits()).containsExactly(Duration.ofMillis(millis), Duration.ofMillis(millis));
		api.verify(3, anyRequestedFor(anyUrl()));
	}

	/**
	 * A date counts from the answer's {@code Date}, so a skewed local clock does not
	 * change the wait; the three date forms of RFC 9110 are read, on days of one digit
	 * and of two, the asctime day padded with a space, a zero or not at all.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			EEE, dd MMM yyyy HH:mm:ss 'GMT'   | 2026-12-06T22:59:58Z
			EEE, dd MMM yyyy HH:mm:ss 'GMT'   | 2026-12-16T09:00:00Z
			EEEE, dd-MMM-yy HH:mm:ss 'GMT'    | 2026-01-01T00:00:00Z
			EEEE, dd-MMM-yy HH:mm:ss 'GMT'    | 2026-10-31T12:30:00Z
			EEE MMM ppd HH:mm:ss yyyy         | 2026-12-06T10:00:00Z
			EEE MMM ppd HH:mm:ss yyyy         | 2026-12-31T23:59:58Z
			EEE MMM d HH:mm:ss yyyy           | 2026-02-09T10:00:00Z
			EEE MMM d HH:mm:ss yyyy           | 2026-02-10T10:00:00Z
			EEE MMM dd HH:mm:ss yyyy          | 2026-03-01T10:00:00Z
			""")
	void retryAfterDateIsWaitedFromTheAnswersDate(String format, Instant answeredAt) {
		ZonedDateTime answered = answeredAt.atZone(ZoneOffset.UTC);
		DateTimeFormatter formatter = DateTimeFormatter.ofPattern(format, Locale.US);
		Scenarios.failTwiceThenSucceed(api, () -> post(anyUrl()),
				aResponse().withStatus(503)
					.withHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(answered))
					.withHeader("Retry-After", formatter.format(answered.plusSeconds(2))),
				WireMock.okJson(ApiStub.SESSION_JSON));
		client(FAST).sessions().create("bot-1");
		assertThat(this.time.waits()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
	}

	/**
	 * Without a {@code Date}, a date counts from the client's clock, on a day of one
	 * digit and of two: the same date answered again after the first wait is due at once.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "2026-12-07T10:00:00Z", "2026-12-17T10:00:00Z" })
	void retryAfterDateWithoutTheAnswersDateIsWaitedFromTheClock(Instant now) {
		this.time.setWallClock(now);
		DateTimeFormatter asctime = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);
		Scenarios.failTwiceThenSucceed(api, () -> post(anyUrl()),
				aResponse().withStatus(503)
					.withHeader("Retry-After", asctime.format(now.plusSeconds(1).atZone(ZoneOffset.UTC))),
				WireMock.okJson(ApiStub.SESSION_JSON));
		client(FAST).sessions().create("bot-1");
		assertThat(this.time.waits()).hasSize(2).first().isEqualTo(Duration.ofSeconds(1));
		assertThat(this.time.waits().get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
	}

	/**
	 * A wait of zero says nothing: the back-off applies, so that a server that says "now"
	 * is not called again at once, over and over.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "0", "0.0", "Thu, 01 Jan 2026 00:00:00 GMT", "Thu Jan  1 00:00:00 2026" })
	void retryAfterOfZeroOrAPastDateFallsBackToTheBackoff(String header) {
		Scenarios.failTwiceThenSucceed(api, () -> post(anyUrl()),
				aResponse().withStatus(429).withHeader("Retry-After", header), WireMock.okJson(ApiStub.SESSION_JSON));
		client(FAST).sessions().create("bot-1");
		assertThat(this.time.waits()).hasSize(2);
		assertThat(this.time.waits().get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
		assertThat(this.time.waits().get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
	}

	@Test
	void retryAfterLongerThanMaxBackoffEndsRetries() {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
		assertThatExceptionOfType(ChatBotKitRateLimitException.class)
			.isThrownBy(() -> client(FAST).sessions().create("bot-1"))
			.satisfies((ex) -> assertThat(ex.retryAfter()).contains(Duration.ofSeconds(30)));
		assertThat(this.time.waits()).isEmpty();
		api.verify(1, anyRequestedFor(anyUrl()));
	}

	/**
	 * A value of any size ends the retries and is shown, clamped: a number too large for
	 * a {@code long} is not mistaken for no header.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "1000000000000000000000000", "9223372036854775808", "99999999999", "9223372036",
			"Fri, 31 Dec 9999 23:59:59 GMT", "31536000.5" })
	void retryAfterOfAnySizeEndsRetriesAndIsClamped(String header) {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", header)));
		assertThatExceptionOfType(ChatBotKitRateLimitException.class)
			.isThrownBy(() -> client(FAST).sessions().create("bot-1"))
			.satisfies((ex) -> assertThat(ex.retryAfter()).hasValueSatisfying((wait) -> {
				assertThat(wait).isGreaterThan(Duration.ofDays(365)).isLessThanOrEqualTo(ErrorDecoder.MAX_RETRY_AFTER);
				assertThat(wait.toNanos()).as("usable arithmetic").isPositive();
			}));
		assertThat(this.time.waits()).isEmpty();
		api.verify(1, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "soon", "-5", "1e3", "0x10", "tomorrow at noon" })
	void retryAfterThatIsNeitherANumberNorADateIsIgnored(String header) {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", header)));
		assertThatExceptionOfType(ChatBotKitRateLimitException.class)
			.isThrownBy(() -> client(FAST).sessions().create("bot-1"))
			.satisfies((ex) -> assertThat(ex.retryAfter()).isEmpty());
		// the back-off applies instead
		assertThat(this.time.waits()).hasSize(2)
			.allSatisfy((wait) -> assertThat(wait).isLessThanOrEqualTo(Duration.ofMillis(200)));
	}

	@Test
	void deadlineStopsRetriesThatWouldEndTooLate() {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));
		RetryOptions retry = FAST.withMaxAttempts(10).withDeadline(Duration.ofMillis(1500));
		assertThatExceptionOfType(ChatBotKitServerException.class)
			.isThrownBy(() -> client(retry).sessions().create("bot-1"));
		assertThat(this.time.waits()).containsExactly(Duration.ofSeconds(1));
		api.verify(2, anyRequestedFor(anyUrl()));
	}

	@Test
	void interruptDuringTheWaitStopsRetryingAndKeepsTheFlag() {
		api.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)));
		this.time.interruptOnWait();
		assertThatExceptionOfType(ChatBotKitServerException.class)
			.isThrownBy(() -> client(FAST).get("/bot/{id}", Map.class, "b1"))
			.satisfies((ex) -> assertThat(ex.getSuppressed()).singleElement().isInstanceOf(InterruptedException.class));
		assertThat(Thread.interrupted()).isTrue();
		api.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void connectionRefusedIsRetriedForPost() {
		ChatBotKitClient unreachable = client(FAST, "http://127.0.0.1:" + ClosedPort.find());
		assertThatExceptionOfType(ChatBotKitConnectionException.class)
			.isThrownBy(() -> unreachable.sessions().create("bot-1"))
			.satisfies((ex) -> assertThat(ex.requestSent()).isFalse())
			.satisfies((ex) -> assertThat(ex.getSuppressed()).hasSize(2));
		assertThat(this.time.waits()).hasSize(2);
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

	/**
	 * A clock that only moves when the exchange waits, and records the waits.
	 */
	static final class FakeTime {

		private final List<Duration> waits = new ArrayList<>();

		private long nanos = 1_000_000_000L;

		private boolean interruptOnWait;

		private Instant wallClock = Instant.parse("2026-01-15T12:00:00Z");

		void sleep(Duration delay) throws InterruptedException {
			if (this.interruptOnWait) {
				throw new InterruptedException("interrupted in a test");
			}
			this.waits.add(delay);
			this.nanos += delay.toNanos();
		}

		long nanoTime() {
			return this.nanos;
		}

		/**
		 * A clock that reads the wall time set last, moved on by every wait.
		 */
		Clock wallClock() {
			return new Clock() {

				@Override
				public ZoneId getZone() {
					return ZoneOffset.UTC;
				}

				@Override
				public Clock withZone(ZoneId zone) {
					throw new UnsupportedOperationException();
				}

				@Override
				public Instant instant() {
					return FakeTime.this.wallClock.plusNanos(FakeTime.this.nanos);
				}

			};
		}

		void setWallClock(Instant now) {
			this.wallClock = now.minusNanos(this.nanos);
		}

		void interruptOnWait() {
			this.interruptOnWait = true;
		}

		List<Duration> waits() {
			return this.waits;
		}

	}

}
