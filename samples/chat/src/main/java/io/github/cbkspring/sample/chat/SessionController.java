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

package io.github.cbkspring.sample.chat;

import java.time.Instant;

import io.github.cbkspring.client.bot.SessionClient;
import io.github.cbkspring.client.bot.SessionCreateResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creates a ChatBotKit session for the browser: the browser gets a conversation, a
 * short-lived token for it and the API base to call, never the secret. Failures are
 * turned into problem responses by {@link ChatBotKitProblemHandler}.
 *
 * @author cbkspring contributors
 */
@RestController
class SessionController {

	private final SessionClient sessionClient;

	private final String botId;

	private final String browserApiBase;

	SessionController(SessionClient sessionClient, @Value("${sample.bot-id}") String botId,
			@Value("${sample.browser-api-base:}") String browserApiBase) {
		this.sessionClient = sessionClient;
		this.botId = botId;
		this.browserApiBase = browserApiBase;
	}

	@PostMapping("/api/sessions")
	BrowserSession create() {
		SessionCreateResponse session = this.sessionClient.create(this.botId);
		return new BrowserSession(session.conversationId(), session.token(), session.expiresAt(), apiBase());
	}

	/**
	 * The browser calls the API the server calls, unless told otherwise (demo mode hands
	 * out a same-origin path).
	 */
	private String apiBase() {
		return StringUtils.hasText(this.browserApiBase) ? this.browserApiBase
				: this.sessionClient.client().options().baseUri();
	}

	/**
	 * What the browser needs to chat: the conversation, its token, when the token
	 * expires, and where to send messages.
	 *
	 * @param conversationId the conversation to chat in
	 * @param token the bearer token for that conversation only
	 * @param expiresAt when the token expires
	 * @param apiBase the API base URL, such as {@code https://api.chatbotkit.com/v1}
	 */
	record BrowserSession(String conversationId, String token, Instant expiresAt, String apiBase) {

		@Override
		public String toString() {
			return "BrowserSession[conversationId=" + this.conversationId + ", token=******, expiresAt="
					+ this.expiresAt + ", apiBase=" + this.apiBase + "]";
		}

	}

}
