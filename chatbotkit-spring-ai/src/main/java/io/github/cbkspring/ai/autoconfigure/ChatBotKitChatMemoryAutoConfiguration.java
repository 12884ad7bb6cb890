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

import io.github.cbkspring.ai.ChatBotKitChatMemoryRepository;
import io.github.cbkspring.autoconfigure.ChatBotKitAutoConfiguration;
import io.github.cbkspring.client.conversation.ConversationClient;

import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for Spring AI chat memory kept in ChatBotKit conversations: a
 * {@link ChatBotKitChatMemoryRepository} on the {@link ConversationClient} of the
 * ChatBotKit client's auto-configuration, which Spring AI's chat memory
 * auto-configuration then uses in place of its in-memory repository.
 * <p>
 * Opt-in, since it stores every chat's history in the ChatBotKit account: active when
 * {@code spring.ai.chat.memory.repository.chatbotkit.enabled} is {@code true} and no
 * other {@link ChatMemoryRepository} is defined.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
@AutoConfiguration(after = ChatBotKitAutoConfiguration.class,
		beforeName = "org.springframework.ai.model.chat.memory.autoconfigure.ChatMemoryAutoConfiguration")
@ConditionalOnClass({ ChatMemoryRepository.class, ChatBotKitChatMemoryRepository.class, ConversationClient.class })
@ConditionalOnProperty(prefix = ChatBotKitChatMemoryProperties.PREFIX, name = "enabled", havingValue = "true")
@EnableConfigurationProperties(ChatBotKitChatMemoryProperties.class)
public final class ChatBotKitChatMemoryAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ChatMemoryRepository.class)
	ChatBotKitChatMemoryRepository chatBotKitChatMemoryRepository(ConversationClient conversationClient,
			ChatBotKitChatMemoryProperties properties) {
		ChatBotKitChatMemoryRepository.Builder builder = ChatBotKitChatMemoryRepository.builder()
			.conversationClient(conversationClient);
		String botId = properties.getBotId();
		if (botId != null) {
			builder.botId(botId);
		}
		return builder.build();
	}

}
