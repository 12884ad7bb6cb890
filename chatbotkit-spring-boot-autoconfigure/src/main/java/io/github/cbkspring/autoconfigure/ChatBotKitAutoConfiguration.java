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

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.ChatBotKitOptions;
import io.github.cbkspring.client.bot.BotClient;
import io.github.cbkspring.client.bot.SessionClient;
import io.github.cbkspring.client.contact.ContactClient;
import io.github.cbkspring.client.conversation.ConversationClient;
import io.github.cbkspring.client.dataset.DatasetClient;
import io.github.cbkspring.client.file.FileClient;
import io.github.cbkspring.client.partner.PartnerUserClient;
import org.apache.hc.core5.util.Timeout;

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
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.client.RestClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the ChatBotKit client: a {@link ChatBotKitClient} and, on it,
 * the typed clients a Spring application injects: {@link SessionClient},
 * {@link ConversationClient}, {@link BotClient}, {@link DatasetClient},
 * {@link FileClient}, {@link ContactClient} and {@link PartnerUserClient}. Each backs off
 * when the application defines its own. Other resources are reached from the
 * {@code ChatBotKitClient}, such as {@code chatBotKitClient.usage()}.
 * <p>
 * The client's {@link RestClient.Builder} is made the way Boot makes its own (request
 * factory from the application's {@link ClientHttpRequestFactoryBuilder}, then every
 * {@link RestClientCustomizer}, so message converters, observations and test mocks
 * apply), but with the ChatBotKit timeouts and without redirects, and then
 * {@link ChatBotKitRestClientCustomizer}s. Nothing is changed on the application's shared
 * builder.
 *
 * @author cbkspring contributors
 */
@AutoConfiguration(after = RestClientAutoConfiguration.class)
@ConditionalOnClass({ RestClient.class, RestClientCustomizer.class, ClientHttpRequestFactoryBuilder.class })
@EnableConfigurationProperties(ChatBotKitProperties.class)
public final class ChatBotKitAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ChatBotKitClient chatBotKitClient(ChatBotKitProperties properties, ResourceLoader resourceLoader,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<RestClientCustomizer> restClientCustomizers,
			ObjectProvider<ChatBotKitRestClientCustomizer> chatBotKitCustomizers) {
		ChatBotKitPropertiesMapper mapper = new ChatBotKitPropertiesMapper(properties);
		ChatBotKitOptions options = mapper.toOptions();
		HttpClientSettings settings = mapper.toHttpClientSettings(
				httpClientSettings.getIfAvailable(HttpClientSettings::defaults), sslBundles.getIfAvailable());
		ClientHttpRequestFactoryBuilder<?> factoryBuilder = tune(
				requestFactoryBuilder
					.getIfAvailable(() -> ClientHttpRequestFactoryBuilder.detect(resourceLoader.getClassLoader())),
				mapper.maxConnections(), settings, options.url());
		// The factory is set before the customizers run, so that one of them (such as
		// MockRestServiceServer's in a @RestClientTest) can still replace it
		RestClient.Builder builder = RestClient.builder()
			.requestFactory(new LazyClientHttpRequestFactory(() -> factoryBuilder.build(settings)));
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

	/**
	 * Masks the secret in the actuator's {@code /configprops} and {@code /env} even where
	 * {@code show-values} lets other values through.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class ActuatorConfiguration {

		@Bean
		SanitizingFunction chatBotKitSecretSanitizer() {
			return (data) -> (data.getLowerCaseKey().equals(ChatBotKitPropertiesMapper.SECRET)
					|| data.getLowerCaseKey().equals("chatbotkit_secret")) ? data.withSanitizedValue() : data;
		}

	}

	/**
	 * On Apache HttpClient 5, size the pool for the ChatBotKit client, leave retries to
	 * its retry policy (the engine's own would retry behind its back), bound the wait for
	 * a pooled connection, and let a closed stream abort its connection.
	 */
	private static ClientHttpRequestFactoryBuilder<?> tune(ClientHttpRequestFactoryBuilder<?> builder,
			int maxConnections, HttpClientSettings settings, URI url) {
		if (builder instanceof HttpComponentsClientHttpRequestFactoryBuilder httpComponents) {
			return HttpComponentsTuning.tune(httpComponents, maxConnections,
					Objects.requireNonNull(settings.connectTimeout()));
		}
		if (builder instanceof JdkClientHttpRequestFactoryBuilder jdk && "http".equals(url.getScheme())) {
			// on plain http the JDK client offers an h2c upgrade that many servers abort
			return jdk.withHttpClientCustomizer((httpClient) -> httpClient.version(HttpClient.Version.HTTP_1_1));
		}
		return builder;
	}

	/**
	 * Kept apart so that this class loads without HttpClient 5 on the classpath.
	 */
	private static final class HttpComponentsTuning {

		static ClientHttpRequestFactoryBuilder<?> tune(HttpComponentsClientHttpRequestFactoryBuilder builder,
				int maxConnections, Duration connectTimeout) {
			return builder
				// waiting for a free pooled connection counts as connecting
				.withDefaultRequestConfigCustomizer(
						(requestConfig) -> requestConfig.setConnectionRequestTimeout(Timeout.of(connectTimeout)))
				.withHttpClientCustomizer((httpClient) -> httpClient.disableAutomaticRetries()
					// a decompressing wrapper would keep a closed stream from aborting
					.disableContentCompression())
				.withConnectionManagerCustomizer(
						(connectionManager) -> connectionManager.setMaxConnPerRoute(maxConnections)
							.setMaxConnTotal(maxConnections));
		}

	}

}
