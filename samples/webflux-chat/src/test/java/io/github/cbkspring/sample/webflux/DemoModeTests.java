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

import io.github.cbkspring.client.ChatBotKitReactiveClient;
import io.github.cbkspring.test.ChatBotKitFake;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the demo mode: without a secret the app starts its own ChatBotKit fake and
 * relays its scripted reply.
 *
 * @author cbkspring contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "chatbotkit.secret=")
@AutoConfigureWebTestClient(timeout = "PT2M")
class DemoModeTests {

	@Autowired
	WebTestClient webTestClient;

	@Autowired
	ApplicationContext context;

	@Test
	void withoutASecretTheDemoReplyIsRelayed() {
		String body = this.webTestClient.get()
			.uri("/chat?message=Hi")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody()
			.collectList()
			.map((data) -> String.join("", data))
			.block(Duration.ofMinutes(2));
		assertThat(body).isEqualTo("{\"token\":\"Hello\"}{\"token\":\" from\"}{\"token\":\" the\"}"
				+ "{\"token\":\" demo\"}{\"token\":\" bot.\"}{\"text\":\"Hello from the demo bot.\",\"endReason\":\"stop\"}");
		ChatBotKitFake fake = this.context.getBean(ChatBotKitFake.class);
		assertThat(this.context.getBean(ChatBotKitReactiveClient.class).options().baseUri().toString())
			.startsWith(fake.url());
	}

}
