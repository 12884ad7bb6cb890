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

import java.util.function.Consumer;

import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ApiTransport;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.error.ChatBotKitException;

import org.springframework.util.Assert;

/**
 * Reads the usage of the account in the current billing period. On a client that runs as
 * a partner user ({@code withOptions(o -> o.runAsUserId(userId))}) the call is made as
 * that user: <pre class="code">
 * AccountUsage usage = client.usage().fetch();
 * long tokensLeft = tokenBudget - usage.tokens();
 * </pre>
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class UsageClient implements GeneratedUsageOperations {

	static final ApiEndpoint FETCH = ApiEndpoint.get("/usage/fetch");

	private final ApiTransport transport;

	/**
	 * Create a usage client on an {@link ApiTransport}, such as a
	 * {@code ChatBotKitClient}.
	 * @param transport the transport whose options and connection pool to use
	 */
	public UsageClient(ApiTransport transport) {
		Assert.notNull(transport, "ApiTransport must not be null");
		this.transport = transport;
	}

	/**
	 * Fetch what the account used in the current billing period ({@code GET
	 * /usage/fetch}).
	 * @return the usage: counts of tokens, conversations and messages, and of the
	 * resources in the account's database
	 * @throws ChatBotKitException if the call fails, a
	 * {@code ChatBotKitDecodingException} if the answer lacks a count
	 */
	public AccountUsage fetch() {
		return this.transport.request(FETCH).retrieve(AccountUsage.class);
	}

	/**
	 * A copy of this client with some options changed, sharing the connection pool; see
	 * {@link ApiTransport#withOptions(Consumer)}.
	 * @param changes the changes to apply to a copy of the options
	 * @return the copy
	 */
	public UsageClient withOptions(Consumer<ChatBotKitOptions.Builder> changes) {
		return new UsageClient(this.transport.withOptions(changes));
	}

	/**
	 * The transport this client calls the API through.
	 * @return the transport
	 */
	@Override
	public ApiTransport transport() {
		return this.transport;
	}

	@Override
	public String toString() {
		return "UsageClient[" + this.transport + "]";
	}

}
