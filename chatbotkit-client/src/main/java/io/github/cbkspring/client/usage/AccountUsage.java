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

package io.github.cbkspring.client.usage;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.util.Assert;

/**
 * What an account used in the current billing period.
 *
 * @param tokens the tokens used
 * @param conversations the conversations created
 * @param messages the messages sent
 * @param database what the account holds in its database
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record AccountUsage(@JsonProperty(value = "tokens", required = true) long tokens,
		@JsonProperty(value = "conversations", required = true) long conversations,
		@JsonProperty(value = "messages", required = true) long messages,
		@JsonProperty(value = "database", required = true) DatabaseUsage database) {

	/**
	 * Validate the usage.
	 * @param tokens the tokens used
	 * @param conversations the conversations created
	 * @param messages the messages sent
	 * @param database what the account holds in its database
	 */
	public AccountUsage {
		Assert.notNull(database, "database must not be null");
	}

}
