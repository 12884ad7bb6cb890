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

import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.ReactiveApiTransport;
import io.github.cbkspring.client.error.ChatBotKitException;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * The non-blocking twin of {@link UsageClient}: what the account (or the partner user the
 * client runs as) used, as a {@link Mono}.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class ReactiveUsageClient implements ReactiveGeneratedUsageOperations {

	private final ReactiveApiTransport transport;

	/**
	 * Create a usage client on a {@link ReactiveApiTransport}, such as a
	 * {@code ChatBotKitReactiveClient}.
	 * @param transport the transport whose options and connection pool to use
	 */
	public ReactiveUsageClient(ReactiveApiTransport transport) {
		Assert.notNull(transport, "ReactiveApiTransport must not be null");
		this.transport = transport;
	}

	/**
	 * Fetch the account's usage ({@code GET /usage/fetch}).
	 * @return the usage, or a {@link ChatBotKitException} signal
	 */
	public Mono<AccountUsage> fetch() {
		return this.transport.request(UsageClient.FETCH).retrieve(AccountUsage.class);
	}

	/**
	 * A copy of this client with some options changed, sharing the connection pool; see
	 * {@link ReactiveApiTransport#withOptions(Consumer)}.
	 * @param changes the changes to apply to a copy of the options
	 * @return the copy
	 */
	public ReactiveUsageClient withOptions(Consumer<ChatBotKitOptions.Builder> changes) {
		return new ReactiveUsageClient(this.transport.withOptions(changes));
	}

	/**
	 * The transport this client calls the API through.
	 * @return the transport
	 */
	@Override
	public ReactiveApiTransport transport() {
		return this.transport;
	}

	@Override
	public String toString() {
		return "ReactiveUsageClient[" + this.transport + "]";
	}

}
