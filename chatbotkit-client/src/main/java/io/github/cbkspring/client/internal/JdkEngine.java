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

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.PushPromiseHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * The JDK's {@code HttpClient} under Spring's {@link JdkClientHttpRequestFactory}, with
 * the read timeout meaning what it means on Apache HttpClient 5: the longest silence.
 * Spring's own read timeout bounds the whole answer, from the request to the end of the
 * body, so that a stream that keeps delivering for longer than the timeout is cut off,
 * and the early answer of a busy server can lose a race it should not run. Here the wait
 * for the answer's head is the JDK's request timeout, and every read of the body is
 * bounded on its own: a read that gets nothing for the read timeout closes the body and
 * fails with a {@link SocketTimeoutException}.
 * <p>
 * Spring's transparent decompression is off (the client asks for {@code identity}; see
 * {@link ContentCodings}): with it, a body closed by a timeout surfaced as an untyped
 * {@code NullPointerException} ("Inflater has been closed").
 * <p>
 * Closing releases the executor, the timer thread and, on Java 21 and later, the
 * {@code HttpClient} with its connections; Java 17's {@code HttpClient} cannot be closed
 * and lets go of its connections when it is garbage collected.
 *
 * @author cbkspring contributors
 */
public final class JdkEngine implements ClientHttpRequestFactory, DisposableBean, AutoCloseable {

	private final String description;

	private final @Nullable ExecutorService executor;

	private final ScheduledThreadPoolExecutor alarms;

	/** The client, until closed: let go of then, so that Java 17 can collect it. */
	private volatile @Nullable HttpClient httpClient;

	private volatile @Nullable JdkClientHttpRequestFactory requestFactory;

	/** The bodies being read, closed with the engine so that no reader waits forever. */
	private final Set<SilenceBoundInputStream> openBodies = Collections
		.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

