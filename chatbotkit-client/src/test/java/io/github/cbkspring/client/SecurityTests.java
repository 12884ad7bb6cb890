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
import java.util.Map;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.bot.SessionCreateResponse;
import io.github.cbkspring.client.conversation.ConversationSession;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.error.ChatBotKitDecodingException;
import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.client.error.ChatBotKitHttpException;
import io.github.cbkspring.client.integration.slack.SlackIntegrationCreateRequest;
import io.github.cbkspring.client.secret.SecretCreateRequest;
import io.github.cbkspring.testsupport.ApiStub;
import io.github.cbkspring.testsupport.ClosedPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The security rules, each shown against real sockets: path variables never reach another
 * endpoint, and the secret never reaches a log, a message, or another host.
 *
 * @author cbkspring contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class SecurityTests {

	private static final String SECRET = "sk-live-Zq81-never-shown";

	private static final String PREFIX = "/api/v1/bot/";

	private static final String SUFFIX = "/session/create";

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static WireMockExtension otherHost = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private final ChatBotKitClient client = ChatBotKitClient.create(ChatBotKitOptions.builder()
		.secret(SECRET)
		.url(api.baseUrl())
		.retry(RetryOptions.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)))
		.build());

	/**
	 * Everything on the request path logs at TRACE: Spring's HTTP and observation code,
	 * this client, and HttpClient 5. HttpClient 5's wire and header logs print every
	 * header, as curl -v does: they are the one documented exception (README, Security).
	 */
	private static final Map<String, Level> LOG_LEVELS = Map.of("org.springframework", Level.TRACE,
			"io.github.cbkspring", Level.TRACE, "org.apache.hc.client5", Level.TRACE, "org.apache.hc.client5.http.wire",
			Level.INFO, "org.apache.hc.client5.http.headers", Level.INFO);

	@BeforeEach
	void logEverything() {
		LOG_LEVELS.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
	}

	@AfterEach
	void restoreLogging() {
		LOG_LEVELS.keySet().forEach((name) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(null));
	}

	static Stream<Arguments> hostileIds() {
		return Stream.of(Arguments.of("../x", "..%2Fx"), Arguments.of("a/b", "a%2Fb"), Arguments.of("a?b=c", "a%3Fb=c"),
				Arguments.of("a#b", "a%23b"), Arguments.of("%2e%2e", "%252e%252e"),
				Arguments.of("../conversation/c1/delete?", "..%2Fconversation%2Fc1%2Fdelete%3F"),
				Arguments.of("bøt ✓", "b%C3%B8t%20%E2%9C%93"), Arguments.of("a".repeat(1024), "a".repeat(1024)),
				Arguments.of(";x=1", ";x=1"));
	}

	@ParameterizedTest
	@MethodSource("hostileIds")
	void hostileBotIdReachesExactlyOnePathSegment(String botId, String expectedSegment) {
		api.stubFor(post(anyUrl()).willReturn(WireMock.okJson(ApiStub.SESSION_JSON)));
		this.client.sessions().create(botId);
		assertThat(api.getAllServeEvents()).singleElement()
			.satisfies((event) -> assertThat(event.getRequest().getUrl()).isEqualTo(PREFIX + expectedSegment + SUFFIX));
	}

	@ParameterizedTest
	@ValueSource(strings = { "..", ".", "", "   ", "a\nb", "a\u0000b", "a\u007fb" })
	void dotSegmentEmptyOrControlCharacterBotIdIsRefused(String botId) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.sessions().create(botId))
			.withMessageContaining("botId");
		api.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void overlongBotIdIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.sessions().create("a".repeat(1025)))
			.withMessageContaining("longer than 1024");
		api.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void redirectToAnotherHostNeverCarriesTheSecret() {
		otherHost.stubFor(post(anyUrl()).willReturn(WireMock.okJson(ApiStub.SESSION_JSON)));
		api.stubFor(post(anyUrl())
			.willReturn(aResponse().withStatus(307).withHeader("Location", otherHost.baseUrl() + "/steal")));
		assertThatExceptionOfType(ChatBotKitHttpException.class).isThrownBy(() -> this.client.sessions().create("b"))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(307));
		otherHost.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void secretNeverAppearsInLogsMessagesOrCauses(CapturedOutput output) {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"message\":\"Bad token " + SECRET + "\",\"code\":\"UNAUTHORIZED\"}")));
		Throwable unauthorized = catchThrowable(() -> this.client.sessions().create("b"));
		api.resetAll();
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503)));
		Throwable unavailable = catchThrowable(() -> this.client.sessions().create("b"));
		api.resetAll();
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/jsonl")
			.withBody("{\"type\":\"error\",\"data\":{\"message\":\"echo " + SECRET + "\"}}\n")));
		Throwable streamError = catchThrowable(() -> this.client.conversations().completeStream("c", "hi").toList());
		Throwable refused = catchThrowable(() -> ChatBotKitClient
			.create(ChatBotKitOptions.builder()
				.secret(SECRET)
				.url("http://127.0.0.1:" + ClosedPort.find())
				.retry(RetryOptions.disabled())
				.build())
			.sessions()
			.create("b"));
		for (Throwable failure : new Throwable[] { unauthorized, unavailable, streamError, refused }) {
			assertThat(failure).isInstanceOf(ChatBotKitException.class);
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				assertThat(String.valueOf(cause)).doesNotContain(SECRET);
				for (Throwable suppressed : cause.getSuppressed()) {
					assertThat(String.valueOf(suppressed)).doesNotContain(SECRET);
				}
			}
		}
		// proof that debug logging was on and captured: the retries were logged
		assertThat(output).contains("Retrying POST").doesNotContain(SECRET);
	}

	@ParameterizedTest
	@ValueSource(strings = { "org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire" })
	void engineHeaderLoggingThatWouldPrintTheSecretIsWarnedAbout(String log, CapturedOutput output) {
		((Logger) LoggerFactory.getLogger(log)).setLevel(Level.DEBUG);
		ChatBotKitClient.create(this.client.options());
		assertThat(output).contains("WARN").contains("DEBUG logging of '" + log + "'").doesNotContain(SECRET);
	}

	@Test
	void toStringOfEveryPublicValueMasksTheSecretAndTokens() {
		assertThat(this.client).asString().doesNotContain(SECRET);
		assertThat(this.client.options()).asString().doesNotContain(SECRET);
		assertThat(this.client.sessions()).asString().doesNotContain(SECRET);
		assertThat(this.client.conversations()).asString().doesNotContain(SECRET);
		assertThat(new SessionCreateResponse("b", "c", SECRET, java.time.Instant.EPOCH, java.util.List.of())).asString()
			.doesNotContain(SECRET);
		assertThat(new ConversationSession("c", SECRET, java.time.Instant.EPOCH)).asString().doesNotContain(SECRET);
		// generated records of the API's own credentials
		assertThat(SecretCreateRequest.builder().name("crm").value(SECRET).build()).asString()
			.contains("name=crm")
			.contains("value=******")
			.doesNotContain(SECRET);
		assertThat(SlackIntegrationCreateRequest.builder().botToken(SECRET).signingSecret(SECRET).build()).asString()
			.doesNotContain(SECRET);
	}

	static Stream<Arguments> answersThatDoNotFit() {
		String token = "tok-VERYSECRET-7f3a";
		return Stream.of(
				Arguments.of("{\"id\":\"b\",\"conversationId\":\"c\",\"token\":\"" + token
						+ "\",\"expiresAt\":\"not-a-time\"}", token, "expiresAt"),
				Arguments.of(
						"{\"id\":\"b\",\"conversationId\":\"c\",\"token\":{\"v\":\"" + token + "\"},\"expiresAt\":1}",
						token, "token"),
				Arguments.of("{\"id\":\"b\",\"conversationId\":\"c\",\"expiresAt\":\"" + token + "\"}", token,
						"expiresAt"),
				Arguments.of("{\"id\":\"b\",\"conversationId\":\"c\",\"token\":" + token + "}", token,
						"not valid JSON"),
				Arguments.of("{\"id\":\"b\",\"conversationId\":\"c\",\"token\":\"" + token, token, "not valid JSON"));
	}

	/**
	 * An answer holds session tokens and, from some endpoints, secrets' values: when it
	 * does not fit its type, the failure names the field and never quotes the answer or a
	 * value, in its message, its causes or the log.
	 */
	@ParameterizedTest
	@MethodSource("answersThatDoNotFit")
	void answerThatDoesNotFitItsTypeIsNeverQuoted(String answer, String token, String field, CapturedOutput output) {
		api.stubFor(post(urlPathEqualTo(PREFIX + "b" + SUFFIX)).willReturn(okJson(answer)));
		ChatBotKitDecodingException failure = catchThrowableOfType(() -> this.client.sessions().create("b"),
				ChatBotKitDecodingException.class);
		assertThat(failure).hasMessageContaining("SessionCreateResponse").hasMessageContaining(field);
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			assertThat(cause.getMessage()).doesNotContain(token).doesNotContain("conversationId");
		}
		assertThat(output).doesNotContain(token);
	}

}
