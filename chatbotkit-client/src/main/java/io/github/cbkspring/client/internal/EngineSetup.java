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

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.ChatBotKitHttpEngine;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.internal.util.CancellationScope;
import org.apache.hc.client5.http.ConnectionKeepAliveStrategy;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.HeaderElement;
import org.apache.hc.core5.http.HeaderElements;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.MessageSupport;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.util.ClassUtils;

/**
 * The one place that decides how the HTTP engine under a ChatBotKit client is set up,
 * whichever way the client is built: {@link ChatBotKitClient#create(ChatBotKitOptions)},
 * {@link ChatBotKitHttpEngine#requestFactory}, and the Spring Boot auto-configuration,
 * which applies the same tuning to the engine builders Spring Boot gives it.
 * <p>
 * On both engines: no redirects (a redirect must never carry the secret elsewhere), no
 * retries of the engine's own (the {@link RetryPolicy} decides, knowing what was sent),
 * no transparent decompression (the client asks for {@code identity} and decodes a coded
 * answer itself, so that closing a stream early can still abort its connection), JVM
 * proxy settings honoured, HTTP/1.1 (no h2c upgrade offer on {@code http://}, and the
 * same connection behaviour as HttpClient 5's classic engine).
 * <p>
 * On Apache HttpClient 5: a pool of {@code maxConnections}; a pooled connection idle for
 * {@link #VALIDATE_AFTER_INACTIVITY} or longer is checked before reuse, so that a
 * connection the server closed while it was idle is never used; idle and expired
 * connections are closed in the background; a {@code Keep-Alive: timeout=} hint is
 * honoured with a margin; the wait for a free pooled connection is bounded by the connect
 * timeout and, when it runs out, says which setting sizes the pool; a proxy that refuses
 * the tunnel is a connection failure, not the API's answer.
 * <p>
 * On the JDK's {@code HttpClient}: an executor of its own (Spring would start a thread
 * for every request body otherwise), and the read timeout as the longest silence, as on
 * HttpClient 5 (see {@link JdkEngine}).
 *
 * @author cbkspring contributors
 */
public final class EngineSetup {

	/**
	 * A pooled connection idle this long or longer is checked (a 1 ms read) before it is
	 * reused. Well under the idle timeouts of common servers (gunicorn 2 s, Node.js and
	 * Apache httpd 5 s, nginx 75 s): a server that closes idle connections after this
	 * long or longer never has its closed connection reused.
	 */
	static final Duration VALIDATE_AFTER_INACTIVITY = Duration.ofMillis(100);

	/**
	 * Idle pooled connections are closed after this long, and an answer without a
	 * {@code Keep-Alive} hint keeps its connection this long: under the idle timeouts of
	 * load balancers and NAT gateways that drop connections without closing them.
	 */
	static final Duration MAX_IDLE = Duration.ofSeconds(30);

	/**
	 * A {@code Keep-Alive: timeout=} hint is shortened by this much (or by half, for
	 * shorter hints), so that the connection is not reused just as the server closes it.
	 */
	static final Duration KEEP_ALIVE_MARGIN = Duration.ofSeconds(1);

	static final boolean HTTP_COMPONENTS_PRESENT = ClassUtils
		.isPresent("org.apache.hc.client5.http.impl.classic.HttpClients", EngineSetup.class.getClassLoader());

	private EngineSetup() {
	}

	/**
	 * The engine of a client without Spring Boot: Apache HttpClient 5 when it is on the
	 * class path (the fastest engine measured), the JDK's otherwise.
	 */
	public static ClientHttpRequestFactory requestFactory(EngineSettings settings) {
		return HTTP_COMPONENTS_PRESENT ? HttpComponents.requestFactory(settings) : jdkRequestFactory(settings);
	}

	public static ClientHttpRequestFactory jdkRequestFactory(EngineSettings settings) {
		ExecutorService executor = jdkExecutor();
		HttpClient.Builder builder = HttpClient.newBuilder();
		tune(builder, settings, executor);
		return new JdkEngine(builder.build(), settings.readTimeout(), executor);
	}

