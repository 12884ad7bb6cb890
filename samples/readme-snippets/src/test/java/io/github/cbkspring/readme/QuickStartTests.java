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

package io.github.cbkspring.readme;

import java.time.Instant;
import java.util.List;

import io.github.cbkspring.client.bot.SessionClient;
import io.github.cbkspring.client.bot.SessionCreateResponse;
import io.github.cbkspring.client.error.ChatBotKitAuthenticationException;
import io.github.cbkspring.client.error.ChatBotKitError;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * The Quick start's controller answers with the JSON that the README shows, for a session
 * and for a failed call, with the README's {@code application.properties}.
 *
 * @author cbkspring contributors
 */
@WebMvcTest(controllers = SessionController.class,
		properties = { "chatbotkit.secret=sk-readme", "chatbotkit.problem-details.enabled=true" })
class QuickStartTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private SessionClient sessionClient;

	@Test
	void sessionIsTheJsonTheReadmeShows() {
		given(this.sessionClient.create("my-bot-id")).willReturn(new SessionCreateResponse("my-bot-id", "conv-1",
				"tok-1", Instant.parse("2026-01-01T10:00:00Z"), List.of()));
		MvcTestResult result = createSession();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().isStrictlyEqualTo(Documents.block("quick-start-session"));
	}

	@Test
	void rejectedSecretIsTheProblemTheReadmeShows() {
		given(this.sessionClient.create("my-bot-id")).willThrow(new ChatBotKitAuthenticationException(
				new ChatBotKitError(401, "UNAUTHORIZED", "Invalid secret", "req-1")));
		MvcTestResult result = createSession();
		assertThat(result).hasStatus(HttpStatus.BAD_GATEWAY).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().isStrictlyEqualTo(Documents.block("quick-start-problem"));
	}

	private MvcTestResult createSession() {
		return this.mvc.post().uri("/api/sessions").accept(MediaType.APPLICATION_JSON).exchange();
	}

}
