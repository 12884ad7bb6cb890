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

package io.github.cbkspring.client.subscription;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.ChatBotKitHttpEngine;
import io.github.cbkspring.client.TestClients;
import io.github.cbkspring.client.channel.ChannelSubscribeEvent;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.error.ChatBotKitAuthenticationException;
import io.github.cbkspring.client.error.ChatBotKitConnectionException;
import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.client.error.ChatBotKitHttpException;
import io.github.cbkspring.client.error.ChatBotKitRateLimitException;
import io.github.cbkspring.client.error.ChatBotKitServerException;
import io.github.cbkspring.client.error.ChatBotKitStreamException;
import io.github.cbkspring.client.event.log.EventLogSubscribeEvent;
import io.github.cbkspring.client.task.TaskSubscribeEvent;
import io.github.cbkspring.testsupport.ApiStub;
import io.github.cbkspring.testsupport.EventStreamServer;
import io.github.cbkspring.testsupport.EventStreamServer.Exchange;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link EventSubscription} over real sockets: a test server answers each connection step
 * by step, a recording sleeper stands in for the back-off, and every wait is a latch or
 * the server's hang guard.
 *
 * @author cbkspring contributors
 */
class EventSubscriptionTests {

	private static final RetryOptions RETRY = RetryOptions.defaults();

	private final EventStreamServer server = new EventStreamServer();

	private final ChatBotKitClient client = TestClients.client(this.server.url());

	private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

	private final List<EventSubscription<?>> subscriptions = new CopyOnWriteArrayList<>();

	@AfterEach
	void close() {
		this.subscriptions.forEach(EventSubscription::close);
		this.client.close();
		this.server.close();
	}

	@Test
	void resumesAfterADropWithAReplayAndDeliversNoEventTwice() throws Exception {
		Reader<EventLogSubscribeEvent> reader = read(eventLog().build());
		Exchange first = this.server.next();
		assertThat(first.requestLine()).startsWith("POST ").contains("/event/log/subscribe");
		assertThat(first.body()).isEqualTo("{}");
		first.open().send(logEvent("e1")).send(logEvent("e2"));
		assertThat(reader.take(2)).containsExactly("e1", "e2");
		first.drop();
		Exchange second = this.server.next();
		assertThat(second.body()).isEqualTo("{\"historyLength\":100}");
		second.open().send(logEvent("e1")).send(logEvent("e2")).send(logEvent("e3")).send(logEvent("e4"));
		assertThat(reader.take(2)).containsExactly("e3", "e4");
		assertThat(this.sleeps).hasSize(1);
		assertThat(this.sleeps.get(0)).isBetween(RETRY.initialBackoff().dividedBy(2), RETRY.initialBackoff());
		reader.subscription.close();
		reader.awaitEnd();
		assertThat(reader.failure.get()).isNull();
		assertThat(reader.events).isEmpty();
	}

	@Test
	void aStreamTheServerEndsIsSubscribedAgain() throws Exception {
		Reader<EventLogSubscribeEvent> reader = read(eventLog().build());
		this.server.next().open().send(logEvent("e1")).end();
		assertThat(reader.take(1)).containsExactly("e1");
		this.server.next().open().send(logEvent("e1")).send(logEvent("e2"));
		assertThat(reader.take(1)).containsExactly("e2");
		reader.subscription.close();
		reader.awaitEnd();
		assertThat(reader.failure.get()).isNull();
	}

	@Test
	void theFirstConnectionAsksForTheHistoryAndReconnectsForTheReplay() throws Exception {
		Reader<EventLogSubscribeEvent> reader = read(eventLog().historyLength(5).replayOnReconnect(7).build());
		Exchange first = this.server.next();
		assertThat(first.body()).isEqualTo("{\"historyLength\":5}");
		first.open().drop();
		Exchange second = this.server.next();
		assertThat(second.body()).isEqualTo("{\"historyLength\":7}");
		// answered, so that the close does not wait for the headers (Apache HttpClient 5
		// ignores the interrupt until they arrive)
		second.open();
		reader.subscription.close();
		reader.awaitEnd();
	}

