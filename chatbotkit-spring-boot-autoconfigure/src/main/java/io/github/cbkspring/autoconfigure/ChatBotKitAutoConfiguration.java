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

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.ChatBotKitHttpEngine;
import io.github.cbkspring.client.bot.BotClient;
import io.github.cbkspring.client.bot.SessionClient;
import io.github.cbkspring.client.contact.ContactClient;
import io.github.cbkspring.client.conversation.ConversationClient;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.dataset.DatasetClient;
import io.github.cbkspring.client.file.FileClient;
import io.github.cbkspring.client.partner.PartnerUserClient;
import io.github.cbkspring.client.usage.UsageClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JdkHttpClientBuilder;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the ChatBotKit client: a {@link ChatBotKitClient} and, on it,
 * the typed clients a Spring application injects: {@link SessionClient},
 * {@link ConversationClient}, {@link BotClient}, {@link DatasetClient},
 * {@link FileClient}, {@link ContactClient}, {@link PartnerUserClient} and
 * {@link UsageClient}, and, created when first injected, the generated client of every
 * other top-level resource ({@code SkillsetClient}, {@code SecretClient}, ...: the
 * accessors of {@code ChatBotKitResources}), on whichever {@code ChatBotKitClient} bean
 * the context has. Each backs off when the application defines its own. Sub-resources are
 * reached from their parents, such as {@code skillsetClient.abilities()}.
 * <p>
 * The client's {@link RestClient.Builder} is made the way Boot makes its own (request
 * factory from the application's {@link ClientHttpRequestFactoryBuilder}, then every
 * {@link RestClientCustomizer}, so message converters, observations and test mocks
 * apply), but with the ChatBotKit timeouts and without redirects, and then
 * {@link ChatBotKitRestClientCustomizer}s. Nothing is changed on the application's shared
 * builder.
 * <p>
 * The engine is set up as {@link ChatBotKitHttpEngine} sets up the engine of a client
 * made without Spring Boot: on Apache HttpClient 5 by the same four customizers applied
 * to the application's builder (so that its own customizers and SSL bundle still apply);
 * on the JDK's client ({@code spring.http.clients.imperative.factory=jdk}) by building
 * the client with Boot's {@link JdkHttpClientBuilder} and the same tuning. Other engines
 * (Jetty, Reactor Netty, {@code simple}) get the timeouts and no redirects only. The
 * engine is closed with the application context.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
@AutoConfiguration(after = RestClientAutoConfiguration.class)
@ConditionalOnClass({ RestClient.class, RestClientCustomizer.class, ClientHttpRequestFactoryBuilder.class })
@EnableConfigurationProperties(ChatBotKitProperties.class)
public final class ChatBotKitAutoConfiguration {

	private static final boolean HTTP_COMPONENTS_PRESENT = ClassUtils.isPresent(
			"org.apache.hc.client5.http.impl.classic.HttpClients", ChatBotKitAutoConfiguration.class.getClassLoader());

	@Bean
	@ConditionalOnMissingBean(ChatBotKitClient.class)
	ChatBotKitHttpEngineBean chatBotKitHttpEngine(ChatBotKitProperties properties, ResourceLoader resourceLoader,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
		ChatBotKitPropertiesMapper mapper = new ChatBotKitPropertiesMapper(properties);
		HttpClientSettings settings = mapper.toHttpClientSettings(
				httpClientSettings.getIfAvailable(HttpClientSettings::defaults), sslBundles.getIfAvailable());
		int maxConnections = mapper.maxConnections();
		ClientHttpRequestFactoryBuilder<?> builder = requestFactoryBuilder
			.getIfAvailable(() -> ClientHttpRequestFactoryBuilder.detect(resourceLoader.getClassLoader()));
		return new ChatBotKitHttpEngineBean(
				new LazyClientHttpRequestFactory(() -> requestFactory(builder, settings, maxConnections)));
	}

	@Bean
	@ConditionalOnMissingBean
	ChatBotKitClient chatBotKitClient(ChatBotKitProperties properties, ChatBotKitHttpEngineBean engine,
			ObjectProvider<RestClientCustomizer> restClientCustomizers,
			ObjectProvider<ChatBotKitRestClientCustomizer> chatBotKitCustomizers) {
		ChatBotKitOptions options = new ChatBotKitPropertiesMapper(properties).toOptions();
		// The factory is set before the customizers run, so that one of them (such as
		// MockRestServiceServer's in a @RestClientTest) can still replace it
		RestClient.Builder builder = RestClient.builder().requestFactory(engine.requestFactory());
		restClientCustomizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		chatBotKitCustomizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return ChatBotKitClient.create(builder, options);
	}

