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
package io.github.cbkspring.client.bot;

import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.Page;
import io.github.cbkspring.client.core.ReactiveApiTransport;
import io.github.cbkspring.client.core.ReactivePages;
import io.github.cbkspring.client.error.ChatBotKitException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * The non-blocking twin of {@link BotClient}: list, fetch, create, update, delete, and
 * usage of bots, as a {@link Mono} or a {@link Flux}; sessions with {@link #sessions()}.
 * <pre class="code">
 * Mono&lt;String&gt; botId = client.bots().create(BotRequest.builder().name("Support").build());
 * </pre>
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class ReactiveBotClient implements ReactiveGeneratedBotOperations {

	private final ReactiveApiTransport transport;

	/**
	 * Create a bot client on a {@link ReactiveApiTransport}, such as a
	 * {@code ChatBotKitReactiveClient}.
	 * @param transport the transport whose options and connection pool to use
	 */
	public ReactiveBotClient(ReactiveApiTransport transport) {
		Assert.notNull(transport, "ReactiveApiTransport must not be null");
		this.transport = transport;
	}

	/**
	 * Fetch a page of bots ({@code GET /bot/list}).
	 * @param query the page to fetch
	 * @return the page, or a {@link ChatBotKitException} signal
	 */
	public Mono<Page<Bot>> list(ListQuery query) {
		return this.transport.request(BotClient.LIST).query(query).retrieve(BotClient.PAGE);
	}

	/**
	 * Read every bot lazily, a page fetched only on demand; see
	 * {@link ReactivePages#walk}.
	 * @param query the first page to fetch: its size, order and filter apply to all
	 * @return the bots
	 */
	public Flux<Bot> listAll(ListQuery query) {
		return ReactivePages.walk(query, this::list);
	}

	/**
	 * Fetch a bot ({@code GET /bot/{botId}/fetch}).
	 * @param botId the bot
	 * @return the bot, or a {@link ChatBotKitException} signal, a
	 * {@code ChatBotKitNotFoundException} if there is no such bot
	 * @throws IllegalArgumentException if {@code botId} is not acceptable
	 */
	public Mono<Bot> fetch(String botId) {
		return this.transport.request(BotClient.FETCH, botId).retrieve(Bot.class);
	}

	/**
	 * Create a bot ({@code POST /bot/create}).
	 * @param request the bot's settings
	 * @return the new bot's id, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if the request is null
	 */
	public Mono<String> create(BotRequest request) {
		Assert.notNull(request, "BotRequest must not be null");
		return this.transport.request(BotClient.CREATE).body(request).retrieveId();
	}

	/**
	 * Change the settings of a bot that are set in the request ({@code POST
	 * /bot/{botId}/update}).
	 * @param botId the bot
	 * @param request the settings to change
	 * @return completes when the call succeeded, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an argument is not acceptable
	 */
	public Mono<Void> update(String botId, BotRequest request) {
		Assert.notNull(request, "BotRequest must not be null");
		return this.transport.request(BotClient.UPDATE, botId).body(request).execute();
	}

	/**
	 * Delete a bot ({@code POST /bot/{botId}/delete}).
	 * @param botId the bot
	 * @return completes when the call succeeded, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if {@code botId} is not acceptable
	 */
	public Mono<Void> delete(String botId) {
		return this.transport.request(BotClient.DELETE, botId).body(Map.of()).execute();
	}

	/**
	 * Fetch what a bot used over its whole life.
	 * @param botId the bot
	 * @return the usage, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if {@code botId} is not acceptable
	 */
	public Mono<BotUsage> usage(String botId) {
		return usage(botId, null, null);
	}

	/**
	 * Fetch what a bot used in a period ({@code GET /bot/{botId}/usage/fetch}).
	 * @param botId the bot
	 * @param from the start of the period, or {@code null} for no lower bound
	 * @param to the end of the period, or {@code null} for no upper bound
	 * @return the usage, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if {@code botId} is not acceptable
	 */
	public Mono<BotUsage> usage(String botId, @Nullable Instant from, @Nullable Instant to) {
		return this.transport.request(BotClient.USAGE, botId)
			.query("from", from)
			.query("to", to)
			.retrieve(BotUsage.class);
	}

	/**
	 * The session endpoint of bots, on the same transport.
	 * @return a session client
	 */
	public ReactiveSessionClient sessions() {
		return new ReactiveSessionClient(this.transport);
	}

	/**
	 * A copy of this client with some options changed, sharing the connection pool; see
	 * {@link ReactiveApiTransport#withOptions(Consumer)}.
	 * @param changes the changes to apply to a copy of the options
	 * @return the copy
	 */
	public ReactiveBotClient withOptions(Consumer<ChatBotKitOptions.Builder> changes) {
		return new ReactiveBotClient(this.transport.withOptions(changes));
	}

	/**
	 * The transport this client calls the API through.
	 * @return the transport
	 */
	@Override
	public ReactiveApiTransport transport() {
		return this.transport;
	}

	@Override
	public String toString() {
		return "ReactiveBotClient[" + this.transport + "]";
	}

}
