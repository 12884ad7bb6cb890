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
import io.github.cbkspring.client.core.ResourceBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The details of a partner user to create, or to change in an update: only the fields
 * that are set are sent, so an update leaves the others as they are. Build one with
 * {@link #builder()}: <pre class="code">
 * String userId = partnerUsers.create(PartnerUserRequest.builder()
 *     .name("Acme Ltd")
 *     .email("admin@acme.example")
 *     .limits(PartnerUserLimits.empty().withConversations(500))
 *     .build());
 * </pre>
 *
 * @param alias the user's unique alias
 * @param name the user's name
 * @param description the user's description
 * @param meta free-form metadata; not sent when empty
 * @param image the URL of the user's image
 * @param email the user's email address
 * @param limits what the user may use; only the limits that are set are sent
 * @author cbkspring contributors
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PartnerUserRequest(@Nullable String alias, @Nullable String name, @Nullable String description,
		Map<String, Object> meta, @Nullable String image, @Nullable String email, @Nullable PartnerUserLimits limits) {

	/**
	 * Validate the request and copy its metadata.
	 * @param alias the user's alias
	 * @param name the user's name
	 * @param description the user's description
	 * @param meta free-form metadata
	 * @param image the URL of the user's image
	 * @param email the user's email address
	 * @param limits what the user may use
	 */
	public PartnerUserRequest {
		Assert.notNull(meta, "meta must not be null (use an empty map)");
		meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
	}

	/**
	 * Start building a request that sets nothing yet.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builder for {@link PartnerUserRequest}.
	 */
	public static final class Builder extends ResourceBuilder<Builder> {

		private @Nullable String alias;

		private @Nullable String image;

		private @Nullable String email;

		private @Nullable PartnerUserLimits limits;

		private Builder() {
		}

		/**
		 * Set the unique alias.
		 * @param alias the alias
		 * @return this builder
		 */
		public Builder alias(String alias) {
			this.alias = alias;
			return this;
		}

		/**
		 * Set the URL of the user's image.
		 * @param image the image URL
		 * @return this builder
		 */
		public Builder image(String image) {
			this.image = image;
			return this;
		}

		/**
		 * Set the email address.
		 * @param email the email address
		 * @return this builder
		 */
		public Builder email(String email) {
			this.email = email;
			return this;
		}

		/**
		 * Set what the user may use.
		 * @param limits the limits; only those that are set are sent
		 * @return this builder
		 */
		public Builder limits(PartnerUserLimits limits) {
			this.limits = limits;
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 */
		public PartnerUserRequest build() {
			return new PartnerUserRequest(this.alias, getName(), getDescription(), getMeta(), this.image, this.email,
					this.limits);
		}

	}

}
