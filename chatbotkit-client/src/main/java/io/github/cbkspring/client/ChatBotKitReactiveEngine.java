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

import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.internal.EngineSettings;
import io.github.cbkspring.client.internal.ReactorEngine;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.util.Assert;

/**
 * The Reactor Netty connection pool under a {@link ChatBotKitReactiveClient}, set up as
 * the blocking client's pool: at most {@code maxConnections} connections; a call waits at
 * most the connect timeout for a free one (any number of calls may wait), and then fails
 * with a {@code ChatBotKitTimeoutException} that is not sent, is retried, and names the
 * setting that sizes the pool; idle connections are closed after 30 s.
 * <p>
 * {@link ChatBotKitReactiveClient#create(ChatBotKitOptions)} and the Spring Boot
 * auto-configuration build their pool here. For a client on a {@code WebClient.Builder}
 * of your own: <pre class="code">
 * ConnectionProvider pool = ChatBotKitReactiveEngine.connectionProvider(connectTimeout, 64, "my.pool-size");
 * HttpClient httpClient = HttpClient.create(pool)
 *     .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
 *     .responseTimeout(readTimeout);
 * ChatBotKitReactiveClient client = ChatBotKitReactiveClient
 *     .create(WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient)), options);
 * </pre> The pool is yours: dispose it ({@code pool.disposeLater()}) when the client is
 * no longer used.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public final class ChatBotKitReactiveEngine {

	private ChatBotKitReactiveEngine() {
	}

	/**
	 * Create a connection pool with this setup.
	 * @param connectTimeout the longest wait for a free pooled connection (give the
	 * client's connect timeout: the blocking client bounds the wait by it)
	 * @param maxConnections the most connections in the pool
	 * @param maxConnectionsSetting the setting that chose {@code maxConnections}, named
	 * when no pooled connection becomes free in time
	 * @return the pool, to dispose when the client is no longer used
	 * @throws IllegalArgumentException if the timeout or the pool size is not positive,
	 * or the setting is empty
	 */
	public static ConnectionProvider connectionProvider(Duration connectTimeout, int maxConnections,
			String maxConnectionsSetting) {
		Assert.notNull(connectTimeout, "connectTimeout must not be null");
		Assert.hasText(maxConnectionsSetting, "maxConnectionsSetting must not be empty");
		// the read timeout is not the pool's: any positive value
		return ReactorEngine
			.pool(new EngineSettings(connectTimeout, connectTimeout, maxConnections, maxConnectionsSetting));
	}

}
