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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that every invalid {@code chatbotkit.*} value fails start-up naming its property.
 *
 * @author cbkspring contributors
 */
class ChatBotKitPropertiesValidationTests {

	private static final String SECRET = "sk-never-in-messages";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, ChatBotKitAutoConfiguration.class))
		.withPropertyValues("chatbotkit.secret=" + SECRET);

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			chatbotkit.url                  | ftp://api.chatbotkit.com
			chatbotkit.url                  | https://user:pw@api.chatbotkit.com
			chatbotkit.url                  | http://api.chatbotkit.com
			chatbotkit.url                  | https://api chatbotkit com
			chatbotkit.api-path             | /v1?debug=true
			chatbotkit.connect-timeout      | -1s
			chatbotkit.connect-timeout      | 0s
			chatbotkit.read-timeout         | -5s
			chatbotkit.max-response-size    | 0B
			chatbotkit.max-response-size    | 3GB
			chatbotkit.max-connections      | 0
			chatbotkit.headers.Authorization| Bearer other
			chatbotkit.retry.max-attempts   | 0
			chatbotkit.retry.initial-backoff| -1ms
			chatbotkit.retry.max-backoff    | 100ms
			chatbotkit.retry.deadline       | 0s
			chatbotkit.ssl.bundle           | missing
			chatbotkit.application-id       | my app (linux)
			chatbotkit.application-id       | my-app//1
			""")
	void invalidValueFailsStartupNamingTheProperty(String property, String value) {
		String expectedProperty = property.startsWith("chatbotkit.headers.") ? "chatbotkit.headers" : property;
		this.runner.withPropertyValues(property + "=" + value).run((context) -> {
			InvalidChatBotKitPropertyException failure = propertyFailure(context.getStartupFailure());
			assertThat(failure.getProperty()).isEqualTo(expectedProperty);
			assertThat(failure).hasMessageContaining(expectedProperty).hasMessageNotContaining(SECRET);
		});
	}

	/**
	 * A Spring Boot user is told the property to set, never the builder method behind it.
	 */
	@Test
	void messagesNamePropertiesNotBuilderMethods() {
		this.runner.withPropertyValues("chatbotkit.url=http://api.chatbotkit.com")
			.run((context) -> assertThat(propertyFailure(context.getStartupFailure()).getMessage())
				.contains("(chatbotkit.allow-insecure-http=true)")
				.doesNotContain("allowInsecureHttp"));
		this.runner.withPropertyValues("chatbotkit.application-id=my app (linux)")
			.run((context) -> assertThat(propertyFailure(context.getStartupFailure()).getMessage())
				.contains("chatbotkit.application-id must be products")
				.doesNotContain("applicationId(...)"));
	}

	@Test
	void urlCredentialsAreNotEchoed() {
		this.runner.withPropertyValues("chatbotkit.url=https://user:hunter2@api.chatbotkit.com")
			.run((context) -> assertThat(propertyFailure(context.getStartupFailure()))
				.hasMessageContaining("chatbotkit.url")
				.hasMessageNotContaining("hunter2"));
	}

	@Test
	void sslBundleWithoutAnyBundlesFailsNamingTheProperty() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ChatBotKitAutoConfiguration.class))
			.withPropertyValues("chatbotkit.secret=" + SECRET, "chatbotkit.ssl.bundle=missing")
			.run((context) -> assertThat(propertyFailure(context.getStartupFailure()).getProperty())
				.isEqualTo("chatbotkit.ssl.bundle"));
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			chatbotkit.secret              | ${CBK_TEST_UNSET_SECRET}                | CBK_TEST_UNSET_SECRET
			chatbotkit.secret              | sk-live-${CBK_TEST_UNSET_SUFFIX}-tail   | CBK_TEST_UNSET_SUFFIX
			chatbotkit.headers.X-Team      | ${CBK_TEST_UNSET_TEAM}                  | CBK_TEST_UNSET_TEAM
			chatbotkit.api-path            | ${CBK_TEST_UNSET_PATH}                  | CBK_TEST_UNSET_PATH
			""")
	void unresolvedPlaceholderFailsStartupNamingWhatIsNotSet(String property, String value, String missing) {
		String expectedProperty = property.startsWith("chatbotkit.headers.") ? "chatbotkit.headers" : property;
		this.runner.withPropertyValues(property + "=" + value).run((context) -> {
			InvalidChatBotKitPropertyException failure = propertyFailure(context.getStartupFailure());
			assertThat(failure.getProperty()).isEqualTo(expectedProperty);
			assertThat(failure.getProblem()).contains("${" + missing + "}", "nothing named '" + missing + "' is set");
			// what surrounds the placeholder may be part of a credential
			assertThat(failure).hasMessageNotContaining("sk-live").hasMessageNotContaining("tail");
		});
	}

	@Test
	void resolvedPlaceholderStarts() {
		this.runner.withPropertyValues("chatbotkit.secret=${cbk.test.secret}", "cbk.test.secret=sk-resolved")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void validValuesStart() {
		this.runner.withPropertyValues("chatbotkit.connect-timeout=1s", "chatbotkit.read-timeout=2s",
				"chatbotkit.max-connections=1", "chatbotkit.max-response-size=1KB", "chatbotkit.retry.max-attempts=1",
				"chatbotkit.retry.initial-backoff=0ms", "chatbotkit.retry.max-backoff=0ms", "chatbotkit.api-path=/v1",
				"chatbotkit.application-id=support-desk/2.3")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private static InvalidChatBotKitPropertyException propertyFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidChatBotKitPropertyException propertyFailure) {
				return propertyFailure;
			}
		}
		throw new AssertionError("No InvalidChatBotKitPropertyException in " + failure);
	}

}
