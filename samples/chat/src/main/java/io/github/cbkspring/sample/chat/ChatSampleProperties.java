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

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the sample.
 *
 * @param botId the ChatBotKit bot to chat with
 * @param transport how the page gets the bot's reply
 * @param browserApiBase the API base URL the browser calls in {@link Transport#BROWSER}
 * mode; defaults to the client's, such as {@code https://api.chatbotkit.com/v1}
 * @param replyTimeout the longest a relayed reply may stream
 * @param demo demo mode, switched on when no secret is set
 * @author cbkspring contributors
 */
@ConfigurationProperties("sample")
record ChatSampleProperties(@DefaultValue(ChatSampleProperties.DEMO_BOT_ID) String botId,
		@DefaultValue("browser") Transport transport, @Nullable String browserApiBase,
		@DefaultValue("5m") Duration replyTimeout, @DefaultValue Demo demo) {

	/** The bot of demo mode, and the bot id when none is set. */
	static final String DEMO_BOT_ID = "demo-bot";

	/**
	 * Demo mode.
	 *
	 * @param enabled whether the sample talks to its own demo API
	 */
	record Demo(boolean enabled) {
	}

	/**
	 * How the page gets the bot's reply.
	 */
	enum Transport {

		/**
		 * The browser calls the ChatBotKit API itself with the session token and reads
		 * the JSON Lines stream. Needs an API that allows the page's origin (CORS).
		 */
		BROWSER,

		/**
		 * The browser sends the message to this application, which calls ChatBotKit with
		 * the session token and relays the streamed reply as Server-Sent Events. Works
		 * with any API base.
		 */
		RELAY

	}

}
