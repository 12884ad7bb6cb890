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

import io.github.cbkspring.test.ChatBotKitFake;
import io.github.cbkspring.test.Fault;
import io.github.cbkspring.test.autoconfigure.AutoConfigureChatBotKit;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.github.cbkspring.test.ChatBotKitFakeAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Testing your application": the Quick start's controller against the fake
 * ChatBotKit of {@code chatbotkit-spring-boot-test}.
 *
 * @author cbkspring contributors
 */
// tag::testing-web-mvc[]
@WebMvcTest(controllers = SessionController.class, properties = "chatbotkit.problem-details.enabled=true")
@AutoConfigureChatBotKit
class SessionControllerFakeTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ChatBotKitFake chatBotKit;

	@Test
	void handsOutASessionOfTheBot() {
		assertThat(this.mvc.post().uri("/api/sessions")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.conversationId")
			.isNotNull();
		assertThat(this.chatBotKit).receivedRequest("POST", "/bot/my-bot-id/session/create");
	}

	@Test
	void revokedSecretIsABadGateway() {
		this.chatBotKit.failNext(Fault.unauthorized());
		assertThat(this.mvc.post().uri("/api/sessions")).hasStatus(502);
	}

}
// end::testing-web-mvc[]
