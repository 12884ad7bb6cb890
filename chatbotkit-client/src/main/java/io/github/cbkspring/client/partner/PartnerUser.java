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
 * A partner user: an account that a partner made for one of its customers, and that the
 * partner can act for.
 *
 * @param id the user's id, the value to run as
 * @param name the user's name, if any
 * @param description the user's description, if any
 * @param meta free-form metadata; empty if none
 * @param image the URL of the user's image, if any
 * @param email the user's email address, if any
 * @param limits what the user may use, if the API said
 * @param createdAt when the user was created
 * @param updatedAt when the user was last changed
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record PartnerUser(@JsonProperty(value = "id", required = true) String id, @Nullable String name,
		@Nullable String description, Map<String, Object> meta, @Nullable String image, @Nullable String email,
		@Nullable PartnerUserLimits limits, @JsonProperty(value = "createdAt", required = true) Instant createdAt,
		@JsonProperty(value = "updatedAt", required = true) Instant updatedAt) {

	/**
	 * Copy the metadata.
	 * @param id the user's id
	 * @param name the user's name
	 * @param description the user's description
	 * @param meta free-form metadata
	 * @param image the URL of the user's image
	 * @param email the user's email address
	 * @param limits what the user may use
	 * @param createdAt when the user was created
	 * @param updatedAt when the user was last changed
	 */
	public PartnerUser {
		meta = (meta != null) ? Map.copyOf(meta) : Map.of();
	}

}
