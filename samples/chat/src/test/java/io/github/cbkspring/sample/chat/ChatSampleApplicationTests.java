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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample starts with the starter's auto-configuration.
 *
 * @author cbkspring contributors
 */
@SpringBootTest(properties = "chatbotkit.secret=sk-sample-test")
class ChatSampleApplicationTests {

	@Autowired
	private SessionClient sessionClient;

	@Autowired
	private ApplicationContext context;

	@Test
	void contextStartsWithAutoConfiguredSessionClient() {
		assertThat(this.sessionClient.client().options().baseUri()).isEqualTo("https://api.chatbotkit.com/v1");
	}

	@Test
	void demoApiIsOffWhenASecretIsSet() {
		assertThat(this.context.containsBean("demoApiController")).isFalse();
		assertThat(this.context.getEnvironment().getProperty("sample.browser-api-base")).isNull();
	}

}
