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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * What to create a partner user session with: how long its token lives, and optionally
 * which API routes it may call and which contact it carries. Every field is optional:
 * {@link #empty()} lets the API choose. <pre class="code">
 * PartnerUserSession session = partnerUsers.createSession(userId, PartnerUserSessionRequest.builder()
 *     .duration(Duration.ofMinutes(15))
 *     .contactId(contactId)
 *     .build());
 * </pre>
 *
 * @param duration how long the token lives, sent as whole seconds (a fraction of a second
 * is dropped), or {@code null} for the API's default
 * @param allowedRoutes glob patterns that restrict which API routes the token may call;
 * not sent when empty
 * @param contactId a contact to carry in the token, or {@code null} for none
 * @author cbkspring contributors
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartnerUserSessionRequest(@JsonIgnore @Nullable Duration duration, @JsonIgnore List<String> allowedRoutes,
		@JsonIgnore @Nullable String contactId) {

	private static final PartnerUserSessionRequest EMPTY = new PartnerUserSessionRequest(null, List.of(), null);

	/**
	 * Validate the request and copy its routes.
	 * @param duration how long the token lives
	 * @param allowedRoutes glob patterns of the routes the token may call
	 * @param contactId a contact to carry in the token
	 */
	public PartnerUserSessionRequest {
		Assert.isTrue(duration == null || duration.toSeconds() >= 1, "Session duration must be at least one second");
		Assert.notNull(allowedRoutes, "Allowed routes must not be null (use an empty list)");
		Assert.isTrue(allowedRoutes.stream().allMatch(StringUtils::hasText), "An allowed route must not be empty");
		allowedRoutes = List.copyOf(allowedRoutes);
	}

	/**
	 * A request that sets nothing.
	 * @return the empty request
	 */
	public static PartnerUserSessionRequest empty() {
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
	@Nullable Long durationInSeconds() {
		return (this.duration != null) ? this.duration.toSeconds() : null;
	}

	/**
	 * The token's configuration as sent on the wire.
	 * @return the configuration, or {@code null} when it sets nothing
	 */
	@JsonProperty("config")
	@Nullable SessionConfig config() {
		if (this.allowedRoutes.isEmpty() && !StringUtils.hasLength(this.contactId)) {
			return null;
		}
		return new SessionConfig(this.allowedRoutes, this.contactId);
	}

	/**
	 * Builder for {@link PartnerUserSessionRequest}.
	 */
	public static final class Builder {

		private @Nullable Duration duration;

		private final List<String> allowedRoutes = new ArrayList<>();

		private @Nullable String contactId;

		private Builder() {
		}

		/**
		 * Set how long the token lives (whole seconds are sent).
		 * @param duration the duration, at least one second
		 * @return this builder
		 */
		public Builder duration(Duration duration) {
			this.duration = duration;
			return this;
		}

		/**
		 * Add a glob pattern to the patterns that restrict which API routes the token may
		 * call; the API matches them.
		 * @param pattern the glob pattern
		 * @return this builder
		 */
		public Builder allowedRoute(String pattern) {
			this.allowedRoutes.add(pattern);
			return this;
		}

		/**
		 * Carry a contact in the token.
		 * @param contactId the contact
		 * @return this builder
		 */
		public Builder contactId(String contactId) {
			this.contactId = contactId;
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 */
		public PartnerUserSessionRequest build() {
			return new PartnerUserSessionRequest(this.duration, this.allowedRoutes, this.contactId);
		}

	}

}
