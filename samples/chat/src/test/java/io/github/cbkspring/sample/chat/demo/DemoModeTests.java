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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.bot.SessionClient;
import io.github.cbkspring.client.bot.SessionCreateResponse;
import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.conversation.ConversationClient;
import io.github.cbkspring.client.dataset.SearchMatch;
import io.github.cbkspring.client.error.ChatBotKitAuthenticationException;
import io.github.cbkspring.client.error.ChatBotKitStreamException;
import io.github.cbkspring.sample.chat.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import io.github.cbkspring.sample.chat.ChatSampleApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for demo mode: the test kit's fake, scripted as the demo bot and seeded with the
 * demo dataset, called through the starter's client as the sample calls it.
 *
 * @author cbkspring contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "chatbotkit.secret=", "spring.mvc.async.request-timeout=200ms", "sample.demo.word-delay=5ms" })
@Import(MutableClock.Config.class)
class DemoModeTests {

	@Autowired
	private SessionClient sessionClient;

	@Autowired
	private ChatBotKitClient client;

	@Autowired
	private MutableClock clock;

	@Autowired
	private DemoApi demoApi;

	@Value("${sample.browser-api-base}")
	private String browserApiBase;

	@Value("${spring.ai.vectorstore.chatbotkit.dataset-id}")
	private String datasetId;

	@Test
	void starterAndPageArePointedAtTheDemoApi() {
		assertThat(this.demoApi.url()).matches("http://127\\.0\\.0\\.1:\\d+");
		assertThat(this.sessionClient.transport().options().baseUri()).isEqualTo(this.demoApi.url() + "/api/v1");
		assertThat(this.browserApiBase).isEqualTo(this.demoApi.url() + "/api/v1");
		assertThat(this.datasetId).isEqualTo(this.demoApi.datasetId());
	}

	@Test
	void sessionTokenExpiresByTheApplicationsClock() {
		SessionCreateResponse session = this.sessionClient.create("my-bot");
		assertThat(session.expiresAt())
			.isEqualTo(Instant.ofEpochMilli(this.clock.instant().plus(Duration.ofHours(1)).toEpochMilli()));
		ConversationClient conversation = this.client.withSecret(session.token()).conversations();
		assertThat(conversation.complete(session.conversationId(), "Hi").text()).isEqualTo("Demo bot: you said \"Hi\"");
		this.clock.advance(Duration.ofHours(1));
		assertThatExceptionOfType(ChatBotKitAuthenticationException.class)
			.isThrownBy(() -> conversation.complete(session.conversationId(), "Hi"));
	}

	@Test
	void anotherSecretIsRefused() {
		SessionClient impostor = this.sessionClient.withOptions((options) -> options.secret("demo-guess"));
		assertThatExceptionOfType(ChatBotKitAuthenticationException.class).isThrownBy(() -> impostor.create("my-bot"));
	}

	@Test
	void botStreamsTheEchoWordByWord() {
		SessionCreateResponse session = this.sessionClient.create("my-bot");
		try (Stream<CompletionEvent> events = this.client.withSecret(session.token())
			.conversations()
			.completeStream(session.conversationId(), "Grüße ✓")) {
			assertThat(events.filter(CompletionEvent.Token.class::isInstance)).containsExactly(
					new CompletionEvent.Token("Demo"), new CompletionEvent.Token(" bot:"),
					new CompletionEvent.Token(" you"), new CompletionEvent.Token(" said"),
					new CompletionEvent.Token(" \"Grüße"), new CompletionEvent.Token(" ✓\""));
		}
	}

	@Test
	void failingMessageStreamsHalfTheTokensThenAnErrorEvent() {
		SessionCreateResponse session = this.sessionClient.create("my-bot");
		ConversationClient conversation = this.client.withSecret(session.token()).conversations();
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
			assertThat(events.toList()).filteredOn(CompletionEvent.Token.class::isInstance).hasSize(154);
		}
	}

	@Test
	void shortReplyKeepsTheUsualPaceAndALongOneFinishesInTime() {
		assertThat(DemoApi.pause(Duration.ofMillis(60), 8)).isEqualTo(Duration.ofMillis(60));
		// 10 s over 1,000 words
		assertThat(DemoApi.pause(Duration.ofMillis(60), 1000)).isEqualTo(Duration.ofMillis(10));
	}

	@Test
	void datasetHoldsTheDemoRecords() {
		List<SearchMatch> found = this.client.datasets().search(this.datasetId, "Which embedding model?").records();
		assertThat(found.get(0).text()).isEqualTo("ChatBotKit embeds and searches dataset records itself,"
				+ " so a Spring AI application needs no embedding model.");
		assertThat(found.get(0).source()).isEqualTo("docs/spring-ai.md");
		assertThat(found).hasSize(4);
	}

	@Test
	void keepsTheLastRequestsOnly() {
		for (int i = 0; i <= DemoApi.REQUESTS_KEPT; i++) {
			this.client.datasets().search(this.datasetId, "request " + i);
		}
		assertThat(this.demoApi.requests()).hasSize(DemoApi.REQUESTS_KEPT)
			.last()
			.satisfies((request) -> assertThat(request.json()).containsEntry("search",
					"request " + DemoApi.REQUESTS_KEPT));
	}

	@Test
	void demoApiClosesWithTheContext() {
		DemoApi api;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ChatSampleApplication.class)
			.properties("chatbotkit.secret=", "server.port=0")
			.run()) {
			api = context.getBean(DemoApi.class);
			assertThat(this.client.withOptions((options) -> options.url(api.url()).secret(api.secret()))
				.datasets()
				.search(api.datasetId(), "demo")
				.records()).isNotEmpty();
		}
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> this.client.withOptions((options) -> options.url(api.url()).secret(api.secret()))
				.datasets()
				.search(api.datasetId(), "demo"));
	}

}
