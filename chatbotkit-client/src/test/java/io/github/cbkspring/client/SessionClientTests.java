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
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.bot.SessionClient;
import io.github.cbkspring.client.bot.SessionCreateRequest;
import io.github.cbkspring.client.bot.SessionCreateResponse;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.Message;
import io.github.cbkspring.client.core.MessageType;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.error.ChatBotKitAuthenticationException;
import io.github.cbkspring.client.error.ChatBotKitConnectionException;
import io.github.cbkspring.client.error.ChatBotKitDecodingException;
import io.github.cbkspring.client.error.ChatBotKitHttpException;
import io.github.cbkspring.client.error.ChatBotKitNotFoundException;
import io.github.cbkspring.client.error.ChatBotKitPermissionException;
import io.github.cbkspring.client.error.ChatBotKitServerException;
import io.github.cbkspring.client.error.ChatBotKitTimeoutException;
import io.github.cbkspring.testsupport.ApiStub;
import io.github.cbkspring.testsupport.ClosedPort;
import io.github.cbkspring.testsupport.HeldAnswer;
import io.github.cbkspring.testsupport.LargeAnswerServer;
import io.github.cbkspring.testsupport.LoopbackServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SessionClient} against WireMock over real sockets.
 *
 * @author cbkspring contributors
 */
class SessionClientTests {

	static final String SECRET = "sk-test-secret-123";

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private SessionClient sessions;

	@BeforeEach
	void setUp() {
		this.sessions = ChatBotKitClient.create(
				ChatBotKitOptions.builder().secret(SECRET).url(api.baseUrl()).retry(RetryOptions.disabled()).build())
			.sessions();
	}

