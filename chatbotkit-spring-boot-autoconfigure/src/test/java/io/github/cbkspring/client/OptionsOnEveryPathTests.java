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

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.autoconfigure.InvalidChatBotKitPropertyException;
import io.github.cbkspring.testsupport.ApiStub;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Settings that reach the wire, checked where users set them: the builder of a plain
 * client and the properties of the bean.
 */
@Timeout(120)
class OptionsOnEveryPathTests {

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	/**
	 * A secret read from a file ends with a line break: trimmed, never sent as
	 * {@code Bearer sk-live-abc } nor refused by the JDK engine with the secret in the
	 * message.
	 */
	@ParameterizedTest
	@EnumSource(ClientPath.class)
	void secretReadFromAFileIsTrimmed(ClientPath path) {
		api.stubFor(WireMock.post(anyUrl()).willReturn(WireMock.okJson(ApiStub.SESSION_JSON)));
		try (ClientPath.Opened opened = path.open(ClientPath.Setup.of(api.baseUrl()).secret("sk-live-abc\r\n"))) {
			opened.client().sessions().create("bot-1");
		}
		api.verify(postRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer sk-live-abc")));
	}

	@ParameterizedTest
	@EnumSource(ClientPath.class)
	void secretWithALineBreakInsideIsRefusedBeforeAnyCallWithoutShowingIt(ClientPath path) {
		String secret = "sk-live-abc\r\nX-Injected: 1";
		Throwable failure = catchThrowable(() -> path.open(ClientPath.Setup.of(api.baseUrl()).secret(secret)));
		if (path.boot()) {
			InvalidChatBotKitPropertyException property = find(failure, InvalidChatBotKitPropertyException.class);
			assertThat(property).isNotNull();
			assertThat(property.getProperty()).isEqualTo("chatbotkit.secret");
		}
		else {
			assertThat(failure).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret(...)");
		}
		assertThat(failure).hasMessageContaining("line break");
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			assertThat(String.valueOf(cause)).doesNotContain("sk-live-abc");
		}
		api.verify(0, anyRequestedFor(anyUrl()));
	}

	/**
	 * A URL that already ends with the API path is the full base: never
	 * {@code /api/v1/api/v1}.
	 */
	@ParameterizedTest
	@EnumSource(ClientPath.class)
	void urlThatEndsWithTheApiPathIsTheFullBase(ClientPath path) {
		api.stubFor(WireMock.post(anyUrl()).willReturn(WireMock.okJson(ApiStub.SESSION_JSON)));
		try (ClientPath.Opened opened = path.open(ClientPath.Setup.of(api.baseUrl() + "/api/v1/"))) {
			assertThat(opened.client().options().baseUri()).isEqualTo(api.baseUrl() + "/api/v1");
			opened.client().sessions().create("bot-1");
		}
		api.verify(1, postRequestedFor(urlEqualTo("/api/v1/bot/bot-1/session/create")));
	}

	/**
	 * Every request names the client, after the application when it names itself; the
	 * engine's own User-Agent ({@code Apache-HttpClient/...},
	 * {@code Java-http-client/...}) never goes out instead.
	 */
	@ParameterizedTest
	@EnumSource(ClientPath.class)
	void everyRequestNamesTheApplicationAndTheClient(ClientPath path) {
		api.stubFor(WireMock.post(anyUrl()).willReturn(WireMock.okJson(ApiStub.SESSION_JSON)));
		ClientPath.Setup setup = ClientPath.Setup.of(api.baseUrl())
			.with((options) -> options.applicationId("support-desk/2.3"), "chatbotkit.application-id=support-desk/2.3");
		try (ClientPath.Opened opened = path.open(setup)) {
			opened.client().sessions().create("bot-1");
			opened.client().withOptions((options) -> options.runAsUserId("user-1")).sessions().create("bot-1");
		}
		api.verify(2, postRequestedFor(anyUrl()).withHeader("User-Agent",
				matching("support-desk/2\\.3 cbkspring-chatbotkit/[^ ]+ Java/[^ ]+")));
	}

	@ParameterizedTest
	@EnumSource(ClientPath.class)
	void aUserAgentHeaderReplacesTheClientsOwn(ClientPath path) {
		api.stubFor(WireMock.post(anyUrl()).willReturn(WireMock.okJson(ApiStub.SESSION_JSON)));
		ClientPath.Setup setup = ClientPath.Setup.of(api.baseUrl())
			.with((options) -> options.header("User-Agent", "gateway/1"), "chatbotkit.headers.User-Agent=gateway/1");
		try (ClientPath.Opened opened = path.open(setup)) {
			opened.client().sessions().create("bot-1");
		}
		api.verify(1, postRequestedFor(anyUrl()).withHeader("User-Agent", equalTo("gateway/1")));
	}

	private static <T extends Throwable> @Nullable T find(@Nullable Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
