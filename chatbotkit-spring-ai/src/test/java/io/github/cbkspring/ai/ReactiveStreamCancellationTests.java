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

package io.github.cbkspring.ai;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.cbkspring.client.ChatBotKitReactiveClient;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.testsupport.ClosedPort;
import io.github.cbkspring.testsupport.LargeAnswerServer;
import io.github.cbkspring.testsupport.SilentServer;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Hooks;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for cancelling a {@link ChatBotKitChatModel#stream} on a reactive client: the
 * servers record that the client closed the connection, before the answer's headers and
 * in the middle of an answer far larger than every buffer, rather than how long anything
 * took. Each wait is a hang guard.
 *
 * @author cbkspring contributors
 */
class ReactiveStreamCancellationTests {

	private static final Duration HANG_GUARD = Duration.ofMinutes(2);

	private static final String TOKEN_LINE = "{\"type\":\"token\",\"data\":{\"token\":\"x\"}}\n";

	private final List<Throwable> dropped = new CopyOnWriteArrayList<>();

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	@BeforeEach
	void recordDroppedErrors() {
		Hooks.onErrorDropped(this.dropped::add);
	}

	@AfterEach
	void resetHooks() {
		Hooks.resetOnErrorDropped();
	}

	@Test
	void cancellingBeforeTheAnswersHeadersClosesTheConnection() throws Exception {
		try (SilentServer server = new SilentServer()) {
			List<Object> signals = new CopyOnWriteArrayList<>();
			Disposable subscription = model(server.url()).stream(new Prompt("Hi"))
				.subscribe(signals::add, signals::add, () -> signals.add("complete"));
			server.awaitRequest();

			subscription.dispose();

			server.awaitClosed();
			assertThat(signals).as("nothing emitted after the cancel").isEmpty();
			assertThat(this.dropped).as("errors after the cancel").isEmpty();
			TestObservationRegistryAssert.assertThat(this.observations)
				.hasSingleObservationThat()
				.hasBeenStarted()
				.hasBeenStopped();
		}
	}

	@Test
	void cancellingMidStreamAbortsTheAnswer() {
		try (LargeAnswerServer server = new LargeAnswerServer("200 OK", "Content-Type: application/jsonl\r\n",
				LargeAnswerServer.repeated(TOKEN_LINE))) {
			List<ChatResponse> responses = model(server.url()).stream(new Prompt("Hi"))
				.take(3)
				.collectList()
				.block(HANG_GUARD);

			assertThat(responses).extracting((response) -> response.getResult().getOutput().getText())
				.containsExactly("x", "x", "x");
			server.assertEveryAnswerAbandoned();
			assertThat(this.dropped).as("errors after the cancel").isEmpty();
			TestObservationRegistryAssert.assertThat(this.observations)
				.hasSingleObservationThat()
				.hasBeenStarted()
				.hasBeenStopped();
		}
	}

	private ChatBotKitChatModel model(String url) {
		ChatBotKitOptions options = ChatBotKitOptions.builder()
			.secret(CompletionApi.SECRET)
			.url(url)
			.retry(RetryOptions.disabled())
			.build();
		// a blocking client of a closed port: a stream that used it would fail
		return ChatBotKitChatModel.builder()
			.conversationClient(CompletionApi.conversations("http://127.0.0.1:" + ClosedPort.find()))
			.reactiveConversationClient(ChatBotKitReactiveClient.create(options).conversations())
			.options(ChatBotKitChatOptions.builder().botId("bot-1").build())
			.observationRegistry(this.observations)
			.build();
	}

}
