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
import org.jspecify.annotations.Nullable;

/**
 * A stored conversation. Its bot is either an existing bot ({@code botId}) or configured
 * in place ({@code model}, {@code backstory}, ...); the API sends the fields of the one
 * it has.
 *
 * @param id the conversation's id
 * @param name the conversation's name, if any
 * @param description the conversation's description, if any
 * @param meta free-form metadata; empty if none
 * @param contactId the end user the conversation is with, if known
 * @param taskId the task that holds the conversation, if any
 * @param spaceId the space that holds the conversation, if any
 * @param botId the bot, if the conversation uses an existing one
 * @param model the model definition, if configured in place; see
 * {@link ModelDefinition#parse(String)}
 * @param backstory the backstory, if configured in place
 * @param datasetId the dataset, if configured in place
 * @param skillsetId the skillset, if configured in place
 * @param privacy whether privacy mode is on, if the API said
 * @param moderation whether moderation is on, if the API said
 * @param createdAt when the conversation was created
 * @param updatedAt when the conversation was last changed
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record Conversation(@JsonProperty(value = "id", required = true) String id, @Nullable String name,
		@Nullable String description, Map<String, Object> meta, @Nullable String contactId, @Nullable String taskId,
		@Nullable String spaceId, @Nullable String botId, @Nullable String model, @Nullable String backstory,
		@Nullable String datasetId, @Nullable String skillsetId, @Nullable Boolean privacy,
		@Nullable Boolean moderation, @JsonProperty(value = "createdAt", required = true) Instant createdAt,
		@JsonProperty(value = "updatedAt", required = true) Instant updatedAt) {

	/**
	 * Copy the metadata.
	 * @param id the conversation's id
	 * @param name the name
	 * @param description the description
	 * @param meta free-form metadata
	 * @param contactId the end user
	 * @param taskId the task
	 * @param spaceId the space
	 * @param botId the bot
	 * @param model the model definition
	 * @param backstory the backstory
	 * @param datasetId the dataset
	 * @param skillsetId the skillset
	 * @param privacy whether privacy mode is on
	 * @param moderation whether moderation is on
	 * @param createdAt when the conversation was created
	 * @param updatedAt when the conversation was last changed
	 */
	public Conversation {
		meta = Copies.map(meta);
	}

}
