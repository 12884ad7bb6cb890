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

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to a message stored in a conversation: its id and the entities the API found
 * in its text.
 *
 * @param id the new message's id
 * @param entities the entities found in the text
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record MessageReceipt(@JsonProperty(value = "id", required = true) String id,
		@JsonProperty(value = "entities", required = true) List<Entity> entities) {

	/**
	 * Copy the entities.
	 * @param id the message's id
	 * @param entities the entities found in the text
	 */
	public MessageReceipt {
		entities = (entities != null) ? List.copyOf(entities) : List.of();
	}

}
