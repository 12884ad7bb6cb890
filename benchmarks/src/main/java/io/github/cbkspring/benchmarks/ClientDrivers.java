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

package io.github.cbkspring.benchmarks;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import io.github.cbkspring.autoconfigure.ChatBotKitRestClientCustomizer;
import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.bot.ReactiveSessionClient;
import io.github.cbkspring.client.bot.SessionClient;
import io.github.cbkspring.client.bot.SessionCreateResponse;
import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.conversation.CompletionResult;
import io.github.cbkspring.client.conversation.ConversationClient;
import io.github.cbkspring.client.conversation.EndReason;
import io.github.cbkspring.client.conversation.ReactiveConversationClient;
import io.github.cbkspring.client.error.ChatBotKitConnectionException;
import io.github.cbkspring.client.skillset.SkillsetClient;
import io.github.cbkspring.client.skillset.SkillsetCreateRequest;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.client.RestClient;

/**
 * The drivers of the ChatBotKit client: its auto-configured beans in a real Spring Boot
 * context, as users get them. The only classes of the benchmark that use the client's
 * types, so that a change of the client's packages touches this file alone.
 *
 * @author cbkspring contributors
 */
final class ClientDrivers {

	/**
	 * Prefix of the session drivers on the request factory that
	 * {@code spring.http.clients.imperative.factory} names.
	 */
	static final String FACTORY_PREFIX = "sessionclient-";

	private ClientDrivers() {
	}

	/**
	 * The {@link SessionClient} bean.
	 * @param port the stub's port
	 * @param pool the pool settings, as {@code chatbotkit.*} properties
	 * @param factory the request factory to pick, or {@code null} for Boot's default
	 * @return the driver
	 */
	static Driver session(int port, Driver.Pool pool, @Nullable String factory) {
		return new Session(port, pool, factory);
	}

	/**
	 * A plain {@code RestClient} as a Spring Boot application gets it, in the same kind
	 * of Boot context as the session client: Boot's {@code RestClient.Builder} on the
	 * request factory that Boot's own {@code ClientHttpRequestFactoryBuilder} makes
	 * (Apache HttpClient 5 with the JVM's proxy settings, as Boot sets it up), its pool
	 * sized as the other drivers' pools, making the calls that {@code raw-restclient}
	 * makes. What {@code RestClient} costs in a Boot application: the session client over
	 * it is what the ChatBotKit client adds there.
	 * @param port the stub's port
	 * @param pool the pool settings
	 * @return the driver
	 */
	static Driver bootRestClient(int port, Driver.Pool pool) {
		return new BootRestClient(port, pool);
	}

	/**
	 * A generated operation, {@link SkillsetClient#create}, on the same answer as the
	 * session's (it reads the id): what every generated operation costs beside the
	 * hand-written {@code SessionClient.create}.
	 * @param port the stub's port
	 * @param pool the pool settings, as {@code chatbotkit.*} properties
	 * @return the driver
	 */
	static Driver generated(int port, Driver.Pool pool) {
		return new Generated(port, pool);
	}

	/**
	 * The {@link ConversationClient} bean's {@code completeStream}.
	 * @param port the stub's port
	 * @param pool the pool settings, as {@code chatbotkit.*} properties
	 * @return the driver
	 */
	static StreamDriver completion(int port, Driver.Pool pool) {
		return new Completion(port, pool);
	}

	/**
	 * The {@link ReactiveSessionClient} bean, on the connector the starter configures for
	 * it (Reactor Netty with its own pool). The caller waits on each call's {@code Mono}.
	 * @param port the stub's port
	 * @param pool the pool settings, as {@code chatbotkit.*} properties
	 * @return the driver
	 */
	static Driver reactiveSession(int port, Driver.Pool pool) {
		return new ReactiveSession(port, pool);
	}

	/**
	 * The {@link ReactiveConversationClient} bean's {@code completeStream}, each stream
	 * read on the connector's event loops without a thread of its own.
	 * @param port the stub's port
	 * @param pool the pool settings, as {@code chatbotkit.*} properties
	 * @return the driver
	 */
	static NonBlockingStreamDriver reactiveCompletion(int port, Driver.Pool pool) {
		return new ReactiveCompletion(port, pool);
	}

	/**
	 * A driver on a started {@link BenchmarkApplication} pointed at the stub, which knows
	 * the request factory its ChatBotKit client was given.
	 */
	private abstract static class BootDriver implements Driver {

