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

package io.github.cbkspring.autoconfigure.restclienttest;

import java.time.Instant;

import io.github.cbkspring.client.bot.SessionCreateResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.restclient.test.autoconfigure.RestClientTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/**
 * A {@code @RestClientTest} of a service that uses the ChatBotKit client, written as a
 * user would write it: the starter joins the slice, and {@link MockRestServiceServer}
 * answers for the ChatBotKit API.
 *
 * @author cbkspring contributors
 */
// tag::rest-client-test[]
@RestClientTest(components = SupportChatService.class, properties = "chatbotkit.secret=sk-test")
class SupportChatServiceTests {

	@Autowired
	private SupportChatService service;

	@Autowired
	private MockRestServiceServer server;

	@Test
	void startChatCreatesSession() {
		this.server.expect(requestTo("https://api.chatbotkit.com/v1/bot/bot-1/session/create"))
			.andExpect(method(HttpMethod.POST))
			.andExpect(header(HttpHeaders.AUTHORIZATION, "Bearer sk-test"))
			.andRespond(withSuccess("""
					{"id": "bot-1", "conversationId": "conv-1", "token": "tok-1", "expiresAt": 1767225600000}
					""", MediaType.APPLICATION_JSON));
		SessionCreateResponse session = this.service.startChat();
		assertThat(session.conversationId()).isEqualTo("conv-1");
		assertThat(session.token()).isEqualTo("tok-1");
		assertThat(session.expiresAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
		this.server.verify();
	}

}
// end::rest-client-test[]
