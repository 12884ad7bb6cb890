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
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.client.error.ChatBotKitTimeoutException;
import io.github.cbkspring.testsupport.ApiStub;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Thousands of calls at concurrency 16 under injected faults, on every way a client is
 * built: every call ends as a result or a {@link ChatBotKitException}, the pool is not
 * leaked, and closing the client gives back every connection and thread. How fast the
 * calls end is printed, not asserted: the machine's load decides it. Tagged {@code soak}:
 * the build leaves it out unless asked ({@code ./run-tests --soak}).
 */
@Tag("soak")
class SoakTests {

	private static final int CONCURRENCY = 16;

	private static final Duration READ_TIMEOUT = Duration.ofMillis(200);

	private static final RetryOptions RETRY = RetryOptions.defaults()
		.withBackoff(Duration.ofMillis(5), Duration.ofMillis(20))
		.withDeadline(Duration.ofSeconds(2));

	/** Fault name and weight, out of 100; the rest succeed. */
	private static final Map<String, Integer> FAULTS = Map.of("reset", 3, "timeout", 3, "malformed", 2, "429", 5, "503",
			5, "500", 2);

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().containerThreads(40))
		.build();

	@ParameterizedTest
	@EnumSource(ClientPath.class)
	void everyCallEndsInTimeAndThreadsAndConnectionsAreGivenBack(ClientPath path) throws Exception {
		int calls = Integer.getInteger("soak.calls", 1000);
		stubFaults();
		Leaks.Snapshot before = Leaks.snapshot(api.getPort());
		ClientPath.Opened opened = path.open(ClientPath.Setup.of(api.baseUrl())
			.secret("sk-soak")
			.connectTimeout(Duration.ofSeconds(1))
			.readTimeout(READ_TIMEOUT)
			.maxConnections(CONCURRENCY)
			.retry(RETRY));
		ChatBotKitClient client = opened.client();
		warmUp(client);
		Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
		AtomicLong slowestNanos = new AtomicLong();
		ExecutorService callers = Executors.newFixedThreadPool(CONCURRENCY);
		long start = System.nanoTime();
		for (int i = 0; i < calls; i++) {
			callers.execute(() -> {
				String fault = pickFault();
				long callStart = System.nanoTime();
				String outcome;
				try {
					client.withOptions((options) -> options.header("X-Fault", fault)).sessions().create("bot-1");
					outcome = "ok";
				}
				catch (ChatBotKitException ex) {
					outcome = ex.getClass().getSimpleName();
				}
				catch (RuntimeException ex) {
					outcome = "UNEXPECTED " + ex;
				}
				slowestNanos.accumulateAndGet(System.nanoTime() - callStart, Math::max);
				outcomes.computeIfAbsent(outcome, (key) -> new LongAdder()).increment();
			});
		}
		callers.shutdown();
		// a hang fails the test instead of hanging the build
		assertThat(callers.awaitTermination(calls / 10 + 120, TimeUnit.SECONDS)).as("all calls ended").isTrue();
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		Duration slowest = Duration.ofNanos(slowestNanos.get());
		Map<String, Long> counts = new TreeMap<>();
		outcomes.forEach((outcome, count) -> counts.put(outcome, count.sum()));
		System.out.printf(Locale.ROOT,
				"soak (%s): %d calls at c=%d in %d ms (%.0f calls/s), slowest %d ms, outcomes %s%n", path, calls,
				CONCURRENCY, elapsed.toMillis(), calls / (elapsed.toNanos() / 1e9), slowest.toMillis(), counts);

		assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(calls);
		assertThat(counts.keySet()).noneMatch((outcome) -> outcome.startsWith("UNEXPECTED"));
		assertThat(counts).containsKey("ok");
		// a hang guard: the retry deadline bounds the retries, not how long a busy
		// machine takes to run them (RetryTests check the deadline on a clock)
		assertThat(slowest).as("slowest call").isLessThan(Duration.ofMinutes(1));
		if (!path.jdk()) {
			// the JDK client does not bound its pool
			assertThat(Leaks.establishedConnections(api.getPort()) - before.connections()).as("pooled connections")
				.isLessThanOrEqualTo(CONCURRENCY);
		}
		// nothing was leaked from the pool: a burst as wide as the pool still gets
		// through
		api.resetScenarios();
		for (int i = 0; i < CONCURRENCY * 2; i++) {
			Throwable failure = catchThrowable(() -> client.sessions().create("after-soak"));
			if (failure != null) {
				// a busy machine can outlast the short read timeout after sending; a
				// leaked pool fails before sending
				assertThat(failure).isInstanceOf(ChatBotKitTimeoutException.class)
					.satisfies((ex) -> assertThat(((ChatBotKitTimeoutException) ex).requestSent()).isTrue());
			}
		}
		opened.close();
		before.assertReleased(path);
	}

	/**
	 * The first calls to a cold server can outlast the short read timeout.
	 */
	private static void warmUp(ChatBotKitClient client) {
		for (int i = 0; i < 20; i++) {
			try {
				client.sessions().create("warm-up");
			}
			catch (ChatBotKitTimeoutException ex) {
				// still cold
			}
		}
	}

	private static String pickFault() {
		int roll = ThreadLocalRandom.current().nextInt(100);
		for (Map.Entry<String, Integer> fault : FAULTS.entrySet()) {
			roll -= fault.getValue();
			if (roll < 0) {
				return fault.getKey();
			}
		}
		return "none";
	}

	private static void stubFaults() {
		api.stubFor(post(anyUrl()).atPriority(10).willReturn(WireMock.okJson(ApiStub.SESSION_JSON)));
		stubFault("reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
		stubFault("timeout", WireMock.okJson(ApiStub.SESSION_JSON).withFixedDelay((int) READ_TIMEOUT.toMillis() * 2));
		stubFault("malformed", aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
		stubFault("429", aResponse().withStatus(429).withHeader("Retry-After", "0"));
		stubFault("503", aResponse().withStatus(503));
		stubFault("500", aResponse().withStatus(500));
	}

	private static void stubFault(String fault, ResponseDefinitionBuilder response) {
		api.stubFor(post(anyUrl()).atPriority(1).withHeader("X-Fault", equalTo(fault)).willReturn(response));
	}

}
