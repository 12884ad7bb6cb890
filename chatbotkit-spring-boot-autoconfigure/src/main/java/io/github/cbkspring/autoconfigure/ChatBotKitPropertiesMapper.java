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
import java.util.Map;
import java.util.function.Supplier;

import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.ChatBotKitHttpEngine;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.RetryOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.autoconfigure.HttpClientSettingsProperties;
import org.springframework.boot.http.client.autoconfigure.HttpClientSettingsPropertyMapper;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Translates {@link ChatBotKitProperties} into the client's {@link ChatBotKitOptions} and
 * HTTP settings, reporting a bad value as an {@link InvalidChatBotKitPropertyException}
 * that names the property. Values are checked here rather than with Bean Validation,
 * which is not necessarily on the class path. The client's own messages name its options
 * ({@code allowInsecureHttp(true)}); here they are replaced by the property names.
 * Examples in messages are the defaults of the code, never restated.
 *
 * @author cbkspring contributors
 */
final class ChatBotKitPropertiesMapper {

	static final String SECRET = "chatbotkit.secret";

	static final String URL = "chatbotkit.url";

	static final String API_PATH = "chatbotkit.api-path";

	static final String ALLOW_INSECURE_HTTP = "chatbotkit.allow-insecure-http";

	static final String CONNECT_TIMEOUT = "chatbotkit.connect-timeout";

	static final String READ_TIMEOUT = "chatbotkit.read-timeout";

	static final String MAX_RESPONSE_SIZE = "chatbotkit.max-response-size";

	static final String MAX_CONNECTIONS = "chatbotkit.max-connections";

	static final String HEADERS = "chatbotkit.headers";

	static final String APPLICATION_ID = "chatbotkit.application-id";

	static final String RETRY_MAX_ATTEMPTS = "chatbotkit.retry.max-attempts";

	static final String RETRY_INITIAL_BACKOFF = "chatbotkit.retry.initial-backoff";

	static final String RETRY_MAX_BACKOFF = "chatbotkit.retry.max-backoff";

	static final String RETRY_DEADLINE = "chatbotkit.retry.deadline";

	static final String SSL_BUNDLE = "chatbotkit.ssl.bundle";

	static final String WEBHOOK_SECRET = "chatbotkit.webhook.secret";

	static final String WEBHOOK_PATH = "chatbotkit.webhook.path";

	static final String WEBHOOK_MAX_BODY_SIZE = "chatbotkit.webhook.max-body-size";

	private static final String WEBHOOK_SECRET_EXAMPLE = WEBHOOK_SECRET + "=${CHATBOTKIT_WEBHOOK_SECRET}";

	private static final String SECRET_EXAMPLE = SECRET + "=<your API secret>";

	private static final String PLACEHOLDER_PREFIX = "${";

	/** Option names in the client's messages, and the properties that set them. */
	private static final Map<String, String> OPTION_PROPERTIES = Map.of("allowInsecureHttp(true)",
			ALLOW_INSECURE_HTTP + "=true", "secret(...)", SECRET, "apiPath(...)", API_PATH, "url(...)", URL,
			"applicationId(...)", APPLICATION_ID);

	private final ChatBotKitProperties properties;

	ChatBotKitPropertiesMapper(ChatBotKitProperties properties) {
		this.properties = properties;
	}

	ChatBotKitOptions toOptions() {
		String secret = this.properties.getSecret();
		if (!StringUtils.hasText(secret)) {
			// never echo the value: a blank secret may still be a pasted credential
			throw new InvalidChatBotKitPropertyException(SECRET, "No ChatBotKit secret is configured.",
					"Set an API secret, created on the Tokens page of the ChatBotKit dashboard.", SECRET_EXAMPLE, null);
		}
		requireResolved(SECRET, secret, SECRET_EXAMPLE);
		this.properties.getHeaders()
			.forEach((name, value) -> requireResolved(HEADERS, value, HEADERS + "." + name + "=a-value"));
		requireResolved(API_PATH, this.properties.getApiPath(), API_PATH + "=/v1");
		ChatBotKitOptions.Builder builder = ChatBotKitOptions.builder()
			.retry(toRetryOptions())
			.maxResponseSize(maxResponseSize())
			.allowInsecureHttp(this.properties.isAllowInsecureHttp());
		check(SECRET, SECRET_EXAMPLE, () -> builder.secret(secret));
		check(HEADERS, HEADERS + ".X-Team=support", () -> builder.headers(this.properties.getHeaders()));
		check(URL, URL + "=" + ChatBotKitOptions.DEFAULT_URL, () -> builder.url(this.properties.getUrl()));
		String applicationId = this.properties.getApplicationId();
		if (applicationId != null) {
			check(APPLICATION_ID, APPLICATION_ID + "=support-desk/2.3", () -> builder.applicationId(applicationId));
		}
		String apiPath = this.properties.getApiPath();
		if (apiPath != null) {
			check(API_PATH, API_PATH + "=/v1", () -> builder.apiPath(apiPath));
		}
		// what is left to check is whether the URL may use plain http
		return check(URL, URL + "=" + ChatBotKitOptions.DEFAULT_URL, builder::build);
	}

