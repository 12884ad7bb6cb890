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

import io.github.cbkspring.client.ChatBotKitException;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that answers a {@link ChatBotKitException} thrown by a Spring MVC
 * controller with an RFC 9457 problem instead of a generic 500. Opt in with
 * {@code chatbotkit.problem-details.enabled=true}; it also joins the {@code @WebMvcTest}
 * slice.
 *
 * @author cbkspring contributors
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty(ChatBotKitProblemDetailsAutoConfiguration.ENABLED)
@EnableConfigurationProperties(ChatBotKitProperties.class)
public final class ChatBotKitProblemDetailsAutoConfiguration {

	static final String ENABLED = "chatbotkit.problem-details.enabled";

	@Bean
	ChatBotKitProblemDetailsExceptionHandler chatBotKitProblemDetailsExceptionHandler(ChatBotKitProperties properties) {
		return new ChatBotKitProblemDetailsExceptionHandler(properties.getUrl(), properties.getSecret());
	}

}
