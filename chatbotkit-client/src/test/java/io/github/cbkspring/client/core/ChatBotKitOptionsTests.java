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

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ChatBotKitOptions}.
 *
 * @author cbkspring contributors
 */
class ChatBotKitOptionsTests {

	@Test
	void productionHostGetsV1() {
		assertThat(options("https://api.chatbotkit.com").baseUri()).isEqualTo("https://api.chatbotkit.com/v1");
	}

	@Test
	void otherHostsGetApiV1() {
		assertThat(options("https://cbk.example.com/").baseUri()).isEqualTo("https://cbk.example.com/api/v1");
	}

	@Test
	void urlPathIsKeptBeforeTheApiPath() {
		assertThat(options("https://proxy.example.com/chatbotkit/").baseUri())
			.isEqualTo("https://proxy.example.com/chatbotkit/api/v1");
	}

	@Test
	void explicitApiPathOverridesTheRule() {
		ChatBotKitOptions options = ChatBotKitOptions.builder()
			.secret("s")
			.url("https://proxy.example.com")
			.apiPath("v1/")
			.build();
		assertThat(options.baseUri()).isEqualTo("https://proxy.example.com/v1");
	}

	@Test
	void mutatedUrlDerivesItsOwnApiPath() {
		ChatBotKitOptions options = options("https://api.chatbotkit.com").mutate().url("https://x.example.com").build();
		assertThat(options.apiPath()).isEqualTo("/api/v1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:8080", "http://127.0.0.1:1", "http://[::1]:9000" })
	void plainHttpIsAllowedToLoopback(String url) {
		assertThat(options(url).url()).isEqualTo(URI.create(url));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://api.chatbotkit.com", "http://10.0.0.5", "http://localhost.example.com" })
	void plainHttpToRemoteHostIsRefused(String url) {
		assertThatIllegalArgumentException().isThrownBy(() -> options(url))
			.withMessageContaining("plain http")
			.withMessageContaining("allowInsecureHttp(true)")
			// the client names its options; the auto-configuration adds property names
			.withMessageNotContaining("chatbotkit.allow");
	}

	@Test
	void plainHttpToRemoteHostIsAllowedWhenOptedIn() {
		assertThat(ChatBotKitOptions.builder()
			.secret("s")
			.url("http://cbk.internal")
			.allowInsecureHttp(true)
			.build()
			.baseUri()).isEqualTo("http://cbk.internal/api/v1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://api.chatbotkit.com", "api.chatbotkit.com", "https://user:pw@api.chatbotkit.com",
			"https://api.chatbotkit.com?x=1", "https:///nohost" })
	void unusableUrlsAreRefused(String url) {
		assertThatIllegalArgumentException().isThrownBy(() -> options(url)).withMessageContaining("URL");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  " })
	void blankSecretIsRefused(String secret) {
		assertThatIllegalArgumentException().isThrownBy(() -> ChatBotKitOptions.builder().secret(secret).build())
			.withMessageContaining("secret");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Authorization", "content-type", "Host" })
	void clientControlledHeadersAreRefused(String header) {
		assertThatIllegalArgumentException().isThrownBy(() -> ChatBotKitOptions.builder().header(header, "x"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			https://gateway.example.com/api/v1/ | https://gateway.example.com/api/v1 | /api/v1
			https://gateway.example.com/api/v1  | https://gateway.example.com/api/v1 | /api/v1
			https://api.chatbotkit.com/v1       | https://api.chatbotkit.com/v1      | /v1
			https://api.chatbotkit.com/v1/      | https://api.chatbotkit.com/v1      | /v1
			https://api.chatbotkit.com/api/v1   | https://api.chatbotkit.com/api/v1  | /api/v1
			https://gw.example.com/cbk/api/v1   | https://gw.example.com/cbk/api/v1  | /api/v1
			https://gw.example.com/v1           | https://gw.example.com/v1          | /v1
			https://gw.example.com/v1/          | https://gw.example.com/v1          | /v1
			https://gw.example.com/v1//         | https://gw.example.com/v1          | /v1
			http://localhost:8080/v1            | http://localhost:8080/v1           | /v1
			https://gw.example.com/myapi/v1     | https://gw.example.com/myapi/v1    | /v1
			""")
	void urlThatAlreadyEndsWithAnApiPathIsTheFullBaseOnAnyHost(String url, String baseUri, String apiPath) {
		ChatBotKitOptions options = options(url);
		assertThat(options.baseUri()).isEqualTo(baseUri);
		assertThat(options.apiPath()).isEqualTo(apiPath);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			https://gw.example.com/v10       | https://gw.example.com/v10/api/v1
			https://gw.example.com/v1beta    | https://gw.example.com/v1beta/api/v1
			https://gw.example.com/xv1       | https://gw.example.com/xv1/api/v1
			https://gw.example.com/api/v2    | https://gw.example.com/api/v2/api/v1
			https://gw.example.com/v1/cbk    | https://gw.example.com/v1/cbk/api/v1
			https://api.chatbotkit.com/v1x   | https://api.chatbotkit.com/v1x/v1
			""")
	void urlThatOnlyLooksLikeAnApiPathGetsOne(String url, String baseUri) {
		assertThat(options(url).baseUri()).isEqualTo(baseUri);
	}

	@Test
	void explicitApiPathIsAddedToAUrlThatEndsWithAnotherOne() {
		// the way to call a gateway mounted at /v1 in front of a self-hosted API
		ChatBotKitOptions options = ChatBotKitOptions.builder()
			.secret("s")
			.url("https://gw.example.com/v1")
			.apiPath("/api/v1")
			.build();
		assertThat(options.baseUri()).isEqualTo("https://gw.example.com/v1/api/v1");
		assertThat(options.apiPath()).isEqualTo("/api/v1");
	}

	@Test
	void emptyExplicitApiPathAddsNothing() {
		assertThat(
				ChatBotKitOptions.builder().secret("s").url("https://gw.example.com/cbk").apiPath("").build().baseUri())
			.isEqualTo("https://gw.example.com/cbk");
	}

	@Test
	void mutatedUrlDropsTheApiPathOfThePreviousUrl() {
		ChatBotKitOptions options = options("https://gw.example.com/v1").mutate().url("https://gw.example.com").build();
		assertThat(options.baseUri()).isEqualTo("https://gw.example.com/api/v1");
	}

	@Test
	void explicitApiPathIsNotDoubledEither() {
		assertThat(ChatBotKitOptions.builder()
			.secret("s")
			.url("https://gw.example.com/chatbotkit/v2")
			.apiPath("/v2")
			.build()
			.baseUri()).isEqualTo("https://gw.example.com/chatbotkit/v2");
	}

	@ParameterizedTest
	@ValueSource(strings = { "sk-live-abc\r\n", "sk-live-abc\n", " sk-live-abc\t", "sk-live-abc\u2028" })
	void surroundingWhitespaceOfTheSecretIsTrimmed(String secret) {
		assertThat(ChatBotKitOptions.builder().secret(secret).build().secret()).isEqualTo("sk-live-abc");
	}

	@ParameterizedTest
	@ValueSource(strings = { "sk-live\r\nabc", "sk live", "sk-\u0000x", "sk-\u00e9x", "sk-\u007fx", "sk-\tx",
			"\uFEFFsk-live-abc" })
	void secretWithAControlOrInvisibleCharacterInsideIsRefusedWithoutShowingIt(String secret) {
		assertThatIllegalArgumentException().isThrownBy(() -> ChatBotKitOptions.builder().secret(secret))
			.withMessageContaining("secret(...)")
			.withMessageNotContaining("sk-")
			.withMessageNotContaining("abc");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\r\nX-Injected: 1", "a\u0000b", "line\nbreak" })
	void headerValueThatWouldBreakTheRequestIsRefused(String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> ChatBotKitOptions.builder().header("X-Team", value))
			.withMessageContaining("X-Team")
			.withMessageNotContaining(value);
		assertThatIllegalArgumentException().isThrownBy(() -> ChatBotKitOptions.builder().runAsUserId(value));
	}

	@ParameterizedTest
	@ValueSource(strings = { "X Team", "X-Team:", "X\r\nTeam", "" })
	void invalidHeaderNameIsRefused(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> ChatBotKitOptions.builder().header(name, "x"));
	}

	@Test
	void acceptEncodingIsSetByTheClient() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatBotKitOptions.builder().header("Accept-Encoding", "gzip"));
	}

	@Test
	void urlWithUserInfoIsRefusedWithoutShowingThePassword() {
		assertThatIllegalArgumentException().isThrownBy(() -> options("https://user:hunter2@api.chatbotkit.com"))
			.withMessageContaining("user info")
			.withMessageNotContaining("hunter2");
	}

	@Test
	void copiesKeepTheCheckedUrlAndStillCheckAChangedOne() {
		ChatBotKitOptions options = options("https://api.chatbotkit.com");
		assertThat(options.mutate().secret("t").build().baseUri()).isEqualTo("https://api.chatbotkit.com/v1");
		assertThatIllegalArgumentException().isThrownBy(() -> options.mutate().url("http://cbk.internal").build());
	}

	@Test
	void toStringMasksSecret() {
		assertThat(ChatBotKitOptions.builder().secret("sk-very-secret").build().toString())
			.doesNotContain("sk-very-secret")
			.contains("******");
	}

	/**
	 * The version comes from the build ({@code project.version}, passed to the tests by
	 * Surefire), never a constant of the code.
	 */
	@Test
	void userAgentNamesTheClientItsVersionAndJava() {
		String version = System.getProperty("project.version");
		assertThat(version).isNotBlank();
		assertThat(options("https://api.chatbotkit.com").userAgent())
			.isEqualTo("cbkspring-chatbotkit/" + version + " Java/" + System.getProperty("java.version"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "support-desk", "support-desk/2.3", "support-desk/2.3 acme-platform/1.0.0-rc.1",
			"a!#$%&'*+-.^_`|~/1" })
	void applicationIdComesFirstAndSurvivesCopies(String applicationId) {
		ChatBotKitOptions options = ChatBotKitOptions.builder().secret("s").applicationId(applicationId).build();
		assertThat(options.userAgent()).startsWith(applicationId + " cbkspring-chatbotkit/");
		assertThat(options.mutate().runAsUserId("u").build().userAgent()).isEqualTo(options.userAgent());
		assertThat(options.mutate().applicationId(null).build().userAgent()).startsWith("cbkspring-chatbotkit/");
		assertThat(options.toString()).contains("applicationId=" + applicationId);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", " my-app", "my-app ", "my-app/", "/1.2", "my-app//1.2", "my-app/1/2",
			"my-app  x/1", "my-app (linux)", "my-app\r\nX-Injected: 1", "caf\u00e9/1" })
	void applicationIdThatIsNotProductTokensIsRefused(String escaped) {
		String applicationId = escaped.translateEscapes();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatBotKitOptions.builder().secret("s").applicationId(applicationId))
			.withMessageContaining("applicationId(...)")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\r").doesNotContain("\n"));
	}

	private static ChatBotKitOptions options(String url) {
		return ChatBotKitOptions.builder().secret("s").url(url).build();
	}

}
