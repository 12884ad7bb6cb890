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

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * Request factories with the settings a ChatBotKit client needs when it is used without
 * Spring Boot: timeouts, no redirects (a redirect must never carry the secret to another
 * host) and a connection pool sized above typical concurrency. Apache HttpClient 5 is
 * used when it is on the classpath (it is the fastest engine measured and has no
 * connection-reuse race on Java 17); the JDK's {@code HttpClient} otherwise.
 *
 * @author cbkspring contributors
 */
public final class ChatBotKitRequestFactory {

	/**
	 * Connections kept per host by {@link #create(Duration, Duration)}.
	 */
	public static final int DEFAULT_MAX_CONNECTIONS = 64;

	private static final boolean HTTP_COMPONENTS_PRESENT = ClassUtils.isPresent(
			"org.apache.hc.client5.http.impl.classic.HttpClients", ChatBotKitRequestFactory.class.getClassLoader());

	private ChatBotKitRequestFactory() {
	}

	/**
	 * Create a request factory with the given timeouts.
	 * @param connectTimeout the longest wait for a connection
	 * @param readTimeout the longest silence while waiting for an answer
	 * @return the request factory
	 */
	public static ClientHttpRequestFactory create(Duration connectTimeout, Duration readTimeout) {
		return create(connectTimeout, readTimeout, DEFAULT_MAX_CONNECTIONS);
	}

	/**
	 * Create a request factory with the given timeouts and pool size.
	 * @param connectTimeout the longest wait for a connection, including the wait for a
	 * free connection of the pool
	 * @param readTimeout the longest silence while waiting for an answer
	 * @param maxConnections the most connections kept per host (HttpClient 5 only; the
	 * JDK client does not bound its pool)
	 * @return the request factory
	 */
	public static ClientHttpRequestFactory create(Duration connectTimeout, Duration readTimeout, int maxConnections) {
		Assert.isTrue(isPositive(connectTimeout) && isPositive(readTimeout), "Timeouts must be positive");
		Assert.isTrue(maxConnections > 0, "maxConnections must be positive");
		return HTTP_COMPONENTS_PRESENT ? HttpComponents.create(connectTimeout, readTimeout, maxConnections)
				: jdk(connectTimeout, readTimeout);
	}

	private static boolean isPositive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

	private static ClientHttpRequestFactory jdk(Duration connectTimeout, Duration readTimeout) {
		java.net.http.HttpClient httpClient = java.net.http.HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(java.net.http.HttpClient.Redirect.NEVER)
			// plain http would otherwise offer an h2c upgrade that some servers abort
			.version(java.net.http.HttpClient.Version.HTTP_1_1)
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(httpClient);
		factory.setReadTimeout(readTimeout);
		return factory;
	}

	/**
	 * Kept apart so that the JDK path loads without HttpClient 5 on the classpath.
	 */
	private static final class HttpComponents {

		static ClientHttpRequestFactory create(Duration connectTimeout, Duration readTimeout, int maxConnections) {
			ConnectionConfig connectionConfig = ConnectionConfig.custom()
				.setConnectTimeout(Timeout.of(connectTimeout))
				.setSocketTimeout(Timeout.of(readTimeout))
				.setValidateAfterInactivity(TimeValue.ofSeconds(2))
				.build();
			return new HttpComponentsClientHttpRequestFactory(HttpClients.custom()
				.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
					.setDefaultConnectionConfig(connectionConfig)
					.setMaxConnPerRoute(maxConnections)
					.setMaxConnTotal(maxConnections)
					.build())
				.setDefaultRequestConfig(
						RequestConfig.custom().setConnectionRequestTimeout(Timeout.of(connectTimeout)).build())
				.disableRedirectHandling()
				.disableAutomaticRetries()
				// a decompressing wrapper would hide the stream that a closed JSON Lines
				// stream aborts, leaving the connection to be drained instead
				.disableContentCompression()
				.build());
		}

	}

}
