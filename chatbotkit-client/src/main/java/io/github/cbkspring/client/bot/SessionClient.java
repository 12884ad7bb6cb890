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

import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ApiTransport;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.error.ChatBotKitException;

import org.springframework.util.Assert;

/**
 * Creates bot sessions: a new conversation with a bot and a short-lived token for it that
 * a browser can use to chat, without ever seeing the secret. The Java counterpart of the
 * Node SDK's {@code SessionClient}.
 * <p>
 * With the starter, inject it: <pre class="code">
 * SessionCreateResponse session = sessionClient.create(botId);
 * </pre> Without Spring Boot, get one from {@code ChatBotKitClient.sessions()}.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class SessionClient {

	static final ApiEndpoint CREATE = ApiEndpoint.post("/bot/{botId}/session/create");

	private final ApiTransport transport;

	/**
	 * Create a session client on an {@link ApiTransport}, such as a
	 * {@code ChatBotKitClient}.
	 * @param transport the transport whose options and connection pool to use
	 */
	public SessionClient(ApiTransport transport) {
		Assert.notNull(transport, "ApiTransport must not be null");
		this.transport = transport;
	}

	/**
	 * Create a session with the API's defaults.
	 * @param botId the bot to talk to
	 * @return the new session
	 * @throws IllegalArgumentException if {@code botId} is null, blank or a dot-segment
	 * @throws ChatBotKitException if the call fails
	 */
	public SessionCreateResponse create(String botId) {
		return create(botId, SessionCreateRequest.empty());
	}

	/**
	 * Create a session ({@code POST /bot/{botId}/session/create}).
	 * @param botId the bot to talk to, sent as one encoded path segment
	 * @param request the session's duration, seed messages and metadata
	 * @return the new session
	 * @throws IllegalArgumentException if {@code botId} is null, blank or a dot-segment
	 * @throws ChatBotKitException if the call fails
	 */
	public SessionCreateResponse create(String botId, SessionCreateRequest request) {
		Assert.notNull(request, "SessionCreateRequest must not be null");
		return this.transport.request(CREATE, botId).body(request).retrieve(SessionCreateResponse.class);
	}

	/**
	 * A copy of this session client with some options changed, sharing the connection
	 * pool; see {@link ApiTransport#withOptions(Consumer)}.
	 * @param changes the changes to apply to a copy of the options
	 * @return the copy
	 */
	public SessionClient withOptions(Consumer<ChatBotKitOptions.Builder> changes) {
		return new SessionClient(this.transport.withOptions(changes));
	}

	/**
	 * The transport this client calls the API through, also for endpoints that have no
	 * typed method yet ({@link ApiTransport#request(ApiEndpoint, Object...)}).
	 * @return the transport
	 */
	public ApiTransport transport() {
		return this.transport;
	}

	@Override
	public String toString() {
		return "SessionClient[" + this.transport + "]";
	}

}
