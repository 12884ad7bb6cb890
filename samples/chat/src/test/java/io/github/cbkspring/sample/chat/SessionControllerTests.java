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

package io.github.cbkspring.sample.chat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.cbkspring.client.ChatBotKitAuthenticationException;
import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.ChatBotKitConnectionException;
import io.github.cbkspring.client.ChatBotKitDecodingException;
import io.github.cbkspring.client.ChatBotKitError;
import io.github.cbkspring.client.ChatBotKitNotFoundException;
import io.github.cbkspring.client.ChatBotKitOptions;
import io.github.cbkspring.client.ChatBotKitPermissionException;
import io.github.cbkspring.client.ChatBotKitRateLimitException;
import io.github.cbkspring.client.ChatBotKitServerException;
import io.github.cbkspring.client.ChatBotKitTimeoutException;
import io.github.cbkspring.client.bot.SessionClient;
import io.github.cbkspring.client.bot.SessionCreateResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * Tests for {@link SessionController} and {@link ChatBotKitProblemHandler}.
 *
 * @author cbkspring contributors
 */
@WebMvcTest(controllers = SessionController.class,
		properties = { "chatbotkit.secret=" + SessionControllerTests.SECRET, "sample.bot-id=bot-7" })
class SessionControllerTests {

	static final String SECRET = "sk-test-secret-123";

	// An API message that echoes the secret: the browser must see neither
	private static final String API_MESSAGE = "Secret " + SECRET + " is invalid";

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private SessionClient sessionClient;

	@Test
	void createReturnsSessionAndApiBaseOfTheClient() {
		given(this.sessionClient.create("bot-7")).willReturn(new SessionCreateResponse("bot-7", "conv-1", "tok-1",
				Instant.parse("2026-11-25T10:00:00Z"), List.of()));
		given(this.sessionClient.client())
			.willReturn(ChatBotKitClient.create(ChatBotKitOptions.builder().secret(SECRET).build()));
		assertThat(createSession()).hasStatusOk().bodyJson().isStrictlyEqualTo("""
				{"conversationId":"conv-1","token":"tok-1","expiresAt":"2026-11-25T10:00:00Z",
				 "apiBase":"https://api.chatbotkit.com/v1"}
				""");
	}

	@Test
	void rejectedSecretIsBadGateway() {
		given(this.sessionClient.create("bot-7"))
			.willThrow(new ChatBotKitAuthenticationException(error(401, "UNAUTHORIZED")));
		assertProblem(createSession(), HttpStatus.BAD_GATEWAY, "ChatBotKit rejected this application's credentials.");
	}

	@Test
	void forbiddenIsBadGateway() {
		given(this.sessionClient.create("bot-7")).willThrow(new ChatBotKitPermissionException(error(403, "FORBIDDEN")));
		assertProblem(createSession(), HttpStatus.BAD_GATEWAY, "ChatBotKit rejected this application's credentials.");
	}

	@Test
	void unknownBotIsBadGateway() {
		given(this.sessionClient.create("bot-7")).willThrow(new ChatBotKitNotFoundException(error(404, "NOT_FOUND")));
		assertProblem(createSession(), HttpStatus.BAD_GATEWAY,
				"ChatBotKit does not know the bot this application is configured for.");
	}

	@Test
	void rateLimitIsPassedOnWithRetryAfterInWholeSeconds() {
		given(this.sessionClient.create("bot-7"))
			.willThrow(new ChatBotKitRateLimitException(error(429, "TOO_MANY_REQUESTS"), Duration.ofMillis(2500)));
		MvcTestResult result = createSession();
		assertProblem(result, HttpStatus.TOO_MANY_REQUESTS, "ChatBotKit is limiting requests; try again later.");
		assertThat(result).hasHeader(HttpHeaders.RETRY_AFTER, "3");
	}

	@Test
	void rateLimitWithoutRetryAfterHasNoRetryAfter() {
		given(this.sessionClient.create("bot-7"))
			.willThrow(new ChatBotKitRateLimitException(error(429, "TOO_MANY_REQUESTS"), null));
		assertThat(createSession()).doesNotContainHeader(HttpHeaders.RETRY_AFTER);
	}

	@Test
	void serverErrorIsBadGateway() {
		given(this.sessionClient.create("bot-7"))
			.willThrow(new ChatBotKitServerException(error(500, "INTERNAL_ERROR"), null));
		assertProblem(createSession(), HttpStatus.BAD_GATEWAY, "ChatBotKit could not create a chat session.");
	}

	@Test
	void unreadableAnswerIsBadGateway() {
		given(this.sessionClient.create("bot-7")).willThrow(new ChatBotKitDecodingException("Not JSON", null));
		assertProblem(createSession(), HttpStatus.BAD_GATEWAY, "ChatBotKit could not create a chat session.");
	}

	@Test
	void timeoutIsGatewayTimeout() {
		given(this.sessionClient.create("bot-7"))
			.willThrow(new ChatBotKitTimeoutException("Read timed out", new SocketTimeoutException(), true));
		assertProblem(createSession(), HttpStatus.GATEWAY_TIMEOUT, "ChatBotKit did not answer in time.");
	}

	@Test
	void connectionFailureIsServiceUnavailable() {
		given(this.sessionClient.create("bot-7"))
			.willThrow(new ChatBotKitConnectionException("Connection refused", new IOException(), false));
		assertProblem(createSession(), HttpStatus.SERVICE_UNAVAILABLE, "ChatBotKit could not be reached.");
	}

	@Test
	void problemCarriesApiCodeAndRequestId() {
		given(this.sessionClient.create("bot-7"))
			.willThrow(new ChatBotKitAuthenticationException(error(401, "UNAUTHORIZED")));
		assertThat(createSession()).bodyJson()
			.satisfies((json) -> assertThat(json).extractingPath("$.code").isEqualTo("UNAUTHORIZED"))
			.satisfies((json) -> assertThat(json).extractingPath("$.requestId").isEqualTo("req-9"));
	}

	private MvcTestResult createSession() {
		return this.mvc.post().uri("/api/sessions").accept(MediaType.APPLICATION_JSON).exchange();
	}

	private static ChatBotKitError error(int status, String code) {
		return new ChatBotKitError(status, code, API_MESSAGE, "req-9");
	}

	private static void assertProblem(MvcTestResult result, HttpStatus status, String detail) {
		assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo(status.getReasonPhrase());
		assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo(detail);
		assertThat(result).bodyText().doesNotContain(SECRET).doesNotContain(API_MESSAGE).doesNotContain("Exception");
	}

}
