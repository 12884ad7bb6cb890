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

package io.github.cbkspring.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import io.github.cbkspring.client.conversation.Conversation;
import io.github.cbkspring.client.conversation.ConversationClient;
import io.github.cbkspring.client.conversation.ConversationMessage;
import io.github.cbkspring.client.conversation.ConversationMessageRequest;
import io.github.cbkspring.client.conversation.ConversationRequest;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.SortOrder;
import io.github.cbkspring.client.error.ChatBotKitException;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.messages.Message;
import org.springframework.util.Assert;

/**
 * ChatBotKit conversations as a Spring AI {@link ChatMemoryRepository}: with it,
 * {@code MessageWindowChatMemory} keeps each chat's history in a stored ChatBotKit
 * conversation, where the dashboard shows it and where it outlives the application.
 * <pre class="code">
 * ChatMemory memory = MessageWindowChatMemory.builder()
 *     .chatMemoryRepository(ChatBotKitChatMemoryRepository.builder()
 *         .conversationClient(client.conversations())
 *         .build())
 *     .build();
 * ChatClient.builder(chatModel).defaultAdvisors(MessageChatMemoryAdvisor.builder(memory).build()).build();
 * </pre>
 * <p>
 * A Spring AI conversation id is kept in the metadata of its ChatBotKit conversation
 * ({@value #CONVERSATION_ID_META}, next to the marker {@value #MARKER_META}
 * {@code = "true"}) and looked up by it ({@code GET /conversation/list} filtered on that
 * metadata), so that a new repository, after a restart, finds the history again. The
 * conversation is created ({@code POST /conversation/create}) with the first messages
 * saved, and deleted ({@code POST /conversation/{id}/delete}) with
 * {@link #deleteByConversationId(String)}.
 * <p>
 * Messages: user → {@code user}, assistant → {@code bot} (its tool calls kept in the
 * message's metadata), system → {@code instruction}, tool responses → {@code activity}
 * (the responses kept in its metadata). A user message with media cannot be stored.
 * Messages of other types in the conversation (reasoning, context, the bot's own
 * activities), which ChatBotKit writes when a bot completes in it, have no Spring AI
 * message: reads leave them out and saves leave them alone.
 * <p>
 * {@link #saveAll(String, List)} writes the difference: the stored messages the new
 * history no longer starts with are deleted, the new ones appended, so that a window that
 * moves by one message costs a delete and an append or two rather than a rewrite. It is
 * several calls and not atomic: after a failure part of them may be done, and saving the
 * same history again completes it. Failures are the client's
 * {@link ChatBotKitException}s, after the client's retries.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public final class ChatBotKitChatMemoryRepository implements ChatMemoryRepository {

	/**
	 * The conversation metadata key that holds the Spring AI conversation id.
	 */
	public static final String CONVERSATION_ID_META = "springAiConversationId";

	/**
	 * The conversation metadata key that marks the conversations of chat memory, with the
	 * value {@code "true"}.
	 */
	public static final String MARKER_META = "springAiChatMemory";

	private static final ListQuery MEMORIES = ListQuery.defaults().withMeta(MARKER_META, "true");

	private static final ListQuery OLDEST_FIRST = ListQuery.defaults().withOrder(SortOrder.ASC);

	private final ConversationClient conversations;

	private final @Nullable String botId;

	private ChatBotKitChatMemoryRepository(Builder builder) {
		Assert.notNull(builder.conversations, "ConversationClient must not be null");
		this.conversations = builder.conversations;
		this.botId = builder.botId;
	}

	/**
	 * Start a repository.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The Spring AI conversation ids of every chat memory conversation.
	 * @return the ids, each once
	 * @throws ChatBotKitException if a call fails
	 */
	@Override
	public List<String> findConversationIds() {
		try (Stream<Conversation> all = this.conversations.listAll(MEMORIES)) {
			return all.map(ChatBotKitChatMemoryRepository::conversationId)
				.filter(Objects::nonNull)
				.map(String.class::cast)
				.distinct()
				.toList();
		}
	}

	/**
	 * The stored history of a conversation, oldest first.
	 * @param conversationId the Spring AI conversation id
	 * @return the messages, empty if there is no such conversation
	 * @throws ChatBotKitException if a call fails
	 */
	@Override
	public List<Message> findByConversationId(String conversationId) {
		Assert.hasText(conversationId, "Conversation id must not be empty");
		Conversation conversation = find(conversationId);
		if (conversation == null) {
			return List.of();
		}
		try (Stream<ConversationMessage> stored = stored(conversation)) {
			return stored.map(MemoryMessages::toMessage).filter(Objects::nonNull).map(Message.class::cast).toList();
		}
	}

	/**
	 * Make the stored history of a conversation these messages, creating the conversation
	 * if there is none.
	 * @param conversationId the Spring AI conversation id
	 * @param messages the whole history, oldest first
	 * @throws IllegalArgumentException if a message cannot be stored
	 * @throws ChatBotKitException if a call fails; part of the history may be written
	 */
	@Override
	public void saveAll(String conversationId, List<Message> messages) {
		Assert.hasText(conversationId, "Conversation id must not be empty");
		Assert.notNull(messages, "Messages must not be null");
		List<io.github.cbkspring.client.core.Message> wanted = messages.stream().map(MemoryMessages::toStored).toList();
		Conversation conversation = find(conversationId);
		if (conversation == null) {
			if (!wanted.isEmpty()) {
				create(conversationId, wanted);
			}
			return;
		}
		List<ConversationMessage> stored = new ArrayList<>();
		List<io.github.cbkspring.client.core.Message> storedMessages = new ArrayList<>();
		try (Stream<ConversationMessage> all = stored(conversation)) {
			all.forEach((message) -> {
				io.github.cbkspring.client.core.Message comparable = MemoryMessages.comparable(message);
				if (comparable != null) {
					stored.add(message);
					storedMessages.add(comparable);
				}
			});
		}
		int dropped = 0;
		while (!startsWith(wanted, storedMessages.subList(dropped, storedMessages.size()))) {
			dropped++;
		}
		for (ConversationMessage message : stored.subList(0, dropped)) {
			this.conversations.messages().delete(conversation.id(), message.id());
		}
		for (io.github.cbkspring.client.core.Message message : wanted.subList(stored.size() - dropped, wanted.size())) {
			this.conversations.messages().create(conversation.id(), ConversationMessageRequest.of(message));
		}
	}

	/**
	 * Delete the ChatBotKit conversation of a Spring AI conversation, if there is one.
	 * @param conversationId the Spring AI conversation id
	 * @throws ChatBotKitException if a call fails
	 */
	@Override
	public void deleteByConversationId(String conversationId) {
		Assert.hasText(conversationId, "Conversation id must not be empty");
		for (Conversation conversation : findAll(conversationId)) {
			this.conversations.delete(conversation.id());
		}
	}

	private @Nullable Conversation find(String conversationId) {
		List<Conversation> found = findAll(conversationId);
		return found.isEmpty() ? null : found.get(0);
	}

	/**
	 * The conversations of an id: the metadata is checked here as well, so that a list
	 * that ignored the filter could never hand over another chat's history.
	 */
	private List<Conversation> findAll(String conversationId) {
		try (Stream<Conversation> all = this.conversations
			.listAll(MEMORIES.withMeta(CONVERSATION_ID_META, conversationId))) {
			return all
				.filter((conversation) -> conversationId.equals(conversationId(conversation))
						&& "true".equals(conversation.meta().get(MARKER_META)))
				.toList();
		}
	}

	private void create(String conversationId, List<io.github.cbkspring.client.core.Message> messages) {
		ConversationRequest.Builder request = ConversationRequest.builder()
			.meta(MARKER_META, "true")
			.meta(CONVERSATION_ID_META, conversationId);
		if (this.botId != null) {
			request.botId(this.botId);
		}
		messages.forEach(request::message);
		this.conversations.create(request.build());
	}

	private Stream<ConversationMessage> stored(Conversation conversation) {
		return this.conversations.messages().listAll(conversation.id(), OLDEST_FIRST);
	}

	private static boolean startsWith(List<?> list, List<?> prefix) {
		return prefix.size() <= list.size() && list.subList(0, prefix.size()).equals(prefix);
	}

	private static @Nullable Object conversationId(Conversation conversation) {
		Object id = conversation.meta().get(CONVERSATION_ID_META);
		return (id instanceof String) ? id : null;
	}

	@Override
	public String toString() {
		return "ChatBotKitChatMemoryRepository[botId=" + this.botId + "]";
	}

	/**
	 * Builder for {@link ChatBotKitChatMemoryRepository}.
	 */
	public static final class Builder {

		private @Nullable ConversationClient conversations;

		private @Nullable String botId;

		private Builder() {
		}

		/**
		 * Set the client that stores conversations; its connection settings, retries and
		 * timeouts apply. Required.
		 * @param conversations the conversation client
		 * @return this builder
		 */
		public Builder conversationClient(ConversationClient conversations) {
			Assert.notNull(conversations, "ConversationClient must not be null");
			this.conversations = conversations;
			return this;
		}

		/**
		 * Set the bot that the conversations created are with, so that the dashboard
		 * lists them under it; none by default.
		 * @param botId the bot's id
		 * @return this builder
		 */
		public Builder botId(String botId) {
			Assert.hasText(botId, "Bot id must not be empty");
			this.botId = botId;
			return this;
		}

		/**
		 * Build the repository.
		 * @return the repository
		 * @throws IllegalArgumentException if no conversation client was set
		 */
		public ChatBotKitChatMemoryRepository build() {
			return new ChatBotKitChatMemoryRepository(this);
		}

	}

}
