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

import io.github.cbkspring.test.ChatBotKitFake;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.restclient.test.autoconfigure.RestClientTest;

import static io.github.cbkspring.test.ChatBotKitFakeAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @AutoConfigureChatBotKit} in the {@code @RestClientTest} slice: the ChatBotKit
 * client calls the fake, not {@code MockRestServiceServer}.
 *
 * @author cbkspring contributors
 */
@RestClientTest(SupportService.class)
@AutoConfigureChatBotKit
class RestClientTestTests {

	@Autowired
	SupportService service;

	@Autowired
	ChatBotKitFake fake;

	@Test
	void serviceAsksTheFake() {
		this.fake.completions().whenUserSays("Hi").reply("Hello");
		assertThat(this.service.ask("Hi")).isEqualTo("Hello");
		assertThat(this.fake).receivedCompletion().withUserMessage("Hi");
	}

}
