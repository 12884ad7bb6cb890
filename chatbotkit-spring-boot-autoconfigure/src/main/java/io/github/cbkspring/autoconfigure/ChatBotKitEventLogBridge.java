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

package io.github.cbkspring.autoconfigure;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.client.event.log.EventLogSubscribeEvent;
import io.github.cbkspring.client.subscription.EventSubscription;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Reads the event log while the application context runs and publishes each event whose
 * type is wanted as a {@link ChatBotKitLogEvent}. It starts with the context, on its
 * executor, and stops before the context's other lifecycle beans: stopping closes the
 * subscription, which aborts its connection at once, and waits for the reading to end.
 * When the subscription gives up (an expired secret, retries used up) it logs one error
 * and is no longer running.
 *
 * @author cbkspring contributors
 */
final class ChatBotKitEventLogBridge implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ChatBotKitEventLogBridge.class);

	/** A hang guard: the reading ends at once when the subscription is closed. */
	private static final long STOP_TIMEOUT_SECONDS = 30;

	private final EventSubscription.Builder<EventLogSubscribeEvent> subscriptions;

	private final Predicate<String> wanted;

	private final ApplicationEventPublisher publisher;

	private final Executor executor;

	private @Nullable EventSubscription<EventLogSubscribeEvent> subscription;

	private CountDownLatch ended = new CountDownLatch(0);

	private volatile boolean running;

	ChatBotKitEventLogBridge(EventSubscription.Builder<EventLogSubscribeEvent> subscriptions, List<String> types,
			ApplicationEventPublisher publisher, Executor executor) {
		this.subscriptions = subscriptions;
		this.wanted = typeFilter(types);
		this.publisher = publisher;
		this.executor = executor;
	}

	/**
	 * Types named exactly, or by a prefix followed by {@code *}; none means all.
	 */
	static Predicate<String> typeFilter(List<String> types) {
		Predicate<String> wanted = (type) -> types.isEmpty();
		for (String pattern : types) {
			wanted = wanted.or(pattern.endsWith("*")
					? (type) -> type.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern::equals);
		}
		return wanted;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		EventSubscription<EventLogSubscribeEvent> started = this.subscriptions.build();
		CountDownLatch done = new CountDownLatch(1);
		this.subscription = started;
		this.ended = done;
		this.running = true;
		this.executor.execute(() -> read(started, done));
	}

	private void read(EventSubscription<EventLogSubscribeEvent> events, CountDownLatch done) {
		try {
			events.forEach(this::publish);
		}
		catch (ChatBotKitException ex) {
			logger.error("The ChatBotKit event log is no longer read, so no more ChatBotKitLogEvents are published: "
					+ ex.getMessage());
		}
		finally {
			this.running = false;
			done.countDown();
		}
	}

	private void publish(EventLogSubscribeEvent event) {
		EventLogSubscribeEvent.Data data = event.data();
		if (data == null || !this.wanted.test(data.type())) {
			return;
		}
		try {
			this.publisher.publishEvent(new ChatBotKitLogEvent(this, data));
		}
		catch (RuntimeException ex) {
			// one listener's failure does not stop the events for the others
			logger.warn("A listener failed on ChatBotKit event " + data.id() + " (" + data.type() + ")", ex);
		}
	}

	@Override
	public void stop() {
		CountDownLatch done;
		synchronized (this) {
			if (this.subscription == null) {
				return;
			}
			this.subscription.close();
			this.subscription = null;
			done = this.ended;
		}
		try {
			if (!done.await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				logger.warn("The ChatBotKit event log reader did not end within " + STOP_TIMEOUT_SECONDS + " s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
