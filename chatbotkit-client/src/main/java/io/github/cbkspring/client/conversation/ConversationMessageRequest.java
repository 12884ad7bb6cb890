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
import io.github.cbkspring.client.core.Message;
import io.github.cbkspring.client.core.MessageType;
import io.github.cbkspring.client.core.ResourceBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A message to store in a conversation, or the fields of one to change in an update: only
 * the fields that are set are sent (set a text to {@code ""} to clear it). A new message
 * needs a type and a text: <pre class="code">
 * conversations.messages().create(conversationId, ConversationMessageRequest.of(Message.user("Hi")));
 * </pre>
 *
 * @param type the kind of message (required to create)
 * @param text the text of the message (required to create)
 * @param name the message's name
 * @param description the message's description
 * @param meta free-form metadata; not sent when empty
 * @param entities entities known in the text
 * @author cbkspring contributors
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConversationMessageRequest(@Nullable MessageType type, @Nullable String text, @Nullable String name,
		@Nullable String description, @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> meta,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<Entity> entities) {

	/**
	 * Validate the request and copy its collections.
	 * @param type the kind of message
	 * @param text the text
	 * @param name the name
	 * @param description the description
	 * @param meta free-form metadata
	 * @param entities entities known in the text
	 */
	public ConversationMessageRequest {
		Assert.isTrue(type != MessageType.UNKNOWN, "Message type UNKNOWN cannot be sent");
		Assert.notNull(meta, "meta must not be null (use an empty map)");
		meta = Copies.map(meta);
		entities = Copies.list(entities, "Entities");
	}

	/**
	 * A request to store a message as it is, with its metadata.
	 * @param message the message
	 * @return the request
	 */
	public static ConversationMessageRequest of(Message message) {
		Assert.notNull(message, "Message must not be null");
		return new ConversationMessageRequest(message.type(), message.text(), null, null, message.meta(), List.of());
	}

	/**
	 * Start building a request that sets nothing yet.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builder for {@link ConversationMessageRequest}.
	 */
	public static final class Builder extends ResourceBuilder<Builder> {

		private @Nullable MessageType type;

		private @Nullable String text;

		private final List<Entity> entities = new ArrayList<>();

		private Builder() {
		}

		/**
		 * Set the kind of message.
		 * @param type the kind
		 * @return this builder
		 */
		public Builder type(MessageType type) {
			this.type = type;
			return this;
		}

		/**
		 * Set the text.
		 * @param text the text
		 * @return this builder
		 */
		public Builder text(String text) {
			this.text = text;
			return this;
		}

		/**
		 * Add an entity known in the text.
		 * @param entity the entity
		 * @return this builder
		 */
		public Builder entity(Entity entity) {
			Assert.notNull(entity, "Entity must not be null");
			this.entities.add(entity);
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 */
		public ConversationMessageRequest build() {
			return new ConversationMessageRequest(this.type, this.text, getName(), getDescription(), getMeta(),
					this.entities);
		}

	}

}
