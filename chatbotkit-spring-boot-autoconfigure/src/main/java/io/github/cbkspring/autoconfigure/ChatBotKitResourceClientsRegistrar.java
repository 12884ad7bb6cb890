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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.ChatBotKitReactiveClient;
import io.github.cbkspring.client.ChatBotKitResources;
import io.github.cbkspring.client.ReactiveChatBotKitResources;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.util.StringUtils;

/**
 * Registers a lazy bean for each generated client of a top-level resource
 * ({@code SkillsetClient}, {@code SecretClient}, ...: the accessors of
 * {@link ChatBotKitResources}), made by that accessor of the context's one
 * {@link ChatBotKitClient} bean, whichever configuration defines it; or, for the
 * non-blocking stack, of {@code ReactiveSkillsetClient}, ... (the accessors of
 * {@link ReactiveChatBotKitResources}) on the one {@link ChatBotKitReactiveClient}. A
 * type that the application already has a bean of, or a name that is taken, is left
 * alone. With several client beans they are made on the primary one; with none, or
 * several and no primary, none is registered (call the accessor on the client you mean
 * instead).
 * <p>
 * The beans are registered after every configuration is read, so that the application's
 * own beans are known; each is a factory method on the client's bean, which ahead-of-time
 * processing keeps as it is.
 *
 * @author cbkspring contributors
 */
final class ChatBotKitResourceClientsRegistrar implements BeanDefinitionRegistryPostProcessor {

	private final Class<?> entryPoint;

	private final Class<?> resources;

	private ChatBotKitResourceClientsRegistrar(Class<?> entryPoint, Class<?> resources) {
		this.entryPoint = entryPoint;
		this.resources = resources;
	}

	/**
	 * The generated clients of the blocking client.
	 */
	static ChatBotKitResourceClientsRegistrar blocking() {
		return new ChatBotKitResourceClientsRegistrar(ChatBotKitClient.class, ChatBotKitResources.class);
	}

	/**
	 * The generated clients of the non-blocking client.
	 */
	static ChatBotKitResourceClientsRegistrar reactive() {
		return new ChatBotKitResourceClientsRegistrar(ChatBotKitReactiveClient.class,
				ReactiveChatBotKitResources.class);
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		if (!(registry instanceof ListableBeanFactory beanFactory)) {
			return;
		}
		String client = client(registry, beanFactory.getBeanNamesForType(this.entryPoint, true, false));
		if (client == null) {
			return;
		}
		Method[] accessors = this.resources.getDeclaredMethods();
		Arrays.sort(accessors, Comparator.comparing(Method::getName));
		for (Method accessor : accessors) {
			Class<?> type = accessor.getReturnType();
			String name = StringUtils.uncapitalize(type.getSimpleName());
			// only the accessors: not what an agent such as JaCoCo's adds to the class
			if (accessor.isSynthetic() || Modifier.isStatic(accessor.getModifiers()) || accessor.getParameterCount() > 0
					|| registry.containsBeanDefinition(name)
					|| beanFactory.getBeanNamesForType(type, true, false).length > 0) {
				continue;
			}
			RootBeanDefinition definition = new RootBeanDefinition(type);
			definition.setFactoryBeanName(client);
			definition.setFactoryMethodName(accessor.getName());
			definition.setLazyInit(true);
			registry.registerBeanDefinition(name, definition);
		}
	}

	/**
	 * The client the beans are made on: the only one, or the primary one of several.
	 */
	private static @Nullable String client(BeanDefinitionRegistry registry, String[] clients) {
		if (clients.length == 1) {
			return clients[0];
		}
		List<String> primary = Arrays.stream(clients)
			.filter((name) -> registry.containsBeanDefinition(name) && registry.getBeanDefinition(name).isPrimary())
			.toList();
		return (primary.size() == 1) ? primary.get(0) : null;
	}

}
