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
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The ChatBotKit API client on Spring's {@link RestClient}: every call goes through one
 * exchange here that builds the URL (encoding path variables), adds the bearer credential
 * and optional headers, retries as {@link RetryOptions} say, and turns failures into
 * {@link ChatBotKitException}s. Endpoint clients such as {@link SessionClient} are thin
 * layers over it; its generic methods reach any other endpoint.
 * <p>
 * Instances are immutable and thread-safe. {@link #withOptions(Consumer)} makes copies
 * for another tenant or user that share the underlying HTTP connection pool.
 * <p>
 * Without Spring Boot: <pre class="code">
 * ChatBotKitClient client = ChatBotKitClient.create(ChatBotKitOptions.builder().secret(secret).build());
 * SessionCreateResponse session = client.sessions().create(botId);
 * </pre>
 *
 * @author cbkspring contributors
 */
public final class ChatBotKitClient {

	/**
	 * Connect timeout of {@link #create(ChatBotKitOptions)}.
	 */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * Read timeout of {@link #create(ChatBotKitOptions)}: the longest silence while
	 * waiting for an answer.
	 */
	public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

	private static final Log logger = LogFactory.getLog(ChatBotKitClient.class);

	private static final String HTTP_COMPONENTS_HEADER_LOG = "org.apache.hc.client5.http.headers";

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

	/** The {@code Authorization} value, built once rather than on every call. */
	private final String authorization;

	private ChatBotKitClient(RestClient restClient, ChatBotKitOptions options) {
		this.restClient = restClient;
		this.options = options;
		this.retryPolicy = new RetryPolicy(options.retry());
		this.authorization = "Bearer " + options.secret();
	}

	/**
	 * Create a client on a {@link RestClient.Builder}, whose request factory,
	 * interceptors and observation settings it keeps. The builder is not changed. Give it
	 * a request factory with timeouts and without redirects, such as
	 * {@link ChatBotKitRequestFactory#create(Duration, Duration)}.
	 * @param restClientBuilder the builder to build the {@link RestClient} with
	 * @param options the options
	 * @return the client
	 */
	public static ChatBotKitClient create(RestClient.Builder restClientBuilder, ChatBotKitOptions options) {
		Assert.notNull(restClientBuilder, "RestClient.Builder must not be null");
		Assert.notNull(options, "ChatBotKitOptions must not be null");
		if (LogFactory.getLog(HTTP_COMPONENTS_HEADER_LOG).isDebugEnabled()) {
			logger.warn("DEBUG logging of '" + HTTP_COMPONENTS_HEADER_LOG + "' prints every request header, the"
					+ " ChatBotKit secret in 'Authorization' included: keep it off outside local debugging");
		}
		return new ChatBotKitClient(restClientBuilder.build(), options);
	}

	/**
	 * Create a client with its own connection pool, {@link #DEFAULT_CONNECT_TIMEOUT},
	 * {@link #DEFAULT_READ_TIMEOUT} and no redirects followed.
	 * @param options the options
	 * @return the client
	 */
	public static ChatBotKitClient create(ChatBotKitOptions options) {
		return create(
				RestClient.builder()
					.requestFactory(ChatBotKitRequestFactory.create(DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT)),
				options);
	}

	/**
	 * The options of this client.
	 * @return the options
	 */
	public ChatBotKitOptions options() {
		return this.options;
	}

	/**
	 * A copy of this client with some options changed, sharing this client's HTTP
	 * connection pool: for example another secret for another tenant, or a run-as user.
	 * @param changes the changes to apply to a copy of the options
	 * @return the copy
	 */
	public ChatBotKitClient withOptions(Consumer<ChatBotKitOptions.Builder> changes) {
		ChatBotKitOptions.Builder builder = this.options.mutate();
		changes.accept(builder);
		return new ChatBotKitClient(this.restClient, builder.build());
	}

	/**
	 * A copy of this client that authenticates with another secret or session token.
	 * @param secret the secret or token
	 * @return the copy
	 */
	public ChatBotKitClient withSecret(String secret) {
		return withOptions((options) -> options.secret(secret));
	}

	/**
	 * The bot session endpoints, on this client.
	 * @return a session client
	 */
	public SessionClient sessions() {
		return new SessionClient(this);
	}

	/**
	 * The conversation endpoints (completion, conversation sessions), on this client.
	 * Build the client with a session token to act within one conversation.
	 * @return a conversation client
	 */
	public ConversationClient conversations() {
		return new ConversationClient(this);
	}

	/**
	 * {@code GET} an endpoint and read its answer: JSON mapped to {@code responseType},
	 * or any content as bytes when {@code responseType} is {@link RawResponse}.
	 * @param <T> the answer type
	 * @param path the endpoint path after the API path, such as {@code /bot/{botId}}
	 * @param responseType the type to read the answer into
	 * @param uriVariables values of the path's variables, each encoded as one segment
	 * @return the answer
	 * @throws IllegalArgumentException if the path or a variable is not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public <T> T get(String path, Class<T> responseType, Object... uriVariables) {
		return get(path, ParameterizedTypeReference.forType(responseType), uriVariables);
	}

	/**
	 * {@code GET} an endpoint and read its answer into a generic type.
	 * @param <T> the answer type
	 * @param path the endpoint path after the API path
	 * @param responseType the type to read the answer into
	 * @param uriVariables values of the path's variables, each encoded as one segment
	 * @return the answer
	 * @throws IllegalArgumentException if the path or a variable is not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public <T> T get(String path, ParameterizedTypeReference<T> responseType, Object... uriVariables) {
		return exchange(HttpMethod.GET, PathTemplate.parse(path), uriVariables, null, reader(responseType));
	}

	/**
	 * {@code POST} an object (a record, a map, ...) as JSON to an endpoint and read its
	 * answer: JSON mapped to {@code responseType}, or any content as bytes when
	 * {@code responseType} is {@link RawResponse}.
	 * @param <T> the answer type
	 * @param path the endpoint path after the API path
	 * @param body the request body, written as JSON
	 * @param responseType the type to read the answer into
	 * @param uriVariables values of the path's variables, each encoded as one segment
	 * @return the answer
	 * @throws IllegalArgumentException if the path, a variable or the body is not
	 * acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public <T> T post(String path, Object body, Class<T> responseType, Object... uriVariables) {
		return post(path, body, ParameterizedTypeReference.forType(responseType), uriVariables);
	}

	/**
	 * {@code POST} an object as JSON to an endpoint and read its answer into a generic
	 * type.
	 * @param <T> the answer type
	 * @param path the endpoint path after the API path
	 * @param body the request body, written as JSON
	 * @param responseType the type to read the answer into
	 * @param uriVariables values of the path's variables, each encoded as one segment
	 * @return the answer
	 * @throws IllegalArgumentException if the path, a variable or the body is not
	 * acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public <T> T post(String path, Object body, ParameterizedTypeReference<T> responseType, Object... uriVariables) {
		return exchange(HttpMethod.POST, PathTemplate.parse(path), uriVariables, json(body), reader(responseType));
	}

	/**
	 * Upload a file as the {@code file} part of a {@code multipart/form-data}
	 * {@code POST} and read the answer.
	 * @param <T> the answer type
	 * @param path the endpoint path after the API path
	 * @param file the file
	 * @param responseType the type to read the answer into
	 * @param uriVariables values of the path's variables, each encoded as one segment
	 * @return the answer
	 * @throws IllegalArgumentException if the path or a variable is not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public <T> T upload(String path, FileUpload file, Class<T> responseType, Object... uriVariables) {
		Assert.notNull(file, "FileUpload must not be null");
		HttpHeaders partHeaders = new HttpHeaders();
		partHeaders.setContentDispositionFormData("file", file.filename());
		if (file.contentType() != null) {
			partHeaders.setContentType(file.contentType());
		}
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new HttpEntity<>(file.content(), partHeaders));
		return exchange(HttpMethod.POST, PathTemplate.parse(path), uriVariables,
				new RequestBody.Multipart(parts, !file.content().isOpen()),
				reader(ParameterizedTypeReference.forType(responseType)));
	}

	/**
	 * Call an endpoint that answers with JSON Lines ({@code Accept: application/jsonl})
	 * and read the answer lazily, one element a line: {@code POST} with a JSON body, or
	 * {@code GET} when {@code body} is {@code null}. The stream holds a connection: close
	 * it, best with try-with-resources; it is also released when read to the end.
	 * <p>
	 * Blank lines are skipped. A line that is not JSON, or an {@code {"type":"error"}}
	 * event, ends the stream with a {@link ChatBotKitStreamException}; a network failure
	 * with a {@link ChatBotKitConnectionException}. Only the opening of the stream is
	 * retried.
	 * @param <T> the element type
	 * @param path the endpoint path after the API path
	 * @param body the request body written as JSON, or {@code null} for a {@code GET}
	 * @param elementType the type to read each line into
	 * @param uriVariables values of the path's variables, each encoded as one segment
	 * @return the stream of elements
	 * @throws IllegalArgumentException if the path, a variable or the body is not
	 * acceptable
	 * @throws ChatBotKitException if the call fails before the stream starts
	 */
	public <T> Stream<T> stream(String path, @Nullable Object body, Class<T> elementType, Object... uriVariables) {
		JavaType type = JsonCodec.INSTANCE.type(elementType);
		return stream((body != null) ? HttpMethod.POST : HttpMethod.GET, PathTemplate.parse(path), uriVariables,
				(body != null) ? json(body) : null, (node) -> JsonCodec.INSTANCE.convert(node, type));
	}

	<T> Stream<T> stream(HttpMethod method, PathTemplate path, Object[] uriVariables, RequestBody.@Nullable Json body,
			Function<JsonNode, T> mapper) {
		String call = method.name() + " " + this.options.baseUri() + path.template();
		return exchange(method, path, uriVariables, body, new JsonLinesResponseReader<>(mapper, call));
	}

	static RequestBody.Json json(Object body) {
		Assert.notNull(body, "Request body must not be null (use an empty map for {})");
		return new RequestBody.Json(JsonCodec.INSTANCE.write(body));
	}

	@SuppressWarnings("unchecked")
	static <T> ResponseReader<T> reader(ParameterizedTypeReference<T> type) {
		if (type.getType() == RawResponse.class) {
			return (ResponseReader<T>) RawResponseReader.INSTANCE;
		}
		return new JsonResponseReader<>(JsonCodec.INSTANCE.type(type.getType()));
	}

	/**
	 * The one path every call takes. Arguments are validated and the body serialized
	 * before any I/O; attempts are repeated as the retry policy says, within its
	 * deadline.
	 */
	<T> T exchange(HttpMethod method, PathTemplate path, Object[] uriVariables, @Nullable RequestBody body,
			ResponseReader<T> reader) {
		URI uri = URI.create(this.options.baseUri() + path.expand(uriVariables));
		String uriTemplate = this.options.baseUri() + path.template();
		long deadline = System.nanoTime() + this.options.retry().deadline().toNanos();
		List<ChatBotKitException> earlierFailures = new ArrayList<>(0);
		for (int attempt = 1;; attempt++) {
			try {
				return exchangeOnce(method, uri, uriTemplate, body, reader);
			}
			catch (ChatBotKitException ex) {
				Duration delay = (body == null || body.replayable())
						? this.retryPolicy.delayBeforeRetry(method, attempt, ex) : null;
				if (delay == null || System.nanoTime() + delay.toNanos() > deadline) {
					earlierFailures.forEach(ex::addSuppressed);
					throw ex;
				}
				if (logger.isDebugEnabled()) {
					logger.debug("Retrying " + method.name() + " " + uriTemplate + " in " + delay.toMillis()
							+ " ms after attempt " + attempt + " failed: " + ex.getMessage());
				}
				earlierFailures.add(ex);
				sleep(delay, ex, earlierFailures);
			}
		}
	}

	private <T> T exchangeOnce(HttpMethod method, URI uri, String uriTemplate, @Nullable RequestBody body,
			ResponseReader<T> reader) {
		// The template, not the URI, names the call in observations: ids stay out of
		// metrics. Set as the attribute RestClient reads, since uri(template, function)
		// would parse the template twice per call.
		RestClient.RequestBodySpec request = this.restClient.method(method)
			.uri(uri)
			.attribute(URI_TEMPLATE_ATTRIBUTE, uriTemplate)
			.headers((headers) -> addHeaders(headers, reader.accept()));
		if (body != null) {
			body.writeTo(request);
		}
		boolean keepOpen = reader.keepsResponseOpen();
		try {
			return request.exchange((clientRequest, response) -> {
				try {
					HttpStatusCode status = response.getStatusCode();
					if (!status.is2xxSuccessful()) {
						throw ErrorDecoder.decode(status, response.getHeaders(),
								BoundedBody.read(response.getBody(), ErrorDecoder.MAX_ERROR_BODY),
								this.options.secret());
					}
					return reader.read(response, this.options);
				}
				catch (IOException | RuntimeException ex) {
					// the body may be unread or endless: never drain it
					Connections.abort(response);
					throw ex;
				}
			}, !keepOpen);
		}
		catch (ResourceAccessException ex) {
			throw NetworkFailures.translate((ex.getCause() instanceof IOException io) ? io : ex,
					method.name() + " " + uriTemplate);
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

	private static void sleep(Duration delay, ChatBotKitException failure, List<ChatBotKitException> earlierFailures) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			earlierFailures.stream().filter((earlier) -> earlier != failure).forEach(failure::addSuppressed);
			failure.addSuppressed(ex);
			throw failure;
		}
	}

	@Override
	public String toString() {
		return "ChatBotKitClient[baseUri=" + this.options.baseUri() + ", secret=" + Redaction.MASK + "]";
	}

}
