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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.testsupport.ApiStub;
import io.github.cbkspring.testsupport.LargeAnswerServer;
import io.github.cbkspring.testsupport.SilentServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;

import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cancellation at every stage of a reactive call, and back-pressure: facts the servers
 * and the client's own counters record (a connection closed, an answer abandoned, the
 * buffers asked for), never how long something took. Each wait is a hang guard.
 */
class ReactiveFlowTests {

	private static final String TOKEN_LINE = "{\"type\":\"token\",\"data\":{\"token\":\"x\"}}\n";

	private static final ApiEndpoint FETCH = ApiEndpoint.get("/bot/{botId}/fetch");

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	private static ChatBotKitOptions options(String url, RetryOptions retry) {
		return ChatBotKitOptions.builder().secret(ApiStub.SECRET).url(url).retry(retry).build();
	}

	@Test
	void cancellingBeforeTheAnswersHeadersClosesTheConnection() throws Exception {
		try (SilentServer server = new SilentServer()) {
			ChatBotKitReactiveClient client = ChatBotKitReactiveClient
				.create(options(server.url(), RetryOptions.disabled()));
			Disposable call = client.request(FETCH, "b").retrieveId().subscribe();
			server.awaitRequest();
			call.dispose();
			server.awaitClosed();
		}
	}

	@Test
	void cancellingMidStreamAbortsTheAnswer() {
		try (LargeAnswerServer server = new LargeAnswerServer("200 OK", "Content-Type: application/jsonl\r\n",
				LargeAnswerServer.repeated(TOKEN_LINE))) {
			ChatBotKitReactiveClient client = ChatBotKitReactiveClient
				.create(options(server.url(), RetryOptions.disabled()));
			assertThat(client.conversations().completeStream("c", "Hi").take(3).collectList().block(hangGuard()))
				.containsOnly(new CompletionEvent.Token("x"))
				.hasSize(3);
			server.assertEveryAnswerAbandoned();
		}
	}

	@Test
	void cancellingDuringTheWaitBeforeARetryEndsTheCall() throws InterruptedException {
		api.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)));
		RecordingTimer timer = RecordingTimer.holding();
		ChatBotKitReactiveClient client = ChatBotKitReactiveClient.create(WebClient.builder(),
				options(api.baseUrl(), RetryOptions.defaults()), timer, Clock.systemUTC());
		Disposable call = client.request(FETCH, "b").retrieveId().subscribe();
		assertThat(timer.firstWait.await(2, TimeUnit.MINUTES)).as("a wait began").isTrue();
		call.dispose();
		assertThat(timer.held).hasSize(1);
		assertThat(timer.held.get(0).awaitDisposed()).as("the wait was cancelled").isTrue();
		api.verify(1, anyRequestedFor(anyUrl()));
	}

	/**
	 * A subscriber that takes one event at a time holds the read: the decoder has asked
	 * the engine for one buffer beyond those it was given, however long the stream.
	 */
	@Test
	void aSlowSubscriberHoldsTheReadInsteadOfBufferingTheStream() throws InterruptedException {
		AtomicLong requested = new AtomicLong();
		AtomicLong delivered = new AtomicLong();
		AtomicLong bytes = new AtomicLong();
		ExchangeFilterFunction counting = (request, next) -> next.exchange(request)
			.map((response) -> response.mutate()
				.body((body) -> body
					.doOnRequest((n) -> requested.accumulateAndGet(n, (a, b) -> (a + b < 0) ? Long.MAX_VALUE : a + b))
					.doOnNext((buffer) -> {
						delivered.incrementAndGet();
						bytes.addAndGet(buffer.readableByteCount());
					}))
				.build());
		try (LargeAnswerServer server = new LargeAnswerServer("200 OK", "Content-Type: application/jsonl\r\n",
				LargeAnswerServer.repeated(TOKEN_LINE))) {
			ChatBotKitReactiveClient client = ChatBotKitReactiveClient.create(WebClient.builder().filter(counting),
					options(server.url(), RetryOptions.disabled()));
			OneAtATime subscriber = new OneAtATime(10_000);
			client.conversations().completeStream("c", "Hi").subscribe(subscriber);
			assertThat(subscriber.done.await(2, TimeUnit.MINUTES)).as("10,000 events taken").isTrue();
			assertThat(requested.get() - delivered.get()).as("buffers asked for and not yet given").isBetween(0L, 1L);
			assertThat(bytes.get()).as("bytes taken from the engine")
				.isLessThan(LargeAnswerServer.SIZE / 10)
				.isGreaterThanOrEqualTo(10_000L * TOKEN_LINE.length() - TOKEN_LINE.length());
			subscriber.cancelNow();
			server.assertEveryAnswerAbandoned();
		}
	}

	private static Duration hangGuard() {
		return Duration.ofMinutes(2);
	}

	/**
	 * Asks for one event at a time, and stops asking after a number of them.
	 */
	static final class OneAtATime extends BaseSubscriber<CompletionEvent> {

		final CountDownLatch done = new CountDownLatch(1);

		private final int wanted;

		private int taken;

		OneAtATime(int wanted) {
			this.wanted = wanted;
		}

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			request(1);
		}

		@Override
		protected void hookOnNext(CompletionEvent event) {
			if (++this.taken < this.wanted) {
				request(1);
			}
			else {
				this.done.countDown();
			}
		}

		void cancelNow() {
			cancel();
		}

	}

}
