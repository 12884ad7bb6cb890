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

package io.github.cbkspring.test.autoconfigure;

import io.github.cbkspring.test.ChatBotKitFake;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts a {@link ChatBotKitFake} for an application context, points
 * {@code chatbotkit.url} and {@code chatbotkit.secret} at it (above the application's own
 * properties), and registers it as the bean {@value #BEAN_NAME}, closed with the context.
 * Every instance is equal to every other, so that Spring's test context cache treats the
 * annotation as one configuration.
 *
 * @author cbkspring contributors
 */
final class ChatBotKitFakeContextCustomizer implements ContextCustomizer {

	static final String BEAN_NAME = "chatBotKitFake";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		if (!(context instanceof BeanDefinitionRegistry registry)) {
			throw new IllegalStateException(
					"@AutoConfigureChatBotKit needs a context that takes bean definitions, not " + context.getClass());
		}
		ChatBotKitFake fake = ChatBotKitFake.start();
		TestPropertyValues.of("chatbotkit.url=" + fake.url(), "chatbotkit.secret=" + fake.secret())
			.applyTo(context.getEnvironment(), TestPropertyValues.Type.MAP, "chatBotKitFake");
		RootBeanDefinition definition = new RootBeanDefinition(ChatBotKitFake.class, () -> fake);
		definition.setDestroyMethodName("close");
		registry.registerBeanDefinition(BEAN_NAME, definition);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof ChatBotKitFakeContextCustomizer;
	}

	@Override
	public int hashCode() {
		return ChatBotKitFakeContextCustomizer.class.hashCode();
	}

}
