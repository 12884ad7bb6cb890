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

package io.github.cbkspring.benchmarks;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.cbkspring.autoconfigure.ChatBotKitRestClientCustomizer;
import io.github.cbkspring.client.bot.SessionClient;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ReflectionUtils;

/**
 * The auto-configured {@link SessionClient} bean of a real Spring Boot context, as users
 * get it; optionally on the request factory that
 * {@code spring.http.clients.imperative.factory} names.
 *
 * @author cbkspring contributors
 */
final class SessionClientDriver implements Driver {

	static final String PREFIX = "sessionclient-";

	private final ConfigurableApplicationContext context;

	private final SessionClient sessionClient;

	private final String engine;

	SessionClientDriver(int port, @Nullable String factory) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("chatbotkit.secret", SessionJson.SECRET);
		properties.put("chatbotkit.url", "http://127.0.0.1:" + port);
		properties.put("chatbotkit.api-path", "/v1");
		properties.put("logging.level.root", "warn");
		if (factory != null) {
			properties.put("spring.http.clients.imperative.factory", factory);
		}
		String[] engine = { "?" };
		SpringApplication application = BenchmarkApplication.application();
		application.setDefaultProperties(properties);
		application.addInitializers((context) -> context.getBeanFactory()
			.registerSingleton("engineReporter",
					(ChatBotKitRestClientCustomizer) (builder) -> engine[0] = engine(builder)));
		this.context = application.run();
		this.sessionClient = this.context.getBean(SessionClient.class);
		this.engine = engine[0];
	}

	/**
	 * The request factory the builder holds; {@code RestClient.Builder} has no getter for
	 * it, and an interceptor would change the very path being measured.
	 */
	private static String engine(Object builder) {
		Field field = ReflectionUtils.findField(builder.getClass(), "requestFactory");
		if (field == null) {
			return "?";
		}
		ReflectionUtils.makeAccessible(field);
		Object requestFactory = ReflectionUtils.getField(field, builder);
		return (requestFactory != null) ? requestFactory.getClass().getSimpleName() : "default";
	}

	@Override
	public void call() {
		SessionJson.check(200, this.sessionClient.create("bot-1"));
	}

	@Override
	public String engine() {
		return this.engine;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
