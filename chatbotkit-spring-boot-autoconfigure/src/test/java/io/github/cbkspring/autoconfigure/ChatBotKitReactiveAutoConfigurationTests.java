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
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.ChatBotKitReactiveClient;
import io.github.cbkspring.client.ReactiveChatBotKitResources;
import io.github.cbkspring.client.bot.ReactiveBotClient;
import io.github.cbkspring.client.bot.ReactiveSessionClient;
import io.github.cbkspring.client.contact.ReactiveContactClient;
import io.github.cbkspring.client.conversation.ReactiveConversationClient;
import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.dataset.ReactiveDatasetClient;
import io.github.cbkspring.client.error.ChatBotKitHttpException;
import io.github.cbkspring.client.error.ChatBotKitTimeoutException;
import io.github.cbkspring.client.file.ReactiveFileClient;
import io.github.cbkspring.client.partner.ReactivePartnerUserClient;
import io.github.cbkspring.client.secret.ReactiveSecretClient;
import io.github.cbkspring.client.skillset.ReactiveSkillsetClient;
import io.github.cbkspring.client.skillset.SkillsetClient;
import io.github.cbkspring.client.usage.ReactiveUsageClient;
import io.github.cbkspring.testsupport.HeldAnswer;
import io.github.cbkspring.testsupport.LoopbackServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.Mockito.mock;

/**
 * {@link ChatBotKitReactiveAutoConfiguration}: each condition, with and without the
 * blocking stack, and the client it builds from Boot's {@link WebClient.Builder} and
 * settings, called on WireMock.
 */
class ChatBotKitReactiveAutoConfigurationTests {

	private static final Duration HANG_GUARD = Duration.ofMinutes(2);

	private static final ApiEndpoint FETCH = ApiEndpoint.get("/bot/{botId}/fetch");

