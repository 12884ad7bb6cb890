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

import java.time.Instant;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.github.cbkspring.client.channel.ChannelClient;
import io.github.cbkspring.client.channel.ChannelSubscribeEvent;
import io.github.cbkspring.client.channel.ChannelSubscribeRequest;
import io.github.cbkspring.client.core.ApiTransport;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.event.log.EventLogClient;
import io.github.cbkspring.client.event.log.EventLogSubscribeEvent;
import io.github.cbkspring.client.event.log.EventLogSubscribeRequest;
import io.github.cbkspring.client.internal.ApiExchange.Sleeper;
import io.github.cbkspring.client.subscription.ReconnectingEvents.Subscriber;
import io.github.cbkspring.client.task.TaskClient;
import io.github.cbkspring.client.task.TaskSubscribeEvent;
import io.github.cbkspring.client.task.TaskSubscribeRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A long-lived subscription to one of ChatBotKit's JSON Lines event streams, {@code POST
 * /event/log/subscribe}, {@code POST /channel/{channelId}/subscribe} or {@code POST
 * /task/{taskId}/subscribe}, that survives dropped connections.
 * <p>
 * When the connection drops, times out (the client's read timeout applies to the wait for
 * each event), or the server ends the stream, the subscription subscribes again after the
 * back-off of the client's {@link RetryOptions} ({@code Retry-After} honoured, as for
 * every call). It gives up with the failure, a
 * {@link io.github.cbkspring.client.error.ChatBotKitException}, at once when asking again
 * cannot help (401, 403, 404 and other client errors, a malformed line, an error event of
 * the event log or a channel) and otherwise once the retry options' attempts or deadline
 * are used up by consecutive failures; each connection that opens starts the count again.
 * With retries disabled the first drop ends it.
 * <p>
 * <b>What a reconnect can lose or repeat.</b> The API has no cursor, since or last-event
 * id to resume from: a subscription can only ask for up to {@code historyLength} of the
 * latest events to be replayed first. So on each reconnect it asks for
 * {@link Builder#replayOnReconnect(long) replayOnReconnect} events and leaves out those
 * whose key it delivered before, remembering the keys of the last
 * {@link Builder#deduplicationWindow(int) deduplicationWindow} events (at least as many
 * as the replay, so that a replayed event is always recognised). An event-log event's key
 * is its id; a task event's is its type, operation id (an error's code) and time. A
 * task's error events ({@link TaskSubscribeEvent.Error}, an execution that failed) are
 * events like the others: they are delivered, and the subscription goes on. No event is
 * delivered twice; events are lost only when more than {@code replayOnReconnect} of them
 * happened while disconnected. A channel's messages have no id, so a channel subscription
 * replays nothing unless given a key with {@link Builder#deduplicateBy}, and messages
 * published while disconnected are lost.
 * <p>
 * Read the events on one thread, with {@link #forEach(Consumer)} or {@link #stream()},
 * once; {@link #close()} from any thread ends the reading at once: it aborts the open
 * connection, ends a back-off wait, and cancels a call still waiting for its answer (see
 * {@link io.github.cbkspring.client.core.Cancellation}). <pre class="code">
 * try (EventSubscription&lt;EventLogSubscribeEvent&gt; events = EventSubscription.eventLog(client).build()) {
 *     events.forEach((event) -&gt; handle(event));
 * }
 * </pre>
 *
 * @param <T> the event type
 * @author cbkspring contributors
 * @since 0.1.0
 */
public final class EventSubscription<T> implements AutoCloseable {

	/** The most events the API replays on the event log and channels. */
	private static final long MAX_HISTORY = 10_000;

	private final ReconnectingEvents<T> events;

	private final AtomicBoolean read = new AtomicBoolean();

	private final String description;

	private EventSubscription(ReconnectingEvents<T> events, String description) {
		this.events = events;
		this.description = description;
	}

	/**
	 * Start building a subscription to {@code POST /event/log/subscribe}, the account's
	 * event log. It replays 100 events on each reconnect and knows each by its id.
	 * @param transport the transport to call through, such as a {@code ChatBotKitClient}
	 * @return a new builder
	 */
	public static Builder<EventLogSubscribeEvent> eventLog(ApiTransport transport) {
		EventLogClient client = new EventLogClient(withoutRetries(transport));
		return new Builder<EventLogSubscribeEvent>((history) -> client.subscribe(new EventLogSubscribeRequest(history)),
				transport, "POST /event/log/subscribe", MAX_HISTORY)
			.deduplicateBy(EventSubscription::eventLogKey)
			.replayOnReconnect(Builder.DEFAULT_REPLAY);
	}

	/**
	 * Start building a subscription to {@code POST /channel/{channelId}/subscribe}. It
	 * replays nothing on reconnect, since messages have no id; see
	 * {@link Builder#deduplicateBy}.
	 * @param transport the transport to call through, such as a {@code ChatBotKitClient}
	 * @param channelId the channel's id
	 * @return a new builder
	 */
	public static Builder<ChannelSubscribeEvent> channel(ApiTransport transport, String channelId) {
		Assert.hasText(channelId, "channelId must not be empty");
		ChannelClient client = new ChannelClient(withoutRetries(transport));
		return new Builder<>((history) -> client.subscribe(channelId, new ChannelSubscribeRequest(history)), transport,
				"POST /channel/" + channelId + "/subscribe", MAX_HISTORY);
	}

	/**
	 * Start building a subscription to {@code POST /task/{taskId}/subscribe}, a task's
	 * workflow events, its error events included. It replays 100 events on each reconnect
	 * and knows each by its type, its operation's id (an error's code) and its time.
	 * @param transport the transport to call through, such as a {@code ChatBotKitClient}
	 * @param taskId the task's id
	 * @return a new builder
	 */
	public static Builder<TaskSubscribeEvent> task(ApiTransport transport, String taskId) {
		Assert.hasText(taskId, "taskId must not be empty");
		TaskClient client = new TaskClient(withoutRetries(transport));
		return new Builder<TaskSubscribeEvent>((history) -> client.subscribe(taskId, new TaskSubscribeRequest(history)),
				transport, "POST /task/" + taskId + "/subscribe", 1_000)
			.deduplicateBy(EventSubscription::taskKey)
			.replayOnReconnect(Builder.DEFAULT_REPLAY);
	}

	/**
	 * The subscription retries each connection itself: a retry inside the call as well
	 * would multiply the attempts.
	 */
	private static ApiTransport withoutRetries(ApiTransport transport) {
		Assert.notNull(transport, "ApiTransport must not be null");
		return transport.withOptions((options) -> options.retry(RetryOptions.disabled()));
	}

	private static @Nullable String eventLogKey(EventLogSubscribeEvent event) {
		EventLogSubscribeEvent.Data data = event.data();
		return (data != null) ? data.id() : null;
	}

	private static @Nullable String taskKey(TaskSubscribeEvent event) {
		if (event instanceof TaskSubscribeEvent.OperationBegin begin) {
			return taskKey(begin.type(), begin.data().id(), begin.createdAt());
		}
		if (event instanceof TaskSubscribeEvent.OperationEnd end) {
			return taskKey(end.type(), end.data().id(), end.createdAt());
		}
		if (event instanceof TaskSubscribeEvent.Error error) {
			return taskKey(error.type(), error.data().code(), error.createdAt());
		}
		return null;
	}

	private static String taskKey(String type, String operationId, Instant createdAt) {
		return type + " " + operationId + " " + createdAt.toEpochMilli();
	}

	/**
	 * Deliver each event to a listener, on the calling thread, until {@link #close()}. A
	 * listener that throws closes the subscription, and its exception is thrown.
	 * @param listener receives each event
	 * @throws io.github.cbkspring.client.error.ChatBotKitException when the subscription
	 * gives up (see the class description); it is then closed
	 * @throws IllegalStateException if the events were read before
	 */
	public void forEach(Consumer<? super T> listener) {
		Assert.notNull(listener, "Listener must not be null");
		try (Stream<T> events = stream()) {
			events.forEach(listener);
		}
	}

	/**
	 * The events as a lazy, sequential stream that ends only after {@link #close()}.
	 * Closing the stream closes the subscription.
	 * @return the events
	 * @throws IllegalStateException if the events were read before
	 */
	public Stream<T> stream() {
		Assert.state(this.read.compareAndSet(false, true), "The events of a subscription can be read once");
		return StreamSupport
			.stream(Spliterators.spliteratorUnknownSize(this.events, Spliterator.ORDERED | Spliterator.NONNULL), false)
			.onClose(this::close);
	}

	/**
	 * Whether the subscription is closed, by {@link #close()} or because it gave up.
	 * @return whether it is closed
	 */
	public boolean isClosed() {
		return this.events.isClosed();
	}

	/**
	 * Stop, from any thread; a reader blocked waiting for an event returns at once,
	 * without an exception. Closing again does nothing.
	 */
	@Override
	public void close() {
		this.events.close();
	}

	/**
	 * How many event keys are remembered, never more than the deduplication window.
	 */
	int rememberedKeys() {
		return this.events.rememberedKeys();
	}

	@Override
	public String toString() {
		return "EventSubscription[" + this.description + (isClosed() ? ", closed]" : "]");
	}

	/**
	 * Builder for {@link EventSubscription}; made by {@link #eventLog}, {@link #channel}
	 * or {@link #task}.
	 *
	 * @param <T> the event type
	 * @since 0.1.0
	 */
	public static final class Builder<T> {

		static final long DEFAULT_REPLAY = 100;

		static final int DEFAULT_WINDOW = 1_000;

		private final Subscriber<T> subscriber;

		private final String description;

		private final long maxHistory;

		private Function<? super T, @Nullable String> key = (event) -> null;

		private boolean keyed;

		private @Nullable Long historyLength;

		private long replayOnReconnect;

		private int deduplicationWindow = DEFAULT_WINDOW;

		private RetryOptions retry;

		private @Nullable Sleeper sleeper;

		private LongSupplier nanoClock = System::nanoTime;

		private Builder(Subscriber<T> subscriber, ApiTransport transport, String description, long maxHistory) {
			this.subscriber = subscriber;
			this.retry = transport.options().retry();
			this.description = description;
			this.maxHistory = maxHistory;
		}

		/**
		 * Ask for up to this many of the latest events to be replayed on the first
		 * connection. By default none.
		 * @param historyLength the number of events, from 0 to the API's limit (10,000,
		 * or 1,000 for a task)
		 * @return this builder
		 */
		public Builder<T> historyLength(long historyLength) {
			Assert.isTrue(historyLength >= 0 && historyLength <= this.maxHistory,
					() -> "historyLength must be between 0 and " + this.maxHistory);
			this.historyLength = (historyLength > 0) ? historyLength : null;
			return this;
		}

		/**
		 * Ask for up to this many of the latest events to be replayed on each reconnect,
		 * to catch up on those that happened while disconnected; those delivered before
		 * are left out. 100 by default, 0 for a channel. More than 0 needs a
		 * {@link #deduplicateBy key} and a {@link #deduplicationWindow window} at least
		 * as large.
		 * @param replayOnReconnect the number of events, from 0 to the API's limit
		 * @return this builder
		 */
		public Builder<T> replayOnReconnect(long replayOnReconnect) {
			Assert.isTrue(replayOnReconnect >= 0 && replayOnReconnect <= this.maxHistory,
					() -> "replayOnReconnect must be between 0 and " + this.maxHistory);
			this.replayOnReconnect = replayOnReconnect;
			return this;
		}

		/**
		 * Set what tells events apart, to leave out an event replayed after a reconnect
		 * that was delivered before. An event whose key is {@code null} is always
		 * delivered.
		 * @param key the key of an event, or {@code null} when it has none
		 * @return this builder
		 */
		public Builder<T> deduplicateBy(Function<? super T, @Nullable String> key) {
			Assert.notNull(key, "Key function must not be null");
			this.key = key;
			this.keyed = true;
			return this;
		}

		/**
		 * Set how many of the latest delivered events' keys are remembered: the memory a
		 * subscription holds. 1,000 by default.
		 * @param deduplicationWindow the number of keys, at least 1
		 * @return this builder
		 */
		public Builder<T> deduplicationWindow(int deduplicationWindow) {
			Assert.isTrue(deduplicationWindow >= 1, "deduplicationWindow must be at least 1");
			this.deduplicationWindow = deduplicationWindow;
			return this;
		}

		/**
		 * Set the retry options reconnects follow. By default the client's.
		 * @param retry the retry options
		 * @return this builder
		 */
		public Builder<T> retry(RetryOptions retry) {
			Assert.notNull(retry, "RetryOptions must not be null");
			this.retry = retry;
			return this;
		}

		Builder<T> sleeper(Sleeper sleeper) {
			this.sleeper = sleeper;
			return this;
		}

		Builder<T> nanoClock(LongSupplier nanoClock) {
			this.nanoClock = nanoClock;
			return this;
		}

		/**
		 * Build the subscription; it connects when its events are first read.
		 * @return the subscription
		 * @throws IllegalStateException if events are replayed on reconnect without a
		 * key, or the deduplication window is smaller than the replay
		 */
		public EventSubscription<T> build() {
			if (this.replayOnReconnect > 0) {
				Assert.state(this.keyed, "replayOnReconnect needs a key to recognise the events delivered before: "
						+ "set deduplicateBy(...) or replay nothing");
				Assert.state(this.deduplicationWindow >= this.replayOnReconnect,
						"deduplicationWindow must be at least replayOnReconnect, so that a replayed event is recognised");
			}
			return new EventSubscription<>(
					new ReconnectingEvents<>(this.subscriber, this.key, this.deduplicationWindow, this.historyLength,
							this.replayOnReconnect, this.retry, this.sleeper, this.nanoClock, this.description),
					this.description);
		}

	}

}
