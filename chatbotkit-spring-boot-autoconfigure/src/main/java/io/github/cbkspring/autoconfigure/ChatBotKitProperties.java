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

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.cbkspring.client.ChatBotKitHttpEngine;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.RetryOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the ChatBotKit client.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
@ConfigurationProperties("chatbotkit")
public class ChatBotKitProperties {

	/**
	 * ChatBotKit API secret, sent as the bearer credential. Required; usually set with
	 * the CHATBOTKIT_SECRET environment variable.
	 */
	private @Nullable String secret;

	/**
	 * Base URL of the ChatBotKit API, with or without the API path (/v1, /api/v1). Plain
	 * http is accepted only for loopback hosts unless allow-insecure-http is set.
	 */
	private URI url = ChatBotKitOptions.DEFAULT_URL;

	/**
	 * Path between the base URL and the endpoint paths, added unless the URL already ends
	 * with it. Defaults to the /api/v1 or /v1 that the URL ends with, else to /v1 for
	 * api.chatbotkit.com and to /api/v1 for any other host.
	 */
	private @Nullable String apiPath;

	/**
	 * Whether plain http is allowed to hosts other than loopback. The secret would cross
	 * the network unencrypted.
	 */
	private boolean allowInsecureHttp;

	/**
	 * Connect timeout of the ChatBotKit client. Falls back to
	 * spring.http.clients.connect-timeout, then to 10s.
	 */
	private @Nullable Duration connectTimeout;

	/**
	 * Read timeout of the ChatBotKit client: the longest silence while waiting for an
	 * answer. Falls back to spring.http.clients.read-timeout, then to 60s.
	 */
	private @Nullable Duration readTimeout;

	/**
	 * Largest response body that a call reads; a larger one fails the call.
	 */
	private DataSize maxResponseSize = DataSize.ofBytes(ChatBotKitOptions.DEFAULT_MAX_RESPONSE_SIZE);

	/**
	 * Most connections kept open to the API, when the client runs on Apache HttpClient 5
	 * and when the reactive client runs on Reactor Netty; a call waits at most the
	 * connect timeout for a free one.
	 */
	private int maxConnections = ChatBotKitHttpEngine.DEFAULT_MAX_CONNECTIONS;

	/**
	 * Extra headers sent with every request.
	 */
	private Map<String, String> headers = new LinkedHashMap<>();

	/**
	 * Product that names the application at the start of the User-Agent header, before
	 * the client's own, such as 'support-desk/2.3'.
	 */
	private @Nullable String applicationId;

	private final Retry retry = new Retry();

	private final Ssl ssl = new Ssl();

	private final ProblemDetails problemDetails = new ProblemDetails();

	private final Webhook webhook = new Webhook();

	private final Events events = new Events();

	public @Nullable String getApplicationId() {
		return this.applicationId;
	}

	public void setApplicationId(@Nullable String applicationId) {
		this.applicationId = applicationId;
	}

	public @Nullable String getSecret() {
		return this.secret;
	}

	public void setSecret(@Nullable String secret) {
		this.secret = secret;
	}

	public URI getUrl() {
		return this.url;
	}

	public void setUrl(URI url) {
		this.url = url;
	}

	public @Nullable String getApiPath() {
		return this.apiPath;
	}

	public void setApiPath(@Nullable String apiPath) {
		this.apiPath = apiPath;
	}

	public boolean isAllowInsecureHttp() {
		return this.allowInsecureHttp;
	}

	public void setAllowInsecureHttp(boolean allowInsecureHttp) {
		this.allowInsecureHttp = allowInsecureHttp;
	}