	/**
	 * Tune a JDK {@code HttpClient} builder: the connect timeout, HTTP/1.1, no redirects,
	 * the executor. The default proxy selector, which reads the JVM proxy settings, is
	 * kept.
	 */
	public static void tune(HttpClient.Builder builder, EngineSettings settings, ExecutorService executor) {
		builder.connectTimeout(settings.connectTimeout())
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.executor(executor);
	}

	/**
	 * An executor for the JDK's {@code HttpClient}, of daemon threads that end when idle.
	 */
	public static ExecutorService jdkExecutor() {
		return Executors.newCachedThreadPool(daemonThreads("chatbotkit-http-"));
	}

	static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * How long to keep a connection whose answer carried a {@code Keep-Alive: timeout=}
	 * hint, or none.
	 */
	public static Duration keepAlive(@Nullable Duration hint) {
		if (hint == null) {
			return MAX_IDLE;
		}
		Duration margin = hint.dividedBy(2).compareTo(KEEP_ALIVE_MARGIN) < 0 ? hint.dividedBy(2) : KEEP_ALIVE_MARGIN;
		Duration keep = hint.minus(margin);
		return (keep.compareTo(MAX_IDLE) > 0) ? MAX_IDLE : keep;
	}

	/**
	 * A duration as a message shows it: {@code 300 ms}, {@code 10 s}.
	 */
	static String format(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + " s" : millis + " ms";
	}

	/**
	 * The tuning of Apache HttpClient 5, kept apart so that the JDK path loads without
	 * it.
	 */
	public static final class HttpComponents {

		/**
		 * Set in the exchange once the connection to the API exists: an answer without it
		 * came from a proxy that refused the tunnel.
		 */
		private static final String TARGET_REACHED = EngineSetup.class.getName() + ".targetReached";

		private HttpComponents() {
		}

		public static ClientHttpRequestFactory requestFactory(EngineSettings settings) {
			ConnectionConfig.Builder connectionConfig = ConnectionConfig.custom();
			tune(connectionConfig, settings);
			PoolingHttpClientConnectionManagerBuilder connectionManager = PoolingHttpClientConnectionManagerBuilder
				.create()
				.setDefaultConnectionConfig(connectionConfig.build());
			tune(connectionManager, settings);
			RequestConfig.Builder requestConfig = RequestConfig.custom();
			tune(requestConfig, settings);
			HttpClientBuilder httpClient = HttpClients.custom()
				.setConnectionManager(connectionManager.build())
				.setDefaultRequestConfig(requestConfig.build());
			tune(httpClient, settings);
			return new HttpComponentsClientHttpRequestFactory(httpClient.build());
		}

		public static void tune(ConnectionConfig.Builder connectionConfig, EngineSettings settings) {
			connectionConfig.setConnectTimeout(Timeout.of(settings.connectTimeout()))
				.setSocketTimeout(Timeout.of(settings.readTimeout()))
				.setValidateAfterInactivity(TimeValue.of(VALIDATE_AFTER_INACTIVITY));
		}

		public static void tune(PoolingHttpClientConnectionManagerBuilder connectionManager, EngineSettings settings) {
			// TLS from the javax.net.ssl and https.protocols properties unless an SSL
			// bundle set its own strategy
			connectionManager.useSystemProperties()
				.setMaxConnPerRoute(settings.maxConnections())
				.setMaxConnTotal(settings.maxConnections());
		}

		public static void tune(RequestConfig.Builder requestConfig, EngineSettings settings) {
			// waiting for a free pooled connection counts as connecting
			requestConfig.setConnectionRequestTimeout(Timeout.of(settings.connectTimeout()))
				.setRedirectsEnabled(false)
				.setConnectionKeepAlive(TimeValue.of(MAX_IDLE));
		}

