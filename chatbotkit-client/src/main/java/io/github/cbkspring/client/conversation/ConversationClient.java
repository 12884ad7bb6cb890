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

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ApiRequest;
import io.github.cbkspring.client.core.ApiTransport;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.Page;
import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.client.error.ChatBotKitStreamException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.util.Assert;

/**
 * Conversations: stateless completions ({@link #complete(CompletionRequest)}), stored
 * conversations (list, fetch, create, update, delete, usage), talking within one
 * (complete, send, receive, whole or streamed token by token), conversation sessions, and
 * the stored messages with {@link #messages()}. <pre class="code">
 * CompletionResult reply = conversations.complete(CompletionRequest.withBot(botId)
 *     .message(Message.user("Hi"))
 *     .build());
 * </pre> Talking within a conversation also works with a session token for that
 * conversation (a server relaying a user's chat): <pre class="code">
 * ConversationClient chat = client.withSecret(session.token()).conversations();
 * try (Stream&lt;CompletionEvent&gt; events = chat.completeStream(session.conversationId(), "Hi")) {
 *     events.forEach(...);
 * }
 * </pre> Completions read dates in the time zone of the client's options
 * ({@code X-Timezone}); {@code withOptions(o -> o.timezone(zone))} makes a copy for one
 * user's zone.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class ConversationClient implements GeneratedConversationOperations {

	static final ApiEndpoint LIST = ApiEndpoint.get("/conversation/list");

	static final ApiEndpoint FETCH = ApiEndpoint.get("/conversation/{conversationId}/fetch");

	static final ApiEndpoint CREATE = ApiEndpoint.post("/conversation/create");

	static final ApiEndpoint UPDATE = ApiEndpoint.post("/conversation/{conversationId}/update");

	static final ApiEndpoint DELETE = ApiEndpoint.post("/conversation/{conversationId}/delete");

	static final ApiEndpoint USAGE = ApiEndpoint.get("/conversation/{conversationId}/usage/fetch");

	static final ApiEndpoint COMPLETE_STATELESS = ApiEndpoint.post("/conversation/complete");

	static final ApiEndpoint COMPLETE = ApiEndpoint.post("/conversation/{conversationId}/complete");

	static final ApiEndpoint SEND = ApiEndpoint.post("/conversation/{conversationId}/send");

	static final ApiEndpoint RECEIVE = ApiEndpoint.post("/conversation/{conversationId}/receive");

	static final ApiEndpoint CREATE_SESSION = ApiEndpoint.post("/conversation/{conversationId}/session/create");

	static final ParameterizedTypeReference<Page<Conversation>> PAGE = new ParameterizedTypeReference<>() {
	};

	private final ApiTransport transport;

	/**
	 * Create a conversation client on an {@link ApiTransport}, such as a
	 * {@code ChatBotKitClient}.
	 * @param transport the transport whose options and connection pool to use
	 */
	public ConversationClient(ApiTransport transport) {
		Assert.notNull(transport, "ApiTransport must not be null");
		this.transport = transport;
	}

	/**
	 * Fetch a page of conversations ({@code GET /conversation/list}).
	 * @param query the page to fetch
	 * @return the page
	 * @throws ChatBotKitException if the call fails
	 */
	public Page<Conversation> list(ListQuery query) {
		return this.transport.request(LIST).query(query).retrieve(PAGE);
	}

	/**
	 * Read every conversation lazily, page after page; see {@link Page#walk}.
	 * @param query the first page to fetch: its size, order and filter apply to all
	 * @return the conversations
	 */
	public Stream<Conversation> listAll(ListQuery query) {
		return Page.walk(query, this::list);
	}

	/**
	 * Fetch a conversation ({@code GET /conversation/{conversationId}/fetch}).
	 * @param conversationId the conversation
	 * @return the conversation
	 * @throws IllegalArgumentException if {@code conversationId} is not acceptable
	 * @throws ChatBotKitException if the call fails, a
	 * {@code ChatBotKitNotFoundException} if there is no such conversation
	 */
	public Conversation fetch(String conversationId) {
		return this.transport.request(FETCH, conversationId).retrieve(Conversation.class);
	}

	/**
	 * Create a conversation ({@code POST /conversation/create}).
	 * @param request the conversation's settings and first messages
	 * @return the new conversation's id
	 * @throws ChatBotKitException if the call fails
	 */
	public String create(ConversationRequest request) {
		Assert.notNull(request, "ConversationRequest must not be null");
		return this.transport.request(CREATE).body(request).retrieveId();
	}

	/**
	 * Change the settings of a conversation that are set in the request ({@code POST
	 * /conversation/{conversationId}/update}).
	 * @param conversationId the conversation
	 * @param request the settings to change; messages are added with {@link #messages()},
	 * not here
	 * @throws IllegalArgumentException if an argument is not acceptable or the request
	 * has messages
	 * @throws ChatBotKitException if the call fails
	 */
	public void update(String conversationId, ConversationRequest request) {
		this.transport.request(UPDATE, conversationId).body(updateBody(request)).execute();
	}

	/**
	 * Delete a conversation ({@code POST /conversation/{conversationId}/delete}).
	 * @param conversationId the conversation
	 * @throws IllegalArgumentException if {@code conversationId} is not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public void delete(String conversationId) {
		this.transport.request(DELETE, conversationId).body(Map.of()).execute();
	}

	/**
	 * Fetch what a conversation used over its whole life.
	 * @param conversationId the conversation
	 * @return the usage
	 * @throws ChatBotKitException if the call fails
	 */
	public ConversationUsage usage(String conversationId) {
		return usage(conversationId, null, null);
	}

	/**
	 * Fetch what a conversation used in a period ({@code GET
	 * /conversation/{conversationId}/usage/fetch}).
	 * @param conversationId the conversation
	 * @param from the start of the period, or {@code null} for no lower bound
	 * @param to the end of the period, or {@code null} for no upper bound
	 * @return the usage
	 * @throws ChatBotKitException if the call fails
	 */
	public ConversationUsage usage(String conversationId, @Nullable Instant from, @Nullable Instant to) {
		return this.transport.request(USAGE, conversationId)
			.query("from", from)
			.query("to", to)
			.retrieve(ConversationUsage.class);
	}

	/**
	 * Complete a conversation that the request carries whole, without storing anything,
	 * and wait for the bot's whole reply ({@code POST /conversation/complete}).
	 * @param request the bot, the messages and the options
	 * @return the reply; its {@code id} is {@code null} since no message is stored
	 * @throws IllegalArgumentException if the request is null
	 * @throws ChatBotKitException if the call fails
	 */
	public CompletionResult complete(CompletionRequest request) {
		return stateless(request).retrieve(CompletionResult.class);
	}

	/**
	 * Complete a conversation that the request carries whole, without storing anything,
	 * and stream the reply as it is written ({@code POST /conversation/complete} with
	 * {@code Accept: application/jsonl}): {@link CompletionEvent.Token}s, the messages
	 * added on the way (such as function calls, see {@link FunctionCall}), then one
	 * {@link CompletionEvent.Result}. Close the stream (try-with-resources) to release
	 * the connection early. A stream that ends before its result fails with a
	 * {@link ChatBotKitStreamException} after the events that did arrive.
	 * @param request the bot, the messages and the options
	 * @return the events
	 * @throws IllegalArgumentException if the request is null
	 * @throws ChatBotKitException if the call fails before the stream starts
	 */
	public Stream<CompletionEvent> completeStream(CompletionRequest request) {
		return events(stateless(request));
	}

	/**
	 * Send a message and wait for the bot's whole reply ({@code POST
	 * /conversation/{conversationId}/complete}).
	 * @param conversationId the conversation
	 * @param text the user's message
	 * @return the reply
	 * @throws IllegalArgumentException if an argument is null or not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public CompletionResult complete(String conversationId, String text) {
		return complete(conversationId, ConversationTurn.of(text));
	}

	/**
	 * Send a message with entities and options (or none, to complete from the
	 * conversation as it is) and wait for the bot's whole reply ({@code POST
	 * /conversation/{conversationId}/complete}).
	 * @param conversationId the conversation
	 * @param turn the user's message, its entities, and functions, extensions and limits
	 * @return the reply
	 * @throws IllegalArgumentException if an argument is null or not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public CompletionResult complete(String conversationId, ConversationTurn turn) {
		return completion(conversationId, turn).retrieve(CompletionResult.class);
	}

	/**
	 * Send a message and stream the bot's reply as it is written ({@code POST
	 * /conversation/{conversationId}/complete} with {@code Accept: application/jsonl}):
	 * {@link CompletionEvent.Token}s, then one {@link CompletionEvent.Result}. Close the
	 * stream (try-with-resources) to release the connection early. A stream that ends
	 * before its result fails with a {@link ChatBotKitStreamException} after the events
	 * that did arrive.
	 * @param conversationId the conversation
	 * @param text the user's message
	 * @return the events
	 * @throws IllegalArgumentException if an argument is null or not acceptable
	 * @throws ChatBotKitException if the call fails before the stream starts
	 */
	public Stream<CompletionEvent> completeStream(String conversationId, String text) {
		return completeStream(conversationId, ConversationTurn.of(text));
	}

	/**
	 * Send a message with entities and options (or none, to complete from the
	 * conversation as it is) and stream the bot's reply as it is written; see
	 * {@link #completeStream(String, String)}.
	 * @param conversationId the conversation
	 * @param turn the user's message, its entities, and functions, extensions and limits
	 * @return the events
	 * @throws IllegalArgumentException if an argument is null or not acceptable
	 * @throws ChatBotKitException if the call fails before the stream starts
	 */
	public Stream<CompletionEvent> completeStream(String conversationId, ConversationTurn turn) {
		return events(completion(conversationId, turn));
	}

	/**
	 * Store the user's message without asking for a reply ({@code POST
	 * /conversation/{conversationId}/send}); {@link #receive(String)} asks for it later.
	 * @param conversationId the conversation
	 * @param text the user's message
	 * @return the stored message's id and the entities the API found in its text
	 * @throws IllegalArgumentException if an argument is null or not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public MessageReceipt send(String conversationId, String text) {
		return send(conversationId, ConversationTurn.of(text));
	}

	/**
	 * Store the user's message, with entities and options, without asking for a reply
	 * ({@code POST /conversation/{conversationId}/send}). The API can stream this call
	 * too, but its stream carries no reply, only the same answer as its last line, so it
	 * has no streaming twin here.
	 * @param conversationId the conversation
	 * @param turn the user's message (required), its entities, and functions and
	 * extensions (no limits)
	 * @return the stored message's id and the entities the API found in its text
	 * @throws IllegalArgumentException if an argument is null or not acceptable, the turn
	 * has no text or has limits
	 * @throws ChatBotKitException if the call fails
	 */
	public MessageReceipt send(String conversationId, ConversationTurn turn) {
		return this.transport.request(SEND, conversationId).body(sendBody(turn)).retrieve(MessageReceipt.class);
	}

	/**
	 * Ask for the bot's reply to the conversation as it is, typically after
	 * {@link #send(String, String)}, and wait for the whole reply ({@code POST
	 * /conversation/{conversationId}/receive}).
	 * @param conversationId the conversation
	 * @return the reply; the API gives no end reason here, so it is
	 * {@link EndReason#UNKNOWN}
	 * @throws IllegalArgumentException if {@code conversationId} is not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public CompletionResult receive(String conversationId) {
		return receive(conversationId, CompletionOptions.none());
	}

	/**
	 * Ask for the bot's reply with functions and extensions, and wait for the whole reply
	 * ({@code POST /conversation/{conversationId}/receive}).
	 * @param conversationId the conversation
	 * @param options functions and extensions (no limits)
	 * @return the reply; the API gives no end reason here, so it is
	 * {@link EndReason#UNKNOWN}
	 * @throws IllegalArgumentException if an argument is not acceptable or the options
	 * have limits
	 * @throws ChatBotKitException if the call fails
	 */
	public CompletionResult receive(String conversationId, CompletionOptions options) {
		return reception(conversationId, options).retrieve(CompletionResult.class);
	}

	/**
	 * Ask for the bot's reply and stream it as it is written ({@code POST
	 * /conversation/{conversationId}/receive} with {@code Accept: application/jsonl});
	 * the events are those of {@link #completeStream(String, String)}.
	 * @param conversationId the conversation
	 * @return the events
	 * @throws IllegalArgumentException if {@code conversationId} is not acceptable
	 * @throws ChatBotKitException if the call fails before the stream starts
	 */
	public Stream<CompletionEvent> receiveStream(String conversationId) {
		return receiveStream(conversationId, CompletionOptions.none());
	}

	/**
	 * Ask for the bot's reply with functions and extensions, and stream it as it is
	 * written; see {@link #receiveStream(String)}.
	 * @param conversationId the conversation
	 * @param options functions and extensions (no limits)
	 * @return the events
	 * @throws IllegalArgumentException if an argument is not acceptable or the options
	 * have limits
	 * @throws ChatBotKitException if the call fails before the stream starts
	 */
	public Stream<CompletionEvent> receiveStream(String conversationId, CompletionOptions options) {
		return events(reception(conversationId, options));
	}

	/**
	 * Issue a new token for a conversation with the API's default duration.
	 * @param conversationId the conversation
	 * @return the token and its expiry
	 * @throws ChatBotKitException if the call fails
	 */
	public ConversationSession createSession(String conversationId) {
		return createSession(conversationId, Map.of());
	}

	/**
	 * Issue a new token for a conversation ({@code POST
	 * /conversation/{conversationId}/session/create}).
	 * @param conversationId the conversation
	 * @param duration how long the token is valid, sent as whole seconds (at least one)
	 * @return the token and its expiry
	 * @throws ChatBotKitException if the call fails
	 */
	public ConversationSession createSession(String conversationId, Duration duration) {
		return createSession(conversationId, sessionBody(duration));
	}

	private ConversationSession createSession(String conversationId, Map<String, Object> body) {
		return this.transport.request(CREATE_SESSION, conversationId).body(body).retrieve(ConversationSession.class);
	}

	/**
	 * The stored messages of conversations, on the same client.
	 * @return a conversation message client
	 */
	public ConversationMessageClient messages() {
		return new ConversationMessageClient(this.transport);
	}

	/**
	 * A copy of this client with some options changed, sharing the connection pool; see
	 * {@link ApiTransport#withOptions(Consumer)}.
	 * @param changes the changes to apply to a copy of the options
	 * @return the copy
	 */
	public ConversationClient withOptions(Consumer<ChatBotKitOptions.Builder> changes) {
		return new ConversationClient(this.transport.withOptions(changes));
	}

	/**
	 * The transport this client calls the API through.
	 * @return the transport
	 */
	@Override
	public ApiTransport transport() {
		return this.transport;
	}

	private ApiRequest stateless(CompletionRequest request) {
		Assert.notNull(request, "CompletionRequest must not be null");
		return this.transport.request(COMPLETE_STATELESS).body(request);
	}

	private ApiRequest completion(String conversationId, ConversationTurn turn) {
		Assert.notNull(turn, "ConversationTurn must not be null");
		return this.transport.request(COMPLETE, conversationId).body(turn);
	}

	private ApiRequest reception(String conversationId, CompletionOptions options) {
		return this.transport.request(RECEIVE, conversationId).body(receiveBody(options));
	}

	/**
	 * The body of an update, checked: the settings only.
	 */
	static ConversationRequest updateBody(ConversationRequest request) {
		Assert.notNull(request, "ConversationRequest must not be null");
		Assert.isTrue(request.messages().isEmpty(), "An update takes no messages: add them with messages().create");
		return request;
	}

	/**
	 * The body of a send, checked: a text, and no limits.
	 */
	static ConversationTurn sendBody(ConversationTurn turn) {
		Assert.notNull(turn, "ConversationTurn must not be null");
		Assert.notNull(turn.text(), "A sent message needs a text");
		turn.options().assertNoLimits("send");
		return turn;
	}

	/**
	 * The body of a receive, checked: no limits.
	 */
	static CompletionOptions receiveBody(CompletionOptions options) {
		Assert.notNull(options, "CompletionOptions must not be null");
		options.assertNoLimits("receive");
		return options;
	}

	/**
	 * The body of a session of the given duration, in whole seconds.
	 */
	static Map<String, Object> sessionBody(Duration duration) {
		Assert.isTrue(duration != null && duration.toSeconds() >= 1, "Session duration must be at least one second");
		return Map.of("durationInSeconds", duration.toSeconds());
	}

	private static Stream<CompletionEvent> events(ApiRequest request) {
		return request.stream(CompletionEvent.class, CompletionEvent.Result.class::isInstance,
				CompletionEventDeserializer::errorMessage);
	}

	@Override
	public String toString() {
		return "ConversationClient[" + this.transport + "]";
	}

}
