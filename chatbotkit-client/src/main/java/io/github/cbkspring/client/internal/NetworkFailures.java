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
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import javax.net.ssl.SSLHandshakeException;

import io.github.cbkspring.client.error.ChatBotKitConnectionException;
import io.github.cbkspring.client.error.ChatBotKitTimeoutException;
import io.github.cbkspring.client.internal.util.Redaction;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Classifies failures of the HTTP engines (JDK, Apache HttpClient 5, Jetty, Reactor
 * Netty) into {@link ChatBotKitConnectionException}s, deciding deliberately whether the
 * request may have reached the server: only a failure before the request left proves it
 * did not, which is what makes a retry of a {@code POST} safe. Any exception an engine
 * throws, checked or not, becomes one; messages name the call by its template and never
 * show the secret, and neither does the cause that is kept.
 *
 * @author cbkspring contributors
 */
final class NetworkFailures {

	private static final boolean HTTP_COMPONENTS_PRESENT = ClassUtils
		.isPresent("org.apache.hc.client5.http.ConnectTimeoutException", NetworkFailures.class.getClassLoader());

	/** The JDK's {@code IOException} when a proxy answers a tunnel request itself. */
	/** Netty, under the reactive client's Reactor Netty engine. */
	private static final boolean NETTY_PRESENT = ClassUtils.isPresent("io.netty.handler.timeout.ReadTimeoutException",
			NetworkFailures.class.getClassLoader());

	private static final String JDK_TUNNEL_FAILED = "Tunnel failed";

	private NetworkFailures() {
	}

	/**
	 * Classify a failure of a call that carries no credential (a storage transfer).
	 */
	static ChatBotKitConnectionException translate(Throwable failure, String call) {
		return translate(failure, call, null, "");
	}

	static ChatBotKitConnectionException translate(Throwable failure, String call, String secret) {
		return translate(failure, call, null, secret);
	}

	/**
	 * The failure of a call that a {@code Cancellation} cancelled: caused by a
	 * {@link CancellationException}, with what the engine threw, if anything, suppressed.
	 * @param what the call and how far it got
	 * @param requestSent whether the request may have left
	 * @param failure what the engine threw, if anything
	 * @return the exception to throw
	 */
	static ChatBotKitConnectionException cancelled(String what, boolean requestSent, @Nullable Throwable failure) {
		ChatBotKitConnectionException cancelled = new ChatBotKitConnectionException("Cancelled: " + what,
				new CancellationException("cancelled by Cancellation.cancel()"), requestSent);
		if (failure != null) {
			cancelled.addSuppressed(failure);
		}
		return cancelled;
	}

	/**
	 * Classify a failure.
	 * @param failure what the engine threw
	 * @param call the call, for the message
	 * @param target the URI called, to name a proxy that refused it, if known
	 * @param secret the secret, never shown
	 * @return the exception to throw
	 */
	static ChatBotKitConnectionException translate(Throwable failure, String call, @Nullable URI target,
			String secret) {
		Throwable cause = Redaction.safe(failure, secret);
		String detail = call + " failed: " + describe(failure, secret);
		if (isInterrupt(failure)) {
			return new ChatBotKitConnectionException("Interrupted: " + detail, cause, !isAbortedLease(failure));
		}
		if (isAbortedLease(failure)) {
			// a Cancellation aborted the request while it waited for a connection
			return new ChatBotKitConnectionException("Aborted before it was sent: " + detail, cause, false);
		}
		ProxyRefusedException refused = proxyRefusal(failure, target);
		if (refused != null) {
			return proxyRefused(refused, call);
		}
		if (isPoolTimeout(failure)) {
			return new ChatBotKitTimeoutException("Timed out waiting for a pooled connection: " + call + ": "
					+ Redaction.mask(String.valueOf(failure.getMessage()), secret), cause, false);
		}
		if (isConnectTimeout(failure)) {
			return new ChatBotKitTimeoutException("Timed out connecting: " + detail, cause, false);
		}
		if (isReadTimeout(failure)) {
			return new ChatBotKitTimeoutException("Timed out waiting for the answer: " + detail, cause, true);
		}
		boolean notSent = isNotSent(failure) || isNotSent(failure.getCause());
		return new ChatBotKitConnectionException((notSent ? "Could not connect: " : "Connection failed: ") + detail,
				cause, !notSent);
	}

	/**
	 * A proxy that refused the call: never sent, and not retried (a refusal is a matter
	 * of configuration, see {@link RetryPolicy}).
	 */
	static ChatBotKitConnectionException proxyRefused(ProxyRefusedException refused, String call) {
		return new ChatBotKitConnectionException("Proxy refused: " + call + " was not sent: " + refused.getMessage()
				+ " (JVM proxy settings: https.proxyHost, http.proxyHost, http.nonProxyHosts)", refused, false);
	}