		public static void tune(HttpClientBuilder httpClient, EngineSettings settings) {
			// proxy from the JVM properties, unless a route planner was set
			httpClient.useSystemProperties()
				.disableRedirectHandling()
				.disableAutomaticRetries()
				// a decompressing wrapper would keep a closed stream from aborting
				.disableContentCompression()
				.setKeepAliveStrategy(KEEP_ALIVE)
				.evictExpiredConnections()
				.evictIdleConnections(TimeValue.of(MAX_IDLE))
				.addExecInterceptorFirst("chatbotkit-cancellation", HttpComponents::cancellable)
				.addExecInterceptorBefore(ChainElement.CONNECT.name(), "chatbotkit-connect", connectGuard(settings))
				.addExecInterceptorAfter(ChainElement.CONNECT.name(), "chatbotkit-target", (request, scope, chain) -> {
					if (tunnelled(scope)) {
						scope.clientContext.setAttribute(TARGET_REACHED, true);
					}
					return chain.proceed(request, scope);
				});
		}

		private static final ConnectionKeepAliveStrategy KEEP_ALIVE = (response, context) -> {
			Iterator<HeaderElement> elements = MessageSupport.iterate(response, HeaderElements.KEEP_ALIVE);
			while (elements.hasNext()) {
				HeaderElement element = elements.next();
				if ("timeout".equalsIgnoreCase(element.getName()) && element.getValue() != null) {
					try {
						long seconds = Long.parseLong(element.getValue().trim());
						return TimeValue.of(keepAlive(Duration.ofSeconds(Math.max(0, Math.min(seconds, 86_400)))));
					}
					catch (NumberFormatException ex) {
						// not a hint
					}
				}
			}
			return TimeValue.of(keepAlive(null));
		};

		/**
		 * Hands the request's abort to the cancellation the calling thread is in, if any:
		 * HttpClient 5's blocking reads do not answer interrupts.
		 */
		private static ClassicHttpResponse cancellable(ClassicHttpRequest request, ExecChain.Scope scope,
				ExecChain chain) throws IOException, HttpException {
			CancellationScope.Active cancellation = CancellationScope.active();
			if (cancellation != null && scope.originalRequest instanceof Cancellable abortable) {
				cancellation.attach(abortable::cancel);
			}
			return chain.proceed(request, scope);
		}

		/**
		 * Turns a timed-out wait for a pooled connection into a message that says which
		 * setting sizes the pool, and the answer of a proxy that refused the tunnel into
		 * a {@link ProxyRefusedException}: HttpClient 5 returns that answer as if the API
		 * had sent it.
		 */
		private static ExecChainHandler connectGuard(EngineSettings settings) {
			return (request, scope, chain) -> {
				// only a tunnel through a proxy can be refused: the other routes skip the
				// bookkeeping
				boolean tunnelled = tunnelled(scope);
				if (tunnelled) {
					scope.clientContext.removeAttribute(TARGET_REACHED);
				}
				ClassicHttpResponse response;
				try {
					response = chain.proceed(request, scope);
				}
				catch (ConnectionRequestTimeoutException ex) {
					ConnectionRequestTimeoutException described = new ConnectionRequestTimeoutException(
							settings.poolExhausted());
					described.initCause(ex);
					throw described;
				}
				if (tunnelled && scope.clientContext.getAttribute(TARGET_REACHED) == null) {
					HttpHost proxy = scope.route.getProxyHost();
					String answer = response.getCode() + " " + response.getReasonPhrase();
					closeQuietly(response);
					throw new ProxyRefusedException(proxy.toHostString(), scope.route.getTargetHost().toHostString(),
							answer, null);
				}
				return response;
			};
		}

		private static boolean tunnelled(ExecChain.Scope scope) {
			return scope.route.getProxyHost() != null && scope.route.isTunnelled();
		}

		private static void closeQuietly(ClassicHttpResponse response) {
			try {
				response.close();
			}
			catch (IOException ex) {
				// the refusal is what matters
			}
		}

	}

}
