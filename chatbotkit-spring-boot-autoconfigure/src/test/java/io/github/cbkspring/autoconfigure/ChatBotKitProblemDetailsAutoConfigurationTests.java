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

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the conditions of {@link ChatBotKitProblemDetailsAutoConfiguration}; what the
 * handler answers is tested in {@code ChatBotKitProblemDetailsTests}.
 *
 * @author cbkspring contributors
 */
class ChatBotKitProblemDetailsAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations
		.of(ChatBotKitProblemDetailsAutoConfiguration.class);

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS);

	@Test
	void handlerIsRegisteredWhenEnabledInAServletWebApplication() {
		this.servlet.withPropertyValues("chatbotkit.problem-details.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(ChatBotKitProblemDetailsExceptionHandler.class));
	}

	@Test
	void handlerIsOffByDefault() {
		this.servlet
			.run((context) -> assertThat(context).doesNotHaveBean(ChatBotKitProblemDetailsExceptionHandler.class));
	}

	@Test
	void handlerIsOffWhenDisabled() {
		this.servlet.withPropertyValues("chatbotkit.problem-details.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ChatBotKitProblemDetailsExceptionHandler.class));
	}

	@Test
	void handlerIsOffWithoutSpringMvc() {
		this.servlet.withPropertyValues("chatbotkit.problem-details.enabled=true")
			.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ChatBotKitProblemDetailsExceptionHandler.class));
	}

	@Test
	void handlerIsOffInANonWebApplication() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("chatbotkit.problem-details.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(ChatBotKitProblemDetailsExceptionHandler.class));
	}

	@Test
	void handlerIsOffInAReactiveWebApplication() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("chatbotkit.problem-details.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(ChatBotKitProblemDetailsExceptionHandler.class));
	}

}
