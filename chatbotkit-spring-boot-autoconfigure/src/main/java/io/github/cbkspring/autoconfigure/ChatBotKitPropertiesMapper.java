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

import java.time.Duration;

import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.ChatBotKitOptions;
import io.github.cbkspring.client.RetryOptions;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.util.StringUtils;

/**
 * Translates {@link ChatBotKitProperties} into the client's {@link ChatBotKitOptions} and
 * HTTP settings, reporting a bad value as an {@link InvalidChatBotKitPropertyException}
 * that names the property.
 *
 * @author cbkspring contributors
 */
final class ChatBotKitPropertiesMapper {

	static final String SECRET_PROPERTY = "chatbotkit.secret";

	static final String URL_PROPERTY = "chatbotkit.url";

	private final ChatBotKitProperties properties;

	ChatBotKitPropertiesMapper(ChatBotKitProperties properties) {
		this.properties = properties;
	}

	ChatBotKitOptions toOptions() {
		String secret = this.properties.getSecret();
		if (!StringUtils.hasText(secret)) {
			throw new InvalidChatBotKitPropertyException(SECRET_PROPERTY, "No ChatBotKit secret is configured.",
					"Set the property 'chatbotkit.secret' (or the environment variable CHATBOTKIT_SECRET) to an"
							+ " API secret from the ChatBotKit dashboard.",
					null);
		}
		ChatBotKitProperties.Retry retry = this.properties.getRetry();
		RetryOptions retryOptions = property("chatbotkit.retry", () -> new RetryOptions(retry.isEnabled(),
				retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff(), retry.getDeadline(),
				retry.isRetryNonIdempotent()));
		ChatBotKitOptions.Builder builder = ChatBotKitOptions.builder()
			.secret(secret.trim())
			.retry(retryOptions)
			.maxResponseSize(Math.toIntExact(this.properties.getMaxResponseSize().toBytes()));
		property("chatbotkit.headers", () -> builder.headers(this.properties.getHeaders()));
		property("chatbotkit.api-path", () -> builder.apiPath(this.properties.getApiPath()));
		return property(URL_PROPERTY, () -> builder.url(this.properties.getUrl())
			.allowInsecureHttp(this.properties.isAllowInsecureHttp())
			.build());
	}

	/**
	 * The application's HTTP client settings with the ChatBotKit timeouts laid over them,
	 * and redirects never followed: a redirect must not carry the secret elsewhere.
	 */
	HttpClientSettings toHttpClientSettings(HttpClientSettings applicationSettings) {
		Duration connectTimeout = firstNonNull(this.properties.getConnectTimeout(),
				applicationSettings.connectTimeout(), ChatBotKitClient.DEFAULT_CONNECT_TIMEOUT);
		Duration readTimeout = firstNonNull(this.properties.getReadTimeout(), applicationSettings.readTimeout(),
				ChatBotKitClient.DEFAULT_READ_TIMEOUT);
		return applicationSettings.withTimeouts(connectTimeout, readTimeout).withRedirects(HttpRedirects.DONT_FOLLOW);
	}

	private static Duration firstNonNull(@org.jspecify.annotations.Nullable Duration first,
			@org.jspecify.annotations.Nullable Duration second, Duration fallback) {
		return (first != null) ? first : (second != null) ? second : fallback;
	}

	private static <T> T property(String name, java.util.function.Supplier<T> value) {
		try {
			return value.get();
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw new InvalidChatBotKitPropertyException(name, "Invalid value for '" + name + "': " + ex.getMessage(),
					"Correct the value of '" + name + "'.", ex);
		}
	}

}