	private RetryOptions toRetryOptions() {
		ChatBotKitProperties.Retry retry = this.properties.getRetry();
		require(retry.getMaxAttempts() >= 1, RETRY_MAX_ATTEMPTS, retry.getMaxAttempts(), "must be at least 1",
				String.valueOf(RetryOptions.DEFAULT_MAX_ATTEMPTS));
		require(!retry.getInitialBackoff().isNegative(), RETRY_INITIAL_BACKOFF, retry.getInitialBackoff(),
				"must not be negative", print(RetryOptions.DEFAULT_INITIAL_BACKOFF));
		require(retry.getMaxBackoff().compareTo(retry.getInitialBackoff()) >= 0, RETRY_MAX_BACKOFF,
				retry.getMaxBackoff(), "must not be less than " + RETRY_INITIAL_BACKOFF,
				print(RetryOptions.DEFAULT_MAX_BACKOFF));
		require(isPositive(retry.getDeadline()), RETRY_DEADLINE, retry.getDeadline(), "must be positive",
				print(RetryOptions.DEFAULT_DEADLINE));
		return new RetryOptions(retry.isEnabled(), retry.getMaxAttempts(), retry.getInitialBackoff(),
				retry.getMaxBackoff(), retry.getDeadline(), retry.isRetryNonIdempotent());
	}

	private int maxResponseSize() {
		long bytes = this.properties.getMaxResponseSize().toBytes();
		require(bytes > 0 && bytes <= Integer.MAX_VALUE, MAX_RESPONSE_SIZE, this.properties.getMaxResponseSize(),
				"must be positive and less than 2GB",
				DataSize.ofBytes(ChatBotKitOptions.DEFAULT_MAX_RESPONSE_SIZE).toMegabytes() + "MB");
		return (int) bytes;
	}

	/**
	 * The secret of the webhook receiver.
	 * @return the checked value of {@code chatbotkit.webhook.secret}
	 */
	String webhookSecret() {
		String secret = this.properties.getWebhook().getSecret();
		if (!StringUtils.hasText(secret)) {
			// never echo the value: a blank secret may still be a pasted credential
			throw new InvalidChatBotKitPropertyException(WEBHOOK_SECRET,
					"chatbotkit.webhook.enabled is true, but no webhook secret is configured.",
					"Set '" + WEBHOOK_SECRET + "' to the secret of the ChatBotKit integration that calls this"
							+ " application, or set chatbotkit.webhook.enabled=false.",
					WEBHOOK_SECRET_EXAMPLE, null);
		}
		requireResolved(WEBHOOK_SECRET, secret, WEBHOOK_SECRET_EXAMPLE);
		return secret;
	}

	/**
	 * The path of the webhook receiver.
	 * @return the checked value of {@code chatbotkit.webhook.path}
	 */
	String webhookPath() {
		String path = this.properties.getWebhook().getPath();
		require(path.startsWith("/"), WEBHOOK_PATH, path, "must start with '/'",
				new ChatBotKitProperties.Webhook().getPath());
		return path;
	}

	/**
	 * The largest body that the webhook receiver accepts.
	 * @return the checked value of {@code chatbotkit.webhook.max-body-size} in bytes
	 */
	int webhookMaxBodySize() {
		DataSize size = this.properties.getWebhook().getMaxBodySize();
		require(size.toBytes() > 0 && size.toBytes() < Integer.MAX_VALUE, WEBHOOK_MAX_BODY_SIZE, size,
				"must be positive and less than 2GB",
				new ChatBotKitProperties.Webhook().getMaxBodySize().toMegabytes() + "MB");
		return (int) size.toBytes();
	}

	/**
	 * The number of pooled connections.
	 * @return the checked value of {@code chatbotkit.max-connections}
	 */
	int maxConnections() {
		int maxConnections = this.properties.getMaxConnections();
		require(maxConnections >= 1, MAX_CONNECTIONS, maxConnections, "must be at least 1",
				String.valueOf(ChatBotKitHttpEngine.DEFAULT_MAX_CONNECTIONS));
		return maxConnections;
	}

