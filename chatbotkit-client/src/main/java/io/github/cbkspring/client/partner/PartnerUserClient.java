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

package io.github.cbkspring.client.partner;

import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ApiTransport;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.Page;
import io.github.cbkspring.client.error.ChatBotKitException;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.util.Assert;

/**
 * Manages partner users, the accounts a multi-tenant application makes on ChatBotKit for
 * its customers: list, fetch, create, update, delete, sessions, and tokens.
 * <p>
 * The multi-tenant story: create a partner user for a customer once, keep its id with the
 * customer, and act for it with a copy of the client that runs as that user (it sends
 * {@code X-RunAs-User-Id} on every call and shares the connection pool). What the copy
 * creates belongs to the customer; the original client still acts for your own account.
 * <pre class="code">
 * String userId = client.partnerUsers().create(PartnerUserRequest.builder()
 *     .name("Acme Ltd")
 *     .meta("customerId", customer.getId())
 *     .limits(PartnerUserLimits.empty().withConversations(500))
 *     .build());
 *
 * ChatBotKitClient acme = client.withOptions((options) -&gt; options.runAsUserId(userId));
 * String botId = acme.bots().create(BotRequest.builder().name("Support").model("gpt-5.4").build());
 * SessionCreateResponse session = acme.sessions().create(botId); // Acme's bot, Acme's conversation
 * </pre> To let the customer's own front end call the API as the partner user, give it a
 * short-lived token from {@link #createSession(String, PartnerUserSessionRequest)}
 * instead of any secret.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class PartnerUserClient implements GeneratedPartnerUserOperations {

	static final ApiEndpoint LIST = ApiEndpoint.get("/partner/user/list");

	static final ApiEndpoint FETCH = ApiEndpoint.get("/partner/user/{userId}/fetch");

	static final ApiEndpoint CREATE = ApiEndpoint.post("/partner/user/create");

	static final ApiEndpoint UPDATE = ApiEndpoint.post("/partner/user/{userId}/update");

	static final ApiEndpoint DELETE = ApiEndpoint.post("/partner/user/{userId}/delete");

	static final ApiEndpoint SESSION_CREATE = ApiEndpoint.post("/partner/user/{userId}/session/create");

	static final ApiEndpoint TOKEN_LIST = ApiEndpoint.get("/partner/user/{userId}/token/list");

	static final ApiEndpoint TOKEN_CREATE = ApiEndpoint.post("/partner/user/{userId}/token/create");

	static final ApiEndpoint TOKEN_DELETE = ApiEndpoint.post("/partner/user/{userId}/token/{tokenId}/delete");

	static final ParameterizedTypeReference<Page<PartnerUser>> PAGE = new ParameterizedTypeReference<>() {
	};

	static final ParameterizedTypeReference<Page<PartnerUserToken>> TOKEN_PAGE = new ParameterizedTypeReference<>() {
	};

	private final ApiTransport transport;

	/**
	 * Create a partner user client on an {@link ApiTransport}, such as a
	 * {@code ChatBotKitClient}.
	 * @param transport the transport whose options and connection pool to use; it acts
	 * for the partner account
	 */
	public PartnerUserClient(ApiTransport transport) {
		Assert.notNull(transport, "ApiTransport must not be null");
		this.transport = transport;
	}

	/**
	 * Fetch a page of partner users ({@code GET /partner/user/list}).
	 * @param query the page to fetch
	 * @return the page
	 * @throws ChatBotKitException if the call fails
	 */
	public Page<PartnerUser> list(ListQuery query) {
		return this.transport.request(LIST).query(query).retrieve(PAGE);
	}

	/**
	 * Read every partner user lazily, page after page; see {@link Page#walk}.
	 * @param query the first page to fetch: its size, order and filter apply to all
	 * @return the partner users
	 */
	public Stream<PartnerUser> listAll(ListQuery query) {
		return Page.walk(query, this::list);
	}

	/**
	 * Fetch a partner user ({@code GET /partner/user/{userId}/fetch}).
	 * @param userId the partner user
	 * @return the partner user
	 * @throws IllegalArgumentException if {@code userId} is not acceptable
	 * @throws ChatBotKitException if the call fails, a
	 * {@code ChatBotKitNotFoundException} if there is no such user
	 */
	public PartnerUser fetch(String userId) {
		return this.transport.request(FETCH, userId).retrieve(PartnerUser.class);
	}

	/**
	 * Create a partner user ({@code POST /partner/user/create}).
	 * @param request the user's details and limits
	 * @return the new user's id: the value to run as
	 * @throws ChatBotKitException if the call fails
	 */
	public String create(PartnerUserRequest request) {
		Assert.notNull(request, "PartnerUserRequest must not be null");
		return this.transport.request(CREATE).body(request).retrieveId();
	}

	/**
	 * Change the details of a partner user that are set in the request ({@code POST
	 * /partner/user/{userId}/update}).
	 * @param userId the partner user
	 * @param request the details to change
	 * @throws IllegalArgumentException if an argument is not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public void update(String userId, PartnerUserRequest request) {
		Assert.notNull(request, "PartnerUserRequest must not be null");
		this.transport.request(UPDATE, userId).body(request).execute();
	}

	/**
	 * Delete a partner user ({@code POST /partner/user/{userId}/delete}).
	 * @param userId the partner user
	 * @throws IllegalArgumentException if {@code userId} is not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public void delete(String userId) {
		this.transport.request(DELETE, userId).body(Map.of()).execute();
	}

	/**
	 * Create a session for a partner user with the API's defaults.
	 * @param userId the partner user
	 * @return the session, with its token
	 * @throws IllegalArgumentException if {@code userId} is not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public PartnerUserSession createSession(String userId) {
		return createSession(userId, PartnerUserSessionRequest.empty());
	}

	/**
	 * Create a session for a partner user ({@code POST
	 * /partner/user/{userId}/session/create}): a short-lived token that authenticates as
	 * the user, for its front end.
	 * @param userId the partner user
	 * @param request the token's lifetime (sent as whole seconds), and optionally the
	 * routes it may call and the contact it carries
	 * @return the session, with its token
	 * @throws IllegalArgumentException if an argument is not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public PartnerUserSession createSession(String userId, PartnerUserSessionRequest request) {
		Assert.notNull(request, "PartnerUserSessionRequest must not be null");
		return this.transport.request(SESSION_CREATE, userId).body(request).retrieve(PartnerUserSession.class);
	}

	/**
	 * Fetch a page of a partner user's tokens ({@code GET
	 * /partner/user/{userId}/token/list}). The API filters this list by nothing but the
	 * cursor, so a query with a metadata filter is refused.
	 * @param userId the partner user
	 * @param query the page to fetch: cursor, size and order
	 * @return the page
	 * @throws IllegalArgumentException if an argument is not acceptable or the query has
	 * a metadata filter (before any call)
	 * @throws ChatBotKitException if the call fails
	 */
	public Page<PartnerUserToken> listTokens(String userId, ListQuery query) {
		return this.transport.request(TOKEN_LIST, userId).query(tokenQuery(query)).retrieve(TOKEN_PAGE);
	}

	/**
	 * Read every token of a partner user lazily, page after page; see {@link Page#walk}.
	 * @param userId the partner user
	 * @param query the first page to fetch: its size and order apply to all
	 * @return the tokens
	 * @throws IllegalArgumentException if the query has a metadata filter
	 */
	public Stream<PartnerUserToken> listAllTokens(String userId, ListQuery query) {
		return Page.walk(tokenQuery(query), (page) -> listTokens(userId, page));
	}

	/**
	 * Create a token for a partner user ({@code POST
	 * /partner/user/{userId}/token/create}): a credential that authenticates as the user
	 * until it is deleted. Its value is shown this once.
	 * @param userId the partner user
	 * @param request the token's details
	 * @return the token, with its value
	 * @throws IllegalArgumentException if an argument is not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public CreatedPartnerUserToken createToken(String userId, PartnerUserTokenRequest request) {
		Assert.notNull(request, "PartnerUserTokenRequest must not be null");
		return this.transport.request(TOKEN_CREATE, userId).body(request).retrieve(CreatedPartnerUserToken.class);
	}

	/**
	 * Delete a token of a partner user ({@code POST
	 * /partner/user/{userId}/token/{tokenId}/delete}), which revokes it.
	 * @param userId the partner user
	 * @param tokenId the token's id
	 * @throws IllegalArgumentException if an id is not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public void deleteToken(String userId, String tokenId) {
		this.transport.request(TOKEN_DELETE, userId, tokenId).body(Map.of()).execute();
	}

	static ListQuery tokenQuery(ListQuery query) {
		Assert.notNull(query, "ListQuery must not be null");
		Assert.isTrue(query.meta().isEmpty(), "The token list of a partner user cannot be filtered by metadata");
		return query;
	}

	/**
	 * A copy of this client with some options changed, sharing the connection pool; see
	 * {@link ApiTransport#withOptions(Consumer)}.
	 * @param changes the changes to apply to a copy of the options
	 * @return the copy
	 */
	public PartnerUserClient withOptions(Consumer<ChatBotKitOptions.Builder> changes) {
		return new PartnerUserClient(this.transport.withOptions(changes));
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
		return "PartnerUserClient[" + this.transport + "]";
	}

}
