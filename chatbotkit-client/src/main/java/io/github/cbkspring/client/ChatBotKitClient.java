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
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.cbkspring.client.bot.BotClient;
import io.github.cbkspring.client.bot.SessionClient;
import io.github.cbkspring.client.contact.ContactClient;
import io.github.cbkspring.client.conversation.ConversationClient;
import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ApiRequest;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.FileUpload;
import io.github.cbkspring.client.core.RawResponse;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.dataset.DatasetClient;
import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.client.file.FileClient;
import io.github.cbkspring.client.internal.ApiExchange;
import io.github.cbkspring.client.internal.EngineSettings;
import io.github.cbkspring.client.internal.EngineSetup;
import io.github.cbkspring.client.internal.util.Redaction;
import io.github.cbkspring.client.partner.PartnerUserClient;
import io.github.cbkspring.client.usage.UsageClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * The entry point to the ChatBotKit API on Spring's {@link RestClient}: the typed clients
 * of each resource ({@link #sessions()}, {@link #conversations()}, ...; the hand-written
 * ones here, the generated ones from {@link ChatBotKitResources}, such as
 * {@code skillsets().abilities()}) and generic calls for any endpoint. Every call goes
 * through one exchange that builds the URL (encoding path variables), adds the bearer
 * credential and optional headers, retries as {@link RetryOptions} say, and turns
 * failures into {@link ChatBotKitException}s.
 * <p>
 * Instances are immutable and thread-safe. {@link #withOptions(Consumer)} makes copies
 * for another tenant or user that share the underlying HTTP connection pool. A client
 * made with {@link #create(ChatBotKitOptions)} owns its connection pool: {@link #close()}
 * it when it is no longer used.
 * <p>
 * Every call blocks its thread until ChatBotKit answers. On a thread that must not block,
 * as Reactor tells them (a WebFlux event loop, Reactor's {@code parallel()} scheduler), a
 * call fails at once with an {@link IllegalStateException} and is not sent: call the
 * client there through {@code Mono.fromCallable(...)} on
 * {@code Schedulers.boundedElastic()}.
 * <p>
 * Without Spring Boot: <pre class="code">
 * ChatBotKitClient client = ChatBotKitClient.create(ChatBotKitOptions.builder().secret(secret).build());
 * SessionCreateResponse session = client.sessions().create(botId);
 * </pre>
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public final class ChatBotKitClient implements ChatBotKitResources, AutoCloseable {

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

	/**
	 * What a message about the pool of {@link #create(ChatBotKitOptions)} says to change.
	 */
	private static final String DEFAULT_POOL_SETTING = "the pool size: build the client with create(RestClient.builder()"
			+ ".requestFactory(ChatBotKitHttpEngine.requestFactory(connectTimeout, readTimeout, maxConnections)), options)";

	/** Apache HttpClient 5's logs that print request headers at DEBUG. */
	private static final List<String> HTTP_COMPONENTS_HEADER_LOGS = List.of("org.apache.hc.client5.http.headers",
			"org.apache.hc.client5.http.wire");

	private final ApiExchange exchange;

	ChatBotKitClient(ApiExchange exchange) {
		this.exchange = exchange;
	}

	/**
	 * Create a client on a {@link RestClient.Builder}, whose request factory,
	 * interceptors and observation settings it keeps. The builder is not changed. Give it
	 * a request factory with timeouts and without redirects, such as
	 * {@link ChatBotKitHttpEngine#requestFactory(Duration, Duration, int)}; the client
	 * does not own it, and {@link #close()} leaves it open.
	 * @param restClientBuilder the builder to build the {@link RestClient} with
	 * @param options the options
	 * @return the client
	 */
	public static ChatBotKitClient create(RestClient.Builder restClientBuilder, ChatBotKitOptions options) {
		return create(restClientBuilder, options, null);
	}

	/**
	 * Create a client with its own connection pool set up by {@link ChatBotKitHttpEngine}
	 * with {@link #DEFAULT_CONNECT_TIMEOUT}, {@link #DEFAULT_READ_TIMEOUT} and
	 * {@link ChatBotKitHttpEngine#DEFAULT_MAX_CONNECTIONS}: Apache HttpClient 5 when it
	 * is on the class path, the JDK's client otherwise. {@link #close()} closes the pool.
	 * @param options the options
	 * @return the client
	 */
	public static ChatBotKitClient create(ChatBotKitOptions options) {
		return create(options, EngineSetup::requestFactory);
	}

	/**
	 * Create a client that owns the engine made by {@code engine}.
	 */
	static ChatBotKitClient create(ChatBotKitOptions options,
			Function<EngineSettings, ClientHttpRequestFactory> engine) {
		Assert.notNull(options, "ChatBotKitOptions must not be null");
		ClientHttpRequestFactory requestFactory = engine.apply(new EngineSettings(DEFAULT_CONNECT_TIMEOUT,
				DEFAULT_READ_TIMEOUT, ChatBotKitHttpEngine.DEFAULT_MAX_CONNECTIONS, DEFAULT_POOL_SETTING));
		return create(RestClient.builder().requestFactory(requestFactory), options, requestFactory);
	}

	private static ChatBotKitClient create(RestClient.Builder restClientBuilder, ChatBotKitOptions options,
			@Nullable Object engine) {
		Assert.notNull(restClientBuilder, "RestClient.Builder must not be null");
		Assert.notNull(options, "ChatBotKitOptions must not be null");
		for (String log : HTTP_COMPONENTS_HEADER_LOGS) {
			if (LogFactory.getLog(log).isDebugEnabled()) {
				logger.warn("DEBUG logging of '" + log + "' prints every request header, the"
						+ " ChatBotKit secret in 'Authorization' included: keep it off outside local debugging");
			}
		}
		return new ChatBotKitClient(new ApiExchange(restClientBuilder.build(), options, engine));
	}

	/**
	 * The options of this client.
	 * @return the options
	 */
	@Override
	public ChatBotKitOptions options() {
		return this.exchange.options();
	}

	/**
	 * A copy of this client with some options changed, sharing this client's HTTP
	 * connection pool: for example another secret for another tenant, or a run-as user.
	 * @param changes the changes to apply to a copy of the options
	 * @return the copy
	 * @throws IllegalArgumentException if the changed options are not acceptable
	 */
	@Override
	public ChatBotKitClient withOptions(Consumer<ChatBotKitOptions.Builder> changes) {
		ChatBotKitOptions.Builder builder = options().mutate();
		changes.accept(builder);
		return new ChatBotKitClient(this.exchange.withOptions(builder.build()));
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
	 * The bot endpoints: list, fetch, create, update, delete, usage.
	 * @return a bot client
	 */
	public BotClient bots() {
		return new BotClient(this);
	}

	/**
	 * The bot session endpoints, on this client.
	 * @return a session client
	 */
	public SessionClient sessions() {
		return new SessionClient(this);
	}

	/**
	 * The conversation endpoints, on this client: stateless completions, conversations
	 * (list, fetch, create, update, delete, usage), complete, send and receive within a
	 * conversation, conversation sessions, and messages with
	 * {@link ConversationClient#messages()}. Build the client with a session token to act
	 * within one conversation.
	 * @return a conversation client
	 */
	public ConversationClient conversations() {
		return new ConversationClient(this);
	}

	/**
	 * The dataset endpoints: list, fetch, create, update, delete, search, and the records
	 * and files of datasets.
	 * @return a dataset client
	 */
	public DatasetClient datasets() {
		return new DatasetClient(this);
	}

	/**
	 * The file endpoints: list, fetch, create, update, delete, upload (inline or direct
	 * to storage, by size) and download (streamed).
	 * @return a file client
	 */
	public FileClient files() {
		return new FileClient(this);
	}

	/**
	 * The contact endpoints: list, fetch, create, ensure (map a user of your application
	 * to a contact by fingerprint), update, delete.
	 * @return a contact client
	 */
	public ContactClient contacts() {
		return new ContactClient(this);
	}

	/**
	 * The partner user endpoints: list, fetch, create, update, delete, sessions and
	 * tokens. Act for a partner user with
	 * {@code withOptions(o -> o.runAsUserId(userId))}.
	 * @return a partner user client
	 */
	public PartnerUserClient partnerUsers() {
		return new PartnerUserClient(this);
	}

	/**
	 * The usage endpoint of the account (or of the partner user this client runs as).
	 * @return a usage client
	 */
	public UsageClient usage() {
		return new UsageClient(this);
	}

	/**
	 * Start a request to an endpoint, the way every typed client makes its calls.
	 * @param endpoint the endpoint, best kept as a constant
	 * @param pathVariables values of the path's variables in order, each encoded as one
	 * segment
	 * @return the request, to complete with a body or query and read with one of its
	 * terminal methods
	 * @throws IllegalArgumentException if a path variable is not acceptable (checked when
	 * the request is made)
	 */
	@Override
	public ApiRequest request(ApiEndpoint endpoint, Object... pathVariables) {
		return this.exchange.request(endpoint, pathVariables);
	}

	/**
	 * {@code GET} an endpoint and read its answer: JSON mapped to {@code responseType},
	 * any content as bytes when {@code responseType} is {@link RawResponse}, nothing when
	 * it is {@link Void}.
	 * @param <T> the answer type
	 * @param path the endpoint path after the API path, such as {@code /bot/{botId}}
	 * @param responseType the type to read the answer into
	 * @param uriVariables values of the path's variables, each encoded as one segment
	 * @return the answer
	 * @throws IllegalArgumentException if the path or a variable is not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public <T> T get(String path, Class<T> responseType, Object... uriVariables) {
		return request(ApiEndpoint.get(path), uriVariables).retrieve(responseType);
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
		return request(ApiEndpoint.get(path), uriVariables).retrieve(responseType);
	}

	/**
	 * {@code POST} an object (a record, a map, ...) as JSON to an endpoint and read its
	 * answer: JSON mapped to {@code responseType}, any content as bytes when
	 * {@code responseType} is {@link RawResponse}, nothing when it is {@link Void}.
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
		return request(ApiEndpoint.post(path), uriVariables).body(body).retrieve(responseType);
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
		return request(ApiEndpoint.post(path), uriVariables).body(body).retrieve(responseType);
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
		return request(ApiEndpoint.post(path), uriVariables).file(file).retrieve(responseType);
	}

	/**
	 * Call an endpoint that answers with JSON Lines and read the answer lazily, one
	 * element a line: {@code POST} with a JSON body, or {@code GET} when {@code body} is
	 * {@code null}. See {@link ApiRequest#stream(Class)}.
	 * @param <T> the element type
	 * @param path the endpoint path after the API path
	 * @param body the request body written as JSON, or {@code null} for a {@code GET}
	 * @param elementType the type to read each line into
	 * @param uriVariables values of the path's variables, each encoded as one segment
	 * @return the stream of elements; close it to release its connection
	 * @throws IllegalArgumentException if the path, a variable or the body is not
	 * acceptable
	 * @throws ChatBotKitException if the call fails before the stream starts
	 */
	public <T> Stream<T> stream(String path, @Nullable Object body, Class<T> elementType, Object... uriVariables) {
		if (body == null) {
			return request(ApiEndpoint.get(path), uriVariables).stream(elementType);
		}
		return request(ApiEndpoint.post(path), uriVariables).body(body).stream(elementType);
	}

	/**
	 * Close the connection pool that {@link #create(ChatBotKitOptions)} made for this
	 * client; its copies ({@link #withOptions(Consumer)}) share it and cannot be used
	 * afterwards: a call on either fails with an {@link IllegalStateException}. A client
	 * on a {@code RestClient.Builder} of your own, or a copy, closes nothing. Streams
	 * still open fail.
	 */
	@Override
	public void close() {
		this.exchange.close();
	}

	@Override
	public String toString() {
		return "ChatBotKitClient[baseUri=" + options().baseUri() + ", secret=" + Redaction.MASK + "]";
	}

}
