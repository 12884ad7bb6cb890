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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cbkspring.testsupport.EventStreamServer;
import io.github.cbkspring.testsupport.EventStreamServer.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChatBotKitEventsAutoConfiguration}: its conditions and properties, and
 * the bridge it makes, against a loopback event log that the test answers step by step.
 *
 * @author cbkspring contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class ChatBotKitEventsAutoConfigurationTests {

	private static final String SECRET = "sk-events-Qx81";

	private final EventStreamServer server = new EventStreamServer();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				ChatBotKitAutoConfiguration.class, ChatBotKitEventsAutoConfiguration.class))
		.withUserConfiguration(Listener.class)
		.withPropertyValues("chatbotkit.secret=" + SECRET, "chatbotkit.url=" + this.server.url(),
				"chatbotkit.retry.initial-backoff=1ms", "chatbotkit.retry.max-backoff=2ms");

	@AfterEach
	void closeServer() {
		this.server.close();
	}

	@Test
	void bridgeIsOffByDefault() {
		this.runner
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ChatBotKitEventLogBridge.class));
	}

	@Test
	void bridgeIsOffWhenDisabled() {
		this.runner.withPropertyValues("chatbotkit.events.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ChatBotKitEventLogBridge.class));
	}

	@Test
	void bridgeIsOffWithoutAClient() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ChatBotKitEventsAutoConfiguration.class))
			.withPropertyValues("chatbotkit.events.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ChatBotKitEventLogBridge.class));
	}

	@Test
	void publishesTheWantedEventsOnceAcrossAReconnectAndClosesTheStreamOnShutdown() throws Exception {
		List<Exchange> exchanges = new ArrayList<>();
		this.runner
			.withPropertyValues("chatbotkit.events.enabled=true", "chatbotkit.events.types=conversation.*,bot.create",
					"chatbotkit.events.history-length=3")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				BlockingQueue<ChatBotKitLogEvent> events = context.getBean(Listener.class).events;
				Exchange first = this.server.next();
				assertThat(first.requestLine()).contains("/event/log/subscribe");
				assertThat(first.body()).isEqualTo("{\"historyLength\":3}");
				first.open()
					.send(logEvent("e1", "conversation.create"))
					.send(logEvent("e2", "task.create"))
					.send(logEvent("e3", "bot.create"))
					.drop();
				Exchange second = this.server.next();
				exchanges.add(second);
				assertThat(second.body()).isEqualTo("{\"historyLength\":100}");
				second.open().send(logEvent("e3", "bot.create")).send(logEvent("e4", "conversation.update"));
				assertThat(take(events, 3)).extracting((event) -> event.getData().id() + " " + event.getType())
					.containsExactly("e1 conversation.create", "e3 bot.create", "e4 conversation.update");
				assertThat(context.getBean(Listener.class).threads)
					.allMatch((name) -> name.startsWith("chatbotkit-events-"));
				assertThat(context.getBean(ChatBotKitEventLogBridge.class).isRunning()).isTrue();
			});
		exchanges.get(0).awaitClosedByClient();
		assertThat(this.server.waiting()).isZero();
	}

	@Test
	void aListenerThatThrowsDoesNotStopTheEvents(CapturedOutput output) {
		this.runner.withUserConfiguration(FailingListener.class)
			.withPropertyValues("chatbotkit.events.enabled=true")
			.run((context) -> {
				BlockingQueue<ChatBotKitLogEvent> events = context.getBean(Listener.class).events;
				this.server.next()
					.open()
					.send(logEvent("e1", "conversation.create"))
					.send(logEvent("e2", "bot.create"));
				// whether the other listener saw e1 depends on the order of the listeners
				ChatBotKitLogEvent event = take(events, 1).get(0);
				if (event.getData().id().equals("e1")) {
					event = take(events, 1).get(0);
				}
				assertThat(event.getData().id()).isEqualTo("e2");
				assertThat(output).contains("A listener failed on ChatBotKit event e1 (conversation.create)");
			});
	}

	@Test
	void anExpiredSecretStopsTheBridgeWithOneErrorThatHoldsNoSecret(CapturedOutput output) {
		this.runner.withPropertyValues("chatbotkit.events.enabled=true").run((context) -> {
			this.server.next().error("401 Unauthorized", "", "{\"message\":\"Invalid token\",\"code\":\"AUTH\"}");
			ChatBotKitEventLogBridge bridge = context.getBean(ChatBotKitEventLogBridge.class);
			for (int i = 0; i < 1200 && bridge.isRunning(); i++) {
				// a hang guard of two minutes; the bridge stops as soon as it reads the
				// 401
				Thread.sleep(100);
			}
			assertThat(bridge.isRunning()).isFalse();
			assertThat(output).containsOnlyOnce("The ChatBotKit event log is no longer read").doesNotContain(SECRET);
			assertThat(this.server.waiting()).isZero();
		});
	}

	@Test
	void keepsReconnectingBeyondTheAttemptsOfOneCall() {
		this.runner
			.withPropertyValues("chatbotkit.events.enabled=true", "chatbotkit.retry.enabled=false",
					"chatbotkit.retry.max-attempts=1")
			.run((context) -> {
				for (int i = 0; i < 4; i++) {
					this.server.next().error("503 Service Unavailable", "", "{\"message\":\"down\"}");
				}
				this.server.next().open().send(logEvent("e1", "conversation.create"));
				assertThat(take(context.getBean(Listener.class).events, 1)).extracting(ChatBotKitLogEvent::getType)
					.containsExactly("conversation.create");
				assertThat(context.getBean(ChatBotKitEventLogBridge.class).isRunning()).isTrue();
			});
	}

	@Test
	void givesUpAfterTheConfiguredTime(CapturedOutput output) {
		// every wait is longer than the time allowed, so the first failure is the last
		this.runner
			.withPropertyValues("chatbotkit.events.enabled=true", "chatbotkit.events.give-up-after=1ms",
					"chatbotkit.retry.initial-backoff=10ms", "chatbotkit.retry.max-backoff=20ms")
			.run((context) -> {
				this.server.next().error("503 Service Unavailable", "", "{\"message\":\"down\"}");
				ChatBotKitEventLogBridge bridge = context.getBean(ChatBotKitEventLogBridge.class);
				for (int i = 0; i < 1200 && bridge.isRunning(); i++) {
					// a hang guard of two minutes
					Thread.sleep(100);
				}
				assertThat(bridge.isRunning()).isFalse();
				assertThat(output).containsOnlyOnce("The ChatBotKit event log is no longer read");
				assertThat(this.server.waiting()).isZero();
			});
	}

	@Test
	void aGiveUpTimeThatIsNotPositiveFails() {
		this.runner.withPropertyValues("chatbotkit.events.enabled=true", "chatbotkit.events.give-up-after=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidChatBotKitPropertyException.class,
						(ex) -> assertThat(ex.getProperty()).isEqualTo("chatbotkit.events.give-up-after")));
	}

	@Test
	void runsOnTheApplicationsExecutorWhenItHasOne() {
		this.runner.withUserConfiguration(ExecutorConfiguration.class)
			.withPropertyValues("chatbotkit.events.enabled=true")
			.run((context) -> {
				this.server.next().open().send(logEvent("e1", "conversation.create"));
				take(context.getBean(Listener.class).events, 1);
				assertThat(context.getBean(ExecutorConfiguration.class).used).hasValue(1);
				assertThat(context.getBean(Listener.class).threads).containsOnly("app-events");
			});
	}

	@Test
	void aReplayLargerThanTheWindowFailsNamingTheProperties() {
		this.runner
			.withPropertyValues("chatbotkit.events.enabled=true", "chatbotkit.events.replay-on-reconnect=500",
					"chatbotkit.events.deduplication-window=100")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidChatBotKitPropertyException.class,
						(ex) -> assertThat(ex.getProperty()).isEqualTo("chatbotkit.events.deduplication-window"))
				.hasMessageContaining("chatbotkit.events.deduplication-window is 100, less than"
						+ " chatbotkit.events.replay-on-reconnect (500)"));
	}

	@Test
	void aHistoryBeyondTheApisLimitFails() {
		this.runner.withPropertyValues("chatbotkit.events.enabled=true", "chatbotkit.events.history-length=10001")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidChatBotKitPropertyException.class,
						(ex) -> assertThat(ex.getProperty()).isEqualTo("chatbotkit.events.history-length"))
				.hasMessageContaining("chatbotkit.events.history-length is 10001, outside 0 to 10000"));
	}

	@Test
	void aNegativeReplayFails() {
		this.runner.withPropertyValues("chatbotkit.events.enabled=true", "chatbotkit.events.replay-on-reconnect=-1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidChatBotKitPropertyException.class,
						(ex) -> assertThat(ex.getProperty()).isEqualTo("chatbotkit.events.replay-on-reconnect")));
	}

	@Test
	void aWindowOfNothingFailsEvenWithoutAReplay() {
		this.runner
			.withPropertyValues("chatbotkit.events.enabled=true", "chatbotkit.events.replay-on-reconnect=0",
					"chatbotkit.events.deduplication-window=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidChatBotKitPropertyException.class,
						(ex) -> assertThat(ex.getProperty()).isEqualTo("chatbotkit.events.deduplication-window")));
	}

	@Test
	void typeFilters() {
		assertThat(ChatBotKitEventLogBridge.typeFilter(List.of())).accepts("anything");
		assertThat(ChatBotKitEventLogBridge.typeFilter(List.of("bot.create", "conversation.*")))
			.accepts("bot.create", "conversation.create", "conversation.")
			.rejects("bot.update", "bot.create.more", "conversations.create");
	}

	private static List<ChatBotKitLogEvent> take(BlockingQueue<ChatBotKitLogEvent> events, int count)
			throws InterruptedException {
		List<ChatBotKitLogEvent> taken = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ChatBotKitLogEvent event = events.poll(2, TimeUnit.MINUTES);
			assertThat(event).as("event %d of %d", i + 1, count).isNotNull();
			taken.add(event);
		}
		return taken;
	}

	private static String logEvent(String id, String type) {
		return "{\"type\":\"item\",\"data\":{\"id\":\"" + id
				+ "\",\"createdAt\":1700000000000,\"updatedAt\":1700000000000,\"type\":\"" + type + "\"}}";
	}

	@Configuration(proxyBeanMethods = false)
	static class Listener implements ApplicationListener<ChatBotKitLogEvent> {

		final BlockingQueue<ChatBotKitLogEvent> events = new LinkedBlockingQueue<>();

		final List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(ChatBotKitLogEvent event) {
			this.threads.add(Thread.currentThread().getName());
			this.events.add(event);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingListener {

		@Bean
		ApplicationListener<ChatBotKitLogEvent> failingListener() {
			return (event) -> {
				if (event.getData().id().equals("e1")) {
					throw new IllegalStateException("listener failed");
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ExecutorConfiguration {

		final AtomicInteger used = new AtomicInteger();

		@Bean(ChatBotKitEventsAutoConfiguration.EXECUTOR_BEAN_NAME)
		Executor chatBotKitEventsExecutor() {
			return (task) -> {
				this.used.incrementAndGet();
				Thread thread = new Thread(task, "app-events");
				thread.setDaemon(true);
				thread.start();
			};
		}

	}

}
