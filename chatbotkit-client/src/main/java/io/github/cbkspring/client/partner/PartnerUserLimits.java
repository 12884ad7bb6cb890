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

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What a partner user may use: tokens, conversations, messages, and resources in its
 * database. A limit that is {@code null} is not set: in a request it is not sent, in an
 * answer the API did not say. Immutable: start from {@link #empty()} and set limits with
 * the {@code with...} methods: <pre class="code">
 * PartnerUserLimits limits = PartnerUserLimits.empty()
 *     .withTokens(1_000_000)
 *     .withConversations(500)
 *     .withDatabase(DatabaseLimits.empty().withDatasets(3).withFiles(100));
 * </pre>
 *
 * @param tokens the tokens the user may use, if set
 * @param conversations the conversations the user may have, if set
 * @param messages the messages the user may send, if set
 * @param database the limits of the user's database, if set
 * @author cbkspring contributors
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartnerUserLimits(@Nullable Long tokens, @Nullable Long conversations, @Nullable Long messages,
		@Nullable DatabaseLimits database) {

	private static final PartnerUserLimits EMPTY = new PartnerUserLimits(null, null, null, null);

	/**
	 * Limits that set nothing yet.
	 * @return the empty limits
	 */
	public static PartnerUserLimits empty() {
		return EMPTY;
	}

	/**
	 * A copy with a tokens limit.
	 * @param tokens the tokens the user may use
	 * @return the copy
	 */
	public PartnerUserLimits withTokens(long tokens) {
		return new PartnerUserLimits(tokens, this.conversations, this.messages, this.database);
	}

	/**
	 * A copy with a conversations limit.
	 * @param conversations the conversations the user may have
	 * @return the copy
	 */
	public PartnerUserLimits withConversations(long conversations) {
		return new PartnerUserLimits(this.tokens, conversations, this.messages, this.database);
	}

	/**
	 * A copy with a messages limit.
	 * @param messages the messages the user may send
	 * @return the copy
	 */
	public PartnerUserLimits withMessages(long messages) {
		return new PartnerUserLimits(this.tokens, this.conversations, messages, this.database);
	}

	/**
	 * A copy with database limits.
	 * @param database the limits of the user's database
	 * @return the copy
	 */
	public PartnerUserLimits withDatabase(DatabaseLimits database) {
		Assert.notNull(database, "DatabaseLimits must not be null");
		return new PartnerUserLimits(this.tokens, this.conversations, this.messages, database);
	}

}
