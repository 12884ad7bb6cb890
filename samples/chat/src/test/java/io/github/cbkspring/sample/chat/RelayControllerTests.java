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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.cbkspring.client.bot.SessionClient;
import io.github.cbkspring.client.bot.SessionCreateResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RelayController} over HTTP, against the demo API on {@code 127.0.0.1}:
 * another origin than the page's, which the relay reaches all the same. The server's
 * async timeout is set far below a long reply's time, as a server's default (30 s on
 * Tomcat) is below a long real reply's.
 *
 * @author cbkspring contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "chatbotkit.secret=",
		"sample.transport=relay", "spring.mvc.async.request-timeout=200ms", "sample.demo.word-delay=5ms" })
class RelayControllerTests {

	@Autowired
	private SessionClient sessionClient;

	@LocalServerPort
	private int port;

	@Test
	void relaysTheReplyAsServerSentEvents() {
		SessionCreateResponse session = this.sessionClient.create("my-bot");
		ResponseEntity<String> response = send(session.conversationId(), session.token(), "Grüße ✓");
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_EVENT_STREAM)).isTrue();
		List<String> events = events(response.getBody());
		assertThat(events).containsExactly("token:{\"token\":\"Demo\"}", "token:{\"token\":\" bot:\"}",
				"token:{\"token\":\" you\"}", "token:{\"token\":\" said\"}", "token:{\"token\":\" \\\"Grüße\"}",
				"token:{\"token\":\" ✓\\\"\"}",
				"result:{\"text\":\"Demo bot: you said \\\"Grüße ✓\\\"\",\"endReason\":\"stop\"}");
	}

	@Test
	void longReplyOutlastsTheServersAsyncTimeout() {
		SessionCreateResponse session = this.sessionClient.create("my-bot");
		String message = "word ".repeat(150).strip();
		// 150 words at 5 ms each take 750 ms, in the demo API and in the relay
		List<String> events = events(send(session.conversationId(), session.token(), message).getBody());
		assertThat(events).hasSize(155).last().asString().startsWith("result:");
	}

	@Test
	void rejectedTokenIsUnauthorizedSoThatThePageRenews() {
		SessionCreateResponse session = this.sessionClient.create("my-bot");
		ResponseEntity<String> response = send(session.conversationId(), "not-the-token", "Hi");
		assertThat(response.getStatusCode().value()).isEqualTo(401);
		assertThat(response.getBody())
			.contains("The session token is not valid for this conversation, or has expired.");
	}

	@Test
	void missingTokenIsUnauthorized() {
		SessionCreateResponse session = this.sessionClient.create("my-bot");
		ResponseEntity<String> response = send(session.conversationId(), null, "Hi");
		assertThat(response.getStatusCode().value()).isEqualTo(401);
		assertThat(response.getBody()).contains("A session token is required.");
	}

	@Test
	void blankMessageIsBadRequest() {
		SessionCreateResponse session = this.sessionClient.create("my-bot");
		assertThat(send(session.conversationId(), session.token(), "  ").getStatusCode().value()).isEqualTo(400);
	}

	@Test
	void messageOverTheLimitIsBadRequest() {
		SessionCreateResponse session = this.sessionClient.create("my-bot");
		String message = "x".repeat(RelayController.MAX_MESSAGE_LENGTH + 1);
		assertThat(send(session.conversationId(), session.token(), message).getStatusCode().value()).isEqualTo(400);
		assertThat(send(session.conversationId(), session.token(), message.substring(1)).getStatusCode().value())
			.isEqualTo(200);
	}

	// Server-Sent Events are UTF-8 by definition, whatever the content type says
	private ResponseEntity<String> send(String conversationId, String token, String text) {
		ResponseEntity<byte[]> response = exchange(conversationId, token, text);
		return ResponseEntity.status(response.getStatusCode())
			.headers(response.getHeaders())
			.body((response.getBody() != null) ? new String(response.getBody(), StandardCharsets.UTF_8) : "");
	}

	private ResponseEntity<byte[]> exchange(String conversationId, String token, String text) {
		return RestClient.create()
			.post()
			.uri("http://localhost:{port}/api/conversation/{id}/complete", this.port, conversationId)
			.headers((headers) -> {
				if (token != null) {
					headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
				}
			})
			.accept(MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_PROBLEM_JSON)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("text", text))
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(byte[].class);
	}

	/**
	 * The events of a Server-Sent Events body, each as {@code name:data}.
	 */
	private static List<String> events(String body) {
		List<String> events = new ArrayList<>();
		for (String block : body.split("\n\n")) {
			String name = null;
			StringBuilder data = new StringBuilder();
			for (String line : block.lines().toList()) {
				if (line.startsWith("event:")) {
					name = line.substring(6);
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5));
				}
			}
			if (name != null) {
				events.add(name + ":" + data);
			}
		}
		return events;
	}

}
