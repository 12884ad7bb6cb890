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
package io.github.cbkspring.sample.chat.demo;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Switches the sample to demo mode when no ChatBotKit secret is configured: then
 * {@link DemoModeConfiguration} runs the {@link DemoApi} and points the starter at it.
 * Nothing changes when a secret is set. Only the switch is made here, before the beans
 * are: the demo API is a bean, started and closed with the context.
 *
 * @author cbkspring contributors
 */
class DemoModeEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE_NAME = "chatbotkitDemoMode";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty("chatbotkit.secret"))) {
			return;
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(DemoModeConfiguration.ENABLED_PROPERTY, "true",
					// the demo dataset's search scores a record by the share of the
					// question's words it holds: one that holds none is no match
					"spring.ai.vectorstore.chatbotkit.similarity-threshold", "0.01")));
	}

}
