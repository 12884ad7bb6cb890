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

package io.github.cbkspring.test.autoconfigure;

import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.bot.BotRequest;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.test.ChatBotKitFake;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static io.github.cbkspring.test.ChatBotKitFakeAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @AutoConfigureChatBotKit} with {@code @SpringBootTest}: the application's client
 * calls the fake, which is a bean and starts each test empty.
 *
 * @author cbkspring contributors
 */
@SpringBootTest(properties = { "chatbotkit.url=https://api.chatbotkit.com", "chatbotkit.secret=sk-real" })
@AutoConfigureChatBotKit
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpringBootTestTests {

	@Autowired
	ChatBotKitFake fake;

	@Autowired
	ChatBotKitClient client;

	@Autowired
	SupportService service;

	@Autowired
	Environment environment;

	@Test
	@Order(1)
	void theApplicationsPropertiesGiveWayToTheFakes() {
		assertThat(this.environment.getProperty("chatbotkit.url")).isEqualTo(this.fake.url());
		assertThat(this.environment.getProperty("chatbotkit.secret")).isEqualTo(this.fake.secret());
	}

	@Test
	@Order(2)
	void theApplicationCallsTheFake() {
		this.fake.completions().whenUserSays("Where is my order?").reply("On ", "its way");
		assertThat(this.service.ask("Where is my order?")).isEqualTo("On its way");
		assertThat(this.fake).receivedCompletion().withBotId("support-bot").withUserMessage("Where is my order?");
		this.client.bots().create(BotRequest.builder().name("Left behind").build());
	}

	@Test
	@Order(3)
	void eachTestStartsWithAnEmptyFake() {
		assertThat(this.fake.requests()).isEmpty();
		assertThat(this.client.bots().list(ListQuery.defaults()).items()).isEmpty();
		assertThat(this.service.ask("Where is my order?"))
			.isEqualTo(io.github.cbkspring.test.CompletionScripts.DEFAULT_REPLY);
	}

}
