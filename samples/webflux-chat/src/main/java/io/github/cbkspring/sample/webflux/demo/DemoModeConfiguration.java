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

package io.github.cbkspring.sample.webflux.demo;

import io.github.cbkspring.client.ChatBotKitReactiveClient;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.test.ChatBotKitFake;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Without {@code chatbotkit.secret} (or {@code CHATBOTKIT_SECRET}), the app runs against
 * the test kit's {@link ChatBotKitFake} on loopback, which answers every message with
 * {@link #REPLY}, token by token: a reactive client of the fake stands in for the one the
 * starter would make.
 *
 * @author cbkspring contributors
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DemoModeConfiguration.NoSecret.class)
class DemoModeConfiguration {

	/**
	 * The tokens of the demo reply.
	 */
	static final String[] REPLY = { "Hello", " from", " the", " demo", " bot." };

	@Bean(destroyMethod = "close")
	ChatBotKitFake chatBotKitFake() {
		ChatBotKitFake fake = ChatBotKitFake.start();
		fake.completions().otherwise().reply(REPLY);
		return fake;
	}

	@Bean
	ChatBotKitReactiveClient chatBotKitReactiveClient(ChatBotKitFake fake,
			ObjectProvider<WebClient.Builder> webClientBuilder) {
		ChatBotKitOptions options = ChatBotKitOptions.builder().url(fake.url()).secret(fake.secret()).build();
		return ChatBotKitReactiveClient.create(webClientBuilder.getIfAvailable(WebClient::builder), options);
	}

	/**
	 * Matches when no secret is configured.
	 */
	static final class NoSecret implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("chatbotkit.secret"));
		}

	}

}
