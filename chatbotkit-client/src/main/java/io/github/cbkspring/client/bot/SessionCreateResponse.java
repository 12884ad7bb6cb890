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
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.cbkspring.client.core.Message;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A new bot session: a conversation and a short-lived token for it, safe to hand to a
 * browser. The token never appears in {@link #toString()}.
 *
 * @param id the bot's id
 * @param conversationId the new conversation's id
 * @param token the token that authenticates calls for this conversation only
 * @param expiresAt when the token expires
 * @param messages the messages the conversation starts with
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record SessionCreateResponse(String id, String conversationId, String token, Instant expiresAt,
		List<Message> messages) {

	/**
	 * Validate the response and copy its messages.
	 * @param id the bot's id
	 * @param conversationId the conversation's id
	 * @param token the conversation token
	 * @param expiresAt when the token expires
	 * @param messages the messages the conversation starts with
	 */
	public SessionCreateResponse {
		Assert.notNull(id, "id must not be null");
		Assert.notNull(conversationId, "conversationId must not be null");
		Assert.notNull(token, "token must not be null");
		Assert.notNull(expiresAt, "expiresAt must not be null");
		messages = (messages != null) ? List.copyOf(messages) : List.of();
	}

	@JsonCreator
	static SessionCreateResponse fromWire(@JsonProperty(value = "id", required = true) String id,
			@JsonProperty(value = "conversationId", required = true) String conversationId,
			@JsonProperty(value = "token", required = true) String token,
			@JsonProperty(value = "expiresAt", required = true) long expiresAtEpochMillis,
			@JsonProperty("messages") @Nullable List<Message> messages) {
		return new SessionCreateResponse(id, conversationId, token, Instant.ofEpochMilli(expiresAtEpochMillis),
				(messages != null) ? messages : List.of());
	}

	@Override
	public String toString() {
		return "SessionCreateResponse[id=" + this.id + ", conversationId=" + this.conversationId
				+ ", token=******, expiresAt=" + this.expiresAt + ", messages=" + this.messages.size() + "]";
	}

}
