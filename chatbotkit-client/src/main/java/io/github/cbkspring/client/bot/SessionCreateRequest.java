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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.cbkspring.client.core.Message;
import io.github.cbkspring.client.core.MessageType;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What to create a bot session with. Every field is optional: {@link #empty()} lets the
 * API choose.
 *
 * @param duration how long the session stays open, sent as whole seconds, or {@code null}
 * for the API's default
 * @param messages messages to seed the conversation with
 * @param meta free-form metadata stored with the conversation
 * @author cbkspring contributors
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SessionCreateRequest(@JsonIgnore @Nullable Duration duration, List<Message> messages,
		Map<String, Object> meta) {

	private static final SessionCreateRequest EMPTY = new SessionCreateRequest(null, List.of(), Map.of());

	/**
	 * Validate the request and copy its collections.
	 * @param duration how long the session stays open
	 * @param messages messages to seed the conversation with
	 * @param meta free-form metadata
	 */
	public SessionCreateRequest {
		Assert.isTrue(duration == null || duration.toSeconds() >= 1, "Session duration must be at least one second");
		Assert.notNull(messages, "Messages must not be null (use an empty list)");
		Assert.notNull(meta, "Meta must not be null (use an empty map)");
		Assert.isTrue(messages.stream().noneMatch((message) -> message.type() == MessageType.UNKNOWN),
				"Message type UNKNOWN cannot be sent");
		messages = List.copyOf(messages);
		meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
	}

	/**
	 * A request that sets nothing.
	 * @return the empty request
	 */
	public static SessionCreateRequest empty() {
		return EMPTY;
	}

	/**
	 * Start building a request.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The duration as sent on the wire.
	 * @return whole seconds, or {@code null} when no duration is set
	 */
	@JsonProperty("durationInSeconds")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Nullable Long durationInSeconds() {
		return (this.duration != null) ? this.duration.toSeconds() : null;
	}

	/**
	 * Builder for {@link SessionCreateRequest}.
	 */
	public static final class Builder {

		private @Nullable Duration duration;

		private final List<Message> messages = new ArrayList<>();

		private final Map<String, Object> meta = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Set how long the session stays open (whole seconds are sent).
		 * @param duration the duration
		 * @return this builder
		 */
		public Builder duration(Duration duration) {
			this.duration = duration;
			return this;
		}

		/**
		 * Add a message to seed the conversation with.
		 * @param message the message
		 * @return this builder
		 */
		public Builder message(Message message) {
			this.messages.add(message);
			return this;
		}

		/**
		 * Add a message to seed the conversation with.
		 * @param type the kind of message
		 * @param text the text
		 * @return this builder
		 */
		public Builder message(MessageType type, String text) {
			return message(new Message(type, text));
		}

		/**
		 * Add a metadata entry.
		 * @param key the key
		 * @param value the value, serialized as JSON
		 * @return this builder
		 */
		public Builder meta(String key, Object value) {
			this.meta.put(key, value);
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 */
		public SessionCreateRequest build() {
			return new SessionCreateRequest(this.duration, this.messages, this.meta);
		}

	}

}
