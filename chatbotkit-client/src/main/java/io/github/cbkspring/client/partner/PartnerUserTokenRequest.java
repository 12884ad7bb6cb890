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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The details of a token to create for a partner user. Every field is optional:
 * {@link #empty()} lets the API choose.
 *
 * @param name the token's name
 * @param description the token's description
 * @param config the token's configuration, written as JSON; not sent when empty
 * @param meta free-form metadata; not sent when empty
 * @author cbkspring contributors
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PartnerUserTokenRequest(@Nullable String name, @Nullable String description, Map<String, Object> config,
		Map<String, Object> meta) {

	private static final PartnerUserTokenRequest EMPTY = new PartnerUserTokenRequest(null, null, Map.of(), Map.of());

	/**
	 * Validate the request and copy its maps.
	 * @param name the token's name
	 * @param description the token's description
	 * @param config the token's configuration
	 * @param meta free-form metadata
	 */
	public PartnerUserTokenRequest {
		Assert.notNull(config, "config must not be null (use an empty map)");
		Assert.notNull(meta, "meta must not be null (use an empty map)");
		config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
		meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
	}

	/**
	 * A request that sets nothing.
	 * @return the empty request
	 */
	public static PartnerUserTokenRequest empty() {
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
	 * Builder for {@link PartnerUserTokenRequest}.
	 */
	public static final class Builder {

		private @Nullable String name;

		private @Nullable String description;

		private final Map<String, Object> config = new LinkedHashMap<>();

		private final Map<String, Object> meta = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Set the name.
		 * @param name the name
		 * @return this builder
		 */
		public Builder name(String name) {
			this.name = name;
			return this;
		}

		/**
		 * Set the description.
		 * @param description the description
		 * @return this builder
		 */
		public Builder description(String description) {
			this.description = description;
			return this;
		}

		/**
		 * Add a configuration entry.
		 * @param key the key
		 * @param value the value, written as JSON
		 * @return this builder
		 */
		public Builder config(String key, Object value) {
			this.config.put(key, value);
			return this;
		}

		/**
		 * Add a metadata entry.
		 * @param key the key
		 * @param value the value, written as JSON
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
		public PartnerUserTokenRequest build() {
			return new PartnerUserTokenRequest(this.name, this.description, this.config, this.meta);
		}

	}

}
