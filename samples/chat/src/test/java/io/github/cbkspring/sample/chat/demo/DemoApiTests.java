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

package io.github.cbkspring.sample.chat.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.bot.SessionClient;
import io.github.cbkspring.client.bot.SessionCreateResponse;
import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.conversation.ConversationClient;
import io.github.cbkspring.client.error.ChatBotKitAuthenticationException;
import io.github.cbkspring.client.error.ChatBotKitHttpException;
import io.github.cbkspring.client.error.ChatBotKitStreamException;
import io.github.cbkspring.sample.chat.MutableClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the demo API, called through the starter's client as the sample calls it.
 *
 * @author cbkspring contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "chatbotkit.secret=", "spring.mvc.async.request-timeout=200ms", "sample.demo.word-delay=5ms" })
@Import(MutableClock.Config.class)
class DemoApiTests {

	private static final String COMPLETE = "/conversation/{conversationId}/complete";

	@Autowired
	private SessionClient sessionClient;

	@Autowired
	private ChatBotKitClient client;

	@Autowired
	private MutableClock clock;

	@Autowired
	private JsonMapper jsonMapper;

	@LocalServerPort
	private int port;

	@Test
	void starterIsPointedAtTheDemoApi() {
		assertThat(this.sessionClient.transport().options().baseUri()).isEqualTo("http://127.0.0.1/demo-api/v1");
	}

	@Test
	void createSessionAnswersForTheBotWithATenMinuteToken() {
		SessionCreateResponse session = this.sessionClient.create("my-bot");
		assertThat(session.id()).isEqualTo("my-bot");
		assertThat(session.conversationId()).startsWith("demo-conversation-");
		assertThat(session.token()).isNotBlank();
		assertThat(session.expiresAt())
			.isEqualTo(Instant.ofEpochMilli(this.clock.instant().plus(Duration.ofMinutes(10)).toEpochMilli()));
	}

	@Test
	void createSessionRejectsAnotherSecret() {
		SessionClient impostor = this.sessionClient.withOptions((options) -> options.secret("demo-guess"));
		assertThatExceptionOfType(ChatBotKitAuthenticationException.class).isThrownBy(() -> impostor.create("my-bot"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("UNAUTHORIZED"));
	}

	@Test
	void completeAnswersWithTheEchoAsJson() {
		SessionCreateResponse session = this.sessionClient.create("my-bot");
		Map<?, ?> result = asConversation(session.token()).post(COMPLETE, Map.of("text", "Hello there"), Map.class,
				session.conversationId());
		assertThat(result.get("text")).isEqualTo("Demo bot: you said \"Hello there\"");
		assertThat(result.get("end")).isEqualTo(Map.of("reason", "stop"));
	}

	@Test
	void completeRejectsTheTokenOfAnotherConversation() {
		SessionCreateResponse mine = this.sessionClient.create("my-bot");
		SessionCreateResponse other = this.sessionClient.create("my-bot");
		assertThatExceptionOfType(ChatBotKitAuthenticationException.class)
			.isThrownBy(() -> asConversation(other.token()).post(COMPLETE, Map.of("text", "Hi"), Map.class,
					mine.conversationId()));
	}

	@Test
	void completeRejectsAnExpiredToken() {
		SessionCreateResponse session = this.sessionClient.create("my-bot");
		this.clock.advance(Duration.ofMinutes(10));
		assertThatExceptionOfType(ChatBotKitAuthenticationException.class)
			.isThrownBy(() -> asConversation(session.token()).post(COMPLETE, Map.of("text", "Hi"), Map.class,
					session.conversationId()));
	}

	@Test
	void completeRejectsEmptyText() {
		SessionCreateResponse session = this.sessionClient.create("my-bot");
		assertThatExceptionOfType(ChatBotKitHttpException.class).isThrownBy(() -> asConversation(session.token())
			.post(COMPLETE, Map.of("text", " "), Map.class, session.conversationId()))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(400));
	}

	@Test
	void completeStreamsWordTokensThenTheResultAsJsonLines() {
		SessionCreateResponse session = this.sessionClient.create("my-bot");
		ResponseEntity<byte[]> response = RestClient.create()
			.post()
			.uri("http://127.0.0.1:{port}/demo-api/v1/conversation/{id}/complete", this.port, session.conversationId())
			.header("Authorization", "Bearer " + session.token())
			.accept(MediaType.parseMediaType("application/jsonl"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("text", "Grüße ✓"))
			.retrieve()
			.toEntity(byte[].class);
		assertThat(response.getHeaders().getContentType()).hasToString("application/jsonl");
		List<JsonNode> events = new String(response.getBody(), StandardCharsets.UTF_8).lines()
			.map(this.jsonMapper::readTree)
			.toList();
		assertThat(events).extracting((event) -> event.get("type").asString())
			.containsExactly("token", "token", "token", "token", "token", "token", "result");
		assertThat(events.subList(0, 6)).extracting((event) -> event.get("data").get("token").asString())
			.containsExactly("Demo", " bot:", " you", " said", " \"Grüße", " ✓\"");
		JsonNode result = events.get(6).get("data");
		assertThat(result.get("text").asString()).isEqualTo("Demo bot: you said \"Grüße ✓\"");
		assertThat(result.get("usage").get("token").asInt()).isEqualTo(6);
		assertThat(result.get("end").get("reason").asString()).isEqualTo("stop");
	}

	@Test
	void failingMessageStreamsHalfTheTokensThenAnErrorEvent() {
		SessionCreateResponse session = this.sessionClient.create("my-bot");
		ConversationClient conversation = this.client.withOptions((options) -> options.secret(session.token()))
			.conversations();
		List<CompletionEvent> received = new ArrayList<>();
		assertThatExceptionOfType(ChatBotKitStreamException.class).isThrownBy(() -> {
			try (Stream<CompletionEvent> events = conversation.completeStream(session.conversationId(), " /FAIL ")) {
				events.forEach(received::add);
			}
		}).withMessageContaining("demo failure");
		assertThat(received).containsExactly(new CompletionEvent.Token("Demo"), new CompletionEvent.Token(" bot:"));
	}

	@Test
	void longReplyOutlastsTheServersAsyncTimeout() {
		// 150 words at 5 ms each take 750 ms; the server's async timeout is 200 ms
		SessionCreateResponse session = this.sessionClient.create("my-bot");
		try (Stream<CompletionEvent> events = this.client.withSecret(session.token())
			.conversations()
			.completeStream(session.conversationId(), "word ".repeat(150).strip())) {
			List<CompletionEvent> received = events.toList();
			assertThat(received).hasSize(155).last().isInstanceOf(CompletionEvent.Result.class);
		}
	}

	private ChatBotKitClient asConversation(String token) {
		return this.client.withSecret(token);
	}

}
