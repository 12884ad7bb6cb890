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
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A contact: an end user of your application, known to ChatBotKit by a fingerprint that
 * your application chooses (its own user id, say).
 *
 * @param id the contact's id
 * @param fingerprint the fingerprint that identifies the contact
 * @param name the contact's name, if any
 * @param description the contact's description, if any
 * @param meta free-form metadata; empty if none
 * @param email the contact's email address, if known
 * @param phone the contact's phone number, if known
 * @param nick the contact's nickname, if any
 * @param preferences the contact's preferences as free text, if any
 * @param verifiedAt when the contact was verified, or {@code null} if never
 * @param createdAt when the contact was created
 * @param updatedAt when the contact was last changed
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record Contact(@JsonProperty(value = "id", required = true) String id,
		@JsonProperty(value = "fingerprint", required = true) String fingerprint, @Nullable String name,
		@Nullable String description, Map<String, Object> meta, @Nullable String email, @Nullable String phone,
		@Nullable String nick, @Nullable String preferences, @Nullable Instant verifiedAt,
		@JsonProperty(value = "createdAt", required = true) Instant createdAt,
		@JsonProperty(value = "updatedAt", required = true) Instant updatedAt) {

	/**
	 * Copy the metadata.
	 * @param id the contact's id
	 * @param fingerprint the fingerprint
	 * @param name the contact's name
	 * @param description the contact's description
	 * @param meta free-form metadata
	 * @param email the email address
	 * @param phone the phone number
	 * @param nick the nickname
	 * @param preferences the preferences
	 * @param verifiedAt when the contact was verified
	 * @param createdAt when the contact was created
	 * @param updatedAt when the contact was last changed
	 */
	public Contact {
		meta = (meta != null) ? Map.copyOf(meta) : Map.of();
	}

}
