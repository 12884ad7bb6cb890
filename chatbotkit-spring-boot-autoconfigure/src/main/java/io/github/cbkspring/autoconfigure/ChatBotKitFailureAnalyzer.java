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

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Reports a missing or invalid {@code chatbotkit.*} property at start-up with the
 * property's name, where it was set, its environment variable and an example, as Boot
 * does for a missing DataSource URL. Property values are never printed: one of them is
 * the secret.
 *
 * @author cbkspring contributors
 */
class ChatBotKitFailureAnalyzer extends AbstractFailureAnalyzer<InvalidChatBotKitPropertyException> {

	private final @Nullable ConfigurableEnvironment environment;

	ChatBotKitFailureAnalyzer(@Nullable Environment environment) {
		this.environment = (environment instanceof ConfigurableEnvironment configurable) ? configurable : null;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidChatBotKitPropertyException cause) {
		StringBuilder description = new StringBuilder("The ChatBotKit client could not be configured.\n\n");
		description.append("    Property: ").append(cause.getProperty()).append('\n');
		Origin origin = findOrigin(cause.getProperty());
		if (origin != null) {
			description.append("    Origin:   ").append(origin).append('\n');
		}
		description.append("    Reason:   ").append(cause.getProblem());
		StringBuilder action = new StringBuilder(cause.getAction());
		action.append(" For example, in application.properties:\n\n    ").append(cause.getExample()).append('\n');
		// a map entry (chatbotkit.headers.X-Team) has no usable environment variable:
		// its key would lose case and dashes
		if (cause.getExample().startsWith(cause.getProperty() + "=")) {
			action.append("\nor with the environment variable ")
				.append(environmentVariable(cause.getProperty()))
				.append('.');
		}
		return new FailureAnalysis(description.toString(), action.toString(), cause);
	}

	private @Nullable Origin findOrigin(String property) {
		if (this.environment == null) {
			return null;
		}
		ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			ConfigurationProperty candidate = source.getConfigurationProperty(name);
			if (candidate != null) {
				return candidate.getOrigin();
			}
		}
		return null;
	}

	/**
	 * The environment variable that binds to a property, by Boot's relaxed binding rules.
	 */
	private static String environmentVariable(String property) {
		return property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
	}

}
