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
 * Manages the stored messages of a conversation: list, fetch, create, update, delete.
 * Reached with {@link ConversationClient#messages()}: <pre class="code">
 * ConversationMessageClient messages = client.conversations().messages();
 * messages.create(conversationId, ConversationMessageRequest.of(Message.user("Hi")));
 * try (Stream&lt;ConversationMessage&gt; history = messages.listAll(conversationId, ListQuery.defaults().withOrder(SortOrder.ASC))) {
 *     history.map(ConversationMessage::toMessage).forEach(...);
 * }
 * </pre>
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class ConversationMessageClient implements GeneratedConversationMessageOperations {

	static final ApiEndpoint LIST = ApiEndpoint.get("/conversation/{conversationId}/message/list");

	static final ApiEndpoint FETCH = ApiEndpoint.get("/conversation/{conversationId}/message/{messageId}/fetch");

	static final ApiEndpoint CREATE = ApiEndpoint.post("/conversation/{conversationId}/message/create");

	static final ApiEndpoint UPDATE = ApiEndpoint.post("/conversation/{conversationId}/message/{messageId}/update");

	static final ApiEndpoint DELETE = ApiEndpoint.post("/conversation/{conversationId}/message/{messageId}/delete");

	static final ParameterizedTypeReference<Page<ConversationMessage>> PAGE = new ParameterizedTypeReference<>() {
	};

	private final ApiTransport transport;

	/**
	 * Create a conversation message client on an {@link ApiTransport}, such as a
	 * {@code ChatBotKitClient}.
	 * @param transport the transport whose options and connection pool to use
	 */
	public ConversationMessageClient(ApiTransport transport) {
		Assert.notNull(transport, "ApiTransport must not be null");
		this.transport = transport;
	}

	/**
	 * Fetch a page of a conversation's messages ({@code GET
	 * /conversation/{conversationId}/message/list}).
	 * @param conversationId the conversation
	 * @param query the page to fetch; this list takes no metadata filter
	 * @return the page
	 * @throws IllegalArgumentException if an argument is not acceptable, or the query has
	 * a metadata filter
	 * @throws ChatBotKitException if the call fails
	 */
	public Page<ConversationMessage> list(String conversationId, ListQuery query) {
		return this.transport.request(LIST, conversationId).query(listQuery(query)).retrieve(PAGE);
	}

	/**
	 * Read every message of a conversation lazily, page after page; see
	 * {@link Page#walk}.
	 * @param conversationId the conversation
	 * @param query the first page to fetch: its size and order apply to all
	 * @return the messages
	 */
	public Stream<ConversationMessage> listAll(String conversationId, ListQuery query) {
		return Page.walk(query, (page) -> list(conversationId, page));
	}

	/**
	 * Fetch a message ({@code GET
	 * /conversation/{conversationId}/message/{messageId}/fetch}).
	 * @param conversationId the conversation
	 * @param messageId the message
	 * @return the message
	 * @throws IllegalArgumentException if an id is not acceptable
	 * @throws ChatBotKitException if the call fails, a
	 * {@code ChatBotKitNotFoundException} if there is no such message
	 */
	public ConversationMessage fetch(String conversationId, String messageId) {
		return this.transport.request(FETCH, conversationId, messageId).retrieve(ConversationMessage.class);
	}

	/**
	 * Store a message in a conversation without a reply from the bot ({@code POST
	 * /conversation/{conversationId}/message/create}).
	 * @param conversationId the conversation
	 * @param request the message: its type and text are required
	 * @return the new message's id and the entities the API found in its text
	 * @throws IllegalArgumentException if an argument is not acceptable or the type or
	 * text is missing
	 * @throws ChatBotKitException if the call fails
	 */
	public MessageReceipt create(String conversationId, ConversationMessageRequest request) {
		return this.transport.request(CREATE, conversationId).body(createBody(request)).retrieve(MessageReceipt.class);
	}

	/**
	 * Change the fields of a message that are set in the request ({@code POST
	 * /conversation/{conversationId}/message/{messageId}/update}).
	 * @param conversationId the conversation
	 * @param messageId the message
	 * @param request the fields to change
	 * @throws IllegalArgumentException if an argument is not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public void update(String conversationId, String messageId, ConversationMessageRequest request) {
		Assert.notNull(request, "ConversationMessageRequest must not be null");
		this.transport.request(UPDATE, conversationId, messageId).body(request).execute();
	}

	/**
	 * Delete a message ({@code POST
	 * /conversation/{conversationId}/message/{messageId}/delete}).
	 * @param conversationId the conversation
	 * @param messageId the message
	 * @throws IllegalArgumentException if an id is not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public void delete(String conversationId, String messageId) {
		this.transport.request(DELETE, conversationId, messageId).body(Map.of()).execute();
	}

	/**
	 * A copy of this client with some options changed, sharing the connection pool; see
	 * {@link ApiTransport#withOptions(Consumer)}.
	 * @param changes the changes to apply to a copy of the options
	 * @return the copy
	 */
	public ConversationMessageClient withOptions(Consumer<ChatBotKitOptions.Builder> changes) {
		return new ConversationMessageClient(this.transport.withOptions(changes));
	}

	/**
	 * The transport this client calls the API through.
	 * @return the transport
	 */
	@Override
	public ApiTransport transport() {
		return this.transport;
	}

	/**
	 * The query of a message list, checked: no metadata filter.
	 */
	static ListQuery listQuery(ListQuery query) {
		Assert.notNull(query, "ListQuery must not be null");
		Assert.isTrue(query.meta().isEmpty(), "The message list takes no metadata filter");
		return query;
	}

	/**
	 * The body of a new message, checked: a type and a text.
	 */
	static ConversationMessageRequest createBody(ConversationMessageRequest request) {
		Assert.notNull(request, "ConversationMessageRequest must not be null");
		Assert.isTrue(request.type() != null && request.text() != null, "A new message needs a type and a text");
		return request;
	}

	@Override
	public String toString() {
		return "ConversationMessageClient[" + this.transport + "]";
	}

}
