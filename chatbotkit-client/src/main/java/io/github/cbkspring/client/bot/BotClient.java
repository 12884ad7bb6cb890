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
import java.util.stream.Stream;

import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ApiTransport;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.Page;
import io.github.cbkspring.client.error.ChatBotKitException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.util.Assert;

/**
 * Manages bots: list, fetch, create, update, delete, and their usage. Sessions for a bot
 * are made with {@link #sessions()}. <pre class="code">
 * String botId = bots.create(BotRequest.builder().name("Support").model("gpt-5.4").build());
 * bots.update(botId, BotRequest.builder().backstory("You answer questions about our shop.").build());
 * </pre>
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class BotClient implements GeneratedBotOperations {

	static final ApiEndpoint LIST = ApiEndpoint.get("/bot/list");

	static final ApiEndpoint FETCH = ApiEndpoint.get("/bot/{botId}/fetch");

	static final ApiEndpoint CREATE = ApiEndpoint.post("/bot/create");

	static final ApiEndpoint UPDATE = ApiEndpoint.post("/bot/{botId}/update");

	static final ApiEndpoint DELETE = ApiEndpoint.post("/bot/{botId}/delete");

	static final ApiEndpoint USAGE = ApiEndpoint.get("/bot/{botId}/usage/fetch");

	static final ParameterizedTypeReference<Page<Bot>> PAGE = new ParameterizedTypeReference<>() {
	};

	private final ApiTransport transport;

	/**
	 * Create a bot client on an {@link ApiTransport}, such as a {@code ChatBotKitClient}.
	 * @param transport the transport whose options and connection pool to use
	 */
	public BotClient(ApiTransport transport) {
		Assert.notNull(transport, "ApiTransport must not be null");
		this.transport = transport;
	}

	/**
	 * Fetch a page of bots ({@code GET /bot/list}).
	 * @param query the page to fetch
	 * @return the page
	 * @throws ChatBotKitException if the call fails
	 */
	public Page<Bot> list(ListQuery query) {
		return this.transport.request(LIST).query(query).retrieve(PAGE);
	}

	/**
	 * Read every bot lazily, page after page; see {@link Page#walk}.
	 * @param query the first page to fetch: its size, order and filter apply to all
	 * @return the bots
	 */
	public Stream<Bot> listAll(ListQuery query) {
		return Page.walk(query, this::list);
	}

	/**
	 * Fetch a bot ({@code GET /bot/{botId}/fetch}).
	 * @param botId the bot
	 * @return the bot
	 * @throws IllegalArgumentException if {@code botId} is not acceptable
	 * @throws ChatBotKitException if the call fails, a
	 * {@code ChatBotKitNotFoundException} if there is no such bot
	 */
	public Bot fetch(String botId) {
		return this.transport.request(FETCH, botId).retrieve(Bot.class);
	}

	/**
	 * Create a bot ({@code POST /bot/create}).
	 * @param request the bot's settings
	 * @return the new bot's id
	 * @throws ChatBotKitException if the call fails
	 */
	public String create(BotRequest request) {
		Assert.notNull(request, "BotRequest must not be null");
		return this.transport.request(CREATE).body(request).retrieveId();
	}

	/**
	 * Change the settings of a bot that are set in the request ({@code POST
	 * /bot/{botId}/update}).
	 * @param botId the bot
	 * @param request the settings to change
	 * @throws IllegalArgumentException if an argument is not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public void update(String botId, BotRequest request) {
		Assert.notNull(request, "BotRequest must not be null");
		this.transport.request(UPDATE, botId).body(request).execute();
	}

	/**
	 * Delete a bot ({@code POST /bot/{botId}/delete}).
	 * @param botId the bot
	 * @throws IllegalArgumentException if {@code botId} is not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public void delete(String botId) {
		this.transport.request(DELETE, botId).body(Map.of()).execute();
	}

	/**
	 * Fetch what a bot used over its whole life.
	 * @param botId the bot
	 * @return the usage
	 * @throws ChatBotKitException if the call fails
	 */
	public BotUsage usage(String botId) {
		return usage(botId, null, null);
	}

	/**
	 * Fetch what a bot used in a period ({@code GET /bot/{botId}/usage/fetch}).
	 * @param botId the bot
	 * @param from the start of the period, or {@code null} for no lower bound
	 * @param to the end of the period, or {@code null} for no upper bound
	 * @return the usage
	 * @throws ChatBotKitException if the call fails
	 */
	public BotUsage usage(String botId, @Nullable Instant from, @Nullable Instant to) {
		return this.transport.request(USAGE, botId).query("from", from).query("to", to).retrieve(BotUsage.class);
	}

	/**
	 * The session endpoint of bots, on the same client.
	 * @return a session client
	 */
	public SessionClient sessions() {
		return new SessionClient(this.transport);
	}

	/**
	 * A copy of this client with some options changed, sharing the connection pool; see
	 * {@link ApiTransport#withOptions(Consumer)}.
	 * @param changes the changes to apply to a copy of the options
	 * @return the copy
	 */
	public BotClient withOptions(Consumer<ChatBotKitOptions.Builder> changes) {
		return new BotClient(this.transport.withOptions(changes));
	}

	/**
	 * The transport this client calls the API through.
	 * @return the transport
	 */
	@Override
	public ApiTransport transport() {
		return this.transport;
	}

	@Override
	public String toString() {
		return "BotClient[" + this.transport + "]";
	}

}
