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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.github.cbkspring.autoconfigure.ChatBotKitAutoConfiguration;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.internal.EngineSettings;
import io.github.cbkspring.client.internal.EngineSetup;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

/**
 * The ways users build a client, for tests that must hold on each: the plain
 * {@code ChatBotKitClient.create(options)} on Apache HttpClient 5 and on its JDK
 * fallback, and the bean of the auto-configuration on Apache HttpClient 5 and on the JDK
 * engine ({@code spring.http.clients.imperative.factory=jdk}). Each opens a client with
 * the same settings and closes it, pool and context included.
 */
public enum ClientPath {

	/** {@code ChatBotKitClient.create(options)} on Apache HttpClient 5. */
	PLAIN(false, false),

	/** {@code ChatBotKitClient.create(options)} without HttpClient 5: the JDK engine. */
	PLAIN_JDK(false, true),

	/** The auto-configured bean on Apache HttpClient 5. */
	BOOT(true, false),

	/**
	 * The auto-configured bean with {@code spring.http.clients.imperative.factory=jdk}.
	 */
	BOOT_JDK(true, true);

	private final boolean boot;

	private final boolean jdk;

	ClientPath(boolean boot, boolean jdk) {
		this.boot = boot;
		this.jdk = jdk;
	}

	/**
	 * Whether the path runs on the JDK's {@code HttpClient}.
	 * @return whether it is a JDK path
	 */
	public boolean jdk() {
		return this.jdk;
	}

	/**
	 * Whether the path is the auto-configured bean.
	 * @return whether it is a Boot path
	 */
	public boolean boot() {
		return this.boot;
	}

	/**
	 * Open a client of this path.
	 * @param setup the settings
	 * @return the client, to close
	 */
	public Opened open(Setup setup) {
		return this.boot ? openBean(setup) : openPlain(setup);
	}

	/**
	 * Open a client of this path with default settings but for the URL and secret.
	 * @param url the base URL
	 * @return the client, to close
	 */
	public Opened open(String url) {
		return open(Setup.of(url));
	}

	private Opened openPlain(Setup setup) {
		EngineSettings settings = new EngineSettings(setup.connectTimeout(), setup.readTimeout(),
				setup.maxConnections(), "maxConnections(" + setup.maxConnections() + ")");
		ChatBotKitOptions options = setup.options()
			.apply(ChatBotKitOptions.builder().secret(setup.secret()).url(setup.url()).retry(setup.retry()))
			.build();
		ChatBotKitClient client = ChatBotKitClient.create(options, (ignored) -> this.jdk
				? EngineSetup.jdkRequestFactory(settings) : EngineSetup.HttpComponents.requestFactory(settings));
		return new Opened(client, client::close);
	}

	private Opened openBean(Setup setup) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		// values as given, surrounding whitespace included, as an environment variable
		// has it
		Map<String, Object> properties = new LinkedHashMap<>();
		for (String property : properties(setup)) {
			int equals = property.indexOf('=');
			properties.put(property.substring(0, equals), property.substring(equals + 1));
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
		context.register(BootApplication.class);
		context.refresh();
		return new Opened(context.getBean(ChatBotKitClient.class), context::close);
	}

	List<String> properties(Setup setup) {
		List<String> properties = new ArrayList<>();
		properties.add("chatbotkit.secret=" + setup.secret());
		properties.add("chatbotkit.url=" + setup.url());
		properties.add("chatbotkit.connect-timeout=" + setup.connectTimeout().toMillis() + "ms");
		properties.add("chatbotkit.read-timeout=" + setup.readTimeout().toMillis() + "ms");
		properties.add("chatbotkit.max-connections=" + setup.maxConnections());
		RetryOptions retry = setup.retry();
		properties.add("chatbotkit.retry.enabled=" + retry.enabled());
		properties.add("chatbotkit.retry.max-attempts=" + retry.maxAttempts());
		properties.add("chatbotkit.retry.initial-backoff=" + retry.initialBackoff().toMillis() + "ms");
		properties.add("chatbotkit.retry.max-backoff=" + retry.maxBackoff().toMillis() + "ms");
		properties.add("chatbotkit.retry.deadline=" + retry.deadline().toMillis() + "ms");
		properties.add("chatbotkit.retry.retry-non-idempotent=" + retry.retryNonIdempotent());
		properties.add("spring.http.clients.imperative.factory=" + (this.jdk ? "jdk" : "http-components"));
		properties.addAll(setup.properties());
		return properties;
	}