		private final ConfigurableApplicationContext context;

		private final String engine;

		BootDriver(int port, Driver.Pool pool, @Nullable String factory) {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("chatbotkit.secret", SessionJson.SECRET);
			properties.put("chatbotkit.url", "http://127.0.0.1:" + port);
			properties.put("chatbotkit.api-path", "/v1");
			properties.put("chatbotkit.max-connections", pool.maxConnections());
			properties.put("chatbotkit.connect-timeout", pool.connectTimeout().toMillis() + "ms");
			properties.put("logging.level.root", "warn");
			if (factory != null) {
				properties.put("spring.http.clients.imperative.factory", factory);
			}
			String[] engine = { "?" };
			SpringApplication application = BenchmarkApplication.application();
			application.setDefaultProperties(properties);
			application.addInitializers((context) -> context.getBeanFactory()
				.registerSingleton("engineReporter",
						(ChatBotKitRestClientCustomizer) (builder) -> engine[0] = requestFactory(builder)));
			this.context = application.run();
			this.engine = engine[0];
		}

		/**
		 * The request factory the builder holds; {@code RestClient.Builder} has no getter
		 * for it, and an interceptor would change the very path being measured.
		 */
		private static String requestFactory(Object builder) {
			Field field = ReflectionUtils.findField(builder.getClass(), "requestFactory");
			if (field == null) {
				return "?";
			}
			ReflectionUtils.makeAccessible(field);
			Object requestFactory = ReflectionUtils.getField(field, builder);
			return (requestFactory != null) ? requestFactory.getClass().getSimpleName() : "default";
		}

		<T> T bean(Class<T> type) {
			return this.context.getBean(type);
		}

		<T> T bean(Class<T> type, String name) {
			return this.context.getBean(name, type);
		}

		@Override
		public String engine() {
			return this.engine;
		}

		@Override
		public void close() {
			this.context.close();
		}

	}

	private static final class Session extends BootDriver {

		private final SessionClient sessionClient;

		Session(int port, Driver.Pool pool, @Nullable String factory) {
			super(port, pool, factory);
			this.sessionClient = bean(SessionClient.class);
		}

		@Override
		public int call() {
			SessionCreateResponse session = this.sessionClient.create("bot-1");
			SessionJson.check(200, session.token(), session.conversationId());
			return 1;
		}

	}

	private static final class BootRestClient extends BootDriver {

		private final RestClient restClient;

		private final String uri;

		BootRestClient(int port, Driver.Pool pool) {
			super(port, pool, null);
			ClientHttpRequestFactory requestFactory = ((HttpComponentsClientHttpRequestFactoryBuilder) bean(
					ClientHttpRequestFactoryBuilder.class))
				.withConnectionManagerCustomizer(
						(connectionManager) -> connectionManager.setMaxConnPerRoute(pool.maxConnections())
							.setMaxConnTotal(pool.maxConnections()))
				.build(bean(HttpClientSettings.class));
			this.restClient = bean(RestClient.Builder.class).requestFactory(requestFactory).build();
			this.uri = "http://127.0.0.1:" + port + SessionJson.PATH;
		}

		@Override
		public int call() {
			return RawRestClientDriver.call(this.restClient, this.uri);
		}

		@Override
		public String engine() {
			return "Boot's RestClient.Builder, HttpComponentsClientHttpRequestFactoryBuilder";
		}

	}

	private static final class Generated extends BootDriver {

		private static final SkillsetCreateRequest REQUEST = SkillsetCreateRequest.builder().name("benchmark").build();

		private final SkillsetClient skillsetClient;

		Generated(int port, Driver.Pool pool) {
			super(port, pool, null);
			this.skillsetClient = bean(ChatBotKitClient.class).skillsets();
		}

		@Override
		public int call() {
			SessionJson.checkId(this.skillsetClient.create(REQUEST));
			return 1;
		}

		@Override
		public String engine() {
			return super.engine() + ", generated SkillsetClient.create";
		}

	}

	/**
	 * Reads every event to the end of the stream, as a relay forwarding the reply does:
	 * closing the stream earlier would abort its connection.
	 */
	private static final class Completion extends BootDriver implements StreamDriver {

		private final ConversationClient conversationClient;

		Completion(int port, Driver.Pool pool) {
			super(port, pool, null);
			this.conversationClient = bean(ConversationClient.class);
		}

