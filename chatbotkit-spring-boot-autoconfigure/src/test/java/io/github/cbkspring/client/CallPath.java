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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.cbkspring.autoconfigure.ChatBotKitReactiveAutoConfiguration;
import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The calls the shared suites make, on every way a client is built: the blocking paths of
 * {@link ClientPath} and the reactive client, plain on Reactor Netty and as the bean of
 * the auto-configuration. A reactive answer is waited for by the test, so that each case
 * reads the same on both.
 */
public enum CallPath {

	/** {@link ClientPath#PLAIN}. */
	PLAIN(ClientPath.PLAIN),

	/** {@link ClientPath#PLAIN_JDK}. */
	PLAIN_JDK(ClientPath.PLAIN_JDK),

	/** {@link ClientPath#BOOT}. */
	BOOT(ClientPath.BOOT),

	/** {@link ClientPath#BOOT_JDK}. */
	BOOT_JDK(ClientPath.BOOT_JDK),

	/** {@code ChatBotKitReactiveClient} on a Reactor Netty pool of its own. */
	REACTIVE(null),

	/** The auto-configured {@code ChatBotKitReactiveClient}. */
	BOOT_REACTIVE(null);

	private static final ApiEndpoint FETCH = ApiEndpoint.get("/bot/{botId}/fetch");

	private static final Duration HANG_GUARD = Duration.ofMinutes(2);

	private final ClientPath blocking;

	CallPath(ClientPath blocking) {
		this.blocking = blocking;
	}

	/**
	 * Whether the path runs on the JDK's {@code HttpClient}.
	 * @return whether it does
	 */
	public boolean jdk() {
		return this.blocking != null && this.blocking.jdk();
	}

	/**
	 * Open a client of this path.
	 * @param setup the settings
	 * @return its calls, to close
	 */
	public Calls open(ClientPath.Setup setup) {
		if (this.blocking != null) {
			ClientPath.Opened opened = this.blocking.open(setup);
			return new BlockingCalls(opened);
		}
		return (this == REACTIVE) ? plainReactive(setup) : bootReactive(setup);
	}

	private static Calls plainReactive(ClientPath.Setup setup) {
		ConnectionProvider pool = ConnectionProvider.create("chatbotkit-test", setup.maxConnections());
		HttpClient httpClient = HttpClient.create(pool)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) setup.connectTimeout().toMillis())
			.responseTimeout(setup.readTimeout());
		ChatBotKitOptions options = setup.options()
			.apply(ChatBotKitOptions.builder().secret(setup.secret()).url(setup.url()).retry(setup.retry()))
			.build();
		ChatBotKitReactiveClient client = ChatBotKitReactiveClient
			.create(WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient)), options);
		return new ReactiveCalls(client, pool::dispose);
	}

	private static Calls bootReactive(ClientPath.Setup setup) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		Map<String, Object> properties = new LinkedHashMap<>();
		for (String property : ClientPath.BOOT.properties(setup)) {
			int equals = property.indexOf('=');
			properties.put(property.substring(0, equals), property.substring(equals + 1));
		}
		// Reactor Netty's shared loops otherwise wait two quiet seconds on every close
		properties.put("spring.reactor.netty.shutdown-quiet-period", "0s");
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
		context.register(ReactiveBootApplication.class);
		context.refresh();
		return new ReactiveCalls(context.getBean(ChatBotKitReactiveClient.class), context::close);
	}

	@Override
	public String toString() {
		return switch (this) {
			case REACTIVE -> "reactive client, Reactor Netty";
			case BOOT_REACTIVE -> "Boot reactive bean";
			default -> this.blocking.toString();
		};
	}

	/**
	 * The calls of the suites.
	 */
	public interface Calls extends AutoCloseable {

		/**
		 * {@code GET /bot/{botId}/fetch}.
		 * @param botId the bot
		 * @return the answer
		 */
		Map<?, ?> fetchBot(String botId);

		/**
		 * {@code POST /bot/{botId}/session/create}.
		 * @param botId the bot
		 * @return the answer
		 */
		Object createSession(String botId);

		/**
		 * Stream a completion to its end, handing each event on as it comes.
		 * @param conversationId the conversation
		 * @param each takes each event
		 */
		void completeStream(String conversationId, Consumer<CompletionEvent> each);

		/**
		 * Stream a completion to its end.
		 * @param conversationId the conversation
		 * @return the events
		 */
		default List<CompletionEvent> completeStream(String conversationId) {
			List<CompletionEvent> events = new java.util.ArrayList<>();
			completeStream(conversationId, events::add);
			return events;
		}

		@Override
		void close();

	}

	private record BlockingCalls(ClientPath.Opened opened) implements Calls {

		@Override
		public Map<?, ?> fetchBot(String botId) {
			return this.opened.client().get("/bot/{botId}/fetch", Map.class, botId);
		}

		@Override
		public Object createSession(String botId) {
			return this.opened.client().sessions().create(botId);
		}

		@Override
		public void completeStream(String conversationId, Consumer<CompletionEvent> each) {
			try (java.util.stream.Stream<CompletionEvent> events = this.opened.client()
				.conversations()
				.completeStream(conversationId, "hi")) {
				events.forEach(each);
			}
		}

		@Override
		public void close() {
			this.opened.close();
		}

	}

	private record ReactiveCalls(ChatBotKitReactiveClient client, Runnable closer) implements Calls {

		@Override
		public Map<?, ?> fetchBot(String botId) {
			return await(this.client.request(FETCH, botId).retrieve(Map.class));
		}

		@Override
		public Object createSession(String botId) {
			return await(this.client.sessions().create(botId));
		}

		@Override
		public void completeStream(String conversationId, Consumer<CompletionEvent> each) {
			Flux<CompletionEvent> events = this.client.conversations().completeStream(conversationId, "hi");
			await(events.doOnNext(each).then(Mono.just(Boolean.TRUE)));
		}

		/**
		 * The answer, or its failure as signalled ({@code block()} would add a suppressed
		 * exception of its own).
		 */
		private static <T> T await(Mono<T> answer) {
			try {
				return answer.toFuture().get(HANG_GUARD.toMinutes(), TimeUnit.MINUTES);
			}
			catch (ExecutionException ex) {
				throw (ex.getCause() instanceof RuntimeException failure) ? failure : new IllegalStateException(ex);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void close() {
			this.closer.run();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, HttpClientAutoConfiguration.class,
			ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
			ChatBotKitReactiveAutoConfiguration.class })
	static class ReactiveBootApplication {

	}

}
