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

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.cbkspring.client.core.Message;
import io.github.cbkspring.client.core.MessageType;
import org.jspecify.annotations.Nullable;

/**
 * A stored message of a conversation.
 *
 * @param id the message's id
 * @param type the kind of message; {@link MessageType#UNKNOWN} for a kind this client
 * does not know yet
 * @param text the text of the message
 * @param name the message's name, if any
 * @param description the message's description, if any
 * @param meta free-form metadata, such as the function call of an activity; empty if none
 * @param createdAt when the message was created
 * @param updatedAt when the message was last changed
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record ConversationMessage(@JsonProperty(value = "id", required = true) String id,
		@JsonProperty(value = "type", required = true) MessageType type,
		@JsonProperty(value = "text", required = true) String text, @Nullable String name, @Nullable String description,
		Map<String, Object> meta, @JsonProperty(value = "createdAt", required = true) Instant createdAt,
		@JsonProperty(value = "updatedAt", required = true) Instant updatedAt) {

	/**
	 * Copy the metadata.
	 * @param id the message's id
	 * @param type the kind of message
	 * @param text the text
	 * @param name the name
	 * @param description the description
	 * @param meta free-form metadata
	 * @param createdAt when the message was created
	 * @param updatedAt when the message was last changed
	 */
	public ConversationMessage {
		meta = Copies.map(meta);
	}

	/**
	 * This message as a {@link Message} with its metadata, for example to replay a stored
	 * history in a stateless completion.
	 * @return the message
	 */
	public Message toMessage() {
		return new Message(this.type, this.text, this.meta);
	}

}
