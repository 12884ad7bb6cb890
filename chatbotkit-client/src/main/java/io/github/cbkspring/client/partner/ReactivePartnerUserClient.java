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

import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.Page;
import io.github.cbkspring.client.core.ReactiveApiTransport;
import io.github.cbkspring.client.core.ReactivePages;
import io.github.cbkspring.client.error.ChatBotKitException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * The non-blocking twin of {@link PartnerUserClient}: list, fetch, create, update and
 * delete partner users, their sessions and their tokens, as a {@link Mono} or a
 * {@link Flux}. Act for a partner user with
 * {@code withOptions(o -> o.runAsUserId(userId))}.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class ReactivePartnerUserClient implements ReactiveGeneratedPartnerUserOperations {

	private final ReactiveApiTransport transport;

	/**
	 * Create a partner user client on a {@link ReactiveApiTransport}, such as a
	 * {@code ChatBotKitReactiveClient}.
	 * @param transport the transport whose options and connection pool to use
	 */
	public ReactivePartnerUserClient(ReactiveApiTransport transport) {
		Assert.notNull(transport, "ReactiveApiTransport must not be null");
		this.transport = transport;
	}

	/**
	 * Fetch a page of partner users ({@code GET /partner/user/list}).
	 * @param query the page to fetch
	 * @return the page, or a {@link ChatBotKitException} signal
	 */
	public Mono<Page<PartnerUser>> list(ListQuery query) {
		return this.transport.request(PartnerUserClient.LIST).query(query).retrieve(PartnerUserClient.PAGE);
	}

	/**
	 * Read every partner user lazily, a page fetched only on demand; see
	 * {@link ReactivePages#walk}.
	 * @param query the first page to fetch: its size, order and filter apply to all
	 * @return the partner users
	 */
	public Flux<PartnerUser> listAll(ListQuery query) {
		return ReactivePages.walk(query, this::list);
	}

	/**
	 * Fetch a partner user ({@code GET /partner/user/{userId}/fetch}).
	 * @param userId the partner user
	 * @return the partner user, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if {@code userId} is not acceptable
	 */
	public Mono<PartnerUser> fetch(String userId) {
		return this.transport.request(PartnerUserClient.FETCH, userId).retrieve(PartnerUser.class);
	}

	/**
	 * Create a partner user ({@code POST /partner/user/create}).
	 * @param request the user's details
	 * @return the new user's id, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if the request is null
	 */
	public Mono<String> create(PartnerUserRequest request) {
		Assert.notNull(request, "PartnerUserRequest must not be null");
		return this.transport.request(PartnerUserClient.CREATE).body(request).retrieveId();
	}

	/**
	 * Change the details of a partner user that are set in the request ({@code POST
	 * /partner/user/{userId}/update}).
	 * @param userId the partner user
	 * @param request the details to change
	 * @return completes when the call succeeded, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an argument is not acceptable
	 */
	public Mono<Void> update(String userId, PartnerUserRequest request) {
		Assert.notNull(request, "PartnerUserRequest must not be null");
		return this.transport.request(PartnerUserClient.UPDATE, userId).body(request).execute();
	}

	/**
	 * Delete a partner user ({@code POST /partner/user/{userId}/delete}).
	 * @param userId the partner user
	 * @return completes when the call succeeded, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if {@code userId} is not acceptable
	 */
	public Mono<Void> delete(String userId) {
		return this.transport.request(PartnerUserClient.DELETE, userId).body(Map.of()).execute();
	}

	/**
	 * Create a session for a partner user with the API's defaults.
	 * @param userId the partner user
	 * @return the session, with its token, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if {@code userId} is not acceptable
	 */
	public Mono<PartnerUserSession> createSession(String userId) {
		return createSession(userId, PartnerUserSessionRequest.empty());
	}

	/**
	 * Create a session for a partner user ({@code POST
	 * /partner/user/{userId}/session/create}): a short-lived token that authenticates as
	 * the user, for its front end.
	 * @param userId the partner user
	 * @param request the token's lifetime (sent as whole seconds), and optionally the
	 * routes it may call and the contact it carries
	 * @return the session, with its token, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an argument is not acceptable
	 */
	public Mono<PartnerUserSession> createSession(String userId, PartnerUserSessionRequest request) {
		Assert.notNull(request, "PartnerUserSessionRequest must not be null");
		return this.transport.request(PartnerUserClient.SESSION_CREATE, userId)
			.body(request)
			.retrieve(PartnerUserSession.class);
	}

	/**
	 * Fetch a page of a partner user's tokens ({@code GET
	 * /partner/user/{userId}/token/list}). The API filters this list by nothing but the
	 * cursor, so a query with a metadata filter is refused.
	 * @param userId the partner user
	 * @param query the page to fetch: cursor, size and order
	 * @return the page, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an argument is not acceptable or the query has
	 * a metadata filter
	 */
	public Mono<Page<PartnerUserToken>> listTokens(String userId, ListQuery query) {
		return this.transport.request(PartnerUserClient.TOKEN_LIST, userId)
			.query(PartnerUserClient.tokenQuery(query))
			.retrieve(PartnerUserClient.TOKEN_PAGE);
	}

	/**
	 * Read every token of a partner user lazily, a page fetched only on demand; see
	 * {@link ReactivePages#walk}.
	 * @param userId the partner user
	 * @param query the first page to fetch: its size and order apply to all
	 * @return the tokens
	 * @throws IllegalArgumentException if the query has a metadata filter
	 */
	public Flux<PartnerUserToken> listAllTokens(String userId, ListQuery query) {
		return ReactivePages.walk(PartnerUserClient.tokenQuery(query), (page) -> listTokens(userId, page));
	}

	/**
	 * Create a token for a partner user ({@code POST
	 * /partner/user/{userId}/token/create}): a credential that authenticates as the user
	 * until it is deleted. Its value is shown this once.
	 * @param userId the partner user
	 * @param request the token's details
	 * @return the token, with its value, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an argument is not acceptable
	 */
	public Mono<CreatedPartnerUserToken> createToken(String userId, PartnerUserTokenRequest request) {
		Assert.notNull(request, "PartnerUserTokenRequest must not be null");
		return this.transport.request(PartnerUserClient.TOKEN_CREATE, userId)
			.body(request)
			.retrieve(CreatedPartnerUserToken.class);
	}

	/**
	 * Delete a token of a partner user ({@code POST
	 * /partner/user/{userId}/token/{tokenId}/delete}), which revokes it.
	 * @param userId the partner user
	 * @param tokenId the token's id
	 * @return completes when the call succeeded, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an id is not acceptable
	 */
	public Mono<Void> deleteToken(String userId, String tokenId) {
		return this.transport.request(PartnerUserClient.TOKEN_DELETE, userId, tokenId).body(Map.of()).execute();
	}

	/**
	 * A copy of this client with some options changed, sharing the connection pool; see
	 * {@link ReactiveApiTransport#withOptions(Consumer)}.
	 * @param changes the changes to apply to a copy of the options
	 * @return the copy
	 */
	public ReactivePartnerUserClient withOptions(Consumer<ChatBotKitOptions.Builder> changes) {
		return new ReactivePartnerUserClient(this.transport.withOptions(changes));
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
		return "ReactivePartnerUserClient[" + this.transport + "]";
	}

}
