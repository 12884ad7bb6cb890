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

import java.time.Instant;
import java.util.List;

import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.bot.SessionClient;
import io.github.cbkspring.client.bot.SessionCreateResponse;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.error.ChatBotKitAuthenticationException;
import io.github.cbkspring.client.error.ChatBotKitError;
import io.github.cbkspring.client.error.ChatBotKitNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * Tests for {@link SessionController}. How the other ChatBotKit failures become problem
 * responses is the starter's ({@code chatbotkit.problem-details.enabled}) and tested
 * there; here only that the sample turns it on.
 *
 * @author cbkspring contributors
 */
@WebMvcTest(controllers = SessionController.class,
		properties = { "chatbotkit.secret=" + SessionControllerTests.SECRET, "sample.bot-id=bot-7" })
@ExtendWith(OutputCaptureExtension.class)
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
		givenSession();
		assertThat(createSession()).hasStatusOk().bodyJson().isStrictlyEqualTo("""
				{"conversationId":"conv-1","token":"tok-1","expiresAt":"2026-11-25T10:00:00Z",
				 "apiBase":"https://api.chatbotkit.com/v1","transport":"browser","demo":false}
				""");
	}

	@Test
	void unknownBotIsBadGatewayAndTheWarningNamesTheBot(CapturedOutput output) {
		given(this.sessionClient.create("bot-7")).willThrow(new ChatBotKitNotFoundException(error(404, "NOT_FOUND")));
		MvcTestResult result = createSession();
		assertThat(result).hasStatus(HttpStatus.BAD_GATEWAY).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("ChatBotKit does not know the bot this application is configured for.");
		assertThat(result).bodyText().doesNotContain(SECRET).doesNotContain(API_MESSAGE);
		assertThat(output.getOut().lines().filter((line) -> line.contains(" WARN "))).singleElement()
			.satisfies((line) -> assertThat(line).contains("bot 'bot-7'", "404 NOT_FOUND",
					"Check sample.bot-id (CHATBOTKIT_BOT_ID)."));
		assertThat(output).doesNotContain("\tat ").doesNotContain(SECRET);
	}

	@Test
	void otherFailuresBecomeProblemsThroughTheStarter(CapturedOutput output) {
		given(this.sessionClient.create("bot-7"))
			.willThrow(new ChatBotKitAuthenticationException(error(401, "UNAUTHORIZED")));
		MvcTestResult result = createSession();
		assertThat(result).hasStatus(HttpStatus.BAD_GATEWAY).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyText().doesNotContain(SECRET).doesNotContain(API_MESSAGE);
		assertThat(output).doesNotContain(SECRET);
	}

	private void givenSession() {
		given(this.sessionClient.create("bot-7")).willReturn(new SessionCreateResponse("bot-7", "conv-1", "tok-1",
				Instant.parse("2026-11-25T10:00:00Z"), List.of()));
		given(this.sessionClient.transport())
			.willReturn(ChatBotKitClient.create(ChatBotKitOptions.builder().secret(SECRET).build()));
	}

	private MvcTestResult createSession() {
		return this.mvc.post().uri("/api/sessions").accept(MediaType.APPLICATION_JSON).exchange();
	}

	private static ChatBotKitError error(int status, String code) {
		return new ChatBotKitError(status, code, API_MESSAGE, "req-9");
	}

}
