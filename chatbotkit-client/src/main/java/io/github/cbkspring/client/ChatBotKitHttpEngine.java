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

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.internal.Connections;
import io.github.cbkspring.client.internal.EngineSettings;
import io.github.cbkspring.client.internal.EngineSetup;
import io.github.cbkspring.client.internal.JdkEngine;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.Assert;

/**
 * The HTTP engine under a ChatBotKit client, set up the same way whichever way the client
 * is built: timeouts, a connection pool that checks idle connections before reuse and
 * closes them in the background, no redirects (a redirect must never carry the secret to
 * another host), no retries of the engine's own, JVM proxy settings honoured, HTTP/1.1,
 * and the read timeout as the longest silence on both engines. Apache HttpClient 5 is
 * used when it is on the class path (the fastest engine measured), the JDK's
 * {@code HttpClient} otherwise. {@code docs/reliability.md} says what each choice is for.
 * <p>
 * {@link ChatBotKitClient#create(ChatBotKitOptions)} builds its engine here. For a client
 * on a {@code RestClient.Builder} of your own: <pre class="code">
 * ClientHttpRequestFactory engine = ChatBotKitHttpEngine.requestFactory(connectTimeout, readTimeout, 256);
 * ChatBotKitClient client = ChatBotKitClient.create(RestClient.builder().requestFactory(engine), options);
 * </pre> The factory holds the connection pool: destroy it ({@link DisposableBean}) when
 * the client is no longer used.
 * <p>
 * Integrations that build the engine with builders of their own, such as the Spring Boot
 * auto-configuration, apply the same setup with {@link #httpComponents} or {@link #jdk}.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public final class ChatBotKitHttpEngine {

	/**
	 * Connections kept in the pool unless another number is given.
	 */
	public static final int DEFAULT_MAX_CONNECTIONS = 256;

	private static final String MAX_CONNECTIONS_SETTING = "maxConnections of ChatBotKitHttpEngine.requestFactory(...)";

	private ChatBotKitHttpEngine() {
	}

	/**
	 * Create a request factory with this setup.
	 * @param connectTimeout the longest wait for a connection, including the wait for a
	 * free connection of the pool
	 * @param readTimeout the longest silence while waiting for an answer or reading it
	 * @param maxConnections the most connections in the pool (Apache HttpClient 5; the
	 * JDK client does not bound its pool)
	 * @return the request factory, a {@link DisposableBean} that closes the pool
	 * @throws IllegalArgumentException if a timeout or the pool size is not positive
	 */
	public static ClientHttpRequestFactory requestFactory(Duration connectTimeout, Duration readTimeout,
			int maxConnections) {
		return EngineSetup
			.requestFactory(settings(connectTimeout, readTimeout, maxConnections, MAX_CONNECTIONS_SETTING));
	}

	/**
	 * The setup of Apache HttpClient 5, to apply to builders of one's own: each method
	 * tunes one of the four builders, and all four must be applied.
	 * @param connectTimeout the longest wait for a connection, and for a free pooled one
	 * @param readTimeout the longest silence while waiting for an answer or reading it
	 * @param maxConnections the most connections in the pool
	 * @param maxConnectionsSetting the setting that chose {@code maxConnections}, named
	 * when no pooled connection becomes free in time
	 * @return the setup
	 */
	public static HttpComponents httpComponents(Duration connectTimeout, Duration readTimeout, int maxConnections,
			String maxConnectionsSetting) {
		Assert.hasText(maxConnectionsSetting, "maxConnectionsSetting must not be empty");
		return new HttpComponents(settings(connectTimeout, readTimeout, maxConnections, maxConnectionsSetting));
	}

	/**
	 * The setup of the JDK's {@code HttpClient}, to apply to a builder of one's own: tune
	 * the builder with {@link Jdk#httpClient}, then make the request factory from the
	 * client it builds with {@link Jdk#requestFactory}.
	 * @param connectTimeout the longest wait for a connection
	 * @param readTimeout the longest silence while waiting for an answer or reading it
	 * @return the setup
	 */
	public static Jdk jdk(Duration connectTimeout, Duration readTimeout) {
		return new Jdk(settings(connectTimeout, readTimeout, DEFAULT_MAX_CONNECTIONS, MAX_CONNECTIONS_SETTING));
	}

	private static EngineSettings settings(Duration connectTimeout, Duration readTimeout, int maxConnections,
			String maxConnectionsSetting) {
		Assert.notNull(connectTimeout, "connectTimeout must not be null");
		Assert.notNull(readTimeout, "readTimeout must not be null");
		return new EngineSettings(connectTimeout, readTimeout, maxConnections, maxConnectionsSetting);
	}

	/**
	 * The setup of Apache HttpClient 5 as four builder customizers, such as Spring Boot's
	 * {@code HttpComponentsClientHttpRequestFactoryBuilder} takes.
	 */
	public static final class HttpComponents {

		private final EngineSettings settings;

		private HttpComponents(EngineSettings settings) {
			this.settings = settings;
		}

		/**
		 * Tune the client builder: retries, redirects and decompression off, proxy from
		 * the JVM settings, keep-alive, idle eviction, pool-wait and proxy-refusal
		 * messages.
		 * @param httpClient the builder
		 */
		public void httpClient(HttpClientBuilder httpClient) {
			EngineSetup.HttpComponents.tune(httpClient, this.settings);
		}

		/**
		 * Tune the connection manager builder: the pool size.
		 * @param connectionManager the builder
		 */
		public void connectionManager(PoolingHttpClientConnectionManagerBuilder connectionManager) {
			EngineSetup.HttpComponents.tune(connectionManager, this.settings);
		}

		/**
		 * Tune the connection settings: timeouts, the check of idle connections.
		 * @param connectionConfig the builder
		 */
		public void connectionConfig(ConnectionConfig.Builder connectionConfig) {
			EngineSetup.HttpComponents.tune(connectionConfig, this.settings);
		}

		/**
		 * Tune the request settings: the wait for a pooled connection, keep-alive.
		 * @param requestConfig the builder
		 */
		public void requestConfig(RequestConfig.Builder requestConfig) {
			EngineSetup.HttpComponents.tune(requestConfig, this.settings);
		}

	}

	/**
	 * The setup of the JDK's {@code HttpClient}: a builder customizer, and the request
	 * factory to make of the client, which owns the executor it sets.
	 */
	public static final class Jdk {

		private final EngineSettings settings;

		private final ExecutorService executor = EngineSetup.jdkExecutor();

		private Jdk(EngineSettings settings) {
			this.settings = settings;
		}

		/**
		 * Tune the client builder: the connect timeout, HTTP/1.1, no redirects, an
		 * executor.
		 * @param httpClient the builder
		 */
		public void httpClient(HttpClient.Builder httpClient) {
			EngineSetup.tune(httpClient, this.settings, this.executor);
		}

		/**
		 * Make the request factory of a client built with {@link #httpClient}: the read
		 * timeout is the longest silence, decompression is off.
		 * @param httpClient the client
		 * @return the request factory, a {@link DisposableBean} that releases the client
		 */
		public ClientHttpRequestFactory requestFactory(HttpClient httpClient) {
			return new JdkEngine(httpClient, this.settings.readTimeout(), this.executor);
		}

	}

}
