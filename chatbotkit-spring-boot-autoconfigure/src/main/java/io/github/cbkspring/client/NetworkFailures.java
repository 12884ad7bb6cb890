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

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * Classifies I/O failures of the HTTP engines (JDK, Apache HttpClient 5, Jetty, Reactor
 * Netty) into {@link ChatBotKitConnectionException}s, deciding deliberately whether the
 * request may have reached the server: only a failure to connect proves it did not, which
 * is what makes a retry of a {@code POST} safe.
 *
 * @author cbkspring contributors
 */
final class NetworkFailures {

	private static final String HTTP_COMPONENTS_CONNECT_TIMEOUT = "org.apache.hc.client5.http.ConnectTimeoutException";

	private static final String HTTP_COMPONENTS_POOL_TIMEOUT = "org.apache.hc.core5.http.ConnectionRequestTimeoutException";

	private NetworkFailures() {
	}

	static ChatBotKitConnectionException translate(Throwable failure, String call) {
		String detail = call + " failed: " + describe(failure);
		if (isConnectTimeout(failure)) {
			return new ChatBotKitTimeoutException("Timed out connecting: " + detail, failure, false);
		}
		if (isReadTimeout(failure)) {
			return new ChatBotKitTimeoutException("Timed out waiting for the answer: " + detail, failure, true);
		}
		boolean notSent = failure instanceof ConnectException || failure instanceof UnknownHostException
				|| failure instanceof NoRouteToHostException;
		return new ChatBotKitConnectionException((notSent ? "Could not connect: " : "Connection failed: ") + detail,
				failure, !notSent);
	}

	private static boolean isConnectTimeout(Throwable failure) {
		return failure instanceof HttpConnectTimeoutException
				|| failure.getClass().getName().equals(HTTP_COMPONENTS_CONNECT_TIMEOUT)
				// no connection of the pool became free in time: nothing was sent
				|| failure.getClass().getName().equals(HTTP_COMPONENTS_POOL_TIMEOUT)
				|| (failure instanceof SocketTimeoutException && String.valueOf(failure.getMessage())
					.toLowerCase(java.util.Locale.ROOT)
					.startsWith("connect"));
	}

	private static boolean isReadTimeout(Throwable failure) {
		return failure instanceof SocketTimeoutException || failure instanceof HttpTimeoutException
				|| (failure instanceof InterruptedIOException && !(failure.getCause() instanceof InterruptedException)
						&& String.valueOf(failure.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("timeout"));
	}

	private static String describe(Throwable failure) {
		String message = failure.getMessage();
		return failure.getClass().getSimpleName() + ((message != null) ? " (" + message + ")" : "");
	}

}