	/**
	 * The HTTP client settings of the ChatBotKit client, mapped by Spring Boot's own
	 * {@link HttpClientSettingsPropertyMapper}: {@code chatbotkit.connect-timeout},
	 * {@code read-timeout} and {@code ssl.bundle}, each falling back to the application's
	 * {@code spring.http.clients.*} setting and then to the client's default; redirects
	 * are never followed, whatever the application does: a redirect must not carry the
	 * secret elsewhere.
	 */
	HttpClientSettings toHttpClientSettings(HttpClientSettings applicationSettings, @Nullable SslBundles sslBundles) {
		HttpClientSettingsProperties chatBotKit = new HttpClientSettingsProperties() {
		};
		chatBotKit.setConnectTimeout(timeout(CONNECT_TIMEOUT, this.properties.getConnectTimeout(),
				ChatBotKitClient.DEFAULT_CONNECT_TIMEOUT));
		chatBotKit.setReadTimeout(
				timeout(READ_TIMEOUT, this.properties.getReadTimeout(), ChatBotKitClient.DEFAULT_READ_TIMEOUT));
		chatBotKit.setRedirects(HttpRedirects.DONT_FOLLOW);
		String bundle = this.properties.getSsl().getBundle();
		chatBotKit.getSsl().setBundle(bundle);
		HttpClientSettings settings;
		try {
			settings = new HttpClientSettingsPropertyMapper(sslBundles, applicationSettings).map(chatBotKit);
		}
		catch (NoSuchSslBundleException ex) {
			throw invalid(SSL_BUNDLE, "Invalid value for '" + SSL_BUNDLE + "': no SSL bundle named '" + bundle
					+ "' is configured under spring.ssl.bundle.*", SSL_BUNDLE + "=my-bundle", ex);
		}
		catch (IllegalStateException ex) {
			throw invalid(SSL_BUNDLE, "Invalid value for '" + SSL_BUNDLE + "': SSL bundle '" + bundle
					+ "' is named, but no SSL bundles are available", SSL_BUNDLE + "=my-bundle", ex);
		}
		Duration connectTimeout = settings.connectTimeout();
		Duration readTimeout = settings.readTimeout();
		return settings.withTimeouts(
				(connectTimeout != null) ? connectTimeout : ChatBotKitClient.DEFAULT_CONNECT_TIMEOUT,
				(readTimeout != null) ? readTimeout : ChatBotKitClient.DEFAULT_READ_TIMEOUT);
	}

	/**
	 * A value that still holds a {@code ${...}} placeholder after binding names something
	 * that is not set: Boot binds unresolvable placeholders as they are written, and the
	 * client would send them as they are, a secret as {@code Bearer
	 * ${CHATBOTKIT_SECRET}}. Only the placeholder's name is reported, never the value
	 * around it.
	 */
	private static void requireResolved(String property, @Nullable String value, String example) {
		int start = (value != null) ? value.indexOf(PLACEHOLDER_PREFIX) : -1;
		if (value == null || start < 0) {
			return;
		}
		int end = value.indexOf('}', start);
		String name = value.substring(start + PLACEHOLDER_PREFIX.length(), (end < 0) ? value.length() : end);
		int defaultSeparator = name.indexOf(':');
		name = (defaultSeparator < 0) ? name : name.substring(0, defaultSeparator);
		throw new InvalidChatBotKitPropertyException(property,
				"The value of '" + property + "' holds the placeholder ${" + name + "}, and nothing named '" + name
						+ "' is set.",
				"Set the environment variable or property '" + name + "', or set '" + property + "' directly.", example,
				null);
	}

	private static @Nullable Duration timeout(String property, @Nullable Duration timeout, Duration example) {
		require(timeout == null || isPositive(timeout), property, timeout, "must be positive", print(example));
		return timeout;
	}

	private static String print(Duration duration) {
		return DurationStyle.SIMPLE.print(duration);
	}

	private static boolean isPositive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

	private static void require(boolean valid, String property, @Nullable Object value, String requirement,
			String example) {
		if (!valid) {
			throw invalid(property, "Invalid value '" + value + "' for '" + property + "': " + requirement + ".",
					property + "=" + example, null);
		}
	}

	private static <T> T check(String property, String exampleLine, Supplier<T> value) {
		try {
			return value.get();
		}
		catch (IllegalArgumentException ex) {
			throw invalid(property, "Invalid value for '" + property + "': " + withPropertyNames(ex.getMessage()),
					exampleLine, ex);
		}
	}

	/**
	 * A client message in the words of a Spring Boot user: the options it names (the
	 * builder's {@code secret(...)}, {@code allowInsecureHttp(true)}, ...) replaced by
	 * the properties that set them.
	 */
	static String withPropertyNames(@Nullable String message) {
		String result = String.valueOf(message);
		for (Map.Entry<String, String> option : OPTION_PROPERTIES.entrySet()) {
			result = result.replace(option.getKey(), option.getValue());
		}
		return result;
	}

	private static InvalidChatBotKitPropertyException invalid(String property, String problem, String exampleLine,
			@Nullable Throwable cause) {
		return new InvalidChatBotKitPropertyException(property, problem, "Correct the value of '" + property + "'.",
				exampleLine, cause);
	}

}
