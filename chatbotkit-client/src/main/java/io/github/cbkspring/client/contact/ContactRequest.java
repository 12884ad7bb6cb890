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

package io.github.cbkspring.client.contact;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.cbkspring.client.core.ResourceBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The details of a contact to create, ensure, or change in an update: only the fields
 * that are set are sent, so an update leaves the others as they are. To map a user of
 * your application to a contact, start from the fingerprint: <pre class="code">
 * String contactId = contacts.ensure(ContactRequest.forFingerprint("user-42").email("ada@example.com").build());
 * </pre>
 *
 * @param fingerprint the fingerprint that identifies the contact, such as your
 * application's user id; required by {@link ContactClient#ensure(ContactRequest)}
 * @param name the contact's name
 * @param description the contact's description
 * @param meta free-form metadata; not sent when empty
 * @param email the contact's email address
 * @param phone the contact's phone number
 * @param nick the contact's nickname
 * @param preferences the contact's preferences as free text
 * @param verifiedAt when the contact was verified, sent as epoch milliseconds
 * @author cbkspring contributors
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ContactRequest(@Nullable String fingerprint, @Nullable String name, @Nullable String description,
		Map<String, Object> meta, @Nullable String email, @Nullable String phone, @Nullable String nick,
		@Nullable String preferences, @Nullable Instant verifiedAt) {

	/**
	 * Validate the request and copy its metadata.
	 * @param fingerprint the fingerprint
	 * @param name the contact's name
	 * @param description the contact's description
	 * @param meta free-form metadata
	 * @param email the email address
	 * @param phone the phone number
	 * @param nick the nickname
	 * @param preferences the preferences
	 * @param verifiedAt when the contact was verified
	 */
	public ContactRequest {
		Assert.notNull(meta, "meta must not be null (use an empty map)");
		meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
	}

	/**
	 * Start building a request for the contact with a fingerprint: the way to map a user
	 * of your application to a contact with {@link ContactClient#ensure(ContactRequest)}.
	 * @param fingerprint a stable identifier of the user in your application, such as its
	 * user id
	 * @return a new builder with the fingerprint set
	 * @throws IllegalArgumentException if {@code fingerprint} is empty
	 */
	public static Builder forFingerprint(String fingerprint) {
		Assert.hasText(fingerprint, "Fingerprint must not be empty");
		return new Builder().fingerprint(fingerprint);
	}

	/**
	 * Start building a request that sets nothing yet.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builder for {@link ContactRequest}.
	 */
	public static final class Builder extends ResourceBuilder<Builder> {

		private @Nullable String fingerprint;

		private @Nullable String email;

		private @Nullable String phone;

		private @Nullable String nick;

		private @Nullable String preferences;

		private @Nullable Instant verifiedAt;

		private Builder() {
		}

		/**
		 * Set the fingerprint that identifies the contact.
		 * @param fingerprint the fingerprint
		 * @return this builder
		 */
		public Builder fingerprint(String fingerprint) {
			this.fingerprint = fingerprint;
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
		 * Set the phone number.
		 * @param phone the phone number
		 * @return this builder
		 */
		public Builder phone(String phone) {
			this.phone = phone;
			return this;
		}

		/**
		 * Set the nickname.
		 * @param nick the nickname
		 * @return this builder
		 */
		public Builder nick(String nick) {
			this.nick = nick;
			return this;
		}

		/**
		 * Set the preferences, as free text.
		 * @param preferences the preferences
		 * @return this builder
		 */
		public Builder preferences(String preferences) {
			this.preferences = preferences;
			return this;
		}

		/**
		 * Set when the contact was verified (sent as epoch milliseconds).
		 * @param verifiedAt the time of verification
		 * @return this builder
		 */
		public Builder verifiedAt(Instant verifiedAt) {
			this.verifiedAt = verifiedAt;
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 */
		public ContactRequest build() {
			return new ContactRequest(this.fingerprint, getName(), getDescription(), getMeta(), this.email, this.phone,
					this.nick, this.preferences, this.verifiedAt);
		}

	}

}