	@Bean
	@ConditionalOnMissingBean
	SessionClient sessionClient(ChatBotKitClient chatBotKitClient) {
		return chatBotKitClient.sessions();
	}

	@Bean
	@ConditionalOnMissingBean
	ConversationClient conversationClient(ChatBotKitClient chatBotKitClient) {
		return chatBotKitClient.conversations();
	}

	@Bean
	@ConditionalOnMissingBean
	BotClient botClient(ChatBotKitClient chatBotKitClient) {
		return chatBotKitClient.bots();
	}

	@Bean
	@ConditionalOnMissingBean
	DatasetClient datasetClient(ChatBotKitClient chatBotKitClient) {
		return chatBotKitClient.datasets();
	}

	@Bean
	@ConditionalOnMissingBean
	FileClient fileClient(ChatBotKitClient chatBotKitClient) {
		return chatBotKitClient.files();
	}

	@Bean
	@ConditionalOnMissingBean
	ContactClient contactClient(ChatBotKitClient chatBotKitClient) {
		return chatBotKitClient.contacts();
	}

	@Bean
	@ConditionalOnMissingBean
	PartnerUserClient partnerUserClient(ChatBotKitClient chatBotKitClient) {
		return chatBotKitClient.partnerUsers();
	}

	@Bean
	@ConditionalOnMissingBean
	UsageClient usageClient(ChatBotKitClient chatBotKitClient) {
		return chatBotKitClient.usage();
	}

	@Bean
	static ChatBotKitResourceClientsRegistrar chatBotKitResourceClientsRegistrar() {
		return ChatBotKitResourceClientsRegistrar.blocking();
	}

	/**
	 * Masks the secrets (of the API and of webhooks) in the actuator's
	 * {@code /configprops} and {@code /env} even where {@code show-values} lets other
	 * values through.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class ActuatorConfiguration {

		/** The secrets' property names, and the environment variables that set them. */
		private static final Set<String> SECRET_KEYS = Set.of(ChatBotKitPropertiesMapper.SECRET, "chatbotkit_secret",
				ChatBotKitPropertiesMapper.WEBHOOK_SECRET, "chatbotkit_webhook_secret");

		@Bean
		SanitizingFunction chatBotKitSecretSanitizer() {
			return (data) -> SECRET_KEYS.contains(data.getLowerCaseKey()) ? data.withSanitizedValue() : data;
		}

	}

	/**
	 * The engine for the ChatBotKit client, from the application's builder and the
	 * ChatBotKit settings.
	 */
	private static ClientHttpRequestFactory requestFactory(ClientHttpRequestFactoryBuilder<?> builder,
			HttpClientSettings settings, int maxConnections) {
		Duration connectTimeout = Objects.requireNonNull(settings.connectTimeout());
		Duration readTimeout = Objects.requireNonNull(settings.readTimeout());
		if (HTTP_COMPONENTS_PRESENT && HttpComponents.is(builder)) {
			return HttpComponents.requestFactory(builder, settings, ChatBotKitHttpEngine.httpComponents(connectTimeout,
					readTimeout, maxConnections, ChatBotKitPropertiesMapper.MAX_CONNECTIONS));
		}
		if (builder instanceof JdkClientHttpRequestFactoryBuilder) {
			// Boot's factory would bound the whole answer by the read timeout: the client
			// is built here, with Boot's builder for the SSL bundle and connect timeout
			ChatBotKitHttpEngine.Jdk jdk = ChatBotKitHttpEngine.jdk(connectTimeout, readTimeout);
			return jdk.requestFactory(
					new JdkHttpClientBuilder().withCustomizer(jdk::httpClient).build(settings.withReadTimeout(null)));
		}
		return builder.build(settings);
	}

	/**
	 * Kept apart so that this class loads without HttpClient 5 on the class path.
	 */
	private static final class HttpComponents {

		static boolean is(ClientHttpRequestFactoryBuilder<?> builder) {
			return builder instanceof HttpComponentsClientHttpRequestFactoryBuilder;
		}

		static ClientHttpRequestFactory requestFactory(ClientHttpRequestFactoryBuilder<?> builder,
				HttpClientSettings settings, ChatBotKitHttpEngine.HttpComponents setup) {
			return ((HttpComponentsClientHttpRequestFactoryBuilder) builder)
				.withConnectionConfigCustomizer(setup::connectionConfig)
				.withConnectionManagerCustomizer(setup::connectionManager)
				.withDefaultRequestConfigCustomizer(setup::requestConfig)
				.withHttpClientCustomizer(setup::httpClient)
				.build(settings);
		}

	}

}
