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

import io.github.cbkspring.client.error.ChatBotKitException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that answers a {@link ChatBotKitException} thrown by a Spring MVC
 * or WebFlux controller with an RFC 9457 problem instead of a generic 500. Opt in with
 * {@code chatbotkit.problem-details.enabled=true}; it also joins the {@code @WebMvcTest}
 * and {@code @WebFluxTest} slices. Enabled in an application that is neither, it logs one
 * warning at start-up that says why nothing answers.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(ChatBotKitProblemDetailsAutoConfiguration.ENABLED)
@EnableConfigurationProperties(ChatBotKitProperties.class)
public final class ChatBotKitProblemDetailsAutoConfiguration {

	static final String ENABLED = "chatbotkit.problem-details.enabled";

	private static ChatBotKitProblemDetails problemDetails(ChatBotKitProperties properties) {
		return new ChatBotKitProblemDetails(properties.getUrl(), properties.getSecret());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(DispatcherServlet.class)
	static class SpringMvcConfiguration {

		@Bean
		ChatBotKitProblemDetailsExceptionHandler chatBotKitProblemDetailsExceptionHandler(
				ChatBotKitProperties properties) {
			return new ChatBotKitProblemDetailsExceptionHandler(problemDetails(properties));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(DispatcherHandler.class)
	static class WebFluxConfiguration {

		@Bean
		ChatBotKitReactiveProblemDetailsExceptionHandler chatBotKitReactiveProblemDetailsExceptionHandler(
				ChatBotKitProperties properties) {
			return new ChatBotKitReactiveProblemDetailsExceptionHandler(problemDetails(properties));
		}

	}

	/**
	 * Says why problem details are off although enabled: the application has no web stack
	 * that they can answer in, most often because spring-boot-starter-webmvc is missing
	 * and so the application is no web application at all.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(NoWebStack.class)
	static class NoWebStackConfiguration {

		private static final Log logger = LogFactory.getLog(ChatBotKitProblemDetailsAutoConfiguration.class);

		NoWebStackConfiguration() {
			logger.warn(ENABLED + " is true, but this application is neither a Spring MVC nor a WebFlux web"
					+ " application, so nothing answers failed ChatBotKit calls with problem details. Add"
					+ " spring-boot-starter-webmvc (or spring-boot-starter-webflux) to serve web requests, or remove"
					+ " the property.");
		}

	}

	static class NoWebStack extends NoneNestedConditions {

		NoWebStack() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
		@ConditionalOnClass(DispatcherServlet.class)
		static class OnSpringMvc {

		}

		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
		@ConditionalOnClass(DispatcherHandler.class)
		static class OnWebFlux {

		}

	}

}
