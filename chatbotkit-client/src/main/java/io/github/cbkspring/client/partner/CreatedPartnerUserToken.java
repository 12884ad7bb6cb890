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
 * A token just created for a partner user: the only time the API shows its value. Keep it
 * as a secret; it never appears in {@link #toString()}.
 *
 * @param id the token's id, to delete it with
 * @param token the token's value, a credential that authenticates as the partner user
 * @param createdAt when the token was created
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record CreatedPartnerUserToken(@JsonProperty(value = "id", required = true) String id,
		@JsonProperty(value = "token", required = true) String token,
		@JsonProperty(value = "createdAt", required = true) Instant createdAt) {

	/**
	 * Validate the token.
	 * @param id the token's id
	 * @param token the token's value
	 * @param createdAt when the token was created
	 */
	public CreatedPartnerUserToken {
		Assert.notNull(id, "id must not be null");
		Assert.notNull(token, "token must not be null");
		Assert.notNull(createdAt, "createdAt must not be null");
	}

	@Override
	public String toString() {
		return "CreatedPartnerUserToken[id=" + this.id + ", token=******, createdAt=" + this.createdAt + "]";
	}

}
