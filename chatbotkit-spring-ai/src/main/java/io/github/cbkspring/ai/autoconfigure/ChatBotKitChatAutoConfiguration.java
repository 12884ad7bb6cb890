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

import io.github.cbkspring.ai.ChatBotKitChatModel;
import io.github.cbkspring.autoconfigure.ChatBotKitAutoConfiguration;
import io.github.cbkspring.autoconfigure.ChatBotKitReactiveAutoConfiguration;
import io.github.cbkspring.client.conversation.ConversationClient;
import io.github.cbkspring.client.conversation.ReactiveConversationClient;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.model.SpringAIModelProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the ChatBotKit chat model of Spring AI: a
 * {@link ChatBotKitChatModel} on the {@link ConversationClient} of the ChatBotKit
 * client's auto-configuration, with the default options of
 * {@link ChatBotKitChatProperties spring.ai.chatbotkit.chat.*}. When there is a
 * {@link ReactiveConversationClient} bean, as {@link ChatBotKitReactiveAutoConfiguration}
 * makes in a WebFlux application, the model streams on it without blocking a thread.
 * <p>
 * Active, as Spring AI's providers are, when {@code spring.ai.model.chat} is
 * {@value ChatBotKitChatModel#PROVIDER} or not set; with several chat model providers on
 * the class path, set it to choose one.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
@AutoConfiguration(after = { ChatBotKitAutoConfiguration.class, ChatBotKitReactiveAutoConfiguration.class })
@ConditionalOnClass({ ChatModel.class, ChatBotKitChatModel.class, ConversationClient.class })
@ConditionalOnProperty(name = SpringAIModelProperties.CHAT_MODEL, havingValue = ChatBotKitChatModel.PROVIDER,
		matchIfMissing = true)
@EnableConfigurationProperties(ChatBotKitChatProperties.class)
public final class ChatBotKitChatAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ChatBotKitChatModel chatBotKitChatModel(ConversationClient conversationClient, ChatBotKitChatProperties properties,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ChatModelObservationConvention> observationConvention,
			ObjectProvider<ReactiveConversationClient> reactiveConversationClient) {
		ChatBotKitChatModel.Builder builder = ChatBotKitChatModel.builder()
			.conversationClient(conversationClient)
			.options(properties.toOptions())
			.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP));
		observationConvention.ifAvailable(builder::observationConvention);
		reactiveConversationClient.ifUnique(builder::reactiveConversationClient);
		return builder.build();
	}

}