	private static final String ID_ANSWER = LoopbackServer.json("200 OK", "{\"id\":\"b\"}", "");

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner reactive = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				ChatBotKitReactiveAutoConfiguration.class))
		// Reactor Netty's shared loops otherwise wait two quiet seconds on every close
		.withPropertyValues("chatbotkit.secret=sk-reactive", "chatbotkit.url=" + api.baseUrl(),
				"spring.reactor.netty.shutdown-quiet-period=0s");

	private final ApplicationContextRunner bothStacks = this.reactive.withConfiguration(AutoConfigurations.of(
			HttpMessageConvertersAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
			RestClientAutoConfiguration.class, ChatBotKitAutoConfiguration.class));

	@Test
	void registersTheReactiveClientAndItsTypedClientsOnIt() {
		this.reactive.run((context) -> {
			assertThat(context).hasSingleBean(ChatBotKitReactiveClient.class)
				.hasSingleBean(ReactiveSessionClient.class)
				.hasSingleBean(ReactiveConversationClient.class)
				.hasSingleBean(ReactiveFileClient.class)
				.doesNotHaveBean(ChatBotKitClient.class);
			ChatBotKitOptions options = context.getBean(ChatBotKitReactiveClient.class).options();
			assertThat(options.secret()).isEqualTo("sk-reactive");
			assertThat(options.baseUri()).startsWith(api.baseUrl());
		});
	}

	@ParameterizedTest
	@ValueSource(classes = { ReactiveSessionClient.class, ReactiveConversationClient.class, ReactiveBotClient.class,
			ReactiveDatasetClient.class, ReactiveFileClient.class, ReactiveContactClient.class,
			ReactivePartnerUserClient.class, ReactiveUsageClient.class })
	void registersEachTypedClientOnTheOneReactiveClient(Class<?> type) {
		this.reactive.run((context) -> {
			assertThat(context).hasSingleBean(type);
			Object client = type.getMethod("transport").invoke(context.getBean(type));
			assertThat(client).isSameAs(context.getBean(ChatBotKitReactiveClient.class));
		});
	}

	@ParameterizedTest
	@ValueSource(classes = { ReactiveSessionClient.class, ReactiveConversationClient.class, ReactiveBotClient.class,
			ReactiveDatasetClient.class, ReactiveFileClient.class, ReactiveContactClient.class,
			ReactivePartnerUserClient.class, ReactiveUsageClient.class, ReactiveSecretClient.class,
			ReactiveSkillsetClient.class })
	<T> void applicationTypedReactiveClientWins(Class<T> type) {
		T own = mock(type);
		this.reactive.withBean(type, () -> own).run((context) -> {
			assertThat(context).hasSingleBean(type);
			assertThat(context.getBean(type)).isSameAs(own);
		});
	}

	static Stream<Method> generatedClientAccessors() {
		// a coverage agent adds a static method of its own
		return Arrays.stream(ReactiveChatBotKitResources.class.getDeclaredMethods())
			.filter((method) -> !method.isSynthetic() && !Modifier.isStatic(method.getModifiers()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("generatedClientAccessors")
	void registersTheGeneratedClientOfEveryTopLevelResourceLazilyOnTheReactiveClient(Method accessor) {
		Class<?> type = accessor.getReturnType();
		String name = StringUtils.uncapitalize(type.getSimpleName());
		this.reactive.run((context) -> {
			assertThat(context.getBeanFactory().getBeanDefinition(name).isLazyInit()).isTrue();
			assertThat(context.getBeanFactory().containsSingleton(name)).isFalse();
			assertThat(context).hasSingleBean(type);
			Object client = context.getBean(type);
			assertThat(type.getMethod("transport").invoke(client))
				.isSameAs(context.getBean(ChatBotKitReactiveClient.class));
			assertThat(context.getBeanFactory().containsSingleton(name)).isTrue();
		});
	}

	@Test
	void generatedReactiveClientBeansAreOnThePrimaryOfSeveralReactiveClients() {
		ChatBotKitOptions options = ChatBotKitOptions.builder().secret("mine").url(api.baseUrl()).build();
		ChatBotKitReactiveClient primary = ChatBotKitReactiveClient.create(options);
		ChatBotKitReactiveClient other = ChatBotKitReactiveClient.create(options);
		this.reactive.withBean("one", ChatBotKitReactiveClient.class, () -> other)
			.withBean("two", ChatBotKitReactiveClient.class, () -> primary, (definition) -> definition.setPrimary(true))
			.run((context) -> {
				assertThat(context.getBean(ReactiveSkillsetClient.class).transport()).isSameAs(primary);
				assertThat(context.getBean(ReactiveBotClient.class).transport()).isSameAs(primary);
			});
		primary.close();
		other.close();
	}

	@Test
	void noReactiveClientBeansWithSeveralReactiveClientsAndNoPrimary() {
		ChatBotKitOptions options = ChatBotKitOptions.builder().secret("mine").url(api.baseUrl()).build();
		ChatBotKitReactiveClient one = ChatBotKitReactiveClient.create(options);
		ChatBotKitReactiveClient two = ChatBotKitReactiveClient.create(options);
		ApplicationContextRunner runner = this.reactive.withBean("one", ChatBotKitReactiveClient.class, () -> one)
			.withBean("two", ChatBotKitReactiveClient.class, () -> two);
		// the application's own typed clients, since those of the auto-configuration need
		// one client too
		for (Class<?> type : new Class<?>[] { ReactiveSessionClient.class, ReactiveConversationClient.class,
				ReactiveBotClient.class, ReactiveDatasetClient.class, ReactiveFileClient.class,
				ReactiveContactClient.class, ReactivePartnerUserClient.class, ReactiveUsageClient.class }) {
			runner = withMock(runner, type);
		}
		runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ReactiveSkillsetClient.class));
		one.close();
		two.close();
	}

	private static <T> ApplicationContextRunner withMock(ApplicationContextRunner runner, Class<T> type) {
		return runner.withBean(type, () -> mock(type));
	}

	@Test
	void bothStacksGiveTheGeneratedClientsOfEachOnItsOwnClient() {
		this.bothStacks.run((context) -> {
			assertThat(context.getBean(ReactiveSkillsetClient.class).transport())
				.isSameAs(context.getBean(ChatBotKitReactiveClient.class));
			assertThat(context.getBean(SkillsetClient.class).transport())
				.isSameAs(context.getBean(ChatBotKitClient.class));
			assertThat(context).hasSingleBean(ReactiveBotClient.class);
		});
	}

	@Test
	void withoutWebFluxTheBlockingStackHasNoReactiveClients() {
		this.bothStacks.withClassLoader(new FilteredClassLoader(WebClient.class)).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(SkillsetClient.class)
				.doesNotHaveBean(ReactiveSkillsetClient.class)
				.doesNotHaveBean(ReactiveBotClient.class);
		});
	}

	@Test
	void withoutWebFluxThereIsNoReactiveClient() {
		this.reactive.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ChatBotKitReactiveClient.class));
	}

	@Test
	void withoutReactorThereIsNoReactiveClient() {
		this.reactive.withClassLoader(new FilteredClassLoader(Mono.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ChatBotKitReactiveClient.class));
	}

	@Test
	void bothStacksGiveBothClientsOnTheSameProperties() {
		this.bothStacks.run((context) -> {
			assertThat(context).hasSingleBean(ChatBotKitReactiveClient.class).hasSingleBean(ChatBotKitClient.class);
			assertThat(context.getBean(ChatBotKitReactiveClient.class).options().baseUri())
				.isEqualTo(context.getBean(ChatBotKitClient.class).options().baseUri());
		});
	}

	@Test
	void withoutTheBlockingStackOnlyTheReactiveClient() {
		this.bothStacks.withClassLoader(new FilteredClassLoader(RestClientCustomizer.class))
			.run((context) -> assertThat(context).hasSingleBean(ChatBotKitReactiveClient.class)
				.doesNotHaveBean(ChatBotKitClient.class));
	}

	@Test
	void backsOffForTheApplicationsOwnClient() {
		ChatBotKitReactiveClient own = ChatBotKitReactiveClient
			.create(ChatBotKitOptions.builder().secret("sk-own").url(api.baseUrl()).build());
		this.reactive.withBean(ChatBotKitReactiveClient.class, () -> own).run((context) -> {
			assertThat(context).hasSingleBean(ChatBotKitReactiveClient.class);
			assertThat(context.getBean(ChatBotKitReactiveClient.class)).isSameAs(own);
			assertThat(context.getBean(ReactiveSessionClient.class).toString()).contains(own.toString());
			assertThat(context.getBean(ReactiveBotClient.class).transport()).isSameAs(own);
			assertThat(context.getBean(ReactiveSkillsetClient.class).transport()).isSameAs(own);
		});
	}

	@Test
	void theApplicationsWebClientCustomizersApply() {
		api.stubFor(get(anyUrl()).willReturn(WireMock.okJson("{\"id\":\"b\"}")));
		this.reactive
			.withBean(WebClientCustomizer.class, () -> (builder) -> builder.defaultHeader("X-Customized", "yes"))
			.run((context) -> {
				assertThat(fetch(context.getBean(ChatBotKitReactiveClient.class))).isEqualTo("b");
				api.verify(getRequestedFor(anyUrl()).withHeader("X-Customized", equalTo("yes"))
					.withHeader("Authorization", equalTo("Bearer sk-reactive")));
			});
	}

	@Test
	void withoutBootsWebClientBuilderAPlainOneIsUsed() {
		api.stubFor(get(anyUrl()).willReturn(WireMock.okJson("{\"id\":\"b\"}")));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class, ChatBotKitReactiveAutoConfiguration.class))
			.withPropertyValues("chatbotkit.secret=sk-reactive", "chatbotkit.url=" + api.baseUrl(),
					"spring.reactor.netty.shutdown-quiet-period=0s")
			.run((context) -> assertThat(fetch(context.getBean(ChatBotKitReactiveClient.class))).isEqualTo("b"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "reactor", "jdk" })
	void everyConnectorOfBootsSettingGetsTheChatBotKitReadTimeout(String connector) {
		api.stubFor(get(anyUrl()).willReturn(WireMock.okJson("{\"id\":\"b\"}").withFixedDelay(10_000)));
		this.reactive
			.withPropertyValues("spring.http.clients.reactive.connector=" + connector, "chatbotkit.read-timeout=500ms",
					"chatbotkit.retry.max-attempts=1")
			.run((context) -> assertThat(catchThrowable(() -> fetch(context.getBean(ChatBotKitReactiveClient.class))))
				.isInstanceOf(ChatBotKitTimeoutException.class));
	}

	@ParameterizedTest
	@ValueSource(strings = { "reactor", "jdk" })
	void redirectsAreNeverFollowedWhateverTheApplicationSays(String connector) {
		api.stubFor(get(anyUrl())
			.willReturn(aResponse().withStatus(302).withHeader("Location", "http://elsewhere.invalid/")));
		this.reactive
			.withPropertyValues("spring.http.clients.reactive.connector=" + connector,
					"spring.http.clients.redirects=follow")
			.run((context) -> assertThat(catchThrowable(() -> fetch(context.getBean(ChatBotKitReactiveClient.class))))
				.isInstanceOf(ChatBotKitHttpException.class)
				.hasMessageContaining("not followed"));
	}

	@Test
	void invalidPropertiesFailAsForTheBlockingClient() {
		this.reactive.withPropertyValues("chatbotkit.secret=")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidChatBotKitPropertyException.class));
	}

	@Test
	void maxConnectionsSizesTheReactorNettyPoolAndASecondCallWaitsForTheFirst() throws InterruptedException {
		try (HeldAnswer held = new HeldAnswer(ID_ANSWER);
				LoopbackServer server = new LoopbackServer(held, HANG_GUARD, false)) {
			this.reactive
				.withPropertyValues("chatbotkit.url=" + server.url(), "chatbotkit.max-connections=1",
						"chatbotkit.connect-timeout=2m")
				.run((context) -> {
					ChatBotKitReactiveClient client = context.getBean(ChatBotKitReactiveClient.class);
					CompletableFuture<String> first = client.request(FETCH, "b").retrieveId().toFuture();
					held.awaitRequest();
					CompletableFuture<String> second = client.request(FETCH, "b").retrieveId().toFuture();
					held.release();
					assertThat(first.join()).isEqualTo("b");
					assertThat(second.join()).isEqualTo("b");
					assertThat(server.requestLines()).hasSize(2);
					assertThat(server.connectionCount()).as("the second call waited for the one connection").isOne();
				});
			server.awaitConnectionClosedByClient(); // the pool closed with the context
		}
	}

	@Test
	void theWaitForAPooledConnectionIsBoundedByTheConnectTimeoutAndNamesTheProperty() throws InterruptedException {
		try (HeldAnswer held = new HeldAnswer(ID_ANSWER);
				LoopbackServer server = new LoopbackServer(held, HANG_GUARD, false)) {
			this.reactive
				.withPropertyValues("chatbotkit.url=" + server.url(), "chatbotkit.max-connections=1",
						"chatbotkit.connect-timeout=300ms", "chatbotkit.retry.max-attempts=1")
				.run((context) -> {
					ChatBotKitReactiveClient client = context.getBean(ChatBotKitReactiveClient.class);
					CompletableFuture<String> holding = client.request(FETCH, "b").retrieveId().toFuture();
					held.awaitRequest();
					assertThat(catchThrowable(() -> fetch(client))).isInstanceOf(ChatBotKitTimeoutException.class)
						.satisfies((ex) -> assertThat(((ChatBotKitTimeoutException) ex).requestSent()).isFalse())
						.hasMessageStartingWith("Timed out waiting for a pooled connection: GET ")
						.hasMessageEndingWith(": no free connection within 300 ms: all 1 pooled connections are in use;"
								+ " raise chatbotkit.max-connections, or close streams that are not read to the end");
					held.release();
					assertThat(holding.join()).isEqualTo("b");
					assertThat(server.requestLines()).as("only the holding call was sent").hasSize(1);
				});
		}
	}

	@Test
	void onReactorNettyTheStarterMakesAConnectorOfItsOwnBesideBoots() {
		this.reactive.run((context) -> {
			ClientHttpConnector connector = context.getBean(ChatBotKitReactiveEngineBean.class).connector();
			assertThat(connector).isInstanceOf(ReactorClientHttpConnector.class)
				.isNotSameAs(context.getBean(ClientHttpConnector.class));
			assertThat(context.getBean(ChatBotKitReactiveEngineBean.class)).extracting("pool").isNotNull();
		});
	}

	@Test
	void withTheJdkConnectorThereIsNoPoolOfTheStarters() {
		this.reactive.withPropertyValues("spring.http.clients.reactive.connector=jdk").run((context) -> {
			assertThat(context.getBean(ChatBotKitReactiveEngineBean.class).connector())
				.isInstanceOf(JdkClientHttpConnector.class);
			assertThat(context.getBean(ChatBotKitReactiveEngineBean.class)).extracting("pool").isNull();
		});
	}

	@Test
	void anInvalidMaxConnectionsFailsAsForTheBlockingClient() {
		this.reactive.withPropertyValues("chatbotkit.max-connections=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidChatBotKitPropertyException.class)
				.hasMessageContaining("chatbotkit.max-connections"));
	}

	@Test
	void withoutReactorNettyTheConnectorBootDetectsIsUsedWithoutAPool() {
		this.reactive.withClassLoader(new FilteredClassLoader("reactor.netty"))
			.withPropertyValues("chatbotkit.max-connections=1")
			.run((context) -> {
				assertThat(context).hasSingleBean(ChatBotKitReactiveClient.class);
				assertThat(context.getBean(ChatBotKitReactiveEngineBean.class).connector())
					.isNotInstanceOf(ReactorClientHttpConnector.class);
			});
	}

	private static String fetch(ChatBotKitReactiveClient client) {
		return client.request(FETCH, "b").retrieveId().block(HANG_GUARD);
	}

}