		@Override
		public int stream(String conversationId, String text, Runnable firstToken) {
			CompletionCheck check = new CompletionCheck(firstToken);
			try (Stream<CompletionEvent> events = this.conversationClient.completeStream(conversationId, text)) {
				Iterator<CompletionEvent> iterator = events.iterator();
				while (iterator.hasNext()) {
					check.accept(iterator.next());
				}
			}
			return check.tokens();
		}

		@Override
		public String describe(Throwable failure) {
			return ClientDrivers.describe(failure);
		}

		@Override
		public String engine() {
			return super.engine() + ", completeStream";
		}

	}

	/**
	 * A driver on the reactive beans of a started {@link BenchmarkApplication}, whose
	 * engine is the connector the starter built for the reactive client.
	 */
	private abstract static class ReactiveBootDriver extends BootDriver {

		ReactiveBootDriver(int port, Driver.Pool pool) {
			super(port, pool, null);
		}

		/**
		 * The connector of the starter's reactive engine bean, which has no public
		 * accessor; reading it changes nothing on the measured path.
		 */
		@Override
		public String engine() {
			Object engine = bean(Object.class, "chatBotKitReactiveEngine");
			Method connector = ReflectionUtils.findMethod(engine.getClass(), "connector");
			if (connector == null) {
				return "?";
			}
			ReflectionUtils.makeAccessible(connector);
			Object value = ReflectionUtils.invokeMethod(connector, engine);
			return (value != null) ? value.getClass().getSimpleName() : "?";
		}

	}

	private static final class ReactiveSession extends ReactiveBootDriver {

		private final ReactiveSessionClient sessionClient;

		ReactiveSession(int port, Driver.Pool pool) {
			super(port, pool);
			this.sessionClient = bean(ReactiveSessionClient.class);
		}

		@Override
		public int call() {
			SessionCreateResponse session = this.sessionClient.create("bot-1").block();
			if (session == null) {
				throw new IllegalStateException("No session");
			}
			SessionJson.check(200, session.token(), session.conversationId());
			return 1;
		}

		@Override
		public String engine() {
			return super.engine() + ", ReactiveSessionClient";
		}

	}

	/**
	 * Reads every event to the end of the stream on the event loop that delivers it; the
	 * future completes once the stream has ended and been checked.
	 */
	private static final class ReactiveCompletion extends ReactiveBootDriver implements NonBlockingStreamDriver {

		private final ReactiveConversationClient conversationClient;

		ReactiveCompletion(int port, Driver.Pool pool) {
			super(port, pool);
			this.conversationClient = bean(ReactiveConversationClient.class);
		}

		@Override
		public CompletableFuture<Integer> start(String conversationId, String text, Runnable firstToken) {
			CompletionCheck check = new CompletionCheck(firstToken);
			return this.conversationClient.completeStream(conversationId, text)
				.doOnNext(check::accept)
				.then(Mono.fromCallable(check::tokens))
				.toFuture();
		}

		@Override
		public String describe(Throwable failure) {
			return ClientDrivers.describe(failure);
		}

		@Override
		public String engine() {
			return super.engine() + ", reactive completeStream";
		}

	}

	private static String describe(Throwable failure) {
		return (failure instanceof ChatBotKitConnectionException connection)
				? failure + " (requestSent=" + connection.requestSent() + ")" : failure.toString();
	}

	/**
	 * The events of one completion stream, counted as they are read and checked against
	 * what the stub wrote once the stream has ended.
	 */
	private static final class CompletionCheck {

		private final Runnable firstToken;

		private int tokens;

		private long tokenChars;

		private @Nullable CompletionResult result;

		CompletionCheck(Runnable firstToken) {
			this.firstToken = firstToken;
		}

		void accept(CompletionEvent event) {
			if (event instanceof CompletionEvent.Token token) {
				if (this.tokens++ == 0) {
					this.firstToken.run();
				}
				this.tokenChars += token.token().length();
			}
			else if (event instanceof CompletionEvent.Result last) {
				this.result = last.result();
			}
		}

		/**
		 * Check the stream, which has ended.
		 * @return the tokens read
		 */
		int tokens() {
			CompletionResult last = this.result;
			if (last == null) {
				throw new IllegalStateException("No result event after " + this.tokens + " tokens");
			}
			CompletionJson.check(this.tokens, this.tokenChars, last.tokens(), last.text().length(),
					last.endReason() == EndReason.STOP);
			return this.tokens;
		}

	}

}
