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

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.cbkspring.client.ChatBotKitClient;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link ChatBotKitFailureAnalyzer}.
 *
 * @author cbkspring contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class ChatBotKitFailureAnalyzerTests {

	private static final String SECRET = "sk-do-not-print-4711";

	@Test
	void missingSecretNamesPropertyEnvironmentVariableAndExample() {
		FailureAnalysis analysis = analyze(
				new InvalidChatBotKitPropertyException("chatbotkit.secret", "No ChatBotKit secret is configured.",
						"Set an API secret.", "chatbotkit.secret=<your API secret>", null));
		assertThat(analysis.getDescription()).contains("Property: chatbotkit.secret", "No ChatBotKit secret");
		assertThat(analysis.getAction()).contains("Set an API secret.", "    chatbotkit.secret=<your API secret>",
				"environment variable CHATBOTKIT_SECRET");
	}

	@Test
	void environmentVariableFollowsRelaxedBinding() {
		FailureAnalysis analysis = analyze(new InvalidChatBotKitPropertyException("chatbotkit.retry.max-attempts",
				"Too few.", "Correct it.", "chatbotkit.retry.max-attempts=3", null));
		assertThat(analysis.getAction()).contains("environment variable CHATBOTKIT_RETRY_MAXATTEMPTS");
	}

	@Test
	void mapEntryExampleHasNoEnvironmentVariable() {
		FailureAnalysis analysis = analyze(new InvalidChatBotKitPropertyException("chatbotkit.headers",
				"Reserved header.", "Correct it.", "chatbotkit.headers.X-Team=support", null));
		assertThat(analysis.getAction()).contains("chatbotkit.headers.X-Team=support")
			.doesNotContain("environment variable");
	}

	@Test
	void showsWhereThePropertyWasSetButNotItsValue() {
		MockEnvironment environment = new MockEnvironment();
		Origin origin = new TextResourceOrigin(new ClassPathResource("application.properties"),
				new TextResourceOrigin.Location(2, 15));
		environment.getPropertySources()
			.addFirst(new OriginTrackedMapPropertySource("application.properties",
					Map.of("chatbotkit.url", OriginTrackedValue.of("ftp://example.com", origin))));
		FailureAnalysis analysis = new ChatBotKitFailureAnalyzer(environment)
			.analyze(new IllegalStateException("wrapped", new InvalidChatBotKitPropertyException("chatbotkit.url",
					"Not http.", "Correct it.", "chatbotkit.url=https://api.chatbotkit.com", null)));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("Origin:   class path resource [application.properties] - 3:16")
			.doesNotContain("ftp://example.com");
	}

	@Test
	void applicationWithoutSecretFailsToStartWithReport(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run());
		assertThat(output).contains("APPLICATION FAILED TO START", "Property: chatbotkit.secret",
				"    chatbotkit.secret=<your API secret>", "environment variable CHATBOTKIT_SECRET");
		// a line to copy must not be one that fails in the same way when the variable is
		// unset
		assertThat(output).doesNotContain("${CHATBOTKIT_SECRET}");
	}

	@Test
	void applicationWithUnsetSecretVariableFailsToStartNamingTheVariable(CapturedOutput output) {
		// the README's old line, with the variable unset: it must not be sent as the
		// secret
		assertThatException().isThrownBy(() -> run("--chatbotkit.secret=${CHATBOTKIT_SECRET}"));
		assertThat(output).contains("APPLICATION FAILED TO START", "Property: chatbotkit.secret",
				"Origin:   \"chatbotkit.secret\" from property source \"commandLineArgs\"",
				"holds the placeholder ${CHATBOTKIT_SECRET}, and nothing named 'CHATBOTKIT_SECRET' is set",
				"Set the environment variable or property 'CHATBOTKIT_SECRET'");
	}

	@Test
	void secretEnvironmentVariableBindsWithoutAnyProperty() {
		StandardEnvironment environment = environmentWithoutSystemVariables();
		environment.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("CHATBOTKIT_SECRET", "sk-from-env")));
		try (ConfigurableApplicationContext context = application(environment).run()) {
			assertThat(context.getBeansOfType(ChatBotKitClient.class)).hasSize(1);
			assertThat(context.getBean(ChatBotKitProperties.class).getSecret()).isEqualTo("sk-from-env");
		}
	}

	@Test
	void applicationWithInvalidUrlReportsUrlWithoutSecret(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> run("--chatbotkit.secret=" + SECRET, "--chatbotkit.url=ftp://example.com"));
		assertThat(output).contains("APPLICATION FAILED TO START", "Property: chatbotkit.url",
				"Origin:   \"chatbotkit.url\" from property source \"commandLineArgs\"",
				"    chatbotkit.url=https://api.chatbotkit.com", "environment variable CHATBOTKIT_URL");
		assertThat(output).doesNotContain(SECRET);
	}

	private static FailureAnalysis analyze(InvalidChatBotKitPropertyException failure) {
		FailureAnalysis analysis = new ChatBotKitFailureAnalyzer(null)
			.analyze(new IllegalStateException("wrapped", failure));
		assertThat(analysis).isNotNull();
		return analysis;
	}

	private static void run(String... args) {
		// the machine's own CHATBOTKIT_SECRET, if any, must not make the start succeed
		application(environmentWithoutSystemVariables()).run(args).close();
	}

	private static SpringApplication application(StandardEnvironment environment) {
		SpringApplication application = new SpringApplication(FailingApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setEnvironment(environment);
		return application;
	}

	private static StandardEnvironment environmentWithoutSystemVariables() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		return environment;
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration(ChatBotKitAutoConfiguration.class)
	static class FailingApplication {

	}

}
