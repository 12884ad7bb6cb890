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

import io.github.cbkspring.client.bot.SessionClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample starts with the starter's auto-configuration.
 *
 * @author cbkspring contributors
 */
@SpringBootTest(properties = "chatbotkit.secret=sk-sample-test")
@ExtendWith(OutputCaptureExtension.class)
class ChatSampleApplicationTests {

	@Autowired
	private SessionClient sessionClient;

	@Autowired
	private ApplicationContext context;

	@Test
	void contextStartsWithAutoConfiguredSessionClient() {
		assertThat(this.sessionClient.transport().options().baseUri()).isEqualTo("https://api.chatbotkit.com/v1");
	}

	@Test
	void realModeSaysWhichApiAndBotItUses(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ChatSampleApplication.class)
			.run("--server.port=0", "--chatbotkit.secret=sk-sample-test", "--sample.bot-id=bot-42")) {
			String port = context.getEnvironment().getProperty("local.server.port");
			assertThat(output).contains("Chatting with bot 'bot-42' (sample.bot-id) through the ChatBotKit API at "
					+ "https://api.chatbotkit.com/v1; the page at http://localhost:" + port
					+ "/ sends messages to https://api.chatbotkit.com/v1 (sample.transport=browser).");
		}
	}

	@Test
	void realModeWithoutABotIdSaysSoBeforeTheFirstChat(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ChatSampleApplication.class)
			.run("--server.port=0", "--chatbotkit.secret=sk-sample-test")) {
			assertThat(output).contains("No bot id is set: ChatBotKit knows no bot 'demo-bot', so the first chat"
					+ " will fail. Set CHATBOTKIT_BOT_ID (sample.bot-id)");
		}
	}

	@Test
	void demoApiIsOffWhenASecretIsSet() {
		assertThat(this.context.containsBean("demoApi")).isFalse();
		assertThat(this.context.getEnvironment().getProperty("sample.browser-api-base")).isNull();
	}

}