	/**
	 * The proxy the JVM settings choose for a URI, as {@code host:port}.
	 */
	static String proxyFor(@Nullable URI target) {
		if (target != null) {
			ProxySelector selector = ProxySelector.getDefault();
			if (selector != null) {
				for (Proxy proxy : selector.select(target)) {
					if (proxy.address() instanceof InetSocketAddress address) {
						return address.getHostString() + ":" + address.getPort();
					}
				}
			}
		}
		return "(unknown)";
	}

	static String hostAndPort(URI target) {
		int port = (target.getPort() != -1) ? target.getPort()
				: "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
		return target.getHost() + ":" + port;
	}

	private static @Nullable ProxyRefusedException proxyRefusal(Throwable failure, @Nullable URI target) {
		if (failure instanceof ProxyRefusedException refused) {
			return refused;
		}
		if (target != null && failure instanceof IOException
				&& String.valueOf(failure.getMessage()).startsWith(JDK_TUNNEL_FAILED)) {
			String message = String.valueOf(failure.getMessage());
			String answer = message.substring(message.lastIndexOf(' ') + 1);
			return new ProxyRefusedException(proxyFor(target), hostAndPort(target), answer, failure);
		}
		return null;
	}

	private static boolean isInterrupt(Throwable failure) {
		if (Thread.currentThread().isInterrupted()) {
			return true;
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InterruptedException || cause instanceof ClosedByInterruptException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether an interrupt or an abort ended the wait for a pooled connection, before
	 * anything was sent: HttpClient 5 then throws a {@link CancellationException} (the
	 * lease was cancelled) or its {@code RequestFailedException} caused by either.
	 */
	private static boolean isAbortedLease(Throwable failure) {
		return failure instanceof CancellationException
				|| (HTTP_COMPONENTS_PRESENT && HttpComponents.isAbortedLease(failure));
	}

	private static boolean isPoolTimeout(Throwable failure) {
		return failure instanceof PoolWaitTimeoutException
				|| (HTTP_COMPONENTS_PRESENT && HttpComponents.isPoolTimeout(failure));
	}

	private static boolean isConnectTimeout(Throwable failure) {
		return failure instanceof HttpConnectTimeoutException
				|| (HTTP_COMPONENTS_PRESENT && HttpComponents.isConnectTimeout(failure))
				|| (NETTY_PRESENT && Netty.isConnectTimeout(failure)) || (failure instanceof SocketTimeoutException
						&& String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT).startsWith("connect"));
	}

	private static boolean isReadTimeout(Throwable failure) {
		return failure instanceof SocketTimeoutException || failure instanceof HttpTimeoutException
				|| (NETTY_PRESENT && Netty.isReadTimeout(failure))
				// other engines' timeouts (interrupts are told apart before)
				|| (failure instanceof InterruptedIOException
						&& String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT).contains("timeout"));
	}

	/**
	 * Whether a failure proves that the request did not leave: the connection, its TLS
	 * handshake or the request itself could not be made.
	 */
	private static boolean isNotSent(@Nullable Throwable failure) {
		return failure instanceof ConnectException || failure instanceof UnknownHostException
				|| failure instanceof NoRouteToHostException || failure instanceof SSLHandshakeException
				|| failure instanceof IllegalArgumentException;
	}

	private static String describe(Throwable failure, String secret) {
		String message = failure.getMessage();
		return failure.getClass().getSimpleName()
				+ ((message != null) ? " (" + Redaction.mask(message, secret) + ")" : "");
	}

	/**
	 * Kept apart so that this class loads without HttpClient 5 on the class path.
	 */
	private static final class HttpComponents {

		static boolean isPoolTimeout(Throwable failure) {
			return failure instanceof org.apache.hc.core5.http.ConnectionRequestTimeoutException;
		}

		static boolean isConnectTimeout(Throwable failure) {
			return failure instanceof org.apache.hc.client5.http.ConnectTimeoutException;
		}

		static boolean isAbortedLease(Throwable failure) {
			return failure instanceof org.apache.hc.client5.http.impl.classic.RequestFailedException
					&& (failure.getCause() instanceof InterruptedException
							|| failure.getCause() instanceof CancellationException);
		}

	}

	/**
	 * Netty's timeouts, which are not {@code java.net} ones: loaded only when Netty is
	 * present.
	 */
	private static final class Netty {

		static boolean isConnectTimeout(Throwable failure) {
			return failure instanceof io.netty.channel.ConnectTimeoutException;
		}

		static boolean isReadTimeout(Throwable failure) {
			return failure instanceof io.netty.handler.timeout.ReadTimeoutException;
		}

	}

}
