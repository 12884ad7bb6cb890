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

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The one path every call takes: builds the URL, adds the bearer credential and the
 * option headers, retries as the {@link RetryPolicy} says within its deadline, and turns
 * failures into {@link ChatBotKitException}s. Arguments are validated and the body
 * serialized before any I/O.
 *
 * @author cbkspring contributors
 */
final class ApiExchange {

	private static final Log logger = LogFactory.getLog(ApiExchange.class);

	/**
	 * The request attribute that {@code RestClient} takes the URI template of an
	 * observation from ({@code DefaultRestClient.URI_TEMPLATE_ATTRIBUTE}).
	 */
	static final String URI_TEMPLATE_ATTRIBUTE = RestClient.class.getName() + ".uriTemplate";

	private static final String RUN_AS_USER_HEADER = "X-RunAs-User-Id";

	private static final String TIMEZONE_HEADER = "X-Timezone";

	private final RestClient restClient;

	private final ChatBotKitOptions options;

	private final RetryPolicy retryPolicy;

	private final Sleeper sleeper;

	private final LongSupplier nanoClock;

	/** The {@code Authorization} value, built once rather than on every call. */
	private final String authorization;

	ApiExchange(RestClient restClient, ChatBotKitOptions options, Sleeper sleeper, LongSupplier nanoClock) {
		this.restClient = restClient;
		this.options = options;
		this.retryPolicy = new RetryPolicy(options.retry());
		this.sleeper = sleeper;
		this.nanoClock = nanoClock;
		this.authorization = "Bearer " + options.secret();
	}

	ApiExchange(RestClient restClient, ChatBotKitOptions options) {
		this(restClient, options, (delay) -> Thread.sleep(delay.toMillis()), System::nanoTime);
	}

	ApiExchange withOptions(ChatBotKitOptions options) {
		return new ApiExchange(this.restClient, options, this.sleeper, this.nanoClock);
	}

	ChatBotKitOptions options() {
		return this.options;
	}

	RestClient restClient() {
		return this.restClient;
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
		String path = endpoint.path().expand(pathVariables);
		URI uri = URI.create(this.options.baseUri() + ((query != null) ? path + "?" + query : path));
		Call call = new Call(endpoint.method(), uri, this.options.baseUri() + endpoint.pathTemplate());
		long deadline = this.nanoClock.getAsLong() + this.options.retry().deadline().toNanos();
		List<ChatBotKitException> earlierFailures = new ArrayList<>(0);
		for (int attempt = 1;; attempt++) {
			try {
				return exchangeOnce(call, body, reader);
			}
			catch (ChatBotKitException ex) {
				Duration delay = (body == null || body.replayable())
						? this.retryPolicy.delayBeforeRetry(call.method(), attempt, ex) : null;
				if (delay == null || this.nanoClock.getAsLong() + delay.toNanos() > deadline) {
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

	private <T> T exchangeOnce(Call call, @Nullable RequestBody body, ResponseReader<T> reader) {
		// The template, not the URI, names the call in observations: ids stay out of
		// metrics. Set as the attribute RestClient reads, since uri(template, function)
		// would parse the template twice per call.
		RestClient.RequestBodySpec request = this.restClient.method(call.method())
			.uri(call.uri())
			.attribute(URI_TEMPLATE_ATTRIBUTE, call.uriTemplate())
			.headers((headers) -> addHeaders(headers, reader.accept()));
		if (body != null) {
			body.writeTo(request);
		}
		try {
			return request.exchange((clientRequest, response) -> {
				try {
					HttpStatusCode status = response.getStatusCode();
					if (!status.is2xxSuccessful()) {
						throw ErrorDecoder.decode(status, response.getHeaders(),
								BoundedBody.read(response.getBody(), ErrorDecoder.MAX_ERROR_BODY),
								this.options.secret());
					}
					return reader.read(response, this.options, call.toString());
				}
				catch (IOException | RuntimeException ex) {
					// the body may be unread or endless: never drain it
					Connections.abort(response);
					throw ex;
				}
			}, !reader.keepsResponseOpen());
		}
		catch (ResourceAccessException ex) {
			throw NetworkFailures.translate((ex.getCause() instanceof IOException io) ? io : ex, call.toString());
		}
	}

	private void addHeaders(HttpHeaders headers, MediaType accept) {
		headers.set(HttpHeaders.AUTHORIZATION, this.authorization);
		// MediaType caches its text; setAccept(List) would format a new string every call
		headers.set(HttpHeaders.ACCEPT, accept.toString());
		String runAsUserId = this.options.runAsUserId();
		if (runAsUserId != null) {
			headers.set(RUN_AS_USER_HEADER, runAsUserId);
		}
		ZoneId timezone = this.options.timezone();
		if (timezone != null) {
			headers.set(TIMEZONE_HEADER, timezone.getId());
		}
		for (Map.Entry<String, String> header : this.options.headers().entrySet()) {
			headers.set(header.getKey(), header.getValue());
		}
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
	interface Sleeper {

		void sleep(Duration delay) throws InterruptedException;

	}

	/**
	 * One call as messages and observations name it: the method and the URI template,
	 * never the ids in the URI.
	 */
	private record Call(HttpMethod method, URI uri, String uriTemplate) {

		@Override
		public String toString() {
			return this.method.name() + " " + this.uriTemplate;
		}

	}

}
