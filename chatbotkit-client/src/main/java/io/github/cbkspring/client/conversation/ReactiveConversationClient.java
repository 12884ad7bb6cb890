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

import io.github.cbkspring.client.core.ReactiveApiRequest;
import io.github.cbkspring.client.core.ReactiveApiTransport;
import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.client.error.ChatBotKitStreamException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * The non-blocking twin of {@link ConversationClient} for what a chat needs: completions,
 * whole or streamed token by token as a {@link Flux} with back-pressure, and conversation
 * sessions. The other conversation endpoints are reached with
 * {@link ReactiveApiTransport#request} until they have typed methods here.
 * <pre class="code">
 * Flux&lt;CompletionEvent&gt; events = client.conversations().completeStream(conversationId, "Hi");
 * </pre>
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class ReactiveConversationClient {

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
	 * Issue a new token for a conversation ({@code POST
	 * /conversation/{conversationId}/session/create}) with the API's default duration.
	 * @param conversationId the conversation
	 * @return the token and its expiry, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if the id is null or not acceptable
	 */
	public Mono<ConversationSession> createSession(String conversationId) {
		return this.transport.request(ConversationClient.CREATE_SESSION, conversationId)
			.body(Map.of())
			.retrieve(ConversationSession.class);
	}

	private ReactiveApiRequest stateless(CompletionRequest request) {
		Assert.notNull(request, "CompletionRequest must not be null");
		return this.transport.request(ConversationClient.COMPLETE_STATELESS).body(request);
	}

	private ReactiveApiRequest completion(String conversationId, ConversationTurn turn) {
		Assert.notNull(turn, "ConversationTurn must not be null");
		return this.transport.request(ConversationClient.COMPLETE, conversationId).body(turn);
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
