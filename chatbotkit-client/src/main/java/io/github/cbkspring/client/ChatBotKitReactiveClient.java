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

import java.time.Clock;
import java.util.function.Consumer;

import io.github.cbkspring.client.bot.ReactiveBotClient;
import io.github.cbkspring.client.bot.ReactiveSessionClient;
import io.github.cbkspring.client.contact.ReactiveContactClient;
import io.github.cbkspring.client.conversation.ReactiveConversationClient;
import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.ReactiveApiRequest;
import io.github.cbkspring.client.dataset.ReactiveDatasetClient;
import io.github.cbkspring.client.file.ReactiveFileClient;
import io.github.cbkspring.client.internal.EngineSettings;
import io.github.cbkspring.client.internal.ReactiveExchange;
import io.github.cbkspring.client.internal.ReactorEngine;
import io.github.cbkspring.client.internal.util.Redaction;
import io.github.cbkspring.client.partner.ReactivePartnerUserClient;
import io.github.cbkspring.client.usage.ReactiveUsageClient;
import reactor.core.scheduler.Scheduler;

import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The non-blocking ChatBotKit client, for Spring WebFlux and other Reactor applications:
 * the twin of {@link ChatBotKitClient} on Spring's {@link WebClient}, whose answers are
 * {@code Mono}s and {@code Flux}es and whose threads never wait on a socket. Calls follow
 * the blocking client's rules, from the same code: the URL rule, path encoding, headers,
 * run-as and options copies, retries with {@code Retry-After} within one deadline, typed
 * errors, size limits and secret masking. <pre class="code">
 * ChatBotKitReactiveClient client = ChatBotKitReactiveClient.create(webClientBuilder, options);
 * Flux&lt;CompletionEvent&gt; events = client.conversations().completeStream(conversationId, "Hi");
 * </pre> The generated clients of the resources without a hand-written client come from
 * {@link ReactiveChatBotKitResources}. Needs Spring WebFlux on the class path, and
 * Reactor Netty for {@link #create(ChatBotKitOptions)}. Thread-safe; copies made with
 * {@link #withOptions(Consumer)} share the connection pool. A client made with
 * {@link #create(ChatBotKitOptions)} owns its engine: {@link #close()} it when it is no
 * longer used.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public final class ChatBotKitReactiveClient implements ReactiveChatBotKitResources, AutoCloseable {

	/**
	 * What a message about the pool of {@link #create(ChatBotKitOptions)} says to change.
	 */
	private static final String DEFAULT_POOL_SETTING = "the pool size: build the client with create(WebClient.builder()"
			+ ".clientConnector(...), options) on a pool of ChatBotKitReactiveEngine.connectionProvider(connectTimeout,"
			+ " maxConnections, setting)";

	private final ReactiveExchange exchange;

	ChatBotKitReactiveClient(ReactiveExchange exchange) {
		this.exchange = exchange;
	}

	/**
	 * Create a client on a {@link WebClient.Builder}, whose connector, filters and
	 * observation settings it keeps. The builder is not changed. Give it a connector with
	 * a connect timeout, a response timeout and no redirects; Spring Boot's builder has
	 * the {@code spring.http.clients.reactive.*} settings, and
	 * {@link ChatBotKitReactiveEngine#connectionProvider} sizes a Reactor Netty pool as
	 * {@link #create(ChatBotKitOptions)} does. The client does not own the connector:
	 * {@link #close()} leaves it open.
	 * @param webClientBuilder the builder to build the {@link WebClient} with
	 * @param options the options
	 * @return the client
	 */
	public static ChatBotKitReactiveClient create(WebClient.Builder webClientBuilder, ChatBotKitOptions options) {
		Assert.notNull(webClientBuilder, "WebClient.Builder must not be null");
		Assert.notNull(options, "ChatBotKitOptions must not be null");
		return new ChatBotKitReactiveClient(new ReactiveExchange(webClientBuilder.clone().build(), options, null));
	}

	/**
	 * Create a client on a Reactor Netty engine of its own: a connection pool of
	 * {@link ChatBotKitHttpEngine#DEFAULT_MAX_CONNECTIONS} connections set up by
	 * {@link ChatBotKitReactiveEngine} (a call waits at most the connect timeout for a
	 * free one) on Reactor Netty's shared event loops,
	 * {@link ChatBotKitClient#DEFAULT_CONNECT_TIMEOUT}, a read timeout (the longest
	 * silence while an answer is awaited or read) of
	 * {@link ChatBotKitClient#DEFAULT_READ_TIMEOUT}, and no redirects followed.
	 * {@link #close()} closes the pool and stops the loops.
	 * @param options the options
	 * @return the client
	 */
	public static ChatBotKitReactiveClient create(ChatBotKitOptions options) {
		return create(options,
				new EngineSettings(ChatBotKitClient.DEFAULT_CONNECT_TIMEOUT, ChatBotKitClient.DEFAULT_READ_TIMEOUT,
						ChatBotKitHttpEngine.DEFAULT_MAX_CONNECTIONS, DEFAULT_POOL_SETTING));
	}

	/**
	 * Create a client that owns an engine with the given settings.
	 */
	static ChatBotKitReactiveClient create(ChatBotKitOptions options, EngineSettings settings) {
		Assert.notNull(options, "ChatBotKitOptions must not be null");
		ReactorEngine engine = new ReactorEngine(settings);
		return new ChatBotKitReactiveClient(
				new ReactiveExchange(WebClient.builder().clientConnector(engine.connector()).build(), options, engine));
	}

	/**
	 * Create a client whose waits between attempts run on the given scheduler, whose
	 * clock measures the retry deadline: a virtual-time scheduler in tests.
	 */
	static ChatBotKitReactiveClient create(WebClient.Builder webClientBuilder, ChatBotKitOptions options,
			Scheduler timer, Clock clock) {
		return new ChatBotKitReactiveClient(new ReactiveExchange(webClientBuilder.build(), options, timer, clock));
	}

	@Override
	public ChatBotKitOptions options() {
		return this.exchange.options();
	}

	/**
	 * A copy of this client with some options changed, sharing its {@code WebClient} and
	 * connection pool: another secret for another tenant, or a run-as user.
	 * @param changes the changes to apply to a copy of the options
	 * @return the copy
	 * @throws IllegalArgumentException if the changed options are not acceptable
	 */
	@Override
	public ChatBotKitReactiveClient withOptions(Consumer<ChatBotKitOptions.Builder> changes) {
		ChatBotKitOptions.Builder builder = options().mutate();
		changes.accept(builder);
		return new ChatBotKitReactiveClient(this.exchange.withOptions(builder.build()));
	}

	/**
	 * A copy of this client that authenticates with another secret or session token.
	 * @param secret the secret or token
	 * @return the copy
	 */
	public ChatBotKitReactiveClient withSecret(String secret) {
		return withOptions((options) -> options.secret(secret));
	}

	/**
	 * The bot endpoints: list, fetch, create, update, delete, usage, and sessions with
	 * {@link ReactiveBotClient#sessions()}.
	 * @return a bot client
	 */
	public ReactiveBotClient bots() {
		return new ReactiveBotClient(this);
	}

	/**
	 * Bot sessions: the tokens a browser can call the API with.
	 * @return a session client
	 */
	public ReactiveSessionClient sessions() {
		return new ReactiveSessionClient(this);
	}

	/**
	 * The conversation endpoints: stateless completions, conversations (list, fetch,
	 * create, update, delete, usage), complete, send and receive within a conversation,
	 * whole or streamed, conversation sessions, and messages with
	 * {@link ReactiveConversationClient#messages()}.
	 * @return a conversation client
	 */
	public ReactiveConversationClient conversations() {
		return new ReactiveConversationClient(this);
	}

	/**
	 * The dataset endpoints: list, fetch, create, update, delete, search, and the records
	 * and files of datasets.
	 * @return a dataset client
	 */
	public ReactiveDatasetClient datasets() {
		return new ReactiveDatasetClient(this);
	}

	/**
	 * The contact endpoints: list, fetch, create, ensure (map a user of your application
	 * to a contact by fingerprint), update, delete.
	 * @return a contact client
	 */
	public ReactiveContactClient contacts() {
		return new ReactiveContactClient(this);
	}

	/**
	 * The partner user endpoints: list, fetch, create, update, delete, sessions and
	 * tokens. Act for a partner user with
	 * {@code withOptions(o -> o.runAsUserId(userId))}.
	 * @return a partner user client
	 */
	public ReactivePartnerUserClient partnerUsers() {
		return new ReactivePartnerUserClient(this);
	}

	/**
	 * The usage endpoint of the account (or of the partner user this client runs as).
	 * @return a usage client
	 */
	public ReactiveUsageClient usage() {
		return new ReactiveUsageClient(this);
	}

	/**
	 * Files: their records, and their content uploaded (inline or straight to the API's
	 * storage) and downloaded without blocking.
	 * @return a file client
	 */
	public ReactiveFileClient files() {
		return new ReactiveFileClient(this);
	}

	@Override
	public ReactiveApiRequest request(ApiEndpoint endpoint, Object... pathVariables) {
		return this.exchange.request(endpoint, pathVariables);
	}

	/**
	 * Close the engine that {@link #create(ChatBotKitOptions)} made for this client: its
	 * connections, in use or idle, and its pool are closed before this returns (call it
	 * where blocking is allowed, not on an event loop). Its copies
	 * ({@link #withOptions(Consumer)}) share the engine and cannot be used afterwards: a
	 * call on either fails with an {@link IllegalStateException} signal, and exchanges
	 * still under way fail with a {@code ChatBotKitException}. A client on a
	 * {@code WebClient.Builder} of your own, or a copy, closes nothing.
	 */
	@Override
	public void close() {
		this.exchange.close();
	}

	@Override
	public String toString() {
		return "ChatBotKitReactiveClient[baseUri=" + options().baseUri() + ", secret=" + Redaction.MASK + "]";
	}

}
