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

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The end user a stateless completion is for (its {@code contactId}): an existing contact
 * by id, or a contact found or created by a fingerprint of your own, such as your user
 * id. <pre class="code">
 * ContactRef.byId("contact-123")
 * ContactRef.byFingerprint("user-42").withName("Ada").withEmail("ada@example.com")
 * </pre>
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public sealed interface ContactRef {

	/**
	 * An existing contact.
	 * @param contactId the contact's id
	 * @return the reference
	 */
	static Id byId(String contactId) {
		return new Id(contactId);
	}

	/**
	 * The contact with a fingerprint, created if there is none yet.
	 * @param fingerprint a value that identifies the end user in your system
	 * @return the contact's details, to add more to
	 */
	static Details byFingerprint(String fingerprint) {
		return new Details(fingerprint, null, null, null, null, null, Map.of());
	}

	/**
	 * An existing contact, sent as its id.
	 *
	 * @param contactId the contact's id
	 */
	record Id(@JsonValue String contactId) implements ContactRef {

		/**
		 * Validate the id.
		 * @param contactId the contact's id
		 */
		public Id {
			Assert.hasText(contactId, "Contact id must not be empty");
		}

	}

	/**
	 * A contact by fingerprint, with details stored when it is created. Immutable: the
	 * {@code with...} methods return copies.
	 *
	 * @param fingerprint a value that identifies the end user in your system
	 * @param name the contact's name, if known
	 * @param description a description of the contact, if any
	 * @param email the contact's e-mail address, if known
	 * @param phone the contact's phone number, if known
	 * @param nick the contact's nickname, if known
	 * @param meta free-form metadata; not sent when empty
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Details(String fingerprint, @Nullable String name, @Nullable String description, @Nullable String email,
			@Nullable String phone, @Nullable String nick,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> meta) implements ContactRef {

		/**
		 * Validate the details and copy the metadata.
		 * @param fingerprint the fingerprint
		 * @param name the name
		 * @param description the description
		 * @param email the e-mail address
		 * @param phone the phone number
		 * @param nick the nickname
		 * @param meta free-form metadata
		 */
		public Details {
			Assert.hasText(fingerprint, "Contact fingerprint must not be empty");
			meta = Copies.map(meta);
		}

		/**
		 * A copy with a name.
		 * @param name the name
		 * @return the copy
		 */
		public Details withName(String name) {
			return new Details(this.fingerprint, name, this.description, this.email, this.phone, this.nick, this.meta);
		}

		/**
		 * A copy with a description.
		 * @param description the description
		 * @return the copy
		 */
		public Details withDescription(String description) {
			return new Details(this.fingerprint, this.name, description, this.email, this.phone, this.nick, this.meta);
		}

		/**
		 * A copy with an e-mail address.
		 * @param email the e-mail address
		 * @return the copy
		 */
		public Details withEmail(String email) {
			return new Details(this.fingerprint, this.name, this.description, email, this.phone, this.nick, this.meta);
		}

		/**
		 * A copy with a phone number.
		 * @param phone the phone number
		 * @return the copy
		 */
		public Details withPhone(String phone) {
			return new Details(this.fingerprint, this.name, this.description, this.email, phone, this.nick, this.meta);
		}

		/**
		 * A copy with a nickname.
		 * @param nick the nickname
		 * @return the copy
		 */
		public Details withNick(String nick) {
			return new Details(this.fingerprint, this.name, this.description, this.email, this.phone, nick, this.meta);
		}

		/**
		 * A copy with metadata.
		 * @param meta free-form metadata
		 * @return the copy
		 */
		public Details withMeta(Map<String, Object> meta) {
			return new Details(this.fingerprint, this.name, this.description, this.email, this.phone, this.nick, meta);
		}

	}

}
