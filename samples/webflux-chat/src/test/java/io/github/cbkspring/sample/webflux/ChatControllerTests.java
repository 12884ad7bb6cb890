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

package io.github.cbkspring.sample.webflux;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.cbkspring.test.ChatBotKitFake;
import io.github.cbkspring.test.ChatBotKitFakeAssert;
import io.github.cbkspring.test.Completion;
import io.github.cbkspring.test.Fault;
import io.github.cbkspring.test.Gate;
import io.github.cbkspring.test.autoconfigure.AutoConfigureChatBotKit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChatController} on a running server, its reactive client pointed at
 * the test kit's ChatBotKit fake: the events a browser receives, and what its going away
 * does to the call to ChatBotKit.
 *
 * @author cbkspring contributors
 */
// a read timeout far beyond the hang guards: only a cancel ends a held call to ChatBotKit
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.bot-id=support-bot", "chatbotkit.read-timeout=10m" })
@AutoConfigureChatBotKit
@AutoConfigureWebTestClient(timeout = "PT2M")
class ChatControllerTests {

	private static final Duration HANG_GUARD = Duration.ofMinutes(2);

	private static final String ERROR = "{\"message\":\"The bot could not answer. Please try again.\"}";

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT = new ParameterizedTypeReference<>() {
	};

	@Autowired
	WebTestClient webTestClient;

	@Autowired
	ChatBotKitFake chatBotKit;

	@Autowired
	UpstreamCancels upstreamCancels;

	@LocalServerPort
	int port;

	@BeforeEach
	void armTheCancelLatch() {
		this.upstreamCancels.arm();
	}

	@Test
	void relaysTheReplyTokenByTokenThenItsEndReason() {
		this.chatBotKit.completions().whenUserSays("Hi").reply("Hel", " lo", "!");
		StepVerifier.create(events("Hi"))
			.assertNext((event) -> assertEvent(event, "token", "{\"token\":\"Hel\"}"))
			.assertNext((event) -> assertEvent(event, "token", "{\"token\":\" lo\"}"))
			.assertNext((event) -> assertEvent(event, "token", "{\"token\":\"!\"}"))
			.assertNext((event) -> assertEvent(event, "done", "{\"text\":\"Hel lo!\",\"endReason\":\"stop\"}"))
			.expectComplete()
			.verify(HANG_GUARD);
		ChatBotKitFakeAssert.assertThat(this.chatBotKit)
			.receivedCompletion()
			.withBotId("support-bot")
			.withUserMessage("Hi");
	}

	@Test
	void aFailureAfterSomeTokensEndsWithAnErrorEvent() {
		this.chatBotKit.completions().otherwise().reply(Completion.reply("Hel", "lo").errorAfter(1, "overloaded"));
		StepVerifier.create(events("Hi"))
			.assertNext((event) -> assertEvent(event, "token", "{\"token\":\"Hel\"}"))
			.assertNext((event) -> assertEvent(event, "error", ERROR))
			.expectComplete()
			.verify(HANG_GUARD);
	}

	@Test
	void aRefusedCallIsAnErrorEvent() {
		this.chatBotKit.completions().otherwise().fail(Fault.unauthorized());
		StepVerifier.create(events("Hi"))
			.assertNext((event) -> assertEvent(event, "error", ERROR))
			.expectComplete()
			.verify(HANG_GUARD);
	}

	/**
	 * A browser that goes away closes its connection: a plain {@code WebClient} does so
	 * when its subscription is cancelled, where {@code WebTestClient} keeps the
	 * connection.
	 */
	@Test
	void aBrowserThatGoesAwayCancelsTheCallToChatBotKit() throws InterruptedException {
		Gate gate = new Gate();
		this.chatBotKit.completions().otherwise().reply(Completion.reply("Hel", "lo").heldBy(gate));
		Flux<ServerSentEvent<String>> browser = WebClient.create("http://127.0.0.1:" + this.port)
			.get()
			.uri("/chat?message=Hi")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(EVENT);
		try {
			StepVerifier.create(browser).then(() -> awaitHeld(gate)).thenCancel().verify(HANG_GUARD);
			assertThat(this.upstreamCancels.latch().await(HANG_GUARD.toMinutes(), TimeUnit.MINUTES))
				.as("the call to ChatBotKit was cancelled")
				.isTrue();
		}
		finally {
			gate.release();
		}
	}

	private Flux<ServerSentEvent<String>> events(String message) {
		return this.webTestClient.get()
			.uri((uri) -> uri.path("/chat").queryParam("message", message).build())
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody();
	}

	private static void awaitHeld(Gate gate) {
		try {
			assertThat(gate.awaitHeld(HANG_GUARD)).as("ChatBotKit holds the reply").isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void assertEvent(ServerSentEvent<String> event, String name, String data) {
		assertThat(event.event()).isEqualTo(name);
		assertThat(event.data()).isEqualTo(data);
	}

	/**
	 * Counts down when a call of the ChatBotKit client is cancelled: before its answer's
	 * headers are taken or while its body is read. The client also cancels a body it has
	 * read to its result, so each test arms a fresh latch.
	 */
	static final class UpstreamCancels {

		private final AtomicReference<CountDownLatch> latch = new AtomicReference<>(new CountDownLatch(1));

		void arm() {
			this.latch.set(new CountDownLatch(1));
		}

		CountDownLatch latch() {
			return this.latch.get();
		}

		void cancelled() {
			this.latch.get().countDown();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RecordingClientConfiguration {

		@Bean
		UpstreamCancels upstreamCancels() {
			return new UpstreamCancels();
		}

		/**
		 * The builder the starter makes the reactive client with, recording cancels.
		 */
		@Bean
		WebClient.Builder webClientBuilder(UpstreamCancels cancels) {
			return WebClient.builder()
				.filter((request, next) -> next.exchange(request)
					.doOnCancel(cancels::cancelled)
					.map((response) -> response.mutate().body((body) -> body.doOnCancel(cancels::cancelled)).build()));
		}

	}

}
