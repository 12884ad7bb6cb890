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

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The user's turn in a stored conversation: the message text with the entities known in
 * it, and the {@link CompletionOptions} of the call. Used to complete
 * ({@link ConversationClient#complete(String, ConversationTurn)}) or only send
 * ({@link ConversationClient#send(String, ConversationTurn)}). Immutable: the
 * {@code with...} methods return copies. <pre class="code">
 * conversations.complete(conversationId, ConversationTurn.of("What is the weather in Oslo?")
 *     .withOptions(CompletionOptions.none().withFunction(weather)));
 * </pre>
 *
 * @param text the user's message, or {@code null} to complete from the conversation as it
 * is (a completion only)
 * @param entities entities known in the text
 * @param options functions, extensions and limits for this call
 * @author cbkspring contributors
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConversationTurn(@Nullable String text, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Entity> entities,
		@JsonUnwrapped CompletionOptions options) {

	private static final ConversationTurn WITHOUT_TEXT = new ConversationTurn(null, List.of(),
			CompletionOptions.none());

	/**
	 * Validate the turn and copy its entities.
	 * @param text the user's message, if any
	 * @param entities entities known in the text
	 * @param options functions, extensions and limits
	 */
	public ConversationTurn {
		entities = Copies.list(entities, "Entities");
		Assert.notNull(options, "Options must not be null (use CompletionOptions.none())");
	}

	/**
	 * A turn with the user's message.
	 * @param text the message
	 * @return the turn
	 */
	public static ConversationTurn of(String text) {
		Assert.notNull(text, "Text must not be null");
		return new ConversationTurn(text, List.of(), CompletionOptions.none());
	}

	/**
	 * A turn without a message, to complete from the conversation as it is, for example
	 * after adding messages with {@link ConversationClient#messages()}.
	 * @return the turn
	 */
	public static ConversationTurn withoutText() {
		return WITHOUT_TEXT;
	}

	/**
	 * A copy with one more entity known in the text.
	 * @param entity the entity
	 * @return the copy
	 */
	public ConversationTurn withEntity(Entity entity) {
		return new ConversationTurn(this.text, Copies.plus(this.entities, entity), this.options);
	}

	/**
	 * A copy with options for this call.
	 * @param options functions, extensions and limits
	 * @return the copy
	 */
	public ConversationTurn withOptions(CompletionOptions options) {
		return new ConversationTurn(this.text, this.entities, options);
	}

}
