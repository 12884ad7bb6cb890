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
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ApiRequest;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.error.ChatBotKitConnectionException;
import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.client.internal.util.CancellationScope;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The one path every call takes: builds the URL, adds the bearer credential and the
 * option headers, retries as the {@link RetryPolicy} says within its deadline, and turns
 * every failure into a {@link ChatBotKitException}. Arguments are validated and the body
 * serialized before any I/O.
 * <p>
 * Not API: public for the client's entry point only, and can change in any release.
 *
 * @author cbkspring contributors
 */
public final class ApiExchange {

	private static final Log logger = LogFactory.getLog(ApiExchange.class);

	/**
	 * The request attribute that {@code RestClient} takes the URI template of an
	 * observation from ({@code DefaultRestClient.URI_TEMPLATE_ATTRIBUTE}).
	 */
	static final String URI_TEMPLATE_ATTRIBUTE = RestClient.class.getName() + ".uriTemplate";

	private final RestClient restClient;

	private final ChatBotKitOptions options;

	private final RetryPolicy retryPolicy;

	private final Sleeper sleeper;

	private final LongSupplier nanoClock;

	/**
	 * The wall clock a {@code Retry-After} date counts from when an answer has no date.
	 */
	private final Clock clock;

	/** The engine this exchange built for itself and closes, if any. */
	private final @Nullable Object engine;

	private final ApiHeaders headers;

	/**
	 * Whether the engine was closed: shared with the copies, which call through it.
	 */
	private final AtomicBoolean closed;

	public ApiExchange(RestClient restClient, ChatBotKitOptions options, Sleeper sleeper, LongSupplier nanoClock,
			Clock clock, @Nullable Object engine) {
		this(restClient, options, sleeper, nanoClock, clock, engine, new AtomicBoolean());
	}

	private ApiExchange(RestClient restClient, ChatBotKitOptions options, Sleeper sleeper, LongSupplier nanoClock,
			Clock clock, @Nullable Object engine, AtomicBoolean closed) {
		this.closed = closed;
		this.restClient = restClient;
		this.options = options;
		this.retryPolicy = new RetryPolicy(options.retry());
		this.sleeper = sleeper;
		this.nanoClock = nanoClock;
		this.clock = clock;
		this.engine = engine;
		this.headers = new ApiHeaders(options);
	}

	public ApiExchange(RestClient restClient, ChatBotKitOptions options, Sleeper sleeper, LongSupplier nanoClock,
			Clock clock) {
		this(restClient, options, sleeper, nanoClock, clock, null);
	}

	/**
	 * An exchange on a rest client; {@code engine}, if given, is the request factory
	 * under it, which {@link #close()} destroys.
	 */
	public ApiExchange(RestClient restClient, ChatBotKitOptions options, @Nullable Object engine) {
		this(restClient, options, (delay) -> Thread.sleep(delay.toMillis()), System::nanoTime, Clock.systemUTC(),
				engine);
	}

	/**
	 * A copy with other options on the same rest client; the copy does not own the
	 * engine.
	 */
	public ApiExchange withOptions(ChatBotKitOptions options) {
		return new ApiExchange(this.restClient, options, this.sleeper, this.nanoClock, this.clock, null, this.closed);
	}

	public ChatBotKitOptions options() {
		return this.options;
	}

	RestClient restClient() {
		return this.restClient;
	}

	/**
	 * Close the engine this exchange built for itself, if any.
	 */
	public void close() {
		if (this.engine != null) {
			this.closed.set(true);
		}
		try {
			if (this.engine instanceof DisposableBean disposable) {
				disposable.destroy();
			}
			else if (this.engine instanceof AutoCloseable closeable) {
				closeable.close();
			}
		}
		catch (Exception ex) {
			throw new ChatBotKitException("Closing the HTTP engine failed: " + ex, ex);
		}
	}

	/**
	 * Start a request to an endpoint on this exchange.
	 * @param endpoint the endpoint
	 * @param pathVariables the values of the endpoint's path variables
	 * @return the request
	 */
	public ApiRequest request(ApiEndpoint endpoint, Object[] pathVariables) {
		return new DefaultApiRequest(this, endpoint, pathVariables);
	}

	/**
	 * Make a call, repeating attempts as the retry policy allows.
	 * @param endpoint the endpoint
	 * @param pathVariables the values of the endpoint's path variables
	 * @param query the encoded query string without {@code ?}, if any
	 * @param body the body, if any
	 * @param reader reads a successful answer
	 */
	<T> T exchange(ApiEndpoint endpoint, Object[] pathVariables, @Nullable String query, @Nullable RequestBody body,
			ResponseReader<T> reader) {
		if (this.closed.get()) {
			// a programming error, not a network failure to retry
			throw new IllegalStateException("This ChatBotKitClient is closed, and with it the connection pool that"
					+ " its copies (withOptions) share");
		}
		ApiCall call = ApiCall.of(this.options, endpoint, pathVariables, query);
		NonBlockingThreads.refuseBlocking(call);
		CancellationScope.Active cancellation = CancellationScope.active();
		if (cancellation == null) {
			return attempts(call, body, reader, null);
		}
		if (!cancellation.begin()) {
			throw cancelled(call, false, null);
		}
		try {
			return attempts(call, body, reader, cancellation);
		}
		catch (ChatBotKitException ex) {
			if (!cancellation.isCancelled()) {
				throw ex;
			}
			throw cancelled(call, !(ex instanceof ChatBotKitConnectionException connection) || connection.requestSent(),
					ex);
		}
		finally {
			cancellation.end();
		}
	}