	/**
	 * Create the engine.
	 * @param httpClient the client, best built with
	 * {@link EngineSetup#tune(HttpClient.Builder, EngineSettings, ExecutorService)}
	 * @param readTimeout the longest silence
	 * @param executor the client's executor, shut down on close, or {@code null}
	 */
	public JdkEngine(HttpClient httpClient, Duration readTimeout, @Nullable ExecutorService executor) {
		this.description = httpClient.toString();
		this.httpClient = httpClient;
		this.executor = executor;
		this.alarms = new ScheduledThreadPoolExecutor(1, EngineSetup.daemonThreads("chatbotkit-read-timeout-"));
		this.alarms.setRemoveOnCancelPolicy(true);
		this.alarms.setKeepAliveTime(1, TimeUnit.SECONDS);
		this.alarms.allowCoreThreadTimeOut(true);
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
				new SilenceBound(httpClient, readTimeout, this.alarms, this.openBodies));
		requestFactory.enableCompression(false);
		this.requestFactory = requestFactory;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		JdkClientHttpRequestFactory requestFactory = this.requestFactory;
		if (requestFactory == null) {
			throw new IllegalStateException("The HTTP engine of the ChatBotKit client is closed");
		}
		return requestFactory.createRequest(uri, httpMethod);
	}

	@Override
	public void destroy() {
		close();
	}

	@Override
	public synchronized void close() {
		HttpClient httpClient = this.httpClient;
		if (httpClient == null) {
			return;
		}
		this.httpClient = null;
		this.requestFactory = null;
		List<SilenceBoundInputStream> bodies;
		synchronized (this.openBodies) {
			bodies = new ArrayList<>(this.openBodies);
		}
		bodies.forEach(SilenceBoundInputStream::abort);
		shutdownNow(httpClient);
		if (this.executor != null) {
			this.executor.shutdownNow();
		}
		this.alarms.shutdownNow();
	}

	/**
	 * {@code HttpClient.shutdownNow()}, which Java 21 added.
	 */
	private static void shutdownNow(HttpClient httpClient) {
		try {
			HttpClient.class.getMethod("shutdownNow").invoke(httpClient);
		}
		catch (NoSuchMethodException ex) {
			// Java 17: the client is released when it is garbage collected
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			// closing anyway
		}
	}

	@Override
	public String toString() {
		return "JdkEngine[" + this.description + ((this.httpClient != null) ? "" : ", closed") + "]";
	}

	/**
	 * An {@code HttpClient} that gives every request the read timeout as the JDK's
	 * request timeout (which ends when the answer's head arrives) and bounds every read
	 * of the body.
	 */
	private static final class SilenceBound extends HttpClient {

		private final HttpClient delegate;

		private final Duration readTimeout;

		private final ScheduledThreadPoolExecutor alarms;

		private final Set<SilenceBoundInputStream> openBodies;

		SilenceBound(HttpClient delegate, Duration readTimeout, ScheduledThreadPoolExecutor alarms,
				Set<SilenceBoundInputStream> openBodies) {
			this.delegate = delegate;
			this.readTimeout = readTimeout;
			this.alarms = alarms;
			this.openBodies = openBodies;
		}

		@Override
		public <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler)
				throws IOException, InterruptedException {
			return this.delegate.send(withTimeout(request), bounded(handler));
		}

		@Override
		public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, BodyHandler<T> handler) {
			return this.delegate.sendAsync(withTimeout(request), bounded(handler));
		}

		@Override
		public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, BodyHandler<T> handler,
				@Nullable PushPromiseHandler<T> pushPromiseHandler) {
			return this.delegate.sendAsync(withTimeout(request), bounded(handler), pushPromiseHandler);
		}

		private HttpRequest withTimeout(HttpRequest request) {
			return request.timeout().isPresent() ? request
					: HttpRequest.newBuilder(request, (name, value) -> true).timeout(this.readTimeout).build();
		}

		private <T> BodyHandler<T> bounded(BodyHandler<T> handler) {
			return (responseInfo) -> BodySubscribers.mapping(handler.apply(responseInfo), this::bound);
		}

		@SuppressWarnings("unchecked") // T is InputStream when the body is one
		private <T> T bound(T body) {
			if (body instanceof InputStream stream) {
				SilenceBoundInputStream bounded = new SilenceBoundInputStream(stream, this.readTimeout, this.alarms,
						this.openBodies);
				this.openBodies.add(bounded);
				return (T) bounded;
			}
			return body;
		}

		@Override
		public Optional<CookieHandler> cookieHandler() {
			return this.delegate.cookieHandler();
		}

		@Override
		public Optional<Duration> connectTimeout() {
			return this.delegate.connectTimeout();
		}

		@Override
		public Redirect followRedirects() {
			return this.delegate.followRedirects();
		}

		@Override
		public Optional<ProxySelector> proxy() {
			return this.delegate.proxy();
		}

		@Override
		public SSLContext sslContext() {
			return this.delegate.sslContext();
		}

		@Override
		public SSLParameters sslParameters() {
			return this.delegate.sslParameters();
		}

		@Override
		public Optional<Authenticator> authenticator() {
			return this.delegate.authenticator();
		}

		@Override
		public Version version() {
			return this.delegate.version();
		}

		@Override
		public Optional<Executor> executor() {
			return this.delegate.executor();
		}

		@Override
		public String toString() {
			return this.delegate.toString();
		}

	}

	/**
	 * A body whose every read waits at most the read timeout: when nothing arrives in
	 * time, the body is closed, which ends the blocked read and drops the connection.
	 */
	static final class SilenceBoundInputStream extends FilterInputStream {

		private final Duration timeout;

		private final ScheduledThreadPoolExecutor alarms;

		private final Set<SilenceBoundInputStream> openBodies;

		private volatile boolean timedOut;

		private volatile boolean aborted;

		SilenceBoundInputStream(InputStream body, Duration timeout, ScheduledThreadPoolExecutor alarms,
				Set<SilenceBoundInputStream> openBodies) {
			super(body);
			this.timeout = timeout;
			this.alarms = alarms;
			this.openBodies = openBodies;
		}

		@Override
		public int read() throws IOException {
			return (int) bounded(this.in::read);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			return (int) bounded(() -> this.in.read(buffer, offset, length));
		}

		@Override
		public long skip(long count) throws IOException {
			return bounded(() -> this.in.skip(count));
		}

		/**
		 * Make one read, closing the body if it gets nothing for the timeout.
		 */
		private long bounded(Read read) throws IOException {
			ScheduledFuture<?> alarm = arm();
			try {
				return read.read();
			}
			catch (IOException ex) {
				throw explain(ex);
			}
			finally {
				alarm.cancel(false);
			}
		}

		private ScheduledFuture<?> arm() throws IOException {
			if (this.aborted) {
				throw closedEngine();
			}
			try {
				return this.alarms.schedule(this::expire, this.timeout.toNanos(), TimeUnit.NANOSECONDS);
			}
			catch (RejectedExecutionException ex) {
				throw closedEngine();
			}
		}

		private static IOException closedEngine() {
			return new IOException("The HTTP engine of the ChatBotKit client was closed");
		}

		/**
		 * Close the body because the engine closes: a blocked read ends.
		 */
		void abort() {
			this.aborted = true;
			closeQuietly();
		}

		@Override
		public void close() throws IOException {
			this.openBodies.remove(this);
			super.close();
		}

		private void closeQuietly() {
			try {
				this.in.close();
			}
			catch (IOException ex) {
				// the blocked read fails either way
			}
		}

		private void expire() {
			this.timedOut = true;
			closeQuietly();
		}

		private IOException explain(IOException failure) {
			if (this.aborted) {
				IOException closed = closedEngine();
				closed.initCause(failure);
				return closed;
			}
			if (!this.timedOut) {
				return failure;
			}
			SocketTimeoutException timeout = new SocketTimeoutException(
					"Read timed out: no data for " + EngineSetup.format(this.timeout));
			timeout.initCause(failure);
			return timeout;
		}

		/**
		 * One read of the underlying body.
		 */
		@FunctionalInterface
		private interface Read {

			long read() throws IOException;

		}

	}

}
