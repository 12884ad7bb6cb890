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

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.util.List;

import io.github.cbkspring.autoconfigure.ChatBotKitAutoConfiguration;
import io.github.cbkspring.client.bot.SessionClient;
import io.github.cbkspring.test.ChatBotKitFake;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import static io.github.cbkspring.test.ChatBotKitFakeAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.mockito.Mockito.mock;

/**
 * The context customizer behind {@link AutoConfigureChatBotKit}, on its own: for which
 * tests it is made, what it gives a context, and that the fake ends with the context.
 *
 * @author cbkspring contributors
 */
class ChatBotKitFakeContextCustomizerTests {

	private final ChatBotKitFakeContextCustomizerFactory factory = new ChatBotKitFakeContextCustomizerFactory();

	@Test
	void testWithoutTheAnnotationGetsNoCustomizer() {
		assertThat(this.factory.createContextCustomizer(Plain.class, List.of())).isNull();
	}

	@Test
	void annotatedTestAndItsNestedTestsGetOneEqualCustomizer() {
		ContextCustomizer annotated = this.factory.createContextCustomizer(Annotated.class, List.of());
		ContextCustomizer nested = this.factory.createContextCustomizer(Annotated.Inner.class, List.of());
		assertThat(annotated).isNotNull().isEqualTo(nested).hasSameHashCodeAs(nested);
		assertThat(annotated).isNotEqualTo(mock(ContextCustomizer.class));
	}

	@Test
	void contextCallsTheFakeAndClosesItWithItself() {
		ContextCustomizer customizer = new ChatBotKitFakeContextCustomizer();
		String[] url = new String[1];
		new ApplicationContextRunner()
			.withInitializer((context) -> customizer.customizeContext(context, mock(MergedContextConfiguration.class)))
			.withConfiguration(
					AutoConfigurations.of(RestClientAutoConfiguration.class, ChatBotKitAutoConfiguration.class))
			.withPropertyValues("chatbotkit.secret=sk-from-the-application")
			.run((context) -> {
				ChatBotKitFake fake = context.getBean(ChatBotKitFake.class);
				url[0] = fake.url();
				assertThat(context.getEnvironment().getProperty("chatbotkit.secret")).isEqualTo(fake.secret());
				context.getBean(SessionClient.class).create("b1");
				assertThat(fake).receivedRequest("POST", "/bot/b1/session/create");
			});
		URI closed = URI.create(url[0]);
		assertThatIOException().isThrownBy(() -> new Socket(closed.getHost(), closed.getPort()).close());
	}

	static class Plain {

	}

	@AutoConfigureChatBotKit
	static class Annotated {

		@Nested
		class Inner {

		}

	}

}