	@Test
	void createSendsAuthorizedPostWithFullRequest() {
		stubSession("/api/v1/bot/bot-1/session/create");
		SessionCreateRequest request = SessionCreateRequest.builder()
			.duration(Duration.ofMinutes(5).plusMillis(900))
			.message(MessageType.BACKSTORY, "You are terse.")
			.message(Message.user("Hello"))
			.meta("plan", "gold")
			.build();
		this.sessions.create("bot-1", request);
		api.verify(postRequestedFor(urlEqualTo("/api/v1/bot/bot-1/session/create"))
			.withHeader("Authorization", equalTo("Bearer " + SECRET))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Accept", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"durationInSeconds":300,
					 "messages":[{"type":"backstory","text":"You are terse."},{"type":"user","text":"Hello"}],
					 "meta":{"plan":"gold"}}
					""", false, false)));
	}

	@Test
	void createWithoutRequestSendsEmptyObject() {
		stubSession("/api/v1/bot/bot-1/session/create");
		this.sessions.create("bot-1");
		api.verify(postRequestedFor(urlEqualTo("/api/v1/bot/bot-1/session/create")).withRequestBody(equalTo("{}")));
	}

	@Test
	void createMapsResponseAndIgnoresUnknownFields() {
		stubSession("/api/v1/bot/bot-1/session/create");
		SessionCreateResponse session = this.sessions.create("bot-1");
		assertThat(session.id()).isEqualTo("bot-1");
		assertThat(session.conversationId()).isEqualTo("conv-1");
		assertThat(session.token()).isEqualTo("tok-1");
		assertThat(session.expiresAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
		assertThat(session.messages()).containsExactly(Message.bot("Hi"), new Message(MessageType.UNKNOWN, "?"));
		assertThat(session.toString()).contains("conv-1").doesNotContain("tok-1");
	}

	@Test
	void productionHostUsesV1WithoutApiPrefix() {
		ChatBotKitOptions options = ChatBotKitOptions.builder().secret(SECRET).build();
		assertThat(options.baseUri()).isEqualTo("https://api.chatbotkit.com/v1");
	}

	@Test
	void responseMissingRequiredFieldIsDecodingException() {
		api.stubFor(post(anyUrl()).willReturn(WireMock.okJson("{\"id\":\"bot-1\",\"conversationId\":\"c\"}")));
		assertThatExceptionOfType(ChatBotKitDecodingException.class).isThrownBy(() -> this.sessions.create("bot-1"))
			.withMessageContaining("token");
	}

	@Test
	void malformedJsonIsDecodingException() {
		api.stubFor(post(anyUrl()).willReturn(WireMock.okJson("{\"id\": \"bot-1\", \"conversa")));
		assertThatExceptionOfType(ChatBotKitDecodingException.class).isThrownBy(() -> this.sessions.create("bot-1"));
	}

	@Test
	void successWithHtmlBodyIsDecodingException() {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/html")
			.withBody("<html>captive portal</html>")));
		assertThatExceptionOfType(ChatBotKitDecodingException.class).isThrownBy(() -> this.sessions.create("bot-1"))
			.withMessageContaining("text/html")
			.withMessageContaining("captive portal");
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/octet-stream", "not a media type", "application/json;;=" })
	void anAnswerThatParsesIsTakenWhateverItsContentTypeSays(String contentType) {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", contentType)
			.withBody("{\"id\":\"bot-1\",\"conversationId\":\"conv-1\",\"token\":\"tok\",\"expiresAt\":1}")));
		assertThat(this.sessions.create("bot-1").token()).isEqualTo("tok");
	}

	@Test
	void anAnswerThatIsNotJsonWithAContentTypeThatDoesNotParseNamesItAsItCame() {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "html, " + SECRET)
			.withBody("<html>captive portal</html>")));
		assertThatExceptionOfType(ChatBotKitDecodingException.class).isThrownBy(() -> this.sessions.create("bot-1"))
			.withMessageContaining("html, ")
			.withMessageContaining("captive portal")
			.withMessageNotContaining(SECRET);
	}

	@Test
	void jsonErrorCarriesStatusCodeMessageAndRequestId() {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Request-Id", "req-42")
			.withBody("{\"message\":\"durationInSeconds is too large\",\"code\":\"BAD_REQUEST\"}")));
		assertThatExceptionOfType(ChatBotKitHttpException.class).isThrownBy(() -> this.sessions.create("bot-1"))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(400);
				assertThat(ex.code()).isEqualTo("BAD_REQUEST");
				assertThat(ex.apiMessage()).isEqualTo("durationInSeconds is too large");
				assertThat(ex.requestId()).isEqualTo("req-42");
				assertThat(ex.getMessage()).contains("400", "BAD_REQUEST", "req-42").doesNotContain(SECRET);
			});
	}

	@Test
	void unauthorizedIsAuthenticationException() {
		stubError(401, "{\"message\":\"Invalid token\",\"code\":\"UNAUTHORIZED\"}");
		assertThatExceptionOfType(ChatBotKitAuthenticationException.class)
			.isThrownBy(() -> this.sessions.create("bot-1"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("UNAUTHORIZED"));
	}

	@Test
	void forbiddenIsPermissionException() {
		stubError(403, "{\"message\":\"No\",\"code\":\"FORBIDDEN\"}");
		assertThatExceptionOfType(ChatBotKitPermissionException.class).isThrownBy(() -> this.sessions.create("bot-1"));
	}

	@Test
	void notFoundIsNotFoundException() {
		stubError(404, "{\"message\":\"Bot not found\",\"code\":\"NOT_FOUND\"}");
		assertThatExceptionOfType(ChatBotKitNotFoundException.class).isThrownBy(() -> this.sessions.create("nope"))
			.satisfies((ex) -> assertThat(ex.apiMessage()).isEqualTo("Bot not found"));
	}

	@Test
	void errorNamesTheUrlCalledWithoutIds() {
		// what tells a wrong chatbotkit.url or api-path from a wrong bot id
		stubError(404, "{\"message\":\"Bot not found\",\"code\":\"NOT_FOUND\"}");
		String called = "POST " + api.baseUrl() + "/api/v1/bot/{botId}/session/create";
		assertThatExceptionOfType(ChatBotKitNotFoundException.class).isThrownBy(() -> this.sessions.create("nope"))
			.withMessage("ChatBotKit API answered 404 NOT_FOUND to " + called + ": Bot not found")
			.satisfies((ex) -> assertThat(ex.error().call()).isEqualTo(called));
	}

	@Test
	void htmlErrorFallsBackToGenericErrorWithExcerpt() {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(502)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body>Bad gateway\n\tfrom proxy</body></html>")));
		assertThatExceptionOfType(ChatBotKitServerException.class).isThrownBy(() -> this.sessions.create("bot-1"))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(502);
				assertThat(ex.code()).isEqualTo("GENERIC_ERROR");
				assertThat(ex.apiMessage()).contains("Bad gateway").doesNotContain("\n", "\t");
			});
	}

	@Test
	void nonJsonPayloadTooLargeFallsBackToContentTooLarge() {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(413).withBody("Request Entity Too Large")));
		assertThatExceptionOfType(ChatBotKitHttpException.class).isThrownBy(() -> this.sessions.create("bot-1"))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(413);
				assertThat(ex.code()).isEqualTo("CONTENT_TOO_LARGE");
			});
	}

	@Test
	void emptyErrorBodyIsGenericServerError() {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500)));
		assertThatExceptionOfType(ChatBotKitServerException.class).isThrownBy(() -> this.sessions.create("bot-1"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo("GENERIC_ERROR");
				assertThat(ex.apiMessage()).isEqualTo("(empty body)");
			});
	}

	@Test
	void hugeErrorBodyIsReadOnlyToItsBoundAndNotDrained() {
		try (LargeAnswerServer server = new LargeAnswerServer("500 Internal Server Error",
				"Content-Type: text/plain\r\n", LargeAnswerServer.repeated("x"))) {
			assertThatExceptionOfType(ChatBotKitServerException.class)
				.isThrownBy(() -> TestClients.client(server.url()).sessions().create("bot-1"))
				.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(1000).endsWith("..."));
			server.assertEveryAnswerAbandoned();
		}
	}

	@Test
	void hugeSuccessBodyIsRefusedAtTheLimitAndNotDrained() {
		try (LargeAnswerServer server = new LargeAnswerServer("200 OK", "Content-Type: application/json\r\n",
				new byte[LargeAnswerServer.SIZE])) {
			SessionClient small = TestClients.client(server.url())
				.sessions()
				.withOptions((options) -> options.maxResponseSize(64 * 1024));
			assertThatExceptionOfType(ChatBotKitDecodingException.class).isThrownBy(() -> small.create("bot-1"))
				.withMessageContaining("larger than the limit");
			server.assertEveryAnswerAbandoned();
		}
	}

	@Test
	void errorEchoingTheSecretIsMasked() {
		stubError(401, "{\"message\":\"Token " + SECRET + " is not valid\",\"code\":\"UNAUTHORIZED\"}");
		assertThatExceptionOfType(ChatBotKitAuthenticationException.class)
			.isThrownBy(() -> this.sessions.create("bot-1"))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(SECRET).contains("******"));
	}

	@Test
	void redirectIsNotFollowedAndReportedAsError() {
		api.stubFor(post(anyUrl())
			.willReturn(aResponse().withStatus(307).withHeader("Location", "http://127.0.0.2:1/steal")));
		assertThatExceptionOfType(ChatBotKitHttpException.class).isThrownBy(() -> this.sessions.create("bot-1"))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(307));
		api.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void connectionRefusedIsConnectionExceptionNotSent() {
		SessionClient unreachable = ChatBotKitClient
			.create(ChatBotKitOptions.builder()
				.secret(SECRET)
				.url("http://127.0.0.1:" + ClosedPort.find())
				.retry(RetryOptions.disabled())
				.build())
			.sessions();
		assertThatExceptionOfType(ChatBotKitConnectionException.class).isThrownBy(() -> unreachable.create("bot-1"))
			.satisfies((ex) -> {
				assertThat(ex.requestSent()).isFalse();
				assertThat(ex.getCause()).isNotNull();
				assertThat(ex.getMessage()).doesNotContain(SECRET);
			});
	}

	@Test
	void readTimeoutIsTimeoutException() {
		// the answer never comes before the timeout, however busy the machine
		try (HeldAnswer held = new HeldAnswer(LoopbackServer.json("200 OK", ApiStub.SESSION_JSON, ""));
				LoopbackServer server = new LoopbackServer(held, Duration.ofSeconds(5), false)) {
			SessionClient impatient = ChatBotKitClient.create(org.springframework.web.client.RestClient.builder()
				.requestFactory(ChatBotKitHttpEngine.requestFactory(Duration.ofSeconds(1), Duration.ofMillis(300), 4)),
					ChatBotKitOptions.builder().secret(SECRET).url(server.url()).retry(RetryOptions.disabled()).build())
				.sessions();
			assertThatExceptionOfType(ChatBotKitTimeoutException.class).isThrownBy(() -> impatient.create("bot-1"))
				.satisfies((ex) -> assertThat(ex.requestSent()).isTrue());
			assertThat(server.requestLines()).hasSize(1);
		}
	}

	@Test
	void connectionResetIsConnectionException() {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThatExceptionOfType(ChatBotKitConnectionException.class).isThrownBy(() -> this.sessions.create("bot-1"))
			.satisfies((ex) -> assertThat(ex.requestSent()).isTrue());
	}

	@ParameterizedTest
	@ValueSource(strings = { "a/b", "../conversation/c1/delete?", "%2F", "a?b=c", "a#b", "%2e%2e", "bøt-ü 1", "..x" })
	void botIdIsEncodedAsOneSegment(String botId) {
		api.stubFor(post(anyUrl()).willReturn(WireMock.okJson(ApiStub.SESSION_JSON)));
		this.sessions.create(botId);
		List<String> urls = api.getAllServeEvents().stream().map((event) -> event.getRequest().getUrl()).toList();
		assertThat(urls).singleElement().satisfies((url) -> {
			assertThat(url).startsWith("/api/v1/bot/").endsWith("/session/create");
			String segment = url.substring("/api/v1/bot/".length(), url.length() - "/session/create".length());
			assertThat(segment).doesNotContain("/", "?", "#");
			assertThat(org.springframework.web.util.UriUtils.decode(segment, java.nio.charset.StandardCharsets.UTF_8))
				.isEqualTo(botId);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t", ".", ".." })
	void invalidBotIdIsRejectedBeforeAnyIo(String botId) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.sessions.create(botId))
			.withMessageContaining("botId");
		api.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void nullBotIdIsRejectedBeforeAnyIo() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.sessions.create(nullString()))
			.withMessageContaining("botId");
		api.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void withOptionsSendsOptionalHeadersAndSharesNothingBack() {
		stubSession("/api/v1/bot/bot-1/session/create");
		SessionClient tenant = this.sessions.withOptions((options) -> options.secret("sk-tenant")
			.runAsUserId("user-7")
			.timezone(java.time.ZoneId.of("Europe/Sofia"))
			.headers(Map.of("X-Trace", "t1")));
		tenant.create("bot-1");
		this.sessions.create("bot-1");
		api.verify(1,
				postRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer sk-tenant"))
					.withHeader("X-RunAs-User-Id", equalTo("user-7"))
					.withHeader("X-Timezone", equalTo("Europe/Sofia"))
					.withHeader("X-Trace", equalTo("t1")));
		api.verify(1, postRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer " + SECRET))
			.withoutHeader("X-RunAs-User-Id"));
	}

	@Test
	void toStringNeverShowsSecret() {
		assertThat(this.sessions.toString()).doesNotContain(SECRET).contains("******");
		assertThat(this.sessions.transport().options().toString()).doesNotContain(SECRET);
	}

	@SuppressWarnings("NullAway")
	private static String nullString() {
		return null;
	}

	private static void stubSession(String path) {
		api.stubFor(post(urlEqualTo(path)).willReturn(WireMock.okJson(ApiStub.SESSION_JSON)));
	}

	private static void stubError(int status, String json) {
		api.stubFor(post(anyUrl())
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(json)));
	}

}
