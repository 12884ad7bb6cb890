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

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.util.Assert;

/**
 * A new token for an existing conversation. The token never appears in
 * {@link #toString()}.
 *
 * @param id the conversation's id
 * @param token the token that authenticates calls for this conversation only
 * @param expiresAt when the token expires
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record ConversationSession(String id, String token, Instant expiresAt) {

	/**
	 * Validate the session.
	 * @param id the conversation's id
	 * @param token the conversation token
	 * @param expiresAt when the token expires
	 */
	public ConversationSession {
		Assert.notNull(id, "id must not be null");
		Assert.notNull(token, "token must not be null");
		Assert.notNull(expiresAt, "expiresAt must not be null");
	}

	@JsonCreator
	static ConversationSession fromWire(@JsonProperty(value = "id", required = true) String id,
			@JsonProperty(value = "token", required = true) String token,
			@JsonProperty(value = "expiresAt", required = true) long expiresAtEpochMillis) {
		return new ConversationSession(id, token, Instant.ofEpochMilli(expiresAtEpochMillis));
	}

	@Override
	public String toString() {
		return "ConversationSession[id=" + this.id + ", token=******, expiresAt=" + this.expiresAt + "]";
	}

}
