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

import io.github.cbkspring.client.bot.SessionClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start-up which ChatBotKit API and bot the sample uses when it talks to the real
 * ChatBotKit (demo mode announces itself), so that a wrong URL or bot id shows before the
 * first chat.
 *
 * @author cbkspring contributors
 */
@Component
@ConditionalOnBooleanProperty(name = "sample.demo.enabled", havingValue = false, matchIfMissing = true)
class RealModeAnnouncement {

	private static final Log logger = LogFactory.getLog(RealModeAnnouncement.class);

	private final SessionClient sessionClient;

	private final SessionController sessionController;

	private final ChatSampleProperties properties;

	RealModeAnnouncement(SessionClient sessionClient, SessionController sessionController,
			ChatSampleProperties properties) {
		this.sessionClient = sessionClient;
		this.sessionController = sessionController;
		this.properties = properties;
	}

	@EventListener
	void announce(ApplicationReadyEvent event) {
		String local = "http://localhost:"
				+ event.getApplicationContext().getEnvironment().getProperty("local.server.port");
		logger.info("Chatting with bot '" + this.properties.botId() + "' (sample.bot-id) through the ChatBotKit API at "
				+ this.sessionClient.transport().options().baseUri() + "; the page at " + local + "/ sends messages to "
				+ this.sessionController.apiBase() + " (sample.transport="
				+ this.properties.transport().name().toLowerCase(java.util.Locale.ROOT) + ").");
		if (ChatSampleProperties.DEMO_BOT_ID.equals(this.properties.botId())) {
			logger.warn("No bot id is set: ChatBotKit knows no bot '" + ChatSampleProperties.DEMO_BOT_ID
					+ "', so the first chat will fail. Set CHATBOTKIT_BOT_ID (sample.bot-id) to the id of one of"
					+ " your bots.");
		}
	}

}
