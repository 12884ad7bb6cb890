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

package io.github.cbkspring.test;

import java.util.Map;

import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.bot.BotRequest;
import io.github.cbkspring.client.bot.SessionCreateResponse;
import io.github.cbkspring.client.conversation.CompletionRequest;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.Message;
import io.github.cbkspring.client.error.ChatBotKitHttpException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.github.cbkspring.test.ChatBotKitFakeAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The assertions on what an application sent: they pass when it was sent, fail naming
 * what was, and never show a credential; nor does the fake's log.
 *
 * @author cbkspring contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class ChatBotKitFakeAssertTests {

	private static final String SECRET = "sk-assert-secret-4711";

	@AutoClose
	static ChatBotKitFake fake = ChatBotKitFake.start(SECRET);

	@AutoClose
	static ChatBotKitClient client = Clients.client(fake);

	@AfterEach
	void reset() {
		fake.reset();
	}

	@Test
	void receivedCompletionHoldsForARequestWithEveryDetail() {
		client.conversations().complete(ask("b1", "Hi"));
		client.conversations().complete(ask("b2", "Bye"));
		assertThat(fake).receivedCompletion().withBotId("b1").withUserMessage("Hi");
		assertThat(fake).receivedCompletion().withBotId("b2").withUserMessage("Bye");
		assertThat(fake).receivedRequest("POST", "/conversation/complete");
		assertThat(fake).requests().hasSize(2);
	}

	@Test
	void detailsMustMeetInOneRequest() {
		client.conversations().complete(ask("b1", "Hi"));
		client.conversations().complete(ask("b2", "Bye"));
		assertThat(fails(() -> assertThat(fake).receivedCompletion().withBotId("b1").withUserMessage("Bye")))
			.contains("Expected a completion request with user message <Bye>")
			.contains("\"botId\":\"b1\"");
	}

	@Test
	void failureNamesWhatWasReceived() {
		client.bots().create(BotRequest.builder().name("Not a completion").build());
		assertThat(fails(() -> assertThat(fake).receivedCompletion())).contains(
				"Expected a completion request, but received: [POST /bot/create {\"name\":\"Not a completion\"}]");
		assertThat(fails(() -> assertThat(fake).receivedRequest("GET", "/bot/list")))
			.contains("Expected a request GET /bot/list");
		assertThat(fake).receivedNoCompletion();
	}

	@Test
	void receivedNoCompletionFailsAfterOne() {
		client.conversations().complete(ask("b1", "Hi"));
		assertThat(fails(() -> assertThat(fake).receivedNoCompletion())).contains("Expected no completion request");
		assertThat(fails(() -> assertThat(fake).receivedCompletion().withBotId("b9"))).contains("bot id <b9>");
		assertThat(fails(() -> assertThat(fake).receivedCompletion().withConversationId("c9")))
			.contains("conversation <c9>");
		assertThat(fails(() -> assertThat(fake).receivedCompletion().withFunction("f"))).contains("function <f>");
	}

	@Test
	void noCredentialInTheLogTheRequestsOrTheFailures(CapturedOutput output) {
		SessionCreateResponse session = client.sessions().create("b1");
		try (ChatBotKitClient withToken = client.withSecret(session.token());
				ChatBotKitClient wrong = client.withSecret("sk-wrong-secret-0815")) {
			withToken.conversations().complete(session.conversationId(), "Hi");
			assertThatExceptionOfType(ChatBotKitHttpException.class)
				.isThrownBy(() -> wrong.bots().list(ListQuery.defaults()));
		}
		String failure = fails(() -> assertThat(fake).receivedCompletion().withUserMessage("never sent"));
		String recorded = fake.requests().toString() + fake.requests().stream().map(RecordedRequest::json).toList();
		assertThat(output.getAll()).contains("ChatBotKit fake: POST /api/v1/conversation/");
		for (String credential : new String[] { SECRET, session.token(), "sk-wrong-secret-0815" }) {
			assertThat(output.getAll()).doesNotContain(credential);
			assertThat(failure).doesNotContain(credential);
			assertThat(recorded).doesNotContain(credential);
			assertThat(fake.toString()).doesNotContain(credential);
		}
	}

	private static String fails(Runnable assertion) {
		Throwable failure = catchThrowable(assertion::run);
		assertThat(failure).isInstanceOf(AssertionError.class);
		return failure.getMessage();
	}

	private static CompletionRequest ask(String botId, String text) {
		return CompletionRequest.withBot(botId).message(Message.user(text)).build();
	}

}
