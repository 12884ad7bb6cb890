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

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A known entity in the text of a message, such as a name or an e-mail address, by its
 * character offsets; optionally with the text that replaces it (for example to mask
 * personal data). Sent with a message and answered by the API with the entities it found.
 *
 * @param type the kind of entity, such as {@code email}
 * @param begin the offset of the entity's first character in the message text
 * @param end the offset after the entity's last character
 * @param text the text of the entity
 * @param replacement the text that replaces the entity, if any
 * @author cbkspring contributors
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Entity(@JsonProperty(value = "type", required = true) String type,
		@JsonProperty(value = "begin", required = true) int begin,
		@JsonProperty(value = "end", required = true) int end,
		@JsonProperty(value = "text", required = true) String text, @Nullable Replacement replacement) {

	/**
	 * Validate the entity.
	 * @param type the kind of entity
	 * @param begin the offset of the first character
	 * @param end the offset after the last character
	 * @param text the text of the entity
	 * @param replacement the replacement, if any
	 */
	public Entity {
		Assert.notNull(type, "Entity type must not be null");
		Assert.notNull(text, "Entity text must not be null");
		Assert.isTrue(begin >= 0 && end >= begin, "Entity offsets must satisfy 0 <= begin <= end");
	}

	/**
	 * An entity without a replacement.
	 * @param type the kind of entity
	 * @param begin the offset of the first character
	 * @param end the offset after the last character
	 * @param text the text of the entity
	 * @return the entity
	 */
	public static Entity of(String type, int begin, int end, String text) {
		return new Entity(type, begin, end, text, null);
	}

	/**
	 * A copy of this entity replaced by another text.
	 * @param replacement the replacement
	 * @return the copy
	 */
	public Entity withReplacement(Replacement replacement) {
		Assert.notNull(replacement, "Replacement must not be null");
		return new Entity(this.type, this.begin, this.end, this.text, replacement);
	}

	/**
	 * The text that replaces an entity, by its offsets in the changed text.
	 *
	 * @param begin the offset of the replacement's first character
	 * @param end the offset after the replacement's last character
	 * @param text the replacement text
	 */
	public record Replacement(@JsonProperty(value = "begin", required = true) int begin,
			@JsonProperty(value = "end", required = true) int end,
			@JsonProperty(value = "text", required = true) String text) {

		/**
		 * Validate the replacement.
		 * @param begin the offset of the first character
		 * @param end the offset after the last character
		 * @param text the replacement text
		 */
		public Replacement {
			Assert.notNull(text, "Replacement text must not be null");
			Assert.isTrue(begin >= 0 && end >= begin, "Replacement offsets must satisfy 0 <= begin <= end");
		}

	}

}
