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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.cbkspring.client.core.Message;
import io.github.cbkspring.client.core.MessageType;
import io.github.cbkspring.client.core.ResourceBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The settings of a conversation to create, or to change in an update: only the fields
 * that are set are sent (set a text to {@code ""} to clear it). The bot is an existing
 * bot ({@code botId}) or configured in place ({@code config}), never both.
 * <pre class="code">
 * String conversationId = conversations.create(ConversationRequest.builder()
 *     .botId(botId)
 *     .contactId(contactId)
 *     .message(Message.bot("Hello! How can I help?"))
 *     .build());
 * </pre>
 *
 * @param name the conversation's name
 * @param description the conversation's description
 * @param meta free-form metadata; not sent when empty
 * @param contactId the end user the conversation is with
 * @param taskId the task that holds the conversation
 * @param spaceId the space that holds the conversation
 * @param botId the bot, or {@code null}
 * @param config the bot configured in place, or {@code null}
 * @param messages messages to start the conversation with (create only)
 * @author cbkspring contributors
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConversationRequest(@Nullable String name, @Nullable String description,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> meta, @Nullable String contactId,
		@Nullable String taskId, @Nullable String spaceId, @Nullable String botId,
		@JsonUnwrapped @Nullable BotConfig config, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Message> messages) {

	/**
	 * Validate the request and copy its collections.
	 * @param name the conversation's name
	 * @param description the conversation's description
	 * @param meta free-form metadata
	 * @param contactId the end user
	 * @param taskId the task
	 * @param spaceId the space
	 * @param botId the bot, or {@code null}
	 * @param config the bot configured in place, or {@code null}
	 * @param messages messages to start the conversation with
	 */
	public ConversationRequest {
		Assert.notNull(meta, "meta must not be null (use an empty map)");
		Assert.isTrue(botId == null || config == null,
				"A conversation has either a bot id or a bot configuration, not both");
		meta = Copies.map(meta);
		messages = Copies.list(messages, "Messages");
		Assert.isTrue(messages.stream().noneMatch((message) -> message.type() == MessageType.UNKNOWN),
				"Message type UNKNOWN cannot be sent");
	}

	/**
	 * Start building a request that sets nothing yet.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builder for {@link ConversationRequest}.
	 */
	public static final class Builder extends ResourceBuilder<Builder> {

		private @Nullable String contactId;

		private @Nullable String taskId;

		private @Nullable String spaceId;

		private @Nullable String botId;

		private @Nullable BotConfig config;

		private final List<Message> messages = new ArrayList<>();

		private Builder() {
		}

		/**
		 * Set the end user the conversation is with.
		 * @param contactId the contact
		 * @return this builder
		 */
		public Builder contactId(String contactId) {
			this.contactId = contactId;
			return this;
		}

		/**
		 * Set the task that holds the conversation.
		 * @param taskId the task
		 * @return this builder
		 */
		public Builder taskId(String taskId) {
			this.taskId = taskId;
			return this;
		}

		/**
		 * Set the space that holds the conversation.
		 * @param spaceId the space
		 * @return this builder
		 */
		public Builder spaceId(String spaceId) {
			this.spaceId = spaceId;
			return this;
		}

		/**
		 * Use an existing bot; a request cannot have a {@link #config(BotConfig)} too.
		 * @param botId the bot
		 * @return this builder
		 */
		public Builder botId(String botId) {
			this.botId = botId;
			return this;
		}

		/**
		 * Configure the bot in place; a request cannot have a {@link #botId(String)} too.
		 * @param config the model, backstory, dataset, skillset and flags
		 * @return this builder
		 */
		public Builder config(BotConfig config) {
			this.config = config;
			return this;
		}

		/**
		 * Add a message to start the conversation with (create only).
		 * @param message the message
		 * @return this builder
		 */
		public Builder message(Message message) {
			Assert.notNull(message, "Message must not be null");
			this.messages.add(message);
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 * @throws IllegalArgumentException if both a bot id and a configuration are set
		 */
		public ConversationRequest build() {
			return new ConversationRequest(getName(), getDescription(), getMeta(), this.contactId, this.taskId,
					this.spaceId, this.botId, this.config, this.messages);
		}

	}

}
