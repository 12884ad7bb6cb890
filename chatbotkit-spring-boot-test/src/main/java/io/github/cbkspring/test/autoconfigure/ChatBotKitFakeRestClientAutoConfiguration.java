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

import io.github.cbkspring.autoconfigure.ChatBotKitRestClientCustomizer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.restclient.test.MockServerRestClientCustomizer;
import org.springframework.boot.restclient.test.autoconfigure.MockRestServiceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * In a {@code @RestClientTest} with {@link AutoConfigureChatBotKit}, the ChatBotKit
 * client calls the fake: {@code MockRestServiceServer}'s customizer, which the ChatBotKit
 * client's builder gets like any other, has replaced its request factory with a mock, and
 * the ChatBotKit customizers, which run after it, put a real one back. The application's
 * other REST clients keep the mock. Imported by {@code @AutoConfigureChatBotKit}.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
@AutoConfiguration(after = MockRestServiceServerAutoConfiguration.class)
@ConditionalOnClass({ ChatBotKitRestClientCustomizer.class, MockServerRestClientCustomizer.class })
@ConditionalOnBean(MockServerRestClientCustomizer.class)
public final class ChatBotKitFakeRestClientAutoConfiguration {

	ChatBotKitFakeRestClientAutoConfiguration() {
	}

	@Bean
	ChatBotKitRestClientCustomizer chatBotKitFakeRequestFactory() {
		return (builder) -> builder.requestFactory(new JdkClientHttpRequestFactory());
	}

}
