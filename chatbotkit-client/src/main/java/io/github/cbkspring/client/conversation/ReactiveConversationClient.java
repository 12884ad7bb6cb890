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

import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.Page;
import io.github.cbkspring.client.core.ReactiveApiRequest;
import io.github.cbkspring.client.core.ReactiveApiTransport;
import io.github.cbkspring.client.core.ReactivePages;
import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.client.error.ChatBotKitStreamException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * The non-blocking twin of {@link ConversationClient}: stateless completions, stored
 * conversations (list, fetch, create, update, delete, usage), talking within one
 * (complete, send, receive, whole or streamed token by token as a {@link Flux} with
 * back-pressure), conversation sessions, and the stored messages with
 * {@link #messages()}. <pre class="code">
 * Flux&lt;CompletionEvent&gt; events = client.conversations().completeStream(conversationId, "Hi");
 * </pre>
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class ReactiveConversationClient implements ReactiveGeneratedConversationOperations {

	private final ReactiveApiTransport transport;

	/**
	 * Create a conversation client on a {@link ReactiveApiTransport}, such as a
	 * {@code ChatBotKitReactiveClient}.
	 * @param transport the transport whose options and connection pool to use
	 */
	public ReactiveConversationClient(ReactiveApiTransport transport) {
		Assert.notNull(transport, "ReactiveApiTransport must not be null");
		this.transport = transport;
	}

	/**
	 * Fetch a page of conversations ({@code GET /conversation/list}).
	 * @param query the page to fetch
	 * @return the page, or a {@link ChatBotKitException} signal
	 */
	public Mono<Page<Conversation>> list(ListQuery query) {
		return this.transport.request(ConversationClient.LIST).query(query).retrieve(ConversationClient.PAGE);
	}

	/**
	 * Read every conversation lazily, a page fetched only on demand; see
	 * {@link ReactivePages#walk}.
	 * @param query the first page to fetch: its size, order and filter apply to all
	 * @return the conversations
	 */
	public Flux<Conversation> listAll(ListQuery query) {
		return ReactivePages.walk(query, this::list);
	}

	/**
	 * Fetch a conversation ({@code GET /conversation/{conversationId}/fetch}).
	 * @param conversationId the conversation
	 * @return the conversation, or a {@link ChatBotKitException} signal, a
	 * {@code ChatBotKitNotFoundException} if there is no such conversation
	 * @throws IllegalArgumentException if {@code conversationId} is not acceptable
	 */
	public Mono<Conversation> fetch(String conversationId) {
		return this.transport.request(ConversationClient.FETCH, conversationId).retrieve(Conversation.class);
	}

	/**
	 * Create a conversation ({@code POST /conversation/create}).
	 * @param request the conversation's settings and first messages
	 * @return the new conversation's id, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if the request is null
	 */
	public Mono<String> create(ConversationRequest request) {
		Assert.notNull(request, "ConversationRequest must not be null");
		return this.transport.request(ConversationClient.CREATE).body(request).retrieveId();
	}

	/**
	 * Change the settings of a conversation that are set in the request ({@code POST
	 * /conversation/{conversationId}/update}).
	 * @param conversationId the conversation
	 * @param request the settings to change; messages are added with {@link #messages()},
	 * not here
	 * @return completes when the call succeeded, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an argument is not acceptable or the request
	 * has messages
	 */
	public Mono<Void> update(String conversationId, ConversationRequest request) {
		return this.transport.request(ConversationClient.UPDATE, conversationId)
			.body(ConversationClient.updateBody(request))
			.execute();
	}

	/**
	 * Delete a conversation ({@code POST /conversation/{conversationId}/delete}).
	 * @param conversationId the conversation
	 * @return completes when the call succeeded, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if {@code conversationId} is not acceptable
	 */
	public Mono<Void> delete(String conversationId) {
		return this.transport.request(ConversationClient.DELETE, conversationId).body(Map.of()).execute();
	}

	/**
	 * Fetch what a conversation used over its whole life.
	 * @param conversationId the conversation
	 * @return the usage, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if {@code conversationId} is not acceptable
	 */
	public Mono<ConversationUsage> usage(String conversationId) {
		return usage(conversationId, null, null);
	}

	/**
	 * Fetch what a conversation used in a period ({@code GET
	 * /conversation/{conversationId}/usage/fetch}).
	 * @param conversationId the conversation
	 * @param from the start of the period, or {@code null} for no lower bound
	 * @param to the end of the period, or {@code null} for no upper bound
	 * @return the usage, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if {@code conversationId} is not acceptable
	 */
	public Mono<ConversationUsage> usage(String conversationId, @Nullable Instant from, @Nullable Instant to) {
		return this.transport.request(ConversationClient.USAGE, conversationId)
			.query("from", from)
			.query("to", to)
			.retrieve(ConversationUsage.class);
	}

	/**
	 * Complete a conversation that the request carries whole, without storing anything
	 * ({@code POST /conversation/complete}).
	 * @param request the bot, the messages and the options
	 * @return the reply, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if the request is null
	 */
	public Mono<CompletionResult> complete(CompletionRequest request) {
		return stateless(request).retrieve(CompletionResult.class);
	}

	/**
	 * Complete a conversation that the request carries whole and stream the reply as it
	 * is written ({@code POST /conversation/complete} with
	 * {@code Accept: application/jsonl}); the events are those of
	 * {@link ConversationClient#completeStream(CompletionRequest)}.
	 * @param request the bot, the messages and the options
	 * @return the events; a {@link ChatBotKitStreamException} signal after the events
	 * that arrived if the stream ends before its result
	 * @throws IllegalArgumentException if the request is null
	 */
	public Flux<CompletionEvent> completeStream(CompletionRequest request) {
		return events(stateless(request));
	}

	/**
	 * Send a message and take the bot's whole reply ({@code POST
	 * /conversation/{conversationId}/complete}).
	 * @param conversationId the conversation
	 * @param text the user's message
	 * @return the reply, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an argument is null or not acceptable
	 */
	public Mono<CompletionResult> complete(String conversationId, String text) {
		return complete(conversationId, ConversationTurn.of(text));
	}

	/**
	 * Send a message with entities and options and take the bot's whole reply
	 * ({@code POST /conversation/{conversationId}/complete}).
	 * @param conversationId the conversation
	 * @param turn the user's message, its entities, and functions, extensions and limits
	 * @return the reply, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an argument is null or not acceptable
	 */
	public Mono<CompletionResult> complete(String conversationId, ConversationTurn turn) {
		return completion(conversationId, turn).retrieve(CompletionResult.class);
	}

	/**
	 * Send a message and stream the bot's reply as it is written ({@code POST
	 * /conversation/{conversationId}/complete} with {@code Accept: application/jsonl}):
	 * {@link CompletionEvent.Token}s, then one {@link CompletionEvent.Result}. Cancelling
	 * the subscription aborts the exchange.
	 * @param conversationId the conversation
	 * @param text the user's message
	 * @return the events; a {@link ChatBotKitStreamException} signal after the events
	 * that arrived if the stream ends before its result
	 * @throws IllegalArgumentException if an argument is null or not acceptable
	 */
	public Flux<CompletionEvent> completeStream(String conversationId, String text) {
		return completeStream(conversationId, ConversationTurn.of(text));
	}

	/**
	 * Send a message with entities and options and stream the bot's reply as it is
	 * written; see {@link #completeStream(String, String)}.
	 * @param conversationId the conversation
	 * @param turn the user's message, its entities, and functions, extensions and limits
	 * @return the events
	 * @throws IllegalArgumentException if an argument is null or not acceptable
	 */
	public Flux<CompletionEvent> completeStream(String conversationId, ConversationTurn turn) {
		return events(completion(conversationId, turn));
	}

	/**
	 * Store the user's message without asking for a reply ({@code POST
	 * /conversation/{conversationId}/send}); {@link #receive(String)} asks for it later.
	 * @param conversationId the conversation
	 * @param text the user's message
	 * @return the stored message's id and the entities the API found in its text, or a
	 * {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an argument is null or not acceptable
	 */
	public Mono<MessageReceipt> send(String conversationId, String text) {
		return send(conversationId, ConversationTurn.of(text));
	}

	/**
	 * Store the user's message, with entities and options, without asking for a reply
	 * ({@code POST /conversation/{conversationId}/send}).
	 * @param conversationId the conversation
	 * @param turn the user's message (required), its entities, and functions and
	 * extensions (no limits)
	 * @return the stored message's id and the entities the API found in its text, or a
	 * {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an argument is null or not acceptable, the turn
	 * has no text or has limits
	 */
	public Mono<MessageReceipt> send(String conversationId, ConversationTurn turn) {
		return this.transport.request(ConversationClient.SEND, conversationId)
			.body(ConversationClient.sendBody(turn))
			.retrieve(MessageReceipt.class);
	}

	/**
	 * Ask for the bot's reply to the conversation as it is, typically after
	 * {@link #send(String, String)} ({@code POST
	 * /conversation/{conversationId}/receive}).
	 * @param conversationId the conversation
	 * @return the reply, whose end reason is {@link EndReason#UNKNOWN}, or a
	 * {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if {@code conversationId} is not acceptable
	 */
	public Mono<CompletionResult> receive(String conversationId) {
		return receive(conversationId, CompletionOptions.none());
	}

	/**
	 * Ask for the bot's reply with functions and extensions ({@code POST
	 * /conversation/{conversationId}/receive}).
	 * @param conversationId the conversation
	 * @param options functions and extensions (no limits)
	 * @return the reply, whose end reason is {@link EndReason#UNKNOWN}, or a
	 * {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an argument is not acceptable or the options
	 * have limits
	 */
	public Mono<CompletionResult> receive(String conversationId, CompletionOptions options) {
		return reception(conversationId, options).retrieve(CompletionResult.class);
	}

	/**
	 * Ask for the bot's reply and stream it as it is written ({@code POST
	 * /conversation/{conversationId}/receive} with {@code Accept: application/jsonl});
	 * the events are those of {@link #completeStream(String, String)}.
	 * @param conversationId the conversation
	 * @return the events; a {@link ChatBotKitStreamException} signal after the events
	 * that arrived if the stream ends before its result
	 * @throws IllegalArgumentException if {@code conversationId} is not acceptable
	 */
	public Flux<CompletionEvent> receiveStream(String conversationId) {
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
	 */
	public Flux<CompletionEvent> receiveStream(String conversationId, CompletionOptions options) {
		return events(reception(conversationId, options));
	}

	/**
	 * Issue a new token for a conversation ({@code POST
	 * /conversation/{conversationId}/session/create}) with the API's default duration.
	 * @param conversationId the conversation
	 * @return the token and its expiry, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if the id is null or not acceptable
	 */
	public Mono<ConversationSession> createSession(String conversationId) {
		return createSession(conversationId, Map.of());
	}

	/**
	 * Issue a new token for a conversation ({@code POST
	 * /conversation/{conversationId}/session/create}).
	 * @param conversationId the conversation
	 * @param duration how long the token is valid, sent as whole seconds (at least one)
	 * @return the token and its expiry, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if the id is not acceptable or the duration is
	 * shorter than a second
	 */
	public Mono<ConversationSession> createSession(String conversationId, Duration duration) {
		return createSession(conversationId, ConversationClient.sessionBody(duration));
	}

	private Mono<ConversationSession> createSession(String conversationId, Map<String, Object> body) {
		return this.transport.request(ConversationClient.CREATE_SESSION, conversationId)
			.body(body)
			.retrieve(ConversationSession.class);
	}

	/**
	 * The stored messages of conversations, on the same transport.
	 * @return a conversation message client
	 */
	public ReactiveConversationMessageClient messages() {
		return new ReactiveConversationMessageClient(this.transport);
	}

	/**
	 * A copy of this client with some options changed, sharing the connection pool; see
	 * {@link ReactiveApiTransport#withOptions(Consumer)}.
	 * @param changes the changes to apply to a copy of the options
	 * @return the copy
	 */
	public ReactiveConversationClient withOptions(Consumer<ChatBotKitOptions.Builder> changes) {
		return new ReactiveConversationClient(this.transport.withOptions(changes));
	}

	/**
	 * The transport this client calls the API through.
	 * @return the transport
	 */
	@Override
	public ReactiveApiTransport transport() {
		return this.transport;
	}

	private ReactiveApiRequest stateless(CompletionRequest request) {
		Assert.notNull(request, "CompletionRequest must not be null");
		return this.transport.request(ConversationClient.COMPLETE_STATELESS).body(request);
	}

	private ReactiveApiRequest completion(String conversationId, ConversationTurn turn) {
		Assert.notNull(turn, "ConversationTurn must not be null");
		return this.transport.request(ConversationClient.COMPLETE, conversationId).body(turn);
	}

	private ReactiveApiRequest reception(String conversationId, CompletionOptions options) {
		return this.transport.request(ConversationClient.RECEIVE, conversationId)
			.body(ConversationClient.receiveBody(options));
	}

	private static Flux<CompletionEvent> events(ReactiveApiRequest request) {
		return request.stream(CompletionEvent.class, CompletionEvent.Result.class::isInstance,
				CompletionEventDeserializer::errorMessage);
	}

	@Override
	public String toString() {
		return "ReactiveConversationClient[" + this.transport + "]";
	}

}