	@Test
	void aRateLimitWaitsAsRetryAfterSays() throws Exception {
		Reader<EventLogSubscribeEvent> reader = read(eventLog().build());
		this.server.next()
			.error("429 Too Many Requests", "Retry-After: 7\r\n", "{\"message\":\"slow down\",\"code\":\"RATE\"}");
		this.server.next().open().send(logEvent("e1"));
		assertThat(reader.take(1)).containsExactly("e1");
		assertThat(this.sleeps).containsExactly(Duration.ofSeconds(7));
		reader.subscription.close();
		reader.awaitEnd();
		assertThat(reader.failure.get()).isNull();
	}

	@Test
	void aRetryAfterLongerThanTheMaximumBackOffEndsTheSubscription() throws Exception {
		Reader<EventLogSubscribeEvent> reader = read(eventLog().build());
		this.server.next()
			.error("429 Too Many Requests", "Retry-After: 60\r\n", "{\"message\":\"slow down\",\"code\":\"RATE\"}");
		reader.awaitEnd();
		assertThat(reader.failure.get()).isInstanceOf(ChatBotKitRateLimitException.class);
		assertThat(this.sleeps).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "401 Unauthorized, io.github.cbkspring.client.error.ChatBotKitAuthenticationException",
			"403 Forbidden, io.github.cbkspring.client.error.ChatBotKitPermissionException",
			"404 Not Found, io.github.cbkspring.client.error.ChatBotKitNotFoundException",
			"400 Bad Request, io.github.cbkspring.client.error.ChatBotKitHttpException" })
	void aFailureAskingAgainCannotMendEndsTheSubscriptionAtOnce(String status, Class<?> type) throws Exception {
		Reader<EventLogSubscribeEvent> reader = read(eventLog().build());
		this.server.next().error(status, "", "{\"message\":\"no\",\"code\":\"NO\"}");
		reader.awaitEnd();
		assertThat(reader.failure.get()).isExactlyInstanceOf(type);
		assertThat(((ChatBotKitHttpException) reader.failure.get()).statusCode())
			.isEqualTo(Integer.parseInt(status.substring(0, 3)));
		assertThat(reader.subscription.isClosed()).isTrue();
		assertThat(this.sleeps).isEmpty();
		assertThat(this.server.waiting()).isZero();
	}

	@Test
	void aFailureAfterAReconnectIsTheTypedError() throws Exception {
		Reader<EventLogSubscribeEvent> reader = read(eventLog().build());
		this.server.next().open().send(logEvent("e1")).drop();
		this.server.next().error("401 Unauthorized", "", "{\"message\":\"expired\",\"code\":\"AUTH\"}");
		reader.awaitEnd();
		assertThat(reader.failure.get()).isInstanceOf(ChatBotKitAuthenticationException.class)
			.hasMessageNotContaining(ApiStub.SECRET);
		assertThat(reader.delivered).containsExactly("e1");
	}

	@Test
	void serverErrorsAreRetriedUntilTheAttemptsAreUsedUp() throws Exception {
		Reader<EventLogSubscribeEvent> reader = read(eventLog().build());
		this.server.next().error("503 Service Unavailable", "", "{\"message\":\"busy\",\"code\":\"BUSY\"}");
		this.server.next().error("502 Bad Gateway", "", "{\"message\":\"busy\",\"code\":\"BUSY\"}");
		this.server.next().error("500 Internal Server Error", "", "{\"message\":\"busy\",\"code\":\"BUSY\"}");
		reader.awaitEnd();
		assertThat(reader.failure.get()).isInstanceOf(ChatBotKitServerException.class);
		assertThat(this.sleeps).hasSize(RETRY.maxAttempts() - 1);
		assertThat(this.sleeps.get(1)).isBetween(RETRY.initialBackoff(), RETRY.initialBackoff().multipliedBy(2));
	}

	@Test
	void aConnectionThatOpensStartsTheCountOfAttemptsAgain() throws Exception {
		Reader<EventLogSubscribeEvent> reader = read(eventLog().build());
		for (int i = 0; i < 3; i++) {
			this.server.next().error("503 Service Unavailable", "", "{\"message\":\"busy\",\"code\":\"BUSY\"}");
			this.server.next().open().send(logEvent("e" + i)).drop();
			assertThat(reader.take(1)).containsExactly("e" + i);
		}
		this.server.next().open();
		reader.subscription.close();
		reader.awaitEnd();
		assertThat(reader.failure.get()).isNull();
	}

	@Test
	void theDeadlineCountsFromTheFirstOfConsecutiveFailures() throws Exception {
		AtomicLong now = new AtomicLong();
		RetryOptions retry = RETRY.withMaxAttempts(10).withDeadline(Duration.ofSeconds(15));
		Reader<EventLogSubscribeEvent> reader = read(eventLog().retry(retry).nanoClock(now::get).sleeper((delay) -> {
			this.sleeps.add(delay);
			now.addAndGet(delay.toNanos());
		}).build());
		this.server.next().error("429 Too Many Requests", "Retry-After: 8\r\n", "{\"message\":\"x\",\"code\":\"R\"}");
		this.server.next().error("429 Too Many Requests", "Retry-After: 8\r\n", "{\"message\":\"x\",\"code\":\"R\"}");
		reader.awaitEnd();
		assertThat(reader.failure.get()).isInstanceOf(ChatBotKitRateLimitException.class);
		assertThat(this.sleeps).containsExactly(Duration.ofSeconds(8));
	}

	@Test
	void theClientsRetryOptionsApplyByDefaultAndWithoutRetriesTheFirstDropEndsTheSubscription() throws Exception {
		// the client of these tests has retries disabled
		Reader<EventLogSubscribeEvent> reader = read(
				EventSubscription.eventLog(this.client).sleeper(this.sleeps::add).build());
		this.server.next().open().send(logEvent("e1")).drop();
		reader.awaitEnd();
		assertThat(reader.failure.get()).isInstanceOf(ChatBotKitConnectionException.class);
		assertThat(reader.delivered).containsExactly("e1");
		assertThat(this.server.waiting()).isZero();
	}

	@Test
	void aMalformedLineEndsTheSubscriptionWithoutReconnecting() throws Exception {
		Reader<EventLogSubscribeEvent> reader = read(eventLog().build());
		this.server.next().open().send(logEvent("e1")).send("{\"type\":\"item\",}");
		reader.awaitEnd();
		assertThat(reader.failure.get()).isInstanceOf(ChatBotKitStreamException.class);
		assertThat(reader.delivered).containsExactly("e1");
		assertThat(this.sleeps).isEmpty();
	}

	@Test
	void anErrorEventEndsTheSubscriptionWithoutReconnecting() throws Exception {
		Reader<EventLogSubscribeEvent> reader = read(eventLog().build());
		this.server.next().open().send("{\"type\":\"error\",\"data\":{\"message\":\"gone\"}}");
		reader.awaitEnd();
		assertThat(reader.failure.get()).isInstanceOf(ChatBotKitStreamException.class).hasMessageContaining("gone");
		assertThat(this.sleeps).isEmpty();
	}

	@Test
	void closeWhileAReadIsBlockedAbortsTheConnectionAndEndsTheReadingQuietly() throws Exception {
		Reader<EventLogSubscribeEvent> reader = read(eventLog().build());
		Exchange exchange = this.server.next().open().send(logEvent("e1"));
		assertThat(reader.take(1)).containsExactly("e1");
		reader.subscription.close();
		exchange.awaitClosedByClient();
		reader.awaitEnd();
		assertThat(reader.failure.get()).isNull();
		assertThat(reader.subscription.isClosed()).isTrue();
		assertThat(this.server.waiting()).isZero();
		reader.subscription.close();
	}

	/**
	 * HttpClient 5, which does not answer interrupts, waits for the headers here with a
	 * read timeout far longer than the hang guard: only the cancel ends the call.
	 */
	@Test
	void closeWhileTheAnswersHeadersAreAwaitedCancelsTheCallAndEndsTheReadingQuietly() throws Exception {
		try (ChatBotKitClient patient = ChatBotKitClient.create(RestClient.builder()
			.requestFactory(ChatBotKitHttpEngine.requestFactory(Duration.ofSeconds(2), Duration.ofMinutes(10), 4)),
				this.client.options())) {
			Reader<EventLogSubscribeEvent> reader = read(EventSubscription.eventLog(patient).build());
			Exchange exchange = this.server.next();
			reader.subscription.close();
			exchange.awaitClosedByClient();
			reader.awaitEnd();
			assertThat(reader.failure.get()).isNull();
			assertThat(this.server.waiting()).isZero();
		}
	}

	@Test
	void closeWhileWaitingToReconnectEndsTheWait() throws Exception {
		RetryOptions patient = RETRY.withBackoff(Duration.ofHours(1), Duration.ofHours(1))
			.withDeadline(Duration.ofHours(2));
		EventSubscription<EventLogSubscribeEvent> subscription = EventSubscription.eventLog(this.client)
			.retry(patient)
			.build();
		Reader<EventLogSubscribeEvent> reader = read(subscription);
		this.server.next().error("503 Service Unavailable", "", "{\"message\":\"busy\",\"code\":\"BUSY\"}");
		subscription.close();
		reader.awaitEnd();
		assertThat(reader.failure.get()).isNull();
		assertThat(this.server.waiting()).isZero();
	}

	@Test
	void closeBeforeReadingMakesNoCall() throws Exception {
		EventSubscription<EventLogSubscribeEvent> subscription = eventLog().build();
		subscription.close();
		assertThat(subscription.stream()).isEmpty();
		assertThat(subscription).hasToString("EventSubscription[POST /event/log/subscribe, closed]");
		assertThat(this.server.waiting()).isZero();
	}

	@Test
	void aListenerThatThrowsClosesTheSubscription() throws Exception {
		EventSubscription<EventLogSubscribeEvent> subscription = eventLog().build();
		CountDownLatch failed = new CountDownLatch(1);
		AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
		Thread thread = new Thread(() -> {
			try {
				subscription.forEach((event) -> {
					throw new IllegalStateException("listener failed");
				});
			}
			catch (RuntimeException ex) {
				failure.set(ex);
			}
			failed.countDown();
		});
		thread.start();
		Exchange exchange = this.server.next().open().send(logEvent("e1"));
		assertThat(failed.await(2, TimeUnit.MINUTES)).isTrue();
		assertThat(failure.get()).hasMessage("listener failed");
		assertThat(subscription.isClosed()).isTrue();
		exchange.awaitClosedByClient();
	}

	@Test
	void theEventsAreReadOnce() {
		EventSubscription<EventLogSubscribeEvent> subscription = eventLog().build();
		subscription.close();
		subscription.stream().close();
		assertThatIllegalStateException().isThrownBy(subscription::stream);
		assertThatIllegalStateException().isThrownBy(() -> subscription.forEach((event) -> {
		}));
	}

	@Test
	void theStreamIsLazyAndClosingItClosesTheSubscription() throws Exception {
		EventSubscription<EventLogSubscribeEvent> subscription = eventLog().build();
		Thread feeder = new Thread(() -> {
			try {
				this.server.next().open().send(logEvent("e1")).send(logEvent("e2")).send(logEvent("e3"));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		feeder.start();
		try (Stream<EventLogSubscribeEvent> events = subscription.stream()) {
			assertThat(events.limit(2).map(EventSubscriptionTests::id)).containsExactly("e1", "e2");
		}
		assertThat(subscription.isClosed()).isTrue();
	}

	@Test
	void memoryIsBoundedByTheWindowAndAReplayWithinItIsStillRecognised() throws Exception {
		Reader<EventLogSubscribeEvent> reader = read(eventLog().replayOnReconnect(10).deduplicationWindow(10).build());
		Exchange first = this.server.next().open();
		for (int i = 0; i < 50; i++) {
			first.send(logEvent("e" + i));
		}
		assertThat(reader.take(50)).hasSize(50).doesNotHaveDuplicates();
		assertThat(reader.subscription.rememberedKeys()).isEqualTo(10);
		first.drop();
		Exchange second = this.server.next().open();
		for (int i = 40; i < 51; i++) {
			second.send(logEvent("e" + i));
		}
		assertThat(reader.take(1)).containsExactly("e50");
		assertThat(reader.subscription.rememberedKeys()).isEqualTo(10);
		reader.subscription.close();
		reader.awaitEnd();
		assertThat(reader.events).isEmpty();
	}

	@Test
	void aReplayNeedsAKeyAndAWindowAsLargeAsIt() {
		assertThatIllegalStateException()
			.isThrownBy(() -> EventSubscription.channel(this.client, "channel-0123456789").replayOnReconnect(5).build())
			.withMessageContaining("deduplicateBy");
		assertThatIllegalStateException()
			.isThrownBy(() -> eventLog().replayOnReconnect(100).deduplicationWindow(99).build())
			.withMessageContaining("deduplicationWindow");
		assertThatIllegalArgumentException().isThrownBy(() -> eventLog().historyLength(10_001));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EventSubscription.task(this.client, "task-1").replayOnReconnect(1_001));
		assertThatIllegalArgumentException().isThrownBy(() -> eventLog().replayOnReconnect(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> eventLog().deduplicationWindow(0));
		assertThatIllegalArgumentException().isThrownBy(() -> EventSubscription.channel(this.client, ""));
	}

	@Test
	void aChannelReplaysNothingOnReconnectUnlessGivenAKey() throws Exception {
		Reader<ChannelSubscribeEvent> reader = read(EventSubscription.channel(this.client, "channel-0123456789")
			.retry(RETRY)
			.sleeper(this.sleeps::add)
			.build(), (event) -> String.valueOf(event.data().get("n")));
		Exchange first = this.server.next();
		assertThat(first.requestLine()).contains("/channel/channel-0123456789/subscribe");
		first.open().send("{\"type\":\"message\",\"data\":{\"n\":1}}").drop();
		Exchange second = this.server.next();
		assertThat(second.body()).isEqualTo("{}");
		second.open().send("{\"type\":\"message\",\"data\":{\"n\":1}}");
		assertThat(reader.take(2)).containsExactly("1", "1");
		reader.subscription.close();
		reader.awaitEnd();
	}

	@Test
	void aChannelWithAKeyReplaysAndLeavesOutWhatItDelivered() throws Exception {
		Reader<ChannelSubscribeEvent> reader = read(EventSubscription.channel(this.client, "channel-0123456789")
			.deduplicateBy((event) -> String.valueOf(event.data().get("n")))
			.replayOnReconnect(3)
			.retry(RETRY)
			.sleeper(this.sleeps::add)
			.build(), (event) -> String.valueOf(event.data().get("n")));
		this.server.next().open().send("{\"type\":\"message\",\"data\":{\"n\":1}}").drop();
		Exchange second = this.server.next();
		assertThat(second.body()).isEqualTo("{\"historyLength\":3}");
		second.open()
			.send("{\"type\":\"message\",\"data\":{\"n\":1}}")
			.send("{\"type\":\"message\",\"data\":{\"n\":2}}");
		assertThat(reader.take(2)).containsExactly("1", "2");
		reader.subscription.close();
		reader.awaitEnd();
	}

	@Test
	void taskEventsAreKnownByTypeOperationAndTime() throws Exception {
		Reader<TaskSubscribeEvent> reader = read(
				EventSubscription.task(this.client, "task-1").retry(RETRY).sleeper(this.sleeps::add).build(),
				EventSubscriptionTests::label);
		String begin = taskEvent("operationBegin", 1000);
		String end = taskEvent("operationEnd", 2000);
		String again = taskEvent("operationBegin", 3000);
		Exchange first = this.server.next();
		assertThat(first.requestLine()).contains("/task/task-1/subscribe");
		first.open().send(begin).send(end).drop();
		Exchange second = this.server.next();
		assertThat(second.body()).isEqualTo("{\"historyLength\":100}");
		// a kind of event the model does not know has no key, so it is never left out
		second.open().send(begin).send(end).send(again).send("{\"type\":\"operationRetry\"}");
		assertThat(reader.take(4)).containsExactly("operationBegin 1000", "operationEnd 2000", "operationBegin 3000",
				"operationRetry");
		reader.subscription.close();
		reader.awaitEnd();
	}

	@Test
	void aTasksErrorEventsAreDeliveredAndKnownByTypeCodeAndTime() throws Exception {
		Reader<TaskSubscribeEvent> reader = read(
				EventSubscription.task(this.client, "task-1").retry(RETRY).sleeper(this.sleeps::add).build(),
				EventSubscriptionTests::label);
		String error = "{\"type\":\"error\",\"createdAt\":1500,\"data\":{\"code\":\"TOOL\",\"message\":\"failed\"}}";
		this.server.next().open().send(taskEvent("operationBegin", 1000)).send(error).drop();
		// the replay repeats the error, which is left out, and the stream goes on after
		// it
		this.server.next()
			.open()
			.send(taskEvent("operationBegin", 1000))
			.send(error)
			.send(taskEvent("operationEnd", 2000));
		assertThat(reader.take(3)).containsExactly("operationBegin 1000", "error TOOL failed 1500",
				"operationEnd 2000");
		assertThat(reader.failure.get()).isNull();
		reader.subscription.close();
		reader.awaitEnd();
	}

	private static String label(TaskSubscribeEvent event) {
		if (event instanceof TaskSubscribeEvent.OperationBegin begin) {
			return begin.type() + " " + begin.createdAt().toEpochMilli();
		}
		if (event instanceof TaskSubscribeEvent.OperationEnd end) {
			return end.type() + " " + end.createdAt().toEpochMilli();
		}
		if (event instanceof TaskSubscribeEvent.Error error) {
			return error.type() + " " + error.data().code() + " " + error.data().message() + " "
					+ error.createdAt().toEpochMilli();
		}
		return String.valueOf(event.type());
	}

	private static String taskEvent(String type, long createdAt) {
		return "{\"type\":\"" + type + "\",\"createdAt\":" + createdAt
				+ ",\"data\":{\"id\":\"op1\",\"action\":{\"id\":\"a1\",\"kind\":\"function\"}}}";
	}

	private EventSubscription.Builder<EventLogSubscribeEvent> eventLog() {
		return EventSubscription.eventLog(this.client).retry(RETRY).sleeper(this.sleeps::add);
	}

	private static String logEvent(String id) {
		return "{\"type\":\"item\",\"data\":{\"id\":\"" + id
				+ "\",\"createdAt\":1700000000000,\"updatedAt\":1700000000000,\"type\":\"conversation.create\"}}";
	}

	private static String id(EventLogSubscribeEvent event) {
		return event.data().id();
	}

	private Reader<EventLogSubscribeEvent> read(EventSubscription<EventLogSubscribeEvent> subscription) {
		return read(subscription, EventSubscriptionTests::id);
	}

	private <T> Reader<T> read(EventSubscription<T> subscription,
			java.util.function.Function<T, @Nullable String> name) {
		this.subscriptions.add(subscription);
		Reader<T> reader = new Reader<>(subscription, name);
		Thread thread = new Thread(reader::run, "subscription-reader");
		thread.setDaemon(true);
		thread.start();
		return reader;
	}

	/**
	 * Reads a subscription on a thread of its own, as an application would.
	 */
	private static final class Reader<T> {

		private final EventSubscription<T> subscription;

		private final java.util.function.Function<T, @Nullable String> name;

		private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

		private final List<String> delivered = new CopyOnWriteArrayList<>();

		private final AtomicReference<@Nullable ChatBotKitException> failure = new AtomicReference<>();

		private final CountDownLatch ended = new CountDownLatch(1);

		Reader(EventSubscription<T> subscription, java.util.function.Function<T, @Nullable String> name) {
			this.subscription = subscription;
			this.name = name;
		}

		void run() {
			try {
				this.subscription.forEach((event) -> {
					String value = String.valueOf(this.name.apply(event));
					this.delivered.add(value);
					this.events.add(value);
				});
			}
			catch (ChatBotKitException ex) {
				this.failure.set(ex);
			}
			finally {
				this.ended.countDown();
			}
		}

		List<String> take(int count) throws InterruptedException {
			List<String> taken = new java.util.ArrayList<>();
			for (int i = 0; i < count; i++) {
				String event = this.events.poll(2, TimeUnit.MINUTES);
				assertThat(event).as("event %d of %d", i + 1, count).isNotNull();
				taken.add(event);
			}
			return taken;
		}

		void awaitEnd() throws InterruptedException {
			assertThat(this.ended.await(2, TimeUnit.MINUTES)).as("the reading ended").isTrue();
		}

	}

}