	private static ChatBotKitConnectionException cancelled(ApiCall call, boolean requestSent,
			@Nullable ChatBotKitException failure) {
		return NetworkFailures.cancelled(call + ((requestSent) ? " was cancelled after it was sent" : " was not sent"),
				requestSent, failure);
	}

	private <T> T attempts(ApiCall call, @Nullable RequestBody body, ResponseReader<T> reader,
			CancellationScope.@Nullable Active cancellation) {
		long deadline = this.nanoClock.getAsLong() + this.options.retry().deadline().toNanos();
		List<ChatBotKitException> earlierFailures = new ArrayList<>(0);
		for (int attempt = 1;; attempt++) {
			try {
				return exchangeOnce(call, body, reader);
			}
			catch (ChatBotKitException ex) {
				if (cancellation != null) {
					// a cancel from now on is for the wait or the next attempt
					cancellation.detach();
				}
				// a caller interrupted or cancelled wants to stop, not to wait
				boolean stopped = Thread.currentThread().isInterrupted()
						|| (cancellation != null && cancellation.isCancelled());
				Duration delay = (!stopped && (body == null || body.replayable()))
						? this.retryPolicy.delayWithin(call.method(), attempt, ex, this.nanoClock.getAsLong(), deadline)
						: null;
				if (delay == null) {
					earlierFailures.forEach(ex::addSuppressed);
					throw ex;
				}
				if (logger.isDebugEnabled()) {
					logger.debug("Retrying " + call + " in " + delay.toMillis() + " ms after attempt " + attempt
							+ " failed: " + ex.getMessage());
				}
				earlierFailures.add(ex);
				sleep(delay, ex, earlierFailures);
			}
		}
	}

	private <T> T exchangeOnce(ApiCall call, @Nullable RequestBody body, ResponseReader<T> reader) {
		if (Thread.currentThread().isInterrupted()) {
			// the engines would fail at a point of their own, some after sending
			throw new ChatBotKitConnectionException(
					"Interrupted: " + call + " was not sent: the calling thread is interrupted",
					new InterruptedException("interrupted before the request was sent"), false);
		}
		try {
			// The template, not the URI, names the call in observations: ids stay out of
			// metrics. Set as the attribute RestClient reads, since uri(template,
			// function) would parse the template twice per call.
			RestClient.RequestBodySpec request = this.restClient.method(call.method())
				.uri(call.uri())
				.attribute(URI_TEMPLATE_ATTRIBUTE, call.uriTemplate())
				.headers((headers) -> this.headers.addTo(headers, reader.accept()));
			if (body != null) {
				body.writeTo(request);
			}
			return request.exchange((clientRequest, response) -> {
				try {
					return read(call, response, reader);
				}
				catch (IOException | RuntimeException ex) {
					// the body may be unread or endless: never drain it
					Connections.abort(response);
					throw ex;
				}
			}, !reader.keepsResponseOpen());
		}
		catch (ChatBotKitException ex) {
			throw ex;
		}
		catch (ResourceAccessException ex) {
			throw NetworkFailures.translate((ex.getCause() instanceof IOException io) ? io : ex, call.toString(),
					call.uri(), this.options.secret());
		}
		catch (RuntimeException ex) {
			// an engine's unchecked failure (an interrupted pool, a closed inflater, ...)
			throw NetworkFailures.translate(ex, call.toString(), call.uri(), this.options.secret());
		}
	}

	private <T> T read(ApiCall call, ClientHttpResponse response, ResponseReader<T> reader) throws IOException {
		HttpStatusCode status = response.getStatusCode();
		if (status.value() == 407) {
			// only a proxy asks for proxy authentication: the API never saw the request
			throw call.proxyRefused();
		}
		if (!status.is2xxSuccessful()) {
			throw ErrorDecoder.decode(status, response.getHeaders(), errorBody(response), this.options.secret(),
					call.toString(), this.clock);
		}
		return reader.read(response, this.options, call.toString());
	}

	/**
	 * The start of an error answer's body, decoded when it is coded: the connection is
	 * aborted afterwards, so the rest is never read.
	 */
	private static BoundedBody errorBody(ClientHttpResponse response) throws IOException {
		InputStream body = (ContentCodings.unsupported(response.getHeaders()) != null) ? response.getBody()
				: ContentCodings.body(response);
		return BoundedBody.read(body, ErrorDecoder.MAX_ERROR_BODY);
	}

	private void sleep(Duration delay, ChatBotKitException failure, List<ChatBotKitException> earlierFailures) {
		try {
			this.sleeper.sleep(delay);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			earlierFailures.stream().filter((earlier) -> earlier != failure).forEach(failure::addSuppressed);
			failure.addSuppressed(ex);
			throw failure;
		}
	}

	/**
	 * Waits between attempts; replaced in tests so that they need not wait.
	 */
	@FunctionalInterface
	public interface Sleeper {

		void sleep(Duration delay) throws InterruptedException;

	}

}
