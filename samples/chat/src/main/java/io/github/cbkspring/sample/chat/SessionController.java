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
import java.util.Locale;

import io.github.cbkspring.client.bot.SessionClient;
import io.github.cbkspring.client.bot.SessionCreateResponse;
import io.github.cbkspring.client.error.ChatBotKitNotFoundException;
import io.github.cbkspring.sample.chat.ChatSampleProperties.Transport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creates a ChatBotKit session for the browser: the browser gets a conversation, a
 * short-lived token for it and where to send messages, never the secret. Other failures
 * become problem responses through the starter
 * ({@code chatbotkit.problem-details.enabled}).
 *
 * @author cbkspring contributors
 */
@RestController
class SessionController {

	static final String RELAY_API_BASE = "/api";

	private static final Log logger = LogFactory.getLog(SessionController.class);

	private final SessionClient sessionClient;

	private final ChatSampleProperties properties;

	SessionController(SessionClient sessionClient, ChatSampleProperties properties) {
		this.sessionClient = sessionClient;
		this.properties = properties;
	}

	@PostMapping("/api/sessions")
	BrowserSession create() {
		SessionCreateResponse session = this.sessionClient.create(this.properties.botId());
		return new BrowserSession(session.conversationId(), session.token(), session.expiresAt(), apiBase(),
				transport(), this.properties.demo().enabled());
	}

	/**
	 * How this application runs, for the page to show before any chat starts.
	 * @return the mode
	 */
	@GetMapping("/api/mode")
	Mode mode() {
		return new Mode(transport(), this.properties.demo().enabled());
	}

	// Only this controller knows which bot was asked for: say so, in one line
	@ExceptionHandler
	@ResponseStatus(HttpStatus.BAD_GATEWAY)
	ProblemDetail botNotFound(ChatBotKitNotFoundException ex) {
		// the status, code and request id say enough; the API's own message stays out of
		// logs
		logger.warn("ChatBotKit does not know the bot '" + this.properties.botId() + "' (" + ex.statusCode() + " "
				+ ex.code() + ((ex.requestId() != null) ? ", request id " + ex.requestId() : "")
				+ "); answered 502. Check sample.bot-id (CHATBOTKIT_BOT_ID).");
		logger.debug("Creating a session failed", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
				"ChatBotKit does not know the bot this application is configured for.");
		problem.setProperty("code", ex.code());
		return problem;
	}

	private String transport() {
		return this.properties.transport().name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Where the page sends messages: this application's relay, or the API the server
	 * calls unless told otherwise (demo mode hands out the demo API's own base).
	 */
	String apiBase() {
		if (this.properties.transport() == Transport.RELAY) {
			return RELAY_API_BASE;
		}
		String browserApiBase = this.properties.browserApiBase();
		return (browserApiBase != null && !browserApiBase.isBlank()) ? browserApiBase
				: this.sessionClient.transport().options().baseUri();
	}

	/**
	 * How this application runs.
	 *
	 * @param transport how the page gets the reply: {@code browser} or {@code relay}
	 * @param demo whether the sample talks to its own demo API
	 */
	record Mode(String transport, boolean demo) {
	}

	/**
	 * What the browser needs to chat: the conversation, its token, when the token
	 * expires, where to send messages and how the reply comes back.
	 *
	 * @param conversationId the conversation to chat in
	 * @param token the bearer token for that conversation only
	 * @param expiresAt when the token expires
	 * @param apiBase the API base URL, such as {@code https://api.chatbotkit.com/v1}, or
	 * this application's relay
	 * @param transport how the page gets the reply: {@code browser} or {@code relay}
	 * @param demo whether the sample talks to its own demo API
	 */
	record BrowserSession(String conversationId, String token, Instant expiresAt, String apiBase, String transport,
			boolean demo) {

		@Override
		public String toString() {
			return "BrowserSession[conversationId=" + this.conversationId + ", token=******, expiresAt="
					+ this.expiresAt + ", apiBase=" + this.apiBase + ", transport=" + this.transport + ", demo="
					+ this.demo + "]";
		}

	}

}
