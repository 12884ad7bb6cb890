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
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the conditions of {@link ChatBotKitProblemDetailsAutoConfiguration}; what the
 * handlers answer is tested in {@code ChatBotKitProblemDetailsTests} (Spring MVC) and
 * {@code ChatBotKitReactiveProblemDetailsTests} (WebFlux).
 *
 * @author cbkspring contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class ChatBotKitProblemDetailsAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations
		.of(ChatBotKitProblemDetailsAutoConfiguration.class);

	private static final String ENABLED = "chatbotkit.problem-details.enabled=true";

	private static final String NO_WEB_STACK = "chatbotkit.problem-details.enabled is true, but this application is"
			+ " neither a Spring MVC nor a WebFlux web application";

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS);

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS);

	private final ApplicationContextRunner notWeb = new ApplicationContextRunner().withConfiguration(CONFIGURATIONS);

	@Test
	void handlerIsRegisteredWhenEnabledInAServletWebApplication(CapturedOutput output) {
		this.servlet.withPropertyValues(ENABLED).run((context) -> {
			assertThat(context).hasSingleBean(ChatBotKitProblemDetailsExceptionHandler.class)
				.doesNotHaveBean(ChatBotKitReactiveProblemDetailsExceptionHandler.class);
			assertThat(output).doesNotContain(NO_WEB_STACK);
		});
	}

	@Test
	void reactiveHandlerIsRegisteredWhenEnabledInAReactiveWebApplication(CapturedOutput output) {
		this.reactive.withPropertyValues(ENABLED).run((context) -> {
			assertThat(context).hasSingleBean(ChatBotKitReactiveProblemDetailsExceptionHandler.class)
				.doesNotHaveBean(ChatBotKitProblemDetailsExceptionHandler.class);
			assertThat(output).doesNotContain(NO_WEB_STACK);
		});
	}

	@Test
	void handlersAreOffByDefault(CapturedOutput output) {
		this.servlet
			.run((context) -> assertThat(context).doesNotHaveBean(ChatBotKitProblemDetailsExceptionHandler.class));
		this.reactive.run((context) -> assertThat(context)
			.doesNotHaveBean(ChatBotKitReactiveProblemDetailsExceptionHandler.class));
		this.notWeb.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain(NO_WEB_STACK);
	}

	@Test
	void handlersAreOffWhenDisabled() {
		this.servlet.withPropertyValues("chatbotkit.problem-details.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ChatBotKitProblemDetailsExceptionHandler.class));
		this.reactive.withPropertyValues("chatbotkit.problem-details.enabled=false")
			.run((context) -> assertThat(context)
				.doesNotHaveBean(ChatBotKitReactiveProblemDetailsExceptionHandler.class));
	}

	@Test
	void handlerIsOffWithoutSpringMvcAndSaysWhy(CapturedOutput output) {
		this.servlet.withPropertyValues(ENABLED)
			.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ChatBotKitProblemDetailsExceptionHandler.class));
		assertThat(output).contains(NO_WEB_STACK);
	}

	@Test
	void reactiveHandlerIsOffWithoutWebFluxAndSaysWhy(CapturedOutput output) {
		this.reactive.withPropertyValues(ENABLED)
			.withClassLoader(new FilteredClassLoader(DispatcherHandler.class))
			.run((context) -> assertThat(context)
				.doesNotHaveBean(ChatBotKitReactiveProblemDetailsExceptionHandler.class));
		assertThat(output).contains(NO_WEB_STACK);
	}

	@Test
	void enabledInANonWebApplicationLogsOneWarningThatSaysWhatToAdd(CapturedOutput output) {
		this.notWeb.withPropertyValues(ENABLED).run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(ChatBotKitProblemDetailsExceptionHandler.class)
				.doesNotHaveBean(ChatBotKitReactiveProblemDetailsExceptionHandler.class);
			assertThat(output.getOut().lines().filter((line) -> line.contains(NO_WEB_STACK))).singleElement()
				.satisfies((line) -> assertThat(line).contains(" WARN ")
					.contains("nothing answers failed ChatBotKit calls with problem details")
					.contains("Add spring-boot-starter-webmvc (or spring-boot-starter-webflux)"));
		});
	}

}
