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

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.ChatBotKitResources;
import io.github.cbkspring.client.bot.BotClient;
import io.github.cbkspring.client.bot.SessionClient;
import io.github.cbkspring.client.contact.ContactClient;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.conversation.ConversationClient;
import io.github.cbkspring.client.dataset.DatasetClient;
import io.github.cbkspring.client.error.ChatBotKitTimeoutException;
import io.github.cbkspring.client.file.FileClient;
import io.github.cbkspring.client.partner.PartnerUserClient;
import io.github.cbkspring.client.secret.SecretClient;
import io.github.cbkspring.client.skillset.SkillsetClient;
import io.github.cbkspring.client.usage.UsageClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link ChatBotKitAutoConfiguration}.
 *
 * @author cbkspring contributors
 */
class ChatBotKitAutoConfigurationTests {

	private static final String SESSION_JSON = "{\"id\":\"b\",\"conversationId\":\"c\",\"token\":\"t\",\"expiresAt\":1}";

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
					HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
					RestClientAutoConfiguration.class, ChatBotKitAutoConfiguration.class));

	private ApplicationContextRunner withApi() {
		return this.runner.withPropertyValues("chatbotkit.secret=sk-auto", "chatbotkit.url=" + api.baseUrl());
	}

	@ParameterizedTest
	@ValueSource(classes = { SessionClient.class, ConversationClient.class, BotClient.class, DatasetClient.class,
			FileClient.class, ContactClient.class, PartnerUserClient.class, UsageClient.class })
	void registersEachTypedClientOnTheOneChatBotKitClient(Class<?> type) {
		withApi().run((context) -> {
			assertThat(context).hasSingleBean(ChatBotKitClient.class).hasSingleBean(type);
			Object client = type.getMethod("transport").invoke(context.getBean(type));
			assertThat(client).isSameAs(context.getBean(ChatBotKitClient.class));
		});
	}

	@ParameterizedTest
	@ValueSource(classes = { SessionClient.class, ConversationClient.class, BotClient.class, DatasetClient.class,
			FileClient.class, ContactClient.class, PartnerUserClient.class, UsageClient.class, SecretClient.class,
			SkillsetClient.class })
	<T> void applicationTypedClientWins(Class<T> type) {
		T own = mock(type);
		withApi().withBean(type, () -> own).run((context) -> assertThat(context.getBean(type)).isSameAs(own));
	}

	static Stream<Method> generatedClientAccessors() {
		// a coverage agent adds a static method of its own
		return Arrays.stream(ChatBotKitResources.class.getDeclaredMethods())
			.filter((method) -> !method.isSynthetic() && !java.lang.reflect.Modifier.isStatic(method.getModifiers()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("generatedClientAccessors")
	void registersTheGeneratedClientOfEveryTopLevelResourceLazilyOnTheChatBotKitClient(Method accessor) {
		Class<?> type = accessor.getReturnType();
		String name = StringUtils.uncapitalize(type.getSimpleName());
		withApi().run((context) -> {
			assertThat(context.getBeanFactory().getBeanDefinition(name).isLazyInit()).isTrue();
			assertThat(context.getBeanFactory().containsSingleton(name)).isFalse();
			assertThat(context).hasSingleBean(type);
			Object client = context.getBean(type);
			assertThat(type.getMethod("transport").invoke(client)).isSameAs(context.getBean(ChatBotKitClient.class));
			assertThat(context.getBeanFactory().containsSingleton(name)).isTrue();
		});
	}

	@Test
	void aGeneratedClientBeanCallsTheApiThroughTheClientsOptions() {
		api.stubFor(get(urlEqualTo("/api/v1/secret/s-1/fetch"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"id\":\"s-1\",\"createdAt\":1,\"updatedAt\":2,\"type\":\"plain\",\"kind\":\"shared\"}")));
		withApi().run((context) -> {
			assertThat(context.getBean(SecretClient.class).fetch("s-1").id()).isEqualTo("s-1");
			api.verify(getRequestedFor(urlEqualTo("/api/v1/secret/s-1/fetch")).withHeader("Authorization",
					WireMock.equalTo("Bearer sk-auto")));
		});
	}

	@Test
	void generatedClientBeansAreOnTheApplicationsOwnChatBotKitClient() {
		ChatBotKitClient own = ChatBotKitClient
			.create(io.github.cbkspring.client.core.ChatBotKitOptions.builder().secret("mine").build());
		this.runner.withBean("myClient", ChatBotKitClient.class, () -> own)
			.run((context) -> assertThat(context.getBean(SkillsetClient.class).transport()).isSameAs(own));
	}

	@Test
	void generatedClientBeansAreOnThePrimaryOfSeveralChatBotKitClients() {
		ChatBotKitOptions options = ChatBotKitOptions.builder().secret("mine").build();
		ChatBotKitClient primary = ChatBotKitClient.create(options);
		this.runner.withBean("one", ChatBotKitClient.class, () -> ChatBotKitClient.create(options))
			.withBean("two", ChatBotKitClient.class, () -> primary, (definition) -> definition.setPrimary(true))
			.run((context) -> assertThat(context.getBean(SkillsetClient.class).transport()).isSameAs(primary));
	}

	@Test
	void noGeneratedClientBeansWithSeveralChatBotKitClientsAndNoPrimary() {
		ChatBotKitOptions options = ChatBotKitOptions.builder().secret("mine").build();
		this.runner.withBean("one", ChatBotKitClient.class, () -> ChatBotKitClient.create(options))
			.withBean("two", ChatBotKitClient.class, () -> ChatBotKitClient.create(options))
			// the application's own typed clients, since those of the auto-configuration
			// need one client too
			.withBean(SessionClient.class, () -> mock(SessionClient.class))
			.withBean(ConversationClient.class, () -> mock(ConversationClient.class))
			.withBean(BotClient.class, () -> mock(BotClient.class))
			.withBean(DatasetClient.class, () -> mock(DatasetClient.class))
			.withBean(FileClient.class, () -> mock(FileClient.class))
			.withBean(ContactClient.class, () -> mock(ContactClient.class))
			.withBean(PartnerUserClient.class, () -> mock(PartnerUserClient.class))
			.withBean(UsageClient.class, () -> mock(UsageClient.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SkillsetClient.class));
	}

	@Test
	void aBeanNamedLikeAGeneratedClientIsLeftAlone() {
		withApi().withBean("secretClient", String.class, () -> "mine").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(SecretClient.class);
			assertThat(context.getBean("secretClient")).isEqualTo("mine");
		});
	}

	@Test
	void sessionClientCallsConfiguredApi() {
		api.stubFor(post(anyUrl()).willReturn(WireMock.okJson(SESSION_JSON)));
		withApi().run((context) -> {
			context.getBean(SessionClient.class).create("bot-1");
			api.verify(postRequestedFor(urlEqualTo("/api/v1/bot/bot-1/session/create")).withHeader("Authorization",
					equalTo("Bearer sk-auto")));
		});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			/v1      | /v1/bot/bot-1/session/create
			/v1/     | /v1/bot/bot-1/session/create
			/api/v1  | /api/v1/bot/bot-1/session/create
			/api/v1/ | /api/v1/bot/bot-1/session/create
			""")
	void urlThatEndsWithAnApiPathIsNotGivenAnother(String path, String called) {
		api.stubFor(post(anyUrl()).willReturn(WireMock.okJson(SESSION_JSON)));
		this.runner.withPropertyValues("chatbotkit.secret=sk-auto", "chatbotkit.url=" + api.baseUrl() + path)
			.run((context) -> {
				context.getBean(SessionClient.class).create("bot-1");
				api.verify(postRequestedFor(urlEqualTo(called)));
			});
	}

	@Test
	void urlThatEndsWithTheConfiguredApiPathIsNotGivenItAgain() {
		api.stubFor(post(anyUrl()).willReturn(WireMock.okJson(SESSION_JSON)));
		this.runner
			.withPropertyValues("chatbotkit.secret=sk-auto", "chatbotkit.url=" + api.baseUrl() + "/cbk/v2/",
					"chatbotkit.api-path=/cbk/v2")
			.run((context) -> {
				context.getBean(SessionClient.class).create("bot-1");
				api.verify(postRequestedFor(urlEqualTo("/cbk/v2/bot/bot-1/session/create")));
			});
	}

	@Test
	void bindsProperties() {
		withApi()
			.withPropertyValues("chatbotkit.api-path=/v9", "chatbotkit.retry.max-attempts=5",
					"chatbotkit.retry.initial-backoff=1s", "chatbotkit.retry.max-backoff=3s",
					"chatbotkit.retry.retry-non-idempotent=true", "chatbotkit.headers.X-Team=blue",
					"chatbotkit.max-response-size=1MB")
			.run((context) -> {
				ChatBotKitClient client = context.getBean(ChatBotKitClient.class);
				assertThat(client.options().baseUri()).isEqualTo(api.baseUrl() + "/v9");
				assertThat(client.options().retry().maxAttempts()).isEqualTo(5);
				assertThat(client.options().retry().initialBackoff()).isEqualTo(Duration.ofSeconds(1));
				assertThat(client.options().retry().maxBackoff()).isEqualTo(Duration.ofSeconds(3));
				assertThat(client.options().retry().retryNonIdempotent()).isTrue();
				assertThat(client.options().headers()).containsEntry("X-Team", "blue");
				assertThat(client.options().maxResponseSize()).isEqualTo(1024 * 1024);
			});
	}

	@Test
	void defaultUrlIsProduction() {
		this.runner.withPropertyValues("chatbotkit.secret=sk")
			.run((context) -> assertThat(context.getBean(ChatBotKitClient.class).options().baseUri())
				.isEqualTo("https://api.chatbotkit.com/v1"));
	}

	@Test
	void missingSecretFailsWithPropertyAndExample() {
		this.runner.run((context) -> assertThat(propertyFailure(context.getStartupFailure()))
			.hasMessageContaining("No ChatBotKit secret is configured.")
			.hasMessageContaining("chatbotkit.secret=<your API secret>"));
	}

	@Test
	void blankSecretFails() {
		this.runner.withPropertyValues("chatbotkit.secret=  ")
			.run((context) -> assertThat(propertyFailure(context.getStartupFailure()))
				.hasMessageContaining("chatbotkit.secret"));
	}

	@Test
	void insecureRemoteUrlFailsNamingTheProperty() {
		this.runner.withPropertyValues("chatbotkit.secret=sk", "chatbotkit.url=http://api.chatbotkit.com")
			.run((context) -> assertThat(propertyFailure(context.getStartupFailure()))
				.hasMessageContaining("chatbotkit.url")
				.hasMessageContaining("plain http"));
	}

	@Test
	void relativeUrlFailsNamingTheProperty() {
		this.runner.withPropertyValues("chatbotkit.secret=sk", "chatbotkit.url=api.chatbotkit.com")
			.run((context) -> assertThat(propertyFailure(context.getStartupFailure()))
				.hasMessageContaining("chatbotkit.url"));
	}

	@Test
	void invalidRetrySettingFailsNamingTheProperty() {
		withApi().withPropertyValues("chatbotkit.retry.max-attempts=0")
			.run((context) -> assertThat(propertyFailure(context.getStartupFailure()))
				.hasMessageContaining("chatbotkit.retry"));
	}

	@Test
	void userChatBotKitClientWinsWithoutSecret() {
		ChatBotKitClient own = ChatBotKitClient
			.create(io.github.cbkspring.client.core.ChatBotKitOptions.builder().secret("mine").build());
		this.runner.withBean(ChatBotKitClient.class, () -> own).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(SessionClient.class).transport()).isSameAs(own);
		});
	}

	@Test
	void backsOffWithoutRestClient() {
		withApi().withClassLoader(new FilteredClassLoader(RestClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ChatBotKitClient.class)
				.doesNotHaveBean(SkillsetClient.class));
	}

	@Test
	void requestFactoryIsBuiltOnFirstUseNotAtStartUp() {
		api.stubFor(post(anyUrl()).willReturn(WireMock.okJson(SESSION_JSON)));
		AtomicInteger builds = new AtomicInteger();
		ClientHttpRequestFactoryBuilder<?> counting = (settings) -> {
			builds.incrementAndGet();
			return ClientHttpRequestFactoryBuilder.simple().build(settings);
		};
		withApi().withBean(ClientHttpRequestFactoryBuilder.class, () -> counting).run((context) -> {
			assertThat(builds).hasValue(0);
			context.getBean(SessionClient.class).create("bot-1");
			context.getBean(SessionClient.class).create("bot-2");
			assertThat(builds).hasValue(1);
		});
	}

	@Test
	void worksOnTheJdkEngineWithoutHttpClient5OverPlainHttp() {
		api.stubFor(post(anyUrl()).willReturn(WireMock.okJson(SESSION_JSON)));
		withApi().withClassLoader(new FilteredClassLoader("org.apache.hc")).run((context) -> {
			assertThat(context.getBean(SessionClient.class).create("bot-1").conversationId()).isEqualTo("c");
			// HTTP/1.1 pinned: no h2c upgrade offer, which servers may abort on a POST
			api.verify(postRequestedFor(anyUrl()).withHeader("Upgrade", absent()));
		});
	}

	@Test
	void applicationCustomizationsOfHttpClient5AreKeptBesideTheChatBotKitSetup() {
		api.stubFor(post(anyUrl()).willReturn(WireMock.okJson(SESSION_JSON)));
		withApi().withUserConfiguration(EngineCustomizerConfiguration.class).run((context) -> {
			context.getBean(SessionClient.class).create("bot-1");
			api.verify(postRequestedFor(anyUrl()).withHeader("X-Engine", equalTo("customized"))
				.withHeader("Accept-Encoding", equalTo("identity")));
		});
	}

	@Test
	void engineIsABeanOfItsOwnThatIsNotARequestFactory() {
		// the one request factory bean is the application's
		withApi().run((context) -> assertThat(context).hasSingleBean(ChatBotKitHttpEngineBean.class)
			.hasSingleBean(org.springframework.http.client.ClientHttpRequestFactory.class));
	}

	@Test
	void noEngineBeanWhenTheApplicationHasItsOwnClient() {
		ChatBotKitClient own = ChatBotKitClient
			.create(io.github.cbkspring.client.core.ChatBotKitOptions.builder().secret("mine").build());
		this.runner.withBean(ChatBotKitClient.class, () -> own)
			.run((context) -> assertThat(context).doesNotHaveBean(ChatBotKitHttpEngineBean.class));
	}

	@Test
	void worksOnAnEngineChosenByTheApplication() {
		api.stubFor(post(anyUrl()).willReturn(WireMock.okJson(SESSION_JSON)));
		withApi().withPropertyValues("spring.http.clients.imperative.factory=simple")
			.run((context) -> assertThat(context.getBean(SessionClient.class).create("bot-1").conversationId())
				.isEqualTo("c"));
	}

	@Test
	void applicationRestClientCustomizerReachesChatBotKitClient() {
		api.stubFor(post(anyUrl()).willReturn(WireMock.okJson(SESSION_JSON)));
		withApi().withUserConfiguration(AppCustomizerConfiguration.class).run((context) -> {
			context.getBean(SessionClient.class).create("bot-1");
			api.verify(postRequestedFor(anyUrl()).withHeader("X-App", equalTo("yes")));
		});
	}

	@Test
	void chatBotKitSettingsDoNotLeakIntoApplicationBuilder() {
		api.stubFor(get(anyUrl()).willReturn(WireMock.okJson("{}")));
		api.stubFor(post(anyUrl()).willReturn(WireMock.okJson(SESSION_JSON)));
		withApi().withUserConfiguration(ChatBotKitCustomizerConfiguration.class).run((context) -> {
			context.getBean(SessionClient.class).create("bot-1");
			RestClient appClient = context.getBean(RestClient.Builder.class).build();
			appClient.get().uri(api.baseUrl() + "/app").retrieve().toBodilessEntity();
			api.verify(getRequestedFor(urlEqualTo("/app")).withHeader("Authorization", absent())
				.withHeader("X-ChatBotKit-Only", absent()));
			api.verify(postRequestedFor(anyUrl()).withHeader("X-ChatBotKit-Only", equalTo("yes")));
		});
	}

	@Test
	void chatBotKitReadTimeoutApplies() {
		api.stubFor(post(anyUrl()).willReturn(WireMock.okJson(SESSION_JSON).withFixedDelay(2000)));
		withApi().withPropertyValues("chatbotkit.read-timeout=300ms", "chatbotkit.retry.enabled=false")
			.run((context) -> assertThatExceptionOfType(ChatBotKitTimeoutException.class)
				.isThrownBy(() -> context.getBean(SessionClient.class).create("bot-1")));
	}

	@Test
	void readTimeoutFallsBackToSpringHttpClientsSetting() {
		api.stubFor(post(anyUrl()).willReturn(WireMock.okJson(SESSION_JSON).withFixedDelay(2000)));
		withApi().withPropertyValues("spring.http.clients.read-timeout=300ms", "chatbotkit.retry.enabled=false")
			.run((context) -> assertThatExceptionOfType(ChatBotKitTimeoutException.class)
				.isThrownBy(() -> context.getBean(SessionClient.class).create("bot-1")));
	}

	@Test
	void chatBotKitReadTimeoutDoesNotLeakIntoApplicationBuilder() {
		api.stubFor(get(urlEqualTo("/slow")).willReturn(WireMock.okJson("{}").withFixedDelay(1000)));
		withApi().withPropertyValues("chatbotkit.read-timeout=300ms", "spring.http.clients.read-timeout=10s")
			.run((context) -> {
				RestClient appClient = context.getBean(RestClient.Builder.class).build();
				assertThat(appClient.get()
					.uri(api.baseUrl() + "/slow")
					.retrieve()
					.toBodilessEntity()
					.getStatusCode()
					.is2xxSuccessful()).isTrue();
			});
	}

	@Test
	void redirectsAreNotFollowedEvenWhenTheApplicationFollowsThem() {
		api.stubFor(post(anyUrl())
			.willReturn(WireMock.aResponse().withStatus(302).withHeader("Location", api.baseUrl() + "/elsewhere")));
		withApi().withPropertyValues("spring.http.clients.redirects=follow", "chatbotkit.retry.enabled=false")
			.run((context) -> {
				assertThatExceptionOfType(io.github.cbkspring.client.error.ChatBotKitHttpException.class)
					.isThrownBy(() -> context.getBean(SessionClient.class).create("bot-1"));
				api.verify(1, anyRequestedFor(anyUrl()));
			});
	}

	private static InvalidChatBotKitPropertyException propertyFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidChatBotKitPropertyException propertyFailure) {
				return propertyFailure;
			}
		}
		throw new AssertionError("No InvalidChatBotKitPropertyException in " + failure);
	}

	@Configuration(proxyBeanMethods = false)
	static class EngineCustomizerConfiguration {

		@Bean
		ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder> engineHeader() {
			return (builder) -> builder.withHttpClientCustomizer((httpClient) -> httpClient
				.addRequestInterceptorFirst((request, entity, context) -> request.setHeader("X-Engine", "customized")));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AppCustomizerConfiguration {

		@Bean
		RestClientCustomizer appHeader() {
			return (builder) -> builder
				.defaultHeaders((headers) -> headers.putAll(Map.of("X-App", java.util.List.of("yes"))));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ChatBotKitCustomizerConfiguration {

		@Bean
		ChatBotKitRestClientCustomizer chatBotKitOnly() {
			return (builder) -> builder.defaultHeader("X-ChatBotKit-Only", "yes");
		}

	}

}
