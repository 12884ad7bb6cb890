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

import io.github.cbkspring.client.webhook.WebhookSignature;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of a receiver of ChatBotKit webhook calls in a Spring MVC
 * application. Opt in with {@code chatbotkit.webhook.enabled=true} and
 * {@code chatbotkit.webhook.secret}: {@code POST} requests to
 * {@code chatbotkit.webhook.path} (default {@code /chatbotkit/webhook}) whose
 * {@value WebhookSignature#HEADER} header matches their body are answered with 204 and
 * published as a {@link ChatBotKitWebhookEvent}. A call without a valid signature is
 * answered with 401, a body larger than {@code chatbotkit.webhook.max-body-size} with 413
 * and a signed body that is not a JSON object with 400, each with one WARN line that says
 * why. Enabled in an application that is not a Spring MVC one (WebFlux, or no web
 * application), it logs one warning at start-up that says why nothing receives the calls.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(ChatBotKitWebhookAutoConfiguration.ENABLED)
@EnableConfigurationProperties(ChatBotKitProperties.class)
public final class ChatBotKitWebhookAutoConfiguration {

	static final String ENABLED = "chatbotkit.webhook.enabled";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(DispatcherServlet.class)
	static class SpringMvcConfiguration {

		@Bean
		RouterFunction<ServerResponse> chatBotKitWebhookRouterFunction(ChatBotKitProperties properties,
				ApplicationEventPublisher eventPublisher, ObjectProvider<JsonMapper> jsonMapper) {
			ChatBotKitPropertiesMapper mapper = new ChatBotKitPropertiesMapper(properties);
			ChatBotKitWebhookHandler handler = new ChatBotKitWebhookHandler(WebhookSignature.of(mapper.webhookSecret()),
					mapper.webhookMaxBodySize(), jsonMapper.getIfAvailable(JsonMapper::shared), eventPublisher);
			return RouterFunctions.route().POST(mapper.webhookPath(), handler).build();
		}

	}

	/**
	 * Says why no webhook calls are received although enabled: the receiver is a Spring
	 * MVC endpoint, and this application is a WebFlux one or no web application at all.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(NoSpringMvc.class)
	static class NoSpringMvcConfiguration {

		private static final Log logger = LogFactory.getLog(ChatBotKitWebhookAutoConfiguration.class);

		NoSpringMvcConfiguration() {
			logger.warn(ENABLED + " is true, but this application is not a Spring MVC web application, so nothing"
					+ " receives ChatBotKit webhook calls. The receiver needs spring-boot-starter-webmvc (WebFlux is not"
					+ " supported); add it, or remove the property.");
		}

	}

	static class NoSpringMvc extends NoneNestedConditions {

		NoSpringMvc() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
		@ConditionalOnClass(DispatcherServlet.class)
		static class OnSpringMvc {

		}

	}

}
