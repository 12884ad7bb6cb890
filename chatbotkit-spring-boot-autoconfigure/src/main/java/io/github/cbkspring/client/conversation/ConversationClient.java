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
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.github.cbkspring.client.ApiEndpoint;
import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.ChatBotKitException;
import io.github.cbkspring.client.ChatBotKitOptions;
import io.github.cbkspring.client.ChatBotKitStreamException;

import org.springframework.util.Assert;

/**
 * Talks within a conversation: asks the bot for a reply, whole or streamed token by
 * token, and issues new conversation tokens. Works with the secret or with a session
 * token for that conversation (a server relaying a user's chat): <pre class="code">
 * ConversationClient chat = client.withSecret(session.token()).conversations();
 * try (Stream&lt;CompletionEvent&gt; events = chat.completeStream(session.conversationId(), "Hi")) {
 *     events.forEach(...);
 * }
 * </pre>
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class ConversationClient {

	private static final ApiEndpoint COMPLETE = ApiEndpoint.post("/conversation/{conversationId}/complete");

	private static final ApiEndpoint CREATE_SESSION = ApiEndpoint.post("/conversation/{conversationId}/session/create");

	private final ChatBotKitClient client;

	/**
	 * Create a conversation client on a {@link ChatBotKitClient}.
	 * @param client the client whose options and connection pool to use
	 */
	public ConversationClient(ChatBotKitClient client) {
		Assert.notNull(client, "ChatBotKitClient must not be null");
		this.client = client;
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
		return this.client.request(COMPLETE, conversationId).body(textBody(text)).retrieve(CompletionResult.class);
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
		return this.client.request(COMPLETE, conversationId)
			.body(textBody(text))
			.stream(CompletionEvent.class, CompletionEvent.Result.class::isInstance);
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
		Assert.isTrue(duration != null && duration.toSeconds() >= 1, "Session duration must be at least one second");
		return createSession(conversationId, Map.of("durationInSeconds", duration.toSeconds()));
	}

	private ConversationSession createSession(String conversationId, Map<String, Object> body) {
		return this.client.request(CREATE_SESSION, conversationId).body(body).retrieve(ConversationSession.class);
	}

	/**
	 * A copy of this client with some options changed, sharing the connection pool; see
	 * {@link ChatBotKitClient#withOptions(Consumer)}.
	 * @param changes the changes to apply to a copy of the options
	 * @return the copy
	 */
	public ConversationClient withOptions(Consumer<ChatBotKitOptions.Builder> changes) {
		return new ConversationClient(this.client.withOptions(changes));
	}

	/**
	 * The underlying client.
	 * @return the client
	 */
	public ChatBotKitClient client() {
		return this.client;
	}

	private static Map<String, String> textBody(String text) {
		Assert.notNull(text, "Text must not be null");
		return Map.of("text", text);
	}

	@Override
	public String toString() {
		return "ConversationClient[" + this.client + "]";
	}

}
