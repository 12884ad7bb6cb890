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
package io.github.cbkspring.client.internal;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.ConnectionObserver;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.transport.TransportConfig;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

/**
 * The Reactor Netty engine that a reactive client made from options alone owns: a
 * connection pool of its own ({@link #pool(EngineSettings)}) on Reactor Netty's shared
 * event loops, with the connect timeout, the read timeout as the longest silence while an
 * answer is awaited or read, and no redirects (Reactor Netty follows none unless told).
 * {@link #close()} closes every connection it opened, in use or idle, and the pool.
 * <p>
 * The event loops are Reactor Netty's, not the engine's: an exchange that a close ends
 * fails on a loop that still runs, rather than on one that stopped and can no longer
 * deliver the failure, and closing waits for no loop to stop.
 *
 * @author cbkspring contributors
 */
public final class ReactorEngine implements AutoCloseable {

	/** The longest that closing waits for the connections and the pool to close. */
	static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

	private final ConnectionProvider pool;

	/** Every open connection of the engine; a closed one leaves the group by itself. */
	private final ChannelGroup connections = new DefaultChannelGroup("chatbotkit", GlobalEventExecutor.INSTANCE);

	private final ClientHttpConnector connector;

	/**
	 * Create the engine; no connection opens before the first call.
	 * @param settings the timeouts and the pool size
	 */
	public ReactorEngine(EngineSettings settings) {
		this.pool = pool(settings);
		HttpClient httpClient = HttpClient.create(this.pool)
			.doOnChannelInit((observer, channel, address) -> this.connections.add(channel))
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
			.responseTimeout(settings.readTimeout());
		this.connector = new ReactorClientHttpConnector(httpClient);
	}

	/**
	 * A connection pool set up as the blocking client's: at most {@code maxConnections},
	 * a caller waits at most the connect timeout for a free one (and any number of
	 * callers may wait), idle connections are closed after {@link EngineSetup#MAX_IDLE},
	 * and a wait that runs out fails with a {@link PoolWaitTimeoutException} that says
	 * which setting sizes the pool.
	 * @param settings the connect timeout, the pool size and its setting
	 * @return the pool, to dispose when no longer used
	 */
	public static ConnectionProvider pool(EngineSettings settings) {
		ConnectionProvider pool = ConnectionProvider.builder("chatbotkit")
			.maxConnections(settings.maxConnections())
			.pendingAcquireTimeout(settings.connectTimeout())
			// no bound on the waiting callers, as on Apache HttpClient 5
			.pendingAcquireMaxCount(-1)
			.maxIdleTime(EngineSetup.MAX_IDLE)
			.build();
		return new DescribedPool(pool, settings);
	}

	/**
	 * The connector on this engine.
	 * @return the connector
	 */
	public ClientHttpConnector connector() {
		return this.connector;
	}

	/**
	 * Close every connection, in use or idle (an exchange under way fails), then the
	 * pool; returns when they are closed, or after {@link #CLOSE_TIMEOUT}. Blocks: not to
	 * be called on an event loop.
	 */
	@Override
	public void close() {
		this.connections.close().awaitUninterruptibly(CLOSE_TIMEOUT.toMillis());
		this.pool.disposeLater().block(CLOSE_TIMEOUT);
	}

	@Override
	public String toString() {
		return "ReactorEngine[maxConnections=" + this.pool.maxConnections() + (this.pool.isDisposed() ? ", closed" : "")
				+ "]";
	}

	/**
	 * A pool whose timed-out wait for a free connection says how long it waited and what
	 * to change, as the blocking client's does.
	 */
	private static final class DescribedPool implements ConnectionProvider {

		private final ConnectionProvider delegate;

		private final EngineSettings settings;

		DescribedPool(ConnectionProvider delegate, EngineSettings settings) {
			this.delegate = delegate;
			this.settings = settings;
		}

		@Override
		public Mono<? extends Connection> acquire(TransportConfig config, ConnectionObserver observer,
				@Nullable Supplier<? extends SocketAddress> remoteAddress,
				@Nullable AddressResolverGroup<?> resolverGroup) {
			// the pool's own timeout is the one TimeoutException of an acquisition:
			// connecting times out with Netty's ConnectTimeoutException
			return this.delegate.acquire(config, observer, remoteAddress, resolverGroup)
				.onErrorMap(TimeoutException.class,
						(ex) -> new PoolWaitTimeoutException(this.settings.poolExhausted(), ex));
		}

		@Override
		public void disposeWhen(SocketAddress address) {
			this.delegate.disposeWhen(address);
		}

		@Override
		public void dispose() {
			this.delegate.dispose();
		}

		@Override
		public Mono<Void> disposeLater() {
			return this.delegate.disposeLater();
		}

		@Override
		public boolean isDisposed() {
			return this.delegate.isDisposed();
		}

		@Override
		public int maxConnections() {
			return this.delegate.maxConnections();
		}

		@Override
		public @Nullable Map<SocketAddress, Integer> maxConnectionsPerHost() {
			return this.delegate.maxConnectionsPerHost();
		}

		@Override
		public @Nullable String name() {
			return this.delegate.name();
		}

	}

}
