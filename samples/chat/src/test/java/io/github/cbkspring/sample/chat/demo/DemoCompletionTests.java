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

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.conversation.CompletionRequest;
import io.github.cbkspring.client.conversation.CompletionResult;
import io.github.cbkspring.client.conversation.ConversationClient;
import io.github.cbkspring.client.conversation.EndReason;
import io.github.cbkspring.client.core.Message;
import io.github.cbkspring.client.core.MessageType;
import io.github.cbkspring.client.error.ChatBotKitAuthenticationException;
import io.github.cbkspring.client.error.ChatBotKitHttpException;
import io.github.cbkspring.client.error.ChatBotKitStreamException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the demo API's stateless completion, called through the starter's client as
 * the Spring AI chat model calls it.
 *
 * @author cbkspring contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "chatbotkit.secret=")
class DemoCompletionTests {

	private static final CompletionRequest REQUEST = CompletionRequest.withBot("demo-bot")
		.message(new Message(MessageType.INSTRUCTION, "Be brief."))
		.message(Message.user("First"))
		.message(Message.bot("Demo bot: you said \"First\""))
		.message(Message.user("Grüße ✓"))
		.build();

	@Autowired
	private ConversationClient conversations;

	@Test
	void completeEchoesTheLastUserMessageAsJson() {
		CompletionResult result = this.conversations.complete(REQUEST);
		assertThat(result.text()).isEqualTo("Demo bot: you said \"Grüße ✓\"");
		assertThat(result.endReason()).isEqualTo(EndReason.STOP);
	}

	@Test
	void completeStreamsWordTokensThenTheResult() {
		try (Stream<CompletionEvent> events = this.conversations.completeStream(REQUEST)) {
			List<CompletionEvent> all = events.toList();
			assertThat(all.subList(0, all.size() - 1)).containsExactly(new CompletionEvent.Token("Demo"),
					new CompletionEvent.Token(" bot:"), new CompletionEvent.Token(" you"),
					new CompletionEvent.Token(" said"), new CompletionEvent.Token(" \"Grüße"),
					new CompletionEvent.Token(" ✓\""));
			assertThat(all.get(all.size() - 1)).isInstanceOfSatisfying(CompletionEvent.Result.class,
					(last) -> assertThat(last.result().text()).isEqualTo("Demo bot: you said \"Grüße ✓\""));
		}
	}

	@Test
	void failingMessageStreamsHalfTheTokensThenAnErrorEvent() {
		CompletionRequest failing = CompletionRequest.withBot("demo-bot").message(Message.user("/fail")).build();
		List<CompletionEvent> received = new ArrayList<>();
		assertThatExceptionOfType(ChatBotKitStreamException.class).isThrownBy(() -> {
			try (Stream<CompletionEvent> events = this.conversations.completeStream(failing)) {
				events.forEach(received::add);
			}
		}).withMessageContaining("demo failure");
		assertThat(received).containsExactly(new CompletionEvent.Token("Demo"), new CompletionEvent.Token(" bot:"));
	}

	@Test
	void completeRejectsAnotherSecret() {
		ConversationClient impostor = this.conversations.withOptions((options) -> options.secret("demo-guess"));
		assertThatExceptionOfType(ChatBotKitAuthenticationException.class).isThrownBy(() -> impostor.complete(REQUEST))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("UNAUTHORIZED"));
	}

	@Test
	void completeRejectsAHistoryWithoutAUserMessage() {
		CompletionRequest noQuestion = CompletionRequest.withBot("demo-bot").message(Message.bot("Hi")).build();
		assertThatExceptionOfType(ChatBotKitHttpException.class)
			.isThrownBy(() -> this.conversations.complete(noQuestion))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(400));
	}

}