	public @Nullable Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(@Nullable Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public @Nullable Duration getReadTimeout() {
		return this.readTimeout;
	}

	public void setReadTimeout(@Nullable Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	public void setMaxResponseSize(DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

	public int getMaxConnections() {
		return this.maxConnections;
	}

	public void setMaxConnections(int maxConnections) {
		this.maxConnections = maxConnections;
	}

	public Map<String, String> getHeaders() {
		return this.headers;
	}

	public void setHeaders(Map<String, String> headers) {
		this.headers = headers;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public ProblemDetails getProblemDetails() {
		return this.problemDetails;
	}

	public Webhook getWebhook() {
		return this.webhook;
	}

	public Events getEvents() {
		return this.events;
	}

	/**
	 * Retry settings.
	 */
	public static class Retry {

		/**
		 * Whether failed calls are retried.
		 */
		private boolean enabled = true;

		/**
		 * Number of attempts in all, including the first.
		 */
		private int maxAttempts = RetryOptions.DEFAULT_MAX_ATTEMPTS;

		/**
		 * Wait before the first retry; doubled for each further retry, with jitter.
		 */
		private Duration initialBackoff = RetryOptions.DEFAULT_INITIAL_BACKOFF;

		/**
		 * Longest wait between two attempts. A Retry-After longer than this ends the
		 * retries.
		 */
		private Duration maxBackoff = RetryOptions.DEFAULT_MAX_BACKOFF;

		/**
		 * Longest time one call may take across all its attempts and waits.
		 */
		private Duration deadline = RetryOptions.DEFAULT_DEADLINE;

		/**
		 * Whether POST calls are also retried on 500, 502, 504 and read failures, when
		 * the request may have reached the server. A retried session create can then
		 * create two sessions.
		 */
		private boolean retryNonIdempotent;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public Duration getDeadline() {
			return this.deadline;
		}

		public void setDeadline(Duration deadline) {
			this.deadline = deadline;
		}

		public boolean isRetryNonIdempotent() {
			return this.retryNonIdempotent;
		}

		public void setRetryNonIdempotent(boolean retryNonIdempotent) {
			this.retryNonIdempotent = retryNonIdempotent;
		}

	}

	/**
	 * SSL settings.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) that the ChatBotKit client uses.
		 * Falls back to spring.http.clients.ssl.bundle.
		 */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

	/**
	 * Problem details for web applications.
	 */
	public static class ProblemDetails {

		/**
		 * Whether a ChatBotKit failure that reaches a Spring MVC or WebFlux controller is
		 * answered with an RFC 9457 problem (502, 503, 504 or 429) instead of a generic
		 * 500.
		 */
		private boolean enabled;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Receiver of the webhook calls of ChatBotKit integrations, in a Spring MVC
	 * application.
	 */
	public static class Webhook {

		/**
		 * Whether a Spring MVC application receives ChatBotKit webhook calls at the path,
		 * checks their signature and publishes each as a ChatBotKitWebhookEvent.
		 */
		private boolean enabled;

		/**
		 * Path that receives the webhook calls (POST).
		 */
		private String path = "/chatbotkit/webhook";

		/**
		 * Secret that the webhook calls are signed with (the X-Hub-Signature header).
		 * Required when the receiver is enabled; usually set with the
		 * CHATBOTKIT_WEBHOOK_SECRET environment variable.
		 */
		private @Nullable String secret;

		/**
		 * Largest body that is accepted; a larger one is refused with 413 before its
		 * signature is checked.
		 */
		private DataSize maxBodySize = DataSize.ofMegabytes(1);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public @Nullable String getSecret() {
			return this.secret;
		}

		public void setSecret(@Nullable String secret) {
			this.secret = secret;
		}

		public DataSize getMaxBodySize() {
			return this.maxBodySize;
		}

		public void setMaxBodySize(DataSize maxBodySize) {
			this.maxBodySize = maxBodySize;
		}

	}

	/**
	 * Bridge of the account's event log to Spring application events.
	 */
	public static class Events {

		/**
		 * Whether the event log is subscribed to while the application runs and each
		 * event published as a ChatBotKitLogEvent.
		 */
		private boolean enabled;

		/**
		 * Event types to publish, such as 'conversation.create', or a prefix followed by
		 * '*', such as 'conversation.*'. Empty publishes every event.
		 */
		private List<String> types = new ArrayList<>();

		/**
		 * Number of the latest events to replay when the subscription starts, from 0 to
		 * 10000.
		 */
		private long historyLength;

		/**
		 * Number of the latest events to replay on each reconnect, to catch up on those
		 * logged while disconnected; those published before are left out. From 0 to
		 * 10000.
		 */
		private long replayOnReconnect = 100;

		/**
		 * Number of the latest events whose ids are remembered to leave out replayed
		 * events; at least replay-on-reconnect.
		 */
		private int deduplicationWindow = 1000;

		/**
		 * How long the bridge keeps reconnecting through consecutive failures before it
		 * gives up. Unset, it reconnects for as long as the application runs. A refused
		 * secret or permission (401, 403, 404) stops it at once either way.
		 */
		private @Nullable Duration giveUpAfter;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public List<String> getTypes() {
			return this.types;
		}

		public void setTypes(List<String> types) {
			this.types = types;
		}

		public long getHistoryLength() {
			return this.historyLength;
		}

		public void setHistoryLength(long historyLength) {
			this.historyLength = historyLength;
		}

		public long getReplayOnReconnect() {
			return this.replayOnReconnect;
		}

		public void setReplayOnReconnect(long replayOnReconnect) {
			this.replayOnReconnect = replayOnReconnect;
		}

		public int getDeduplicationWindow() {
			return this.deduplicationWindow;
		}

		public void setDeduplicationWindow(int deduplicationWindow) {
			this.deduplicationWindow = deduplicationWindow;
		}

		public @Nullable Duration getGiveUpAfter() {
			return this.giveUpAfter;
		}

		public void setGiveUpAfter(@Nullable Duration giveUpAfter) {
			this.giveUpAfter = giveUpAfter;
		}

	}

}
