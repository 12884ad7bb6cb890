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

import io.github.cbkspring.client.SessionClient;
import io.github.cbkspring.client.SessionCreateResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creates a ChatBotKit session for the browser: the browser gets a conversation and a
 * short-lived token for it, never the secret.
 *
 * @author cbkspring contributors
 */
@RestController
class SessionController {

	private final SessionClient sessionClient;

	private final String botId;

	SessionController(SessionClient sessionClient, @Value("${sample.bot-id}") String botId) {
		this.sessionClient = sessionClient;
		this.botId = botId;
	}

	@PostMapping("/api/sessions")
	BrowserSession create() {
		SessionCreateResponse session = this.sessionClient.create(this.botId);
		return new BrowserSession(session.conversationId(), session.token(), session.expiresAt());
	}

	/**
	 * What the browser needs to chat: the conversation, its token and when it expires.
	 */
	record BrowserSession(String conversationId, String token, Instant expiresAt) {
	}

}
