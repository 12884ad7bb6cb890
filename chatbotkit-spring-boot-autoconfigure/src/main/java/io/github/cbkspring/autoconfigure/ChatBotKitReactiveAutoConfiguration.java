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
package io.github.cbkspring.autoconfigure;

import io.github.cbkspring.client.ChatBotKitReactiveClient;
import io.github.cbkspring.client.bot.ReactiveSessionClient;
import io.github.cbkspring.client.conversation.ReactiveConversationClient;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the non-blocking ChatBotKit client, when Spring WebFlux and
 * Reactor are on the class path: a {@link ChatBotKitReactiveClient} and, on it, a
 * {@link ReactiveSessionClient} and a {@link ReactiveConversationClient}, each backing
 * off when the application defines its own. In an application with both stacks these
 * beans stand beside the blocking ones of {@link ChatBotKitAutoConfiguration}; they share
 * the {@code chatbotkit.*} properties.
 * <p>
 * The client's {@link WebClient.Builder} is the application's (Spring Boot's prototype
 * builder, with every {@code WebClientCustomizer}, observations included), or a plain one
 * without {@code spring-boot-webclient}; its connector is then made the way Boot makes
 * its own, with the application's {@link ClientHttpConnectorBuilder}
 * ({@code spring.http.clients.reactive.connector}) and settings
 * ({@code spring.http.clients.*}), but with the ChatBotKit timeouts and SSL bundle and
 * without redirects, as for the blocking client.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration" })
@ConditionalOnClass({ WebClient.class, Mono.class, ClientHttpConnectorBuilder.class })
@EnableConfigurationProperties(ChatBotKitProperties.class)
public final class ChatBotKitReactiveAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ChatBotKitReactiveClient chatBotKitReactiveClient(ChatBotKitProperties properties, ResourceLoader resourceLoader,
			ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
		ChatBotKitPropertiesMapper mapper = new ChatBotKitPropertiesMapper(properties);
		ChatBotKitOptions options = mapper.toOptions();
		HttpClientSettings settings = mapper.toHttpClientSettings(
				httpClientSettings.getIfAvailable(HttpClientSettings::defaults), sslBundles.getIfAvailable());
		ClientHttpConnectorBuilder<?> connector = connectorBuilder
			.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(resourceLoader.getClassLoader()));
		WebClient.Builder builder = webClientBuilder.getIfAvailable(WebClient::builder)
			.clientConnector(connector.build(settings));
		return ChatBotKitReactiveClient.create(builder, options);
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveSessionClient reactiveSessionClient(ChatBotKitReactiveClient chatBotKitReactiveClient) {
		return chatBotKitReactiveClient.sessions();
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveConversationClient reactiveConversationClient(ChatBotKitReactiveClient chatBotKitReactiveClient) {
		return chatBotKitReactiveClient.conversations();
	}

}
