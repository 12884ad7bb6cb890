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

package io.github.cbkspring.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.error.ChatBotKitConnectionException;
import io.github.cbkspring.client.error.ChatBotKitHttpException;
import io.github.cbkspring.testsupport.ApiStub;
import io.github.cbkspring.testsupport.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The JVM proxy settings ({@code https.proxyHost}, {@code http.proxyHost}, their ports,
 * {@code http.nonProxyHosts}) are honoured on every way a client is built, and a proxy
 * that refuses the tunnel is a connection failure that names the proxy, never "the API
 * answered 403". The proxy is a small server on loopback; the API host is a name that
 * does not resolve, so that only the proxy can answer.
 */
@Timeout(120)
class ProxyTests {

	private static final List<String> PROPERTIES = List.of("https.proxyHost", "https.proxyPort", "http.proxyHost",
			"http.proxyPort", "http.nonProxyHosts");

	private static final String API_HOST = "api.example.test";

	private static final RetryOptions RETRY = RetryOptions.defaults()
		.withBackoff(Duration.ofMillis(10), Duration.ofMillis(50));

	private final Map<String, String> saved = new HashMap<>();

	@BeforeEach
	void saveProxySettings() {
		for (String property : PROPERTIES) {
			String value = System.getProperty(property);
			if (value != null) {
				this.saved.put(property, value);
			}
		}
		// the default lets loopback and localhost bypass any proxy
		System.setProperty("http.nonProxyHosts", "example.invalid");
	}

	@AfterEach
	void restoreProxySettings() {
		for (String property : PROPERTIES) {
			String value = this.saved.get(property);
			if (value != null) {
				System.setProperty(property, value);
			}
			else {
				System.clearProperty(property);
			}
		}
	}

	@ParameterizedTest
	@EnumSource(ClientPath.class)
	void httpsCallGoesThroughTheProxyAndItsRefusalNamesTheProxy(ClientPath path) {
		refusedTunnel(path, "403 Forbidden", "");
	}

	@ParameterizedTest
	@EnumSource(ClientPath.class)
	void proxyAskingForAuthenticationIsARefusalNotAnApiAnswer(ClientPath path) {
		refusedTunnel(path, "407 Proxy Authentication Required", "Proxy-Authenticate: Basic realm=\"corp\"\r\n");
	}

	private void refusedTunnel(ClientPath path, String status, String headers) {
		try (LoopbackServer proxy = proxy("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\n" + headers + "\r\n")) {
			useProxy("https", proxy);
			try (ClientPath.Opened opened = path.open(ClientPath.Setup.of("https://" + API_HOST).retry(RETRY))) {
				Throwable failure = catchThrowable(() -> opened.client().sessions().create("bot-1"));
				assertThat(failure).isInstanceOf(ChatBotKitConnectionException.class)
					.hasMessageContaining("127.0.0.1:" + proxy.port())
					.hasMessageContaining("refused")
					.hasMessageContaining(status.substring(0, 3))
					.hasMessageNotContaining("ChatBotKit API answered");
				assertThat(((ChatBotKitConnectionException) failure).requestSent()).isFalse();
				assertThat(failure).isNotInstanceOf(ChatBotKitHttpException.class);
			}
			// a refusal is a matter of configuration: not asked again
			assertThat(proxy.requestLines()).containsExactly("CONNECT " + API_HOST + ":443 HTTP/1.1");
		}
	}

	@ParameterizedTest
	@EnumSource(ClientPath.class)
	void httpCallGoesThroughTheProxy(ClientPath path) {
		try (LoopbackServer proxy = proxy(LoopbackServer.json("200 OK", ApiStub.SESSION_JSON, ""))) {
			useProxy("http", proxy);
			try (ClientPath.Opened opened = path.open(insecure("http://" + API_HOST))) {
				assertThat(opened.client().sessions().create("bot-1").conversationId()).isEqualTo("conv-1");
			}
			assertThat(proxy.requestLines())
				.containsExactly("POST http://" + API_HOST + "/api/v1/bot/bot-1/session/create HTTP/1.1");
		}
	}

	@ParameterizedTest
	@EnumSource(ClientPath.class)
	void hostsListedInNonProxyHostsAreCalledDirectly(ClientPath path) {
		try (LoopbackServer proxy = proxy(LoopbackServer.json("200 OK", ApiStub.SESSION_JSON, ""))) {
			useProxy("http", proxy);
			System.setProperty("http.nonProxyHosts", "*.example.test");
			try (ClientPath.Opened opened = path.open(insecure("http://" + API_HOST))) {
				Throwable failure = catchThrowable(() -> opened.client().sessions().create("bot-1"));
				// called directly, the name does not resolve
				assertThat(failure).isInstanceOf(ChatBotKitConnectionException.class);
				assertThat(((ChatBotKitConnectionException) failure).requestSent()).isFalse();
			}
			assertThat(proxy.requestLines()).isEmpty();
		}
	}

	/**
	 * A proxy that answers every request itself.
	 */
	private static LoopbackServer proxy(String answer) {
		return new LoopbackServer((head) -> answer, Duration.ofSeconds(5), false);
	}

	private static ClientPath.Setup insecure(String url) {
		return ClientPath.Setup.of(url)
			.with((options) -> options.allowInsecureHttp(true), "chatbotkit.allow-insecure-http=true");
	}

	private static void useProxy(String scheme, LoopbackServer proxy) {
		System.setProperty(scheme + ".proxyHost", "127.0.0.1");
		System.setProperty(scheme + ".proxyPort", String.valueOf(proxy.port()));
	}

}
