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

package io.github.cbkspring.ai.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the ChatBotKit chat memory repository.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
@ConfigurationProperties(ChatBotKitChatMemoryProperties.PREFIX)
public class ChatBotKitChatMemoryProperties {

	/**
	 * The prefix of these properties.
	 */
	public static final String PREFIX = "spring.ai.chat.memory.repository.chatbotkit";

	/**
	 * Whether chat memory is kept in ChatBotKit conversations instead of Spring AI's
	 * in-memory repository.
	 */
	private boolean enabled;

	/**
	 * Bot that the conversations created are with, so that the dashboard lists them under
	 * it.
	 */
	private @Nullable String botId;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getBotId() {
		return this.botId;
	}

	public void setBotId(@Nullable String botId) {
		this.botId = botId;
	}

}
