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

import java.time.Duration;
import java.util.concurrent.Executor;

import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.event.log.EventLogSubscribeEvent;
import io.github.cbkspring.client.subscription.EventSubscription;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.thread.Threading;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the bridge from the ChatBotKit account's event log to Spring
 * application events. Opt in with {@code chatbotkit.events.enabled=true}: while the
 * context runs, {@code POST /event/log/subscribe} is read (reconnecting after a drop) and
 * each event whose type matches {@code chatbotkit.events.types} is published as a
 * {@link ChatBotKitLogEvent}. The reading runs on the {@link Executor} bean named
 * {@value #EXECUTOR_BEAN_NAME} when there is one, otherwise on a thread of its own,
 * virtual when {@code spring.threads.virtual.enabled=true} on Java 21 or later.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
@AutoConfiguration(after = ChatBotKitAutoConfiguration.class)
@ConditionalOnBooleanProperty(ChatBotKitEventsAutoConfiguration.ENABLED)
@ConditionalOnBean(ChatBotKitClient.class)
@EnableConfigurationProperties(ChatBotKitProperties.class)
public final class ChatBotKitEventsAutoConfiguration {

	/**
	 * The name of an {@link Executor} bean that the event log is read on, when an
	 * application gives one.
	 */
	public static final String EXECUTOR_BEAN_NAME = "chatBotKitEventsExecutor";

	static final String ENABLED = "chatbotkit.events.enabled";

	private static final String PREFIX = "chatbotkit.events.";

	/** The most events the API replays on the event log. */
	private static final long MAX_HISTORY = 10_000;

	/** How long a bridge without {@code give-up-after} reconnects: as long as it runs. */
	private static final Duration UNTIL_STOPPED = Duration.ofNanos(Long.MAX_VALUE);

	@Bean
	ChatBotKitEventLogBridge chatBotKitEventLogBridge(ChatBotKitClient client, ChatBotKitProperties properties,
			ApplicationEventPublisher publisher, @Qualifier(EXECUTOR_BEAN_NAME) ObjectProvider<Executor> executor,
			Environment environment) {
		ChatBotKitProperties.Events events = properties.getEvents();
		checkRange("history-length", events.getHistoryLength());
		checkRange("replay-on-reconnect", events.getReplayOnReconnect());
		if (events.getDeduplicationWindow() < Math.max(1, events.getReplayOnReconnect())) {
			throw new InvalidChatBotKitPropertyException(PREFIX + "deduplication-window",
					PREFIX + "deduplication-window is " + events.getDeduplicationWindow() + ", less than " + PREFIX
							+ "replay-on-reconnect (" + events.getReplayOnReconnect()
							+ "), so a replayed event could be published twice.",
					"Raise the window, or replay fewer events.", PREFIX + "deduplication-window=1000", null);
		}
		Duration giveUpAfter = events.getGiveUpAfter();
		if (giveUpAfter != null && (giveUpAfter.isNegative() || giveUpAfter.isZero())) {
			throw new InvalidChatBotKitPropertyException(PREFIX + "give-up-after",
					PREFIX + "give-up-after is " + giveUpAfter + ", not a positive duration.",
					"Set a positive duration, or leave it unset to reconnect while the application runs.",
					PREFIX + "give-up-after=1h", null);
		}
		// a listener of the application's events is expected to outlive an outage, so
		// the bridge's reconnects are not limited to the attempts of one call
		RetryOptions reconnects = client.options()
			.retry()
			.withEnabled(true)
			.withMaxAttempts(Integer.MAX_VALUE)
			.withDeadline((giveUpAfter != null) ? giveUpAfter : UNTIL_STOPPED);
		EventSubscription.Builder<EventLogSubscribeEvent> subscriptions = EventSubscription.eventLog(client)
			.historyLength(events.getHistoryLength())
			.replayOnReconnect(events.getReplayOnReconnect())
			.deduplicationWindow(events.getDeduplicationWindow())
			.retry(reconnects);
		return new ChatBotKitEventLogBridge(subscriptions, events.getTypes(), publisher,
				executor.getIfAvailable(() -> defaultExecutor(environment)));
	}

	private static void checkRange(String name, long value) {
		if (value < 0 || value > MAX_HISTORY) {
			throw new InvalidChatBotKitPropertyException(PREFIX + name,
					PREFIX + name + " is " + value + ", outside 0 to " + MAX_HISTORY + ", the API's limit.",
					"Set it within the limit.", PREFIX + name + "=100", null);
		}
	}

	private static Executor defaultExecutor(Environment environment) {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("chatbotkit-events-");
		executor.setVirtualThreads(Threading.VIRTUAL.isActive(environment));
		return executor;
	}

}
