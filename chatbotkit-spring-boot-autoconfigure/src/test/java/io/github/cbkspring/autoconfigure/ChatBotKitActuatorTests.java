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
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secrets (of the API and of webhooks) stay masked in the actuator's
 * {@code /configprops} and {@code /env}, even where the application shows every other
 * value.
 *
 * @author cbkspring contributors
 */
class ChatBotKitActuatorTests {

	private static final String SECRET = "sk-actuator-Zq81";

	private static final String WEBHOOK_SECRET = "whsec-actuator-Hn55";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
						RestClientAutoConfiguration.class, ChatBotKitAutoConfiguration.class,
						EndpointAutoConfiguration.class, ConfigurationPropertiesReportEndpointAutoConfiguration.class,
						EnvironmentEndpointAutoConfiguration.class))
		.withPropertyValues("chatbotkit.secret=" + SECRET, "chatbotkit.webhook.secret=" + WEBHOOK_SECRET,
				"management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always",
				"management.endpoints.web.exposure.include=*", "other.visible=shown");

	/**
	 * The endpoints' answers as the actuator writes them.
	 */
	private static String asJson(Object descriptor) {
		return JsonMapper.builder().build().writeValueAsString(descriptor);
	}

	@Test
	void configpropsMasksTheSecretButShowsOtherValues() {
		this.runner.run((context) -> {
			String report = asJson(context.getBean(ConfigurationPropertiesReportEndpoint.class)
				.configurationPropertiesWithPrefix("chatbotkit"));
			assertThat(report).doesNotContain(SECRET)
				.doesNotContain(WEBHOOK_SECRET)
				.contains("******")
				.contains("https://api.chatbotkit.com")
				.contains("/chatbotkit/webhook");
		});
	}

	@Test
	void envMasksTheSecretPropertyAndEnvironmentVariable() {
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("systemEnvironmentLike",
						java.util.Map.of("CHATBOTKIT_SECRET", SECRET, "CHATBOTKIT_WEBHOOK_SECRET", WEBHOOK_SECRET))))
			.run((context) -> {
				String env = asJson(context.getBean(EnvironmentEndpoint.class).environment(null));
				assertThat(env).doesNotContain(SECRET).doesNotContain(WEBHOOK_SECRET).contains("shown");
			});
	}

}
