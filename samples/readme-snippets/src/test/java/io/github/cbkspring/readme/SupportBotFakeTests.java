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

import java.util.stream.Stream;

import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.conversation.CompletionRequest;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.Message;
import io.github.cbkspring.test.ChatBotKitFake;
import io.github.cbkspring.test.Completion;
import io.github.cbkspring.test.Gate;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static io.github.cbkspring.test.ChatBotKitFakeAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/testing.md}'s plain JUnit test: the client against a fake started by the
 * test class, with a scripted reply, a streamed one and a slow first token.
 *
 * @author cbkspring contributors
 */
class SupportBotFakeTests {

	// tag::testing-plain-junit[]
	@AutoClose
	static ChatBotKitFake chatBotKit = ChatBotKitFake.start();

	@AutoClose
	static ChatBotKitClient client = ChatBotKitClient
		.create(ChatBotKitOptions.builder().url(chatBotKit.url()).secret(chatBotKit.secret()).build());

	@Test
	void answersFromTheScript() {
		chatBotKit.completions().whenUserSays("Where is my order?").reply("On ", "its way");

		String reply = client.conversations()
			.complete(CompletionRequest.withBot("support-bot").message(Message.user("Where is my order?")).build())
			.text();

		assertThat(reply).isEqualTo("On its way");
		assertThat(chatBotKit).receivedCompletion().withBotId("support-bot").withUserMessage("Where is my order?");
	}
	// end::testing-plain-junit[]

	@Test
	void streamsAfterASlowFirstToken() throws InterruptedException {
		// tag::testing-slow-first-token[]
		Gate gate = new Gate();
		chatBotKit.completions().otherwise().reply(Completion.reply("Hel", "lo").heldBy(gate));
		try (Stream<CompletionEvent> events = client.conversations()
			.completeStream(CompletionRequest.withBot("support-bot").message(Message.user("Hi")).build())) {
			// the answer has started; its first token waits for the test
			assertThat(gate.awaitHeld(java.time.Duration.ofMinutes(1))).isTrue();
			gate.release();
			assertThat(events.findFirst()).contains(new CompletionEvent.Token("Hel"));
		}
		// end::testing-slow-first-token[]
	}

}
