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

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.Message;
import io.github.cbkspring.client.core.MessageType;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A stateless completion ({@code POST /conversation/complete}): the whole history goes
 * with every request, nothing is stored, and the bot is either an existing bot
 * ({@link #withBot(String)}) or configured in place ({@link #withConfig(BotConfig)}); the
 * two factories make sure it is exactly one of them. <pre class="code">
 * CompletionResult reply = client.conversations().complete(CompletionRequest.withBot(botId)
 *     .message(Message.user("Summarise this ticket: ..."))
 *     .build());
 *
 * CompletionRequest request = CompletionRequest
 *     .withConfig(BotConfig.ofModel(ModelDefinition.of("gpt-5.4").temperature(0.2)).withBackstory("You triage tickets."))
 *     .messages(history)
 *     .contact(ContactRef.byFingerprint(user.id()))
 *     .options(CompletionOptions.none().withFunction(lookupOrder).withLimits(Limits.none().withCalls(3)))
 *     .build();
 * try (Stream&lt;CompletionEvent&gt; events = client.conversations().completeStream(request)) {
 *     events.forEach(...);
 * }
 * </pre> The {@code X-Timezone} header the bot reads dates in comes from the client's
 * {@link ChatBotKitOptions#timezone() options}; for one call, use a copy:
 * {@code conversations.withOptions(o -> o.timezone(ZoneId.of("Europe/Oslo"))).complete(request)}.
 *
 * @param botId the bot to complete with, or {@code null} when {@code config} is set
 * @param config the bot configured in place, or {@code null} when {@code botId} is set
 * @param messages the conversation so far, oldest first, ending with the message to reply
 * to
 * @param attachments files the bot may read, by URL
 * @param contact the end user the completion is for, if any
 * @param options functions, extensions and limits
 * @author cbkspring contributors
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompletionRequest(@Nullable String botId, @JsonUnwrapped @Nullable BotConfig config,
		List<Message> messages, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Attachment> attachments,
		@JsonProperty("contactId") @Nullable ContactRef contact, @JsonUnwrapped CompletionOptions options) {

	/**
	 * Validate the request and copy its lists.
	 * @param botId the bot, or {@code null} when {@code config} is set
	 * @param config the bot configured in place, or {@code null} when {@code botId} is
	 * set
	 * @param messages the conversation so far
	 * @param attachments files the bot may read
	 * @param contact the end user, if any
	 * @param options functions, extensions and limits
	 */
	public CompletionRequest {
		Assert.isTrue((botId == null) != (config == null),
				"A completion needs either a bot id or a bot configuration, not both");
		Assert.isTrue(botId == null || !botId.isEmpty(), "Bot id must not be empty");
		messages = Copies.list(messages, "Messages");
		Assert.isTrue(messages.stream().noneMatch((message) -> message.type() == MessageType.UNKNOWN),
				"Message type UNKNOWN cannot be sent");
		attachments = Copies.list(attachments, "Attachments");
		Assert.notNull(options, "Options must not be null (use CompletionOptions.none())");
	}

	/**
	 * Start a completion with an existing bot, its model, backstory, dataset and
	 * skillset.
	 * @param botId the bot
	 * @return a builder
	 */
	public static Builder withBot(String botId) {
		Assert.hasText(botId, "Bot id must not be empty");
		return new Builder(botId, null);
	}

	/**
	 * Start a completion with a bot configured in place.
	 * @param config the model, backstory, dataset, skillset and flags
	 * @return a builder
	 */
	public static Builder withConfig(BotConfig config) {
		Assert.notNull(config, "BotConfig must not be null");
		return new Builder(null, config);
	}

	/**
	 * A file the bot may read, by URL ({@code {"url": ...}}).
	 *
	 * @param url where the file is
	 */
	public record Attachment(URI url) {

		/**
		 * Validate the attachment.
		 * @param url where the file is
		 */
		public Attachment {
			Assert.notNull(url, "Attachment URL must not be null");
		}

	}

	/**
	 * Builder for {@link CompletionRequest}; the bot is chosen when it is made.
	 */
	public static final class Builder {

		private final @Nullable String botId;

		private final @Nullable BotConfig config;

		private final List<Message> messages = new ArrayList<>();

		private final List<Attachment> attachments = new ArrayList<>();

		private @Nullable ContactRef contact;

		private CompletionOptions options = CompletionOptions.none();

		private Builder(@Nullable String botId, @Nullable BotConfig config) {
			this.botId = botId;
			this.config = config;
		}

		/**
		 * Add a message to the conversation.
		 * @param message the message
		 * @return this builder
		 */
		public Builder message(Message message) {
			Assert.notNull(message, "Message must not be null");
			this.messages.add(message);
			return this;
		}

		/**
		 * Add messages to the conversation, in order.
		 * @param messages the messages
		 * @return this builder
		 */
		public Builder messages(Collection<Message> messages) {
			Assert.notNull(messages, "Messages must not be null");
			messages.forEach(this::message);
			return this;
		}

		/**
		 * Add a file the bot may read.
		 * @param url where the file is
		 * @return this builder
		 */
		public Builder attachment(URI url) {
			this.attachments.add(new Attachment(url));
			return this;
		}

		/**
		 * Set the end user the completion is for.
		 * @param contact an existing contact, or one by fingerprint
		 * @return this builder
		 */
		public Builder contact(ContactRef contact) {
			Assert.notNull(contact, "Contact must not be null");
			this.contact = contact;
			return this;
		}

		/**
		 * Set the functions, extensions and limits.
		 * @param options the options
		 * @return this builder
		 */
		public Builder options(CompletionOptions options) {
			Assert.notNull(options, "Options must not be null");
			this.options = options;
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 */
		public CompletionRequest build() {
			return new CompletionRequest(this.botId, this.config, this.messages, this.attachments, this.contact,
					this.options);
		}

	}

}
