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
package io.github.cbkspring.client.conversation;

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
 * The non-blocking twin of {@link ConversationMessageClient}: the stored messages of a
 * conversation (list, fetch, create, update, delete), as a {@link Mono} or a
 * {@link Flux}.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class ReactiveConversationMessageClient implements ReactiveGeneratedConversationMessageOperations {

	private final ReactiveApiTransport transport;

	/**
	 * Create a conversation message client on a {@link ReactiveApiTransport}, such as a
	 * {@code ChatBotKitReactiveClient}.
	 * @param transport the transport whose options and connection pool to use
	 */
	public ReactiveConversationMessageClient(ReactiveApiTransport transport) {
		Assert.notNull(transport, "ReactiveApiTransport must not be null");
		this.transport = transport;
	}

	/**
	 * Fetch a page of a conversation's messages ({@code GET
	 * /conversation/{conversationId}/message/list}).
	 * @param conversationId the conversation
	 * @param query the page to fetch; the API filters messages by no metadata
	 * @return the page, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an argument is not acceptable or the query has
	 * a metadata filter
	 */
	public Mono<Page<ConversationMessage>> list(String conversationId, ListQuery query) {
		return this.transport.request(ConversationMessageClient.LIST, conversationId)
			.query(ConversationMessageClient.listQuery(query))
			.retrieve(ConversationMessageClient.PAGE);
	}

	/**
	 * Read every message of a conversation lazily, a page fetched only on demand; see
	 * {@link ReactivePages#walk}.
	 * @param conversationId the conversation
	 * @param query the first page to fetch: its size and order apply to all
	 * @return the messages; an {@link IllegalArgumentException} signal if an argument is
	 * not acceptable
	 */
	public Flux<ConversationMessage> listAll(String conversationId, ListQuery query) {
		return ReactivePages.walk(query, (page) -> list(conversationId, page));
	}

	/**
	 * Fetch a message ({@code GET
	 * /conversation/{conversationId}/message/{messageId}/fetch}).
	 * @param conversationId the conversation
	 * @param messageId the message
	 * @return the message, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an id is not acceptable
	 */
	public Mono<ConversationMessage> fetch(String conversationId, String messageId) {
		return this.transport.request(ConversationMessageClient.FETCH, conversationId, messageId)
			.retrieve(ConversationMessage.class);
	}

	/**
	 * Add a message to a conversation without asking for a reply ({@code POST
	 * /conversation/{conversationId}/message/create}).
	 * @param conversationId the conversation
	 * @param request the message: a type and a text are required
	 * @return the new message's id and the entities the API found in its text, or a
	 * {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an argument is not acceptable or the request
	 * has no type or text
	 */
	public Mono<MessageReceipt> create(String conversationId, ConversationMessageRequest request) {
		return this.transport.request(ConversationMessageClient.CREATE, conversationId)
			.body(ConversationMessageClient.createBody(request))
			.retrieve(MessageReceipt.class);
	}

	/**
	 * Change what the request sets of a message ({@code POST
	 * /conversation/{conversationId}/message/{messageId}/update}).
	 * @param conversationId the conversation
	 * @param messageId the message
	 * @param request the fields to change
	 * @return completes when the call succeeded, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an argument is not acceptable
	 */
	public Mono<Void> update(String conversationId, String messageId, ConversationMessageRequest request) {
		Assert.notNull(request, "ConversationMessageRequest must not be null");
		return this.transport.request(ConversationMessageClient.UPDATE, conversationId, messageId)
			.body(request)
			.execute();
	}

	/**
	 * Delete a message ({@code POST
	 * /conversation/{conversationId}/message/{messageId}/delete}).
	 * @param conversationId the conversation
	 * @param messageId the message
	 * @return completes when the call succeeded, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an id is not acceptable
	 */
	public Mono<Void> delete(String conversationId, String messageId) {
		return this.transport.request(ConversationMessageClient.DELETE, conversationId, messageId)
			.body(Map.of())
			.execute();
	}

	/**
	 * A copy of this client with some options changed, sharing the connection pool; see
	 * {@link ReactiveApiTransport#withOptions(Consumer)}.
	 * @param changes the changes to apply to a copy of the options
	 * @return the copy
	 */
	public ReactiveConversationMessageClient withOptions(Consumer<ChatBotKitOptions.Builder> changes) {
		return new ReactiveConversationMessageClient(this.transport.withOptions(changes));
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
		return "ReactiveConversationMessageClient[" + this.transport + "]";
	}

}
