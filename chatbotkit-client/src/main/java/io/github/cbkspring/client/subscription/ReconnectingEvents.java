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

import java.io.EOFException;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import io.github.cbkspring.client.core.Cancellation;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.error.ChatBotKitConnectionException;
import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.client.internal.ApiExchange.Sleeper;
import io.github.cbkspring.client.internal.RetryPolicy;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogMessage;
import org.springframework.http.HttpMethod;

/**
 * The events of a subscription across connections: read on one thread, closed on any.
 * When a connection drops, or the server ends it, it connects again after the back-off of
 * the {@link RetryPolicy}, asking for a replay of the latest events, and leaves out those
 * whose key it delivered before. It gives up, closed, with the failure when the policy
 * says so: at once for a failure that asking again cannot mend (401, 403, 404, a
 * malformed or error event), otherwise after the attempts or the deadline of its
 * {@link RetryOptions}, counted from the first of consecutive failures; a connection that
 * opens starts the count again.
 *
 * @param <T> the event type
 * @author cbkspring contributors
 */
final class ReconnectingEvents<T> implements Iterator<T> {

	private static final Log logger = LogFactory.getLog(ReconnectingEvents.class);

	private final Subscriber<T> subscriber;

	private final Function<? super T, @Nullable String> key;

	private final RecentKeys delivered;

	private final @Nullable Long historyLength;

	private final long replayOnReconnect;

	private final RetryOptions retry;

	private final RetryPolicy policy;

	private final @Nullable Sleeper sleeper;

	private final LongSupplier nanoClock;

	private final String description;

	private final CountDownLatch closing = new CountDownLatch(1);

	private volatile boolean closed;

	/** Cancels a call being made on close. */
	private final Cancellation cancellation = new Cancellation();

	/** The open connection's events, to close on close; guarded by this. */
	private @Nullable Stream<T> stream;

	private @Nullable Iterator<T> events;

	private @Nullable T next;

	private boolean connectedBefore;

	private int failures;

	private long failingSince;

	ReconnectingEvents(Subscriber<T> subscriber, Function<? super T, @Nullable String> key, int window,
			@Nullable Long historyLength, long replayOnReconnect, RetryOptions retry, @Nullable Sleeper sleeper,
			LongSupplier nanoClock, String description) {
		this.subscriber = subscriber;
		this.key = key;
		this.delivered = new RecentKeys(window);
		this.historyLength = historyLength;
		this.replayOnReconnect = replayOnReconnect;
		this.retry = retry;
		this.policy = new RetryPolicy(retry);
		this.sleeper = sleeper;
		this.nanoClock = nanoClock;
		this.description = description;
	}

	@Override
	public boolean hasNext() {
		while (this.next == null && !this.closed) {
			Iterator<T> current = (this.events != null) ? this.events : connect();
			if (current == null) {
				break;
			}
			ChatBotKitException failure;
			try {
				if (current.hasNext()) {
					T event = current.next();
					if (this.delivered.firstTime(this.key.apply(event))) {
						this.next = event;
					}
					continue;
				}
				failure = new ChatBotKitConnectionException(this.description + " ended",
						new EOFException("the server ended the stream"), true);
			}
			catch (ChatBotKitException ex) {
				failure = ex;
			}
			catch (RuntimeException ex) {
				if (this.closed) {
					break;
				}
				close();
				throw ex;
			}
			if (!this.closed) {
				dropped(failure);
			}
		}
		return this.next != null;
	}

	@Override
	public T next() {
		T result = hasNext() ? this.next : null;
		if (result == null) {
			throw new NoSuchElementException();
		}
		this.next = null;
		return result;
	}

	/**
	 * Open a connection, trying again as the policy says.
	 * @return its events, or {@code null} once closed
	 */
	private @Nullable Iterator<T> connect() {
		while (!this.closed) {
			Long history = this.connectedBefore ? replay() : this.historyLength;
			Stream<T> opened;
			try {
				opened = this.cancellation.call(() -> this.subscriber.subscribe(history));
			}
			catch (ChatBotKitException ex) {
				if (!this.closed) {
					waitBeforeRetry(ex);
				}
				continue;
			}
			catch (RuntimeException ex) {
				close();
				throw ex;
			}
			synchronized (this) {
				if (this.closed) {
					// closed while the answer's headers came in
					opened.close();
					return null;
				}
				this.stream = opened;
			}
			this.failures = 0;
			this.connectedBefore = true;
			this.events = opened.iterator();
			return this.events;
		}
		return null;
	}

	private @Nullable Long replay() {
		return (this.replayOnReconnect > 0) ? this.replayOnReconnect : null;
	}

	private void dropped(ChatBotKitException failure) {
		Stream<T> current;
		synchronized (this) {
			current = this.stream;
			this.stream = null;
		}
		this.events = null;
		if (current != null) {
			current.close();
		}
		waitBeforeRetry(failure);
	}

	/**
	 * Wait as the policy says before the next attempt, or close and throw the failure.
	 */
	private void waitBeforeRetry(ChatBotKitException failure) {
		this.failures++;
		long now = this.nanoClock.getAsLong();
		if (this.failures == 1) {
			this.failingSince = now;
		}
		// subscribing has no effect on the server, so it may be repeated like a GET
		Duration delay = this.policy.delayBeforeRetry(HttpMethod.GET, this.failures, failure);
		if (delay == null || now + delay.toNanos() - this.failingSince > this.retry.deadline().toNanos()) {
			close();
			throw failure;
		}
		// one drop is routine (an idle stream times out): a failing reconnect is news
		LogMessage message = LogMessage.of(() -> this.description + " failed (" + failure.getMessage()
				+ "); subscribing again in " + delay.toMillis() + " ms");
		if (this.failures > 1) {
			logger.info(message);
		}
		else {
			logger.debug(message);
		}
		try {
			if (this.sleeper != null) {
				this.sleeper.sleep(delay);
			}
			else {
				// a close ends the wait at once
				this.closing.await(delay.toNanos(), TimeUnit.NANOSECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			close();
			failure.addSuppressed(ex);
			throw failure;
		}
	}

	/**
	 * Stop, from any thread: cancel the call being made, end a wait, or abort the
	 * connection being read, so that a blocked {@link #hasNext()} returns {@code false}.
	 */
	void close() {
		Stream<T> current;
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			current = this.stream;
			this.stream = null;
		}
		this.cancellation.cancel();
		this.closing.countDown();
		if (current != null) {
			current.close();
		}
	}

	boolean isClosed() {
		return this.closed;
	}

	int rememberedKeys() {
		return this.delivered.size();
	}

	/**
	 * Opens one connection of a subscription.
	 *
	 * @param <T> the event type
	 */
	@FunctionalInterface
	interface Subscriber<T> {

		/**
		 * Subscribe.
		 * @param historyLength how many of the latest events to replay first, or
		 * {@code null} for none
		 * @return the events
		 * @throws ChatBotKitException if the call fails
		 */
		Stream<T> subscribe(@Nullable Long historyLength);

	}

}
