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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.cbkspring.client.core.ResourceBuilder;
import io.github.cbkspring.client.core.Visibility;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The settings of a bot to create, or to change in an update: only the fields that are
 * set are sent, so an update leaves the others as they are (set a text to {@code ""} to
 * clear it). Build one with {@link #builder()}: <pre class="code">
 * String botId = bots.create(BotRequest.builder().name("Support").model("gpt-5.4").backstory("You help.").build());
 * </pre>
 *
 * @param alias the bot's alias
 * @param name the bot's name
 * @param description the bot's description
 * @param meta free-form metadata; not sent when empty
 * @param model the model definition, such as {@code gpt-5.4}
 * @param backstory the backstory (system instructions)
 * @param datasetId the dataset the bot answers from
 * @param skillsetId the skillset the bot acts with
 * @param privacy whether privacy mode is on
 * @param moderation whether moderation is on
 * @param blueprintId the blueprint the bot belongs to
 * @param visibility who may see the bot
 * @author cbkspring contributors
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BotRequest(@Nullable String alias, @Nullable String name, @Nullable String description,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> meta, @Nullable String model,
		@Nullable String backstory, @Nullable String datasetId, @Nullable String skillsetId, @Nullable Boolean privacy,
		@Nullable Boolean moderation, @Nullable String blueprintId, @Nullable Visibility visibility) {

	/**
	 * Validate the request and copy its metadata.
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
	 */
	public BotRequest {
		Assert.notNull(meta, "meta must not be null (use an empty map)");
		Assert.isTrue(visibility != Visibility.UNKNOWN, "Visibility UNKNOWN cannot be sent");
		meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
	}

	/**
	 * Start building a request that sets nothing yet.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builder for {@link BotRequest}.
	 */
	public static final class Builder extends ResourceBuilder<Builder> {

		private @Nullable String alias;

		private @Nullable String model;

		private @Nullable String backstory;

		private @Nullable String datasetId;

		private @Nullable String skillsetId;

		private @Nullable Boolean privacy;

		private @Nullable Boolean moderation;

		private @Nullable String blueprintId;

		private @Nullable Visibility visibility;

		private Builder() {
		}

		/**
		 * Set the alias.
		 * @param alias the alias
		 * @return this builder
		 */
		public Builder alias(String alias) {
			this.alias = alias;
			return this;
		}

		/**
		 * Set the model definition, such as {@code gpt-5.4} or
		 * {@code gpt-5.4/temperature=0.2}.
		 * @param model the model
		 * @return this builder
		 */
		public Builder model(String model) {
			this.model = model;
			return this;
		}

		/**
		 * Set the backstory (system instructions).
		 * @param backstory the backstory
		 * @return this builder
		 */
		public Builder backstory(String backstory) {
			this.backstory = backstory;
			return this;
		}

		/**
		 * Set the dataset the bot answers from.
		 * @param datasetId the dataset
		 * @return this builder
		 */
		public Builder datasetId(String datasetId) {
			this.datasetId = datasetId;
			return this;
		}

		/**
		 * Set the skillset the bot acts with.
		 * @param skillsetId the skillset
		 * @return this builder
		 */
		public Builder skillsetId(String skillsetId) {
			this.skillsetId = skillsetId;
			return this;
		}

		/**
		 * Turn privacy mode on or off.
		 * @param privacy whether privacy mode is on
		 * @return this builder
		 */
		public Builder privacy(boolean privacy) {
			this.privacy = privacy;
			return this;
		}

		/**
		 * Turn moderation on or off.
		 * @param moderation whether moderation is on
		 * @return this builder
		 */
		public Builder moderation(boolean moderation) {
			this.moderation = moderation;
			return this;
		}

		/**
		 * Set the blueprint the bot belongs to.
		 * @param blueprintId the blueprint
		 * @return this builder
		 */
		public Builder blueprintId(String blueprintId) {
			this.blueprintId = blueprintId;
			return this;
		}

		/**
		 * Set who may see the bot.
		 * @param visibility the visibility
		 * @return this builder
		 */
		public Builder visibility(Visibility visibility) {
			this.visibility = visibility;
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 */
		public BotRequest build() {
			return new BotRequest(this.alias, getName(), getDescription(), getMeta(), this.model, this.backstory,
					this.datasetId, this.skillsetId, this.privacy, this.moderation, this.blueprintId, this.visibility);
		}

	}

}
