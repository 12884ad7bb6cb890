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

package io.github.cbkspring.test.autoconfigure;

import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.error.ChatBotKitAuthenticationException;
import io.github.cbkspring.client.error.ChatBotKitServerException;
import io.github.cbkspring.test.ChatBotKitFake;
import io.github.cbkspring.test.Fault;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.github.cbkspring.test.ChatBotKitFakeAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @AutoConfigureChatBotKit} in the {@code @WebMvcTest} slice: the controller's
 * session client calls the fake.
 *
 * @author cbkspring contributors
 */
@WebMvcTest(SessionController.class)
@AutoConfigureChatBotKit
class WebMvcTestTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ChatBotKitFake fake;

	@Test
	void sessionComesFromTheFake() {
		assertThat(this.mvc.post().uri("/api/sessions")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.token")
			.asString()
			.startsWith("session-token-");
		assertThat(this.fake).receivedRequest("POST", "/bot/support-bot/session/create");
	}

	@Test
	void failureOfTheApiReachesTheController() {
		this.fake.failNext(Fault.unauthorized());
		assertThat(this.mvc.post().uri("/api/sessions")).hasFailed()
			.failure()
			.hasRootCauseInstanceOf(ChatBotKitAuthenticationException.class);
	}

	@Test
	void retriesOfTheClientMeetEveryQueuedFault() {
		this.fake.failNext(Fault.serverError(503), 3);
		assertThat(this.mvc.post().uri("/api/sessions")).hasFailed()
			.failure()
			.hasRootCauseInstanceOf(ChatBotKitServerException.class);
		assertThat(this.fake.requests()).hasSize(RetryOptions.DEFAULT_MAX_ATTEMPTS);
	}

}