	@Override
	public String toString() {
		return switch (this) {
			case PLAIN -> "plain client, HttpClient 5";
			case PLAIN_JDK -> "plain client, JDK engine";
			case BOOT -> "Boot bean, HttpClient 5";
			case BOOT_JDK -> "Boot bean, JDK engine";
		};
	}

	/**
	 * The settings of a client under test.
	 *
	 * @param url the base URL
	 * @param secret the secret
	 * @param connectTimeout the connect timeout
	 * @param readTimeout the read timeout
	 * @param maxConnections the pool size
	 * @param retry the retry options
	 * @param options more options for plain clients
	 * @param properties the same as properties for the bean
	 */
	public record Setup(String url, String secret, Duration connectTimeout, Duration readTimeout, int maxConnections,
			RetryOptions retry, UnaryOperator<ChatBotKitOptions.Builder> options, List<String> properties) {

		/**
		 * Defaults: 2 s to connect, 10 s read timeout, 16 connections, no retries.
		 * @param url the base URL
		 * @return the settings
		 */
		public static Setup of(String url) {
			return new Setup(url, "sk-path-test", Duration.ofSeconds(2), Duration.ofSeconds(10), 16,
					RetryOptions.disabled(), UnaryOperator.identity(), List.of());
		}

		public Setup secret(String secret) {
			return new Setup(this.url, secret, this.connectTimeout, this.readTimeout, this.maxConnections, this.retry,
					this.options, this.properties);
		}

		public Setup connectTimeout(Duration connectTimeout) {
			return new Setup(this.url, this.secret, connectTimeout, this.readTimeout, this.maxConnections, this.retry,
					this.options, this.properties);
		}

		public Setup readTimeout(Duration readTimeout) {
			return new Setup(this.url, this.secret, this.connectTimeout, readTimeout, this.maxConnections, this.retry,
					this.options, this.properties);
		}

		public Setup maxConnections(int maxConnections) {
			return new Setup(this.url, this.secret, this.connectTimeout, this.readTimeout, maxConnections, this.retry,
					this.options, this.properties);
		}

		public Setup retry(RetryOptions retry) {
			return new Setup(this.url, this.secret, this.connectTimeout, this.readTimeout, this.maxConnections, retry,
					this.options, this.properties);
		}

		/**
		 * A further option, given both ways.
		 * @param option the option for a plain client
		 * @param property the same as a property, {@code name=value}
		 * @return the settings
		 */
		public Setup with(UnaryOperator<ChatBotKitOptions.Builder> option, @Nullable String property) {
			List<String> properties = new ArrayList<>(this.properties);
			if (property != null) {
				properties.add(property);
			}
			UnaryOperator<ChatBotKitOptions.Builder> before = this.options;
			return new Setup(this.url, this.secret, this.connectTimeout, this.readTimeout, this.maxConnections,
					this.retry, (builder) -> option.apply(before.apply(builder)), List.copyOf(properties));
		}

	}

	/**
	 * An open client and what closes it.
	 *
	 * @param client the client
	 * @param closer closes the client, its pool, and its context if any
	 */
	public record Opened(ChatBotKitClient client, Runnable closer) implements AutoCloseable {

		@Override
		public void close() {
			this.closer.run();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
			HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
			RestClientAutoConfiguration.class, ChatBotKitAutoConfiguration.class })
	static class BootApplication {

	}

}
