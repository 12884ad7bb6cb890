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

import java.util.Objects;

import io.github.cbkspring.client.ChatBotKitReactiveClient;
import io.github.cbkspring.client.ChatBotKitReactiveEngine;
import io.github.cbkspring.client.bot.ReactiveBotClient;
import io.github.cbkspring.client.bot.ReactiveSessionClient;
import io.github.cbkspring.client.contact.ReactiveContactClient;
import io.github.cbkspring.client.conversation.ReactiveConversationClient;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.dataset.ReactiveDatasetClient;
import io.github.cbkspring.client.file.ReactiveFileClient;
import io.github.cbkspring.client.partner.ReactivePartnerUserClient;
import io.github.cbkspring.client.usage.ReactiveUsageClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the non-blocking ChatBotKit client, when Spring WebFlux and
 * Reactor are on the class path: a {@link ChatBotKitReactiveClient} and, on it, the twins
 * of the blocking typed clients ({@link ReactiveSessionClient},
 * {@link ReactiveConversationClient}, {@link ReactiveBotClient},
 * {@link ReactiveDatasetClient}, {@link ReactiveFileClient},
 * {@link ReactiveContactClient}, {@link ReactivePartnerUserClient},
 * {@link ReactiveUsageClient}), each backing off when the application defines its own,
 * and lazily the generated clients of {@code ReactiveChatBotKitResources}
 * ({@code ReactiveSkillsetClient}, ...) as for the blocking client. In an application
 * with both stacks these beans stand beside the blocking ones of
 * {@link ChatBotKitAutoConfiguration}; they share the {@code chatbotkit.*} properties.
 * <p>
 * The client's {@link WebClient.Builder} is the application's (Spring Boot's prototype
 * builder, with every {@code WebClientCustomizer}, observations included), or a plain one
 * without {@code spring-boot-webclient}; its connector is then made the way Boot makes
 * its own, with the application's {@link ClientHttpConnectorBuilder}
 * ({@code spring.http.clients.reactive.connector}) and settings
 * ({@code spring.http.clients.*}), but with the ChatBotKit timeouts and SSL bundle and
 * without redirects, as for the blocking client. On Reactor Netty (Boot's first choice)
 * the connector has a connection pool of its own, sized by
 * {@code chatbotkit.max-connections}, that a call waits for at most the connect timeout
 * (see {@link ChatBotKitReactiveEngine}), disposed with the context; the builder's
 * customizers, the event loops of Boot's {@code ReactorResourceFactory} included, still
 * apply. The other connectors keep their own pools, which the property does not size.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration" })
@ConditionalOnClass({ WebClient.class, Mono.class, ClientHttpConnectorBuilder.class })
@EnableConfigurationProperties(ChatBotKitProperties.class)
public final class ChatBotKitReactiveAutoConfiguration {

	private static final boolean REACTOR_NETTY_PRESENT = ClassUtils.isPresent("reactor.netty.http.client.HttpClient",
			ChatBotKitReactiveAutoConfiguration.class.getClassLoader());

	@Bean
	@ConditionalOnMissingBean(ChatBotKitReactiveClient.class)
	ChatBotKitReactiveEngineBean chatBotKitReactiveEngine(ChatBotKitProperties properties,
			ResourceLoader resourceLoader, ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
		ChatBotKitPropertiesMapper mapper = new ChatBotKitPropertiesMapper(properties);
		HttpClientSettings settings = mapper.toHttpClientSettings(
				httpClientSettings.getIfAvailable(HttpClientSettings::defaults), sslBundles.getIfAvailable());
		int maxConnections = mapper.maxConnections();
		ClientHttpConnectorBuilder<?> connector = connectorBuilder
			.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(resourceLoader.getClassLoader()));
		if (REACTOR_NETTY_PRESENT && ReactorNetty.is(connector)) {
			return ReactorNetty.engine(connector, settings, maxConnections);
		}
		return new ChatBotKitReactiveEngineBean(connector.build(settings), null);
	}

	@Bean
	@ConditionalOnMissingBean
	ChatBotKitReactiveClient chatBotKitReactiveClient(ChatBotKitProperties properties,
			ChatBotKitReactiveEngineBean engine, ObjectProvider<WebClient.Builder> webClientBuilder) {
		ChatBotKitOptions options = new ChatBotKitPropertiesMapper(properties).toOptions();
		WebClient.Builder builder = webClientBuilder.getIfAvailable(WebClient::builder)
			.clientConnector(engine.connector());
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

	@Bean
	@ConditionalOnMissingBean
	ReactiveBotClient reactiveBotClient(ChatBotKitReactiveClient chatBotKitReactiveClient) {
		return chatBotKitReactiveClient.bots();
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveDatasetClient reactiveDatasetClient(ChatBotKitReactiveClient chatBotKitReactiveClient) {
		return chatBotKitReactiveClient.datasets();
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveContactClient reactiveContactClient(ChatBotKitReactiveClient chatBotKitReactiveClient) {
		return chatBotKitReactiveClient.contacts();
	}

	@Bean
	@ConditionalOnMissingBean
	ReactivePartnerUserClient reactivePartnerUserClient(ChatBotKitReactiveClient chatBotKitReactiveClient) {
		return chatBotKitReactiveClient.partnerUsers();
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveUsageClient reactiveUsageClient(ChatBotKitReactiveClient chatBotKitReactiveClient) {
		return chatBotKitReactiveClient.usage();
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveFileClient reactiveFileClient(ChatBotKitReactiveClient chatBotKitReactiveClient) {
		return chatBotKitReactiveClient.files();
	}

	@Bean
	static ChatBotKitResourceClientsRegistrar chatBotKitReactiveResourceClientsRegistrar() {
		return ChatBotKitResourceClientsRegistrar.reactive();
	}

	/**
	 * The Reactor Netty connector with a pool of its own, sized by
	 * {@code chatbotkit.max-connections}: kept apart so that the configuration loads
	 * without Reactor Netty.
	 */
	private static final class ReactorNetty {

		static boolean is(ClientHttpConnectorBuilder<?> builder) {
			return builder instanceof ReactorClientHttpConnectorBuilder;
		}

		/**
		 * The application's builder with the pool as its client's: its customizers, the
		 * event loops of its {@code ReactorResourceFactory} included, still apply.
		 */
		static ChatBotKitReactiveEngineBean engine(ClientHttpConnectorBuilder<?> builder, HttpClientSettings settings,
				int maxConnections) {
			ConnectionProvider pool = ChatBotKitReactiveEngine.connectionProvider(
					Objects.requireNonNull(settings.connectTimeout()), maxConnections,
					ChatBotKitPropertiesMapper.MAX_CONNECTIONS);
			ClientHttpConnector connector = ((ReactorClientHttpConnectorBuilder) builder)
				.withHttpClientFactory(() -> HttpClient.create(pool))
				.build(settings);
			return new ChatBotKitReactiveEngineBean(connector, pool);
		}

	}

}
