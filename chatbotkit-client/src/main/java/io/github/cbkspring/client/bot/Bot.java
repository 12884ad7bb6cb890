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

package io.github.cbkspring.client.bot;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.cbkspring.client.core.Visibility;
import org.jspecify.annotations.Nullable;

/**
 * A bot: a model with a backstory, and optionally a dataset to answer from and a skillset
 * to act with.
 *
 * @param id the bot's id
 * @param alias the bot's alias, if any
 * @param name the bot's name, if any
 * @param description the bot's description, if any
 * @param meta free-form metadata; empty if none
 * @param model the model definition, such as {@code gpt-5.4} or
 * {@code gpt-5.4/temperature=0.2}, if set
 * @param backstory the backstory (system instructions), if set
 * @param datasetId the dataset the bot answers from, if any
 * @param skillsetId the skillset the bot acts with, if any
 * @param privacy whether privacy mode is on, if the API said
 * @param moderation whether moderation is on, if the API said
 * @param blueprintId the blueprint the bot belongs to, if any
 * @param visibility who may see the bot, if the API said
 * @param createdAt when the bot was created
 * @param updatedAt when the bot was last changed
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record Bot(@JsonProperty(value = "id", required = true) String id, @Nullable String alias, @Nullable String name,
		@Nullable String description, Map<String, Object> meta, @Nullable String model, @Nullable String backstory,
		@Nullable String datasetId, @Nullable String skillsetId, @Nullable Boolean privacy,
		@Nullable Boolean moderation, @Nullable String blueprintId, @Nullable Visibility visibility,
		@JsonProperty(value = "createdAt", required = true) Instant createdAt,
		@JsonProperty(value = "updatedAt", required = true) Instant updatedAt) {

	/**
	 * Copy the metadata.
	 * @param id the bot's id
	 * @param alias the bot's alias
	 * @param name the bot's name
	 * @param description the bot's description
	 * @param meta free-form metadata
	 * @param model the model definition
	 * @param backstory the backstory
	 * @param datasetId the dataset
	 * @param skillsetId the skillset
	 * @param privacy whether privacy mode is on
	 * @param moderation whether moderation is on
	 * @param blueprintId the blueprint
	 * @param visibility who may see the bot
	 * @param createdAt when the bot was created
	 * @param updatedAt when the bot was last changed
	 */
	public Bot {
		meta = (meta != null) ? Map.copyOf(meta) : Map.of();
	}

}
