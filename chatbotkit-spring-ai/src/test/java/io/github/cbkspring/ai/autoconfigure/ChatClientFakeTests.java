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
package io.github.cbkspring.ai.autoconfigure;

import java.time.Duration;

import io.github.cbkspring.test.ChatBotKitFake;
import io.github.cbkspring.test.Completion;
import io.github.cbkspring.test.autoconfigure.AutoConfigureChatBotKit;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static io.github.cbkspring.test.ChatBotKitFakeAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring AI's {@link ChatClient} on the auto-configured ChatBotKit chat model in a Spring
 * Boot test, against the test kit's scripted replies: what an application's own test of
 * its ChatClient code looks like.
 *
 * @author cbkspring contributors
 */
@SpringBootTest(properties = "spring.ai.chatbotkit.chat.bot-id=support-bot")
@AutoConfigureChatBotKit
class ChatClientFakeTests {

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	@Autowired
	ChatClient.Builder chatClientBuilder;

	@Autowired
	ChatBotKitFake chatBotKit;

	// tag::testing-spring-ai[]
	@Test
	void callAnswersFromTheScript() {
		this.chatBotKit.completions().whenUserSays("Where is my order?").reply("On ", "its way");

		String answer = this.chatClientBuilder.build().prompt().user("Where is my order?").call().content();

		assertThat(answer).isEqualTo("On its way");
		assertThat(this.chatBotKit).receivedCompletion().withBotId("support-bot").withUserMessage("Where is my order?");
	}
	// end::testing-spring-ai[]

	@Test
	void systemMessageAndHistoryAreSent() {
		this.chatBotKit.completions().otherwise().reply("Sure.");
		String answer = this.chatClientBuilder.defaultSystem("Be brief.")
			.build()
			.prompt()
			.user("Help me")
			.call()
			.content();
		assertThat(answer).isEqualTo("Sure.");
		assertThat(this.chatBotKit).receivedCompletion()
			.withBotId("support-bot")
			.withUserMessage("Help me")
			.matching((request) -> request.body().contains("Be brief."), "with the system message");
	}

	@Test
	void streamArrivesTokenByToken() {
		this.chatBotKit.completions().whenUserSays("Where is my order?").reply("On ", "its ", "way");
		StepVerifier.create(this.chatClientBuilder.build().prompt().user("Where is my order?").stream().content())
			.expectNext("On ", "its ", "way")
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.chatBotKit).receivedCompletion().withUserMessage("Where is my order?");
	}

	@Test
	void streamThatFailsHalfWayEndsWithAnErrorAfterWhatArrived() {
		this.chatBotKit.completions()
			.whenUserSays("Where is my order?")
			.reply(Completion.reply("On ", "its ", "way").errorAfter(1, "The model stopped"));
		StepVerifier.create(this.chatClientBuilder.build().prompt().user("Where is my order?").stream().content())
			.expectNext("On ")
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("The model stopped"))
			.verify(TIMEOUT);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
