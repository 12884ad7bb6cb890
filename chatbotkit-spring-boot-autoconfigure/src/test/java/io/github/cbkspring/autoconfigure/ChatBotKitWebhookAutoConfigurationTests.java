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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.function.RouterFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the conditions and checked properties of
 * {@link ChatBotKitWebhookAutoConfiguration}; what the receiver answers is tested in
 * {@code ChatBotKitWebhookTests}.
 *
 * @author cbkspring contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class ChatBotKitWebhookAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations
		.of(ChatBotKitWebhookAutoConfiguration.class);

	private static final String SECRET = "whsec-conditions-Lm07";

	private static final String ENABLED = "chatbotkit.webhook.enabled=true";

	private static final String NOT_MVC = "chatbotkit.webhook.enabled is true, but this application is not a Spring MVC"
			+ " web application";

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS);

	@Test
	void receiverIsRegisteredWhenEnabledInASpringMvcApplication(CapturedOutput output) {
		this.servlet.withPropertyValues(ENABLED, "chatbotkit.webhook.secret=" + SECRET).run((context) -> {
			assertThat(context).hasNotFailed().hasBean("chatBotKitWebhookRouterFunction");
			assertThat(output).doesNotContain(NOT_MVC).doesNotContain(SECRET);
		});
	}

	@Test
	void receiverIsOffByDefault(CapturedOutput output) {
		this.servlet.withPropertyValues("chatbotkit.webhook.secret=" + SECRET).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(RouterFunction.class);
			assertThat(output).doesNotContain(NOT_MVC);
		});
	}

	@Test
	void receiverIsOffWhenDisabled() {
		this.servlet.withPropertyValues("chatbotkit.webhook.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RouterFunction.class));
	}

	@Test
	void enabledWithoutSecretFailsNamingTheProperty() {
		this.servlet.withPropertyValues(ENABLED)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidChatBotKitPropertyException.class,
						(ex) -> assertThat(ex.getProperty()).isEqualTo("chatbotkit.webhook.secret"))
				.hasMessageContaining("chatbotkit.webhook.secret")
				.hasMessageContaining("no webhook secret is configured"));
	}

	@Test
	void enabledWithABlankSecretFailsWithoutEchoingIt() {
		this.servlet.withPropertyValues(ENABLED, "chatbotkit.webhook.secret=   ")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidChatBotKitPropertyException.class)
				.hasMessageContaining("chatbotkit.webhook.secret"));
	}

	@Test
	void enabledWithAnUnresolvedPlaceholderFailsNamingIt() {
		this.servlet.withPropertyValues(ENABLED, "chatbotkit.webhook.secret=${MISSING_WEBHOOK_SECRET}")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidChatBotKitPropertyException.class)
				.hasMessageContaining("chatbotkit.webhook.secret")
				.hasMessageContaining("MISSING_WEBHOOK_SECRET"));
	}

	@Test
	void pathMustStartWithASlash() {
		this.servlet.withPropertyValues(ENABLED, "chatbotkit.webhook.secret=" + SECRET, "chatbotkit.webhook.path=hook")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidChatBotKitPropertyException.class)
				.hasMessageContaining("chatbotkit.webhook.path")
				.hasMessageContaining("must start with '/'")
				.hasMessageNotContaining(SECRET));
	}

	@Test
	void maxBodySizeMustBePositive() {
		this.servlet
			.withPropertyValues(ENABLED, "chatbotkit.webhook.secret=" + SECRET, "chatbotkit.webhook.max-body-size=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidChatBotKitPropertyException.class)
				.hasMessageContaining("chatbotkit.webhook.max-body-size")
				.hasMessageContaining("chatbotkit.webhook.max-body-size=1MB"));
	}

	@Test
	void notAWebApplicationHasNoReceiverAndSaysWhy(CapturedOutput output) {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues(ENABLED, "chatbotkit.webhook.secret=" + SECRET)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(RouterFunction.class);
				assertThat(output).contains(NOT_MVC).doesNotContain(SECRET);
			});
	}

	@Test
	void webFluxApplicationHasNoReceiverAndSaysWhy(CapturedOutput output) {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues(ENABLED, "chatbotkit.webhook.secret=" + SECRET)
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(RouterFunction.class)
					.doesNotHaveBean(org.springframework.web.reactive.function.server.RouterFunction.class);
				assertThat(output).contains(NOT_MVC, "WebFlux is not supported");
			});
	}

	@Test
	void servletApplicationWithoutSpringMvcHasNoReceiverAndSaysWhy(CapturedOutput output) {
		this.servlet.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.withPropertyValues(ENABLED, "chatbotkit.webhook.secret=" + SECRET)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean("chatBotKitWebhookRouterFunction");
				assertThat(output).contains(NOT_MVC);
			});
	}

	@Test
	void disabledInAnotherApplicationSaysNothing(CapturedOutput output) {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.run((context) -> assertThat(output).doesNotContain(NOT_MVC));
	}

}
