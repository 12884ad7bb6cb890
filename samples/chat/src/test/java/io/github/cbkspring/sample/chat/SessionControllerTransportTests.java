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

import io.github.cbkspring.client.bot.SessionClient;
import io.github.cbkspring.client.bot.SessionCreateResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * Tests that {@link SessionController} sends the page to the relay in relay mode,
 * whatever browser API base is set.
 *
 * @author cbkspring contributors
 */
@WebMvcTest(controllers = SessionController.class, properties = { "chatbotkit.secret=sk-test", "sample.bot-id=bot-7",
		"sample.transport=relay", "sample.browser-api-base=https://proxy.example.com/v1" })
class SessionControllerTransportTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private SessionClient sessionClient;

	@Test
	void relayModeHandsOutTheRelayPath() {
		given(this.sessionClient.create("bot-7")).willReturn(new SessionCreateResponse("bot-7", "conv-1", "tok-1",
				Instant.parse("2026-11-25T10:00:00Z"), List.of()));
		assertThat(this.mvc.post().uri("/api/sessions").accept(MediaType.APPLICATION_JSON).exchange()).hasStatusOk()
			.bodyJson()
			.satisfies((json) -> assertThat(json).extractingPath("$.apiBase").isEqualTo("/api"))
			.satisfies((json) -> assertThat(json).extractingPath("$.transport").isEqualTo("relay"));
	}

	@Test
	void modeSaysRelayAndNotDemoWithoutASession() {
		assertThat(this.mvc.get().uri("/api/mode").accept(MediaType.APPLICATION_JSON).exchange()).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"transport\":\"relay\",\"demo\":false}");
		then(this.sessionClient).shouldHaveNoInteractions();
	}

}
