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
package io.github.cbkspring.client.bot;

import java.util.function.Consumer;

import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.ReactiveApiTransport;
import io.github.cbkspring.client.error.ChatBotKitException;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * The non-blocking twin of {@link SessionClient}: creates a session for a bot, the token
 * a browser can call the API with, as a {@link Mono}.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class ReactiveSessionClient {

	private final ReactiveApiTransport transport;

	/**
	 * Create a session client on a {@link ReactiveApiTransport}, such as a
	 * {@code ChatBotKitReactiveClient}.
	 * @param transport the transport whose options and connection pool to use
	 */
	public ReactiveSessionClient(ReactiveApiTransport transport) {
		Assert.notNull(transport, "ReactiveApiTransport must not be null");
		this.transport = transport;
	}

	/**
	 * Create a session with the API's defaults ({@code POST
	 * /bot/{botId}/session/create}).
	 * @param botId the bot to talk to
	 * @return the new session, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if {@code botId} is null, blank or a dot-segment
	 */
	public Mono<SessionCreateResponse> create(String botId) {
		return create(botId, SessionCreateRequest.empty());
	}

	/**
	 * Create a session ({@code POST /bot/{botId}/session/create}).
	 * @param botId the bot to talk to, sent as one encoded path segment
	 * @param request the session's duration, seed messages and metadata
	 * @return the new session, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if {@code botId} is null, blank or a dot-segment
	 */
	public Mono<SessionCreateResponse> create(String botId, SessionCreateRequest request) {
		Assert.notNull(request, "SessionCreateRequest must not be null");
		return this.transport.request(SessionClient.CREATE, botId).body(request).retrieve(SessionCreateResponse.class);
	}

	/**
	 * A copy of this session client with some options changed, sharing the connection
	 * pool; see {@link ReactiveApiTransport#withOptions(Consumer)}.
	 * @param changes the changes to apply to a copy of the options
	 * @return the copy
	 */
	public ReactiveSessionClient withOptions(Consumer<ChatBotKitOptions.Builder> changes) {
		return new ReactiveSessionClient(this.transport.withOptions(changes));
	}

	/**
	 * The transport this client calls the API through.
	 * @return the transport
	 */
	public ReactiveApiTransport transport() {
		return this.transport;
	}

	@Override
	public String toString() {
		return "ReactiveSessionClient[" + this.transport + "]";
	}

}
