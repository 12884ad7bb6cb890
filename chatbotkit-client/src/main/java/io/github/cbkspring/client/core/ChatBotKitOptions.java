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

package io.github.cbkspring.client.core;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.internal.util.Hosts;
import io.github.cbkspring.client.internal.util.Redaction;
import io.github.cbkspring.client.internal.util.UserAgent;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Immutable settings of a {@link ChatBotKitClient}: who it authenticates as, where it
 * sends requests, which optional headers it adds, and how it retries. Copies with other
 * values are made with {@link #mutate()}; clients made from the copies share the HTTP
 * connection pool of the original.
 * <p>
 * The secret (an API secret or a conversation session token) never appears in
 * {@link #toString()}.
 *
 * @author cbkspring contributors
 */
public final class ChatBotKitOptions {

	/**
	 * The URL of ChatBotKit's hosted API.
	 */
	public static final URI DEFAULT_URL = URI.create("https://api.chatbotkit.com");

	/**
	 * Default limit on the size of a response body, in bytes.
	 */
	public static final int DEFAULT_MAX_RESPONSE_SIZE = 16 * 1024 * 1024;

	private static final String PRODUCTION_HOST = "api.chatbotkit.com";

	/**
	 * The API paths of ChatBotKit's hosted API and of any other host, longest first: a
	 * URL that ends with one of them is not given another.
	 */
	private static final List<String> API_PATHS = List.of("/api/v1", "/v1");

	private static final Set<String> RESERVED_HEADERS = Set.of("authorization", "host", "content-length",
			"content-type", "accept", "accept-encoding", "transfer-encoding", "connection");

	private final String secret;

	private final URI url;

	private final String apiPath;

	private final @Nullable String explicitApiPath;

	private final @Nullable String runAsUserId;

	private final @Nullable ZoneId timezone;

	private final Map<String, String> headers;

	private final RetryOptions retry;

	private final int maxResponseSize;

	private final boolean allowInsecureHttp;

	private final @Nullable String applicationId;

	private final String userAgent;

	private final String baseUri;

	private ChatBotKitOptions(Builder builder) {
		Assert.isTrue(StringUtils.hasText(builder.secret),
				"A ChatBotKit secret is required (secret(...): an API secret or a session token)");
		this.secret = builder.secret;
		this.allowInsecureHttp = builder.allowInsecureHttp;
		this.url = builder.urlChecked ? builder.url : checkTransport(builder.url, this.allowInsecureHttp);
		this.explicitApiPath = builder.apiPath;
		this.apiPath = (builder.apiPath != null) ? builder.apiPath : defaultApiPath(this.url);
		this.runAsUserId = builder.runAsUserId;
		this.timezone = builder.timezone;
		this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
		this.retry = builder.retry;
		Assert.isTrue(builder.maxResponseSize > 0, "maxResponseSize must be positive");
		this.maxResponseSize = builder.maxResponseSize;
		this.applicationId = builder.applicationId;
		this.userAgent = UserAgent.of(this.applicationId);
		this.baseUri = baseUri(this.url, this.apiPath);
	}

	/**
	 * Start building options; a secret is the only required value.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Start building a copy of these options with some values changed.
	 * @return a builder holding the current values
	 */
	public Builder mutate() {
		return new Builder(this);
	}

	/**
	 * The API secret or session token sent as the bearer credential.
	 * @return the secret
	 */
	public String secret() {
		return this.secret;
	}

	/**
	 * The base URL of the ChatBotKit API (scheme, host, optional port and path).
	 * @return the base URL
	 */
	public URI url() {
		return this.url;
	}

	/**
	 * The path between the base URL and the endpoint path. Unless set explicitly, the API
	 * path that the URL already ends with ({@code /api/v1} or {@code /v1}), or else
	 * {@code /v1} for {@code api.chatbotkit.com} and {@code /api/v1} for any other host.
	 * It is not added again to a URL that already ends with it.
	 * @return the API path, starting with {@code /} and without a trailing slash, or
	 * empty
	 */
	public String apiPath() {
		return this.apiPath;
	}

	/**
	 * The child user to act for ({@code X-RunAs-User-Id}), if any.
	 * @return the user id or {@code null}
	 */
	public @Nullable String runAsUserId() {
		return this.runAsUserId;
	}

	/**
	 * The time zone sent as {@code X-Timezone}, if any.
	 * @return the time zone or {@code null}
	 */
	public @Nullable ZoneId timezone() {
		return this.timezone;
	}

	/**
	 * Extra headers sent with every request.
	 * @return an unmodifiable map of header names to values
	 */
	public Map<String, String> headers() {
		return this.headers;
	}

	/**
	 * How failed calls are retried.
	 * @return the retry options
	 */
	public RetryOptions retry() {
		return this.retry;
	}

	/**
	 * The largest response body, in bytes, that a call reads; a larger one fails the
	 * call.
	 * @return the limit in bytes
	 */
	public int maxResponseSize() {
		return this.maxResponseSize;
	}

	/**
	 * The application's product that the {@code User-Agent} header names first, if any.
	 * @return the product tokens, for example {@code support-desk/2.3}, or {@code null}
	 * @since 0.1.0
	 */
	public @Nullable String applicationId() {
		return this.applicationId;
	}

	/**
	 * The {@code User-Agent} header of every request: the {@linkplain #applicationId()
	 * application's product}, if any, then this client's name and version and the Java
	 * version, for example
	 * {@code support-desk/2.3 cbkspring-chatbotkit/0.1.0 Java/17.0.15}. A
	 * {@code User-Agent} among the {@link #headers()} replaces it.
	 * @return the header value
	 * @since 0.1.0
	 */
	public String userAgent() {
		return this.userAgent;
	}

	/**
	 * Whether plain {@code http://} is allowed to a host other than loopback.
	 * @return {@code true} if insecure HTTP to remote hosts is allowed
	 */
	public boolean allowInsecureHttp() {
		return this.allowInsecureHttp;
	}

	/**
	 * The absolute URI that endpoint paths are appended to: the URL and the API path, or
	 * the URL alone when its path already ends with the API path (so that
	 * {@code https://gateway.example.com/api/v1/}, {@code https://gateway.example.com/v1}
	 * and {@code https://api.chatbotkit.com/v1} are taken as the full base, as
	 * {@code https://gateway.example.com} and {@code https://api.chatbotkit.com} are).
	 * @return the base URI, for example {@code https://api.chatbotkit.com/v1}
	 */
	public String baseUri() {
		return this.baseUri;
	}

	@Override
	public String toString() {
		return "ChatBotKitOptions[url=" + this.url + ", apiPath=" + this.apiPath + ", secret=******, runAsUserId="
				+ this.runAsUserId + ", timezone=" + this.timezone + ", headers=" + this.headers.keySet() + ", retry="
				+ this.retry + ", maxResponseSize=" + this.maxResponseSize + ", applicationId=" + this.applicationId
				+ "]";
	}

	/**
	 * Check the form of a URL: absolute http or https with a host, no user info, query or
	 * fragment. The message never shows user info, which may hold a password.
	 */
	private static URI checkUrl(URI url) {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : null;
		Assert.isTrue(url.getRawUserInfo() == null,
				() -> "The ChatBotKit URL must not contain user info (the credential is the secret), but was '"
						+ withoutUserInfo(url) + "'");
		Assert.isTrue(url.isAbsolute() && url.getHost() != null && ("https".equals(scheme) || "http".equals(scheme)),
				() -> "The ChatBotKit URL must be an absolute http or https URL with a host, but was '" + url + "'");
		Assert.isTrue(url.getRawQuery() == null && url.getRawFragment() == null,
				() -> "The ChatBotKit URL must not contain a query or a fragment, but was '" + url + "'");
		return url;
	}

	private static String withoutUserInfo(URI url) {
		String userInfo = url.getRawUserInfo();
		return (userInfo != null) ? url.toString().replace(userInfo + "@", Redaction.MASK + "@") : url.toString();
	}

	/**
	 * Refuse plain http to a host other than loopback unless it was allowed.
	 */
	private static URI checkTransport(URI url, boolean allowInsecureHttp) {
		Assert.isTrue("https".equalsIgnoreCase(url.getScheme()) || allowInsecureHttp || Hosts.isLoopback(url.getHost()),
				() -> "The ChatBotKit URL '" + url + "' uses plain http to a host that is not loopback; use https,"
						+ " or allow insecure http explicitly (allowInsecureHttp(true))");
		return url;
	}

	/**
	 * The API path that the URL already ends with, such as the {@code /v1} of a URL
	 * copied from ChatBotKit's documentation onto another host, or else the one of its
	 * host.
	 */
	private static String defaultApiPath(URI url) {
		String path = path(url);
		for (String apiPath : API_PATHS) {
			if (path.endsWith(apiPath)) {
				return apiPath;
			}
		}
		return PRODUCTION_HOST.equalsIgnoreCase(url.getHost()) ? "/v1" : "/api/v1";
	}

	private static String path(URI url) {
		return StringUtils.trimTrailingCharacter((url.getRawPath() != null) ? url.getRawPath() : "", '/');
	}

	private static String normalizeApiPath(String apiPath) {
		String trimmed = StringUtils.trimTrailingCharacter(apiPath.trim(), '/');
		if (trimmed.isEmpty()) {
			return "";
		}
		Assert.isTrue(!trimmed.contains("?") && !trimmed.contains("#") && !trimmed.contains(".."),
				() -> "The ChatBotKit API path must be a plain path, but was '" + apiPath + "'");
		return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
	}

	/**
	 * The URL and the API path, unless the URL's path already ends with the API path: it
	 * is never doubled.
	 */
	private static String baseUri(URI url, String apiPath) {
		String base = StringUtils.trimTrailingCharacter(url.toString(), '/');
		return (!apiPath.isEmpty() && path(url).endsWith(apiPath)) ? base : base + apiPath;
	}

	/**
	 * Trim the secret and refuse characters that cannot be in a header value, naming the
	 * setting and the character but never showing the value.
	 */
	private static String checkSecret(String secret) {
		Assert.notNull(secret, "secret(...) must not be null");
		String trimmed = secret.strip();
		for (int i = 0; i < trimmed.length(); i++) {
			char c = trimmed.charAt(i);
			if (c <= 0x20 || c >= 0x7F) {
				throw new IllegalArgumentException("The ChatBotKit secret given to secret(...) contains " + describe(c)
						+ " at position " + (i + 1)
						+ "; a secret is printable ASCII without spaces: check the file or variable it was read from");
			}
		}
		return trimmed;
	}

	/**
	 * Refuse a header value that would break the request: line breaks and other control
	 * characters. The value is not shown.
	 */
	private static String checkHeaderValue(String setting, String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if ((c < 0x20 && c != '\t') || c == 0x7F) {
				throw new IllegalArgumentException(
						"The value given to " + setting + " contains " + describe(c) + " at position " + (i + 1));
			}
		}
		return value;
	}

	private static String describe(char c) {
		String code = String.format(Locale.ROOT, "U+%04X", (int) c);
		if (c == '\r' || c == '\n') {
			return "a line break (" + code + ")";
		}
		if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
			return "a space (" + code + ")";
		}
		return (Character.isISOControl(c) ? "a control character (" : "a non-ASCII character (") + code + ")";
	}

	private static boolean isToken(String name) {
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c <= 0x20 || c >= 0x7F || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Builder for {@link ChatBotKitOptions}.
	 */
	public static final class Builder {

		private String secret = "";

		private URI url = DEFAULT_URL;

		private @Nullable String apiPath;

		private @Nullable String runAsUserId;

		private @Nullable ZoneId timezone;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private RetryOptions retry = RetryOptions.defaults();

		private int maxResponseSize = DEFAULT_MAX_RESPONSE_SIZE;

		private boolean allowInsecureHttp;

		private @Nullable String applicationId;

		/** Whether {@link #url} was checked with {@link #allowInsecureHttp} already. */
		private boolean urlChecked;

		private Builder() {
		}

		private Builder(ChatBotKitOptions options) {
			this.secret = options.secret;
			this.url = options.url;
			this.apiPath = options.explicitApiPath;
			this.runAsUserId = options.runAsUserId;
			this.timezone = options.timezone;
			this.headers.putAll(options.headers);
			this.retry = options.retry;
			this.maxResponseSize = options.maxResponseSize;
			this.allowInsecureHttp = options.allowInsecureHttp;
			this.applicationId = options.applicationId;
			this.urlChecked = true;
		}

		/**
		 * Set the API secret, or a conversation session token for a client that acts
		 * within one conversation. Surrounding whitespace, such as the line break at the
		 * end of a file the secret was read from, is trimmed.
		 * @param secret the bearer credential
		 * @return this builder
		 * @throws IllegalArgumentException if the secret has a space, control or
		 * non-ASCII character inside (the message does not show the secret)
		 */
		public Builder secret(String secret) {
			this.secret = checkSecret(secret);
			return this;
		}

		/**
		 * Set the base URL of the API. Changing the URL resets an API path derived from
		 * the previous URL. A URL whose path already ends with the API path is taken as
		 * the full base: the API path is not added again. Unless an API path is set, that
		 * holds for a URL ending with {@code /api/v1} or {@code /v1} on any host.
		 * @param url the base URL, {@link #DEFAULT_URL} by default
		 * @return this builder
		 * @throws IllegalArgumentException if the URL is not an absolute http or https
		 * URL with a host, or has user info, a query or a fragment
		 */
		public Builder url(URI url) {
			Assert.notNull(url, "url(...) must not be null");
			this.url = checkUrl(url);
			this.urlChecked = false;
			return this;
		}

		/**
		 * Set the base URL of the API.
		 * @param url the base URL as text
		 * @return this builder
		 * @throws IllegalArgumentException if the text is not a URI
		 */
		public Builder url(String url) {
			try {
				return url(new URI(url.trim()));
			}
			catch (java.net.URISyntaxException ex) {
				throw new IllegalArgumentException("The ChatBotKit URL '" + url + "' is not a valid URI", ex);
			}
		}

		/**
		 * Set the path between the base URL and endpoint paths, overriding the default
		 * (the API path the URL ends with, else {@code /v1} for
		 * {@code api.chatbotkit.com} and {@code /api/v1} elsewhere). It is added to any
		 * URL that does not already end with it; empty adds nothing.
		 * @param apiPath the API path, or {@code null} for the default
		 * @return this builder
		 */
		public Builder apiPath(@Nullable String apiPath) {
			this.apiPath = (apiPath != null) ? normalizeApiPath(apiPath) : null;
			return this;
		}

		/**
		 * Act for a child user of a partner account ({@code X-RunAs-User-Id}).
		 * @param runAsUserId the user id, or {@code null} for none
		 * @return this builder
		 */
		public Builder runAsUserId(@Nullable String runAsUserId) {
			this.runAsUserId = StringUtils.hasText(runAsUserId)
					? checkHeaderValue("runAsUserId(...)", runAsUserId.strip()) : null;
			return this;
		}

		/**
		 * Send a time zone with every request ({@code X-Timezone}).
		 * @param timezone the zone, or {@code null} for none
		 * @return this builder
		 */
		public Builder timezone(@Nullable ZoneId timezone) {
			this.timezone = timezone;
			return this;
		}

		/**
		 * Add a header sent with every request. Headers that the client controls
		 * ({@code Authorization}, {@code Content-Type}, {@code Accept}, ...) are refused.
		 * @param name the header name
		 * @param value the header value
		 * @return this builder
		 */
		public Builder header(String name, String value) {
			Assert.hasText(name, "Header name must not be empty");
			Assert.isTrue(isToken(name),
					() -> "Header name '" + name.replaceAll("\\p{Cntrl}", "?") + "' is not a valid HTTP header name");
			Assert.isTrue(!RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT)),
					() -> "Header '" + name + "' is set by the client and cannot be overridden");
			Assert.notNull(value, "Header value must not be null");
			this.headers.put(name, checkHeaderValue("header(\"" + name + "\", ...)", value));
			return this;
		}

		/**
		 * Add several headers sent with every request, as
		 * {@link #header(String, String)}.
		 * @param headers header names and values
		 * @return this builder
		 */
		public Builder headers(Map<String, String> headers) {
			headers.forEach(this::header);
			return this;
		}

		/**
		 * Set how failed calls are retried.
		 * @param retry the retry options
		 * @return this builder
		 */
		public Builder retry(RetryOptions retry) {
			Assert.notNull(retry, "RetryOptions must not be null");
			this.retry = retry;
			return this;
		}

		/**
		 * Set the largest response body that a call reads.
		 * @param maxResponseSize the limit in bytes
		 * @return this builder
		 */
		public Builder maxResponseSize(int maxResponseSize) {
			this.maxResponseSize = maxResponseSize;
			return this;
		}

		/**
		 * Allow plain {@code http://} to hosts other than loopback. Off by default: the
		 * secret would cross the network in clear text.
		 * @param allowInsecureHttp whether insecure HTTP is allowed
		 * @return this builder
		 */
		public Builder allowInsecureHttp(boolean allowInsecureHttp) {
			this.allowInsecureHttp = allowInsecureHttp;
			this.urlChecked = false;
			return this;
		}

		/**
		 * Name the application in the {@code User-Agent} header, before this client's own
		 * product, so that ChatBotKit's logs and support can tell its calls apart.
		 * @param applicationId one or more products such as {@code support-desk/2.3},
		 * separated by single spaces, or {@code null} for none
		 * @return this builder
		 * @throws IllegalArgumentException if a product is not an HTTP token with an
		 * optional {@code /version}
		 * @since 0.1.0
		 */
		public Builder applicationId(@Nullable String applicationId) {
			this.applicationId = (applicationId != null) ? UserAgent.checkApplication(applicationId) : null;
			return this;
		}

		/**
		 * Apply changes to this builder, handy for conditional settings.
		 * @param customizer the changes
		 * @return this builder
		 */
		public Builder apply(Consumer<Builder> customizer) {
			customizer.accept(this);
			return this;
		}

		/**
		 * Build the options.
		 * @return the options
		 * @throws IllegalArgumentException if the secret is missing, or the URL is plain
		 * http to a host other than loopback without {@link #allowInsecureHttp(boolean)}
		 */
		public ChatBotKitOptions build() {
			return new ChatBotKitOptions(this);
		}

	}

}
