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

package io.github.cbkspring.client.partner;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.util.Assert;

/**
 * A new partner user session: a short-lived token that authenticates as the partner user,
 * to hand to that user's front end instead of any secret. The token never appears in
 * {@link #toString()}.
 *
 * @param id the session's id
 * @param token the token that authenticates as the partner user until it expires
 * @param expiresAt when the token expires
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record PartnerUserSession(@JsonProperty(value = "id", required = true) String id,
		@JsonProperty(value = "token", required = true) String token,
		@JsonProperty(value = "expiresAt", required = true) Instant expiresAt) {

	/**
	 * Validate the session.
	 * @param id the session's id
	 * @param token the session token
	 * @param expiresAt when the token expires
	 */
	public PartnerUserSession {
		Assert.notNull(id, "id must not be null");
		Assert.notNull(token, "token must not be null");
		Assert.notNull(expiresAt, "expiresAt must not be null");
	}

	@Override
	public String toString() {
		return "PartnerUserSession[id=" + this.id + ", token=******, expiresAt=" + this.expiresAt + "]";
	}

}
