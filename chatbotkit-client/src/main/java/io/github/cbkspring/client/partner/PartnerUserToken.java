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
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A token of a partner user, as listed: its details, never its value, which the API shows
 * only once, in {@link CreatedPartnerUserToken}.
 *
 * @param id the token's id
 * @param name the token's name, if any
 * @param description the token's description, if any
 * @param meta free-form metadata; empty if none
 * @param createdAt when the token was created
 * @param updatedAt when the token was last changed
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record PartnerUserToken(@JsonProperty(value = "id", required = true) String id, @Nullable String name,
		@Nullable String description, Map<String, Object> meta,
		@JsonProperty(value = "createdAt", required = true) Instant createdAt,
		@JsonProperty(value = "updatedAt", required = true) Instant updatedAt) {

	/**
	 * Copy the metadata.
	 * @param id the token's id
	 * @param name the token's name
	 * @param description the token's description
	 * @param meta free-form metadata
	 * @param createdAt when the token was created
	 * @param updatedAt when the token was last changed
	 */
	public PartnerUserToken {
		meta = (meta != null) ? Map.copyOf(meta) : Map.of();
	}

}
