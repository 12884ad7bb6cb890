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

package io.github.cbkspring.autoconfigure;

import java.time.Duration;

import io.github.cbkspring.client.ChatBotKitClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChatBotKitPropertiesMapper#toHttpClientSettings}: how the ChatBotKit
 * HTTP settings are laid over the application's.
 *
 * @author cbkspring contributors
 */
class ChatBotKitPropertiesMapperTests {

	private final ChatBotKitProperties properties = new ChatBotKitProperties();

	private final HttpClientSettings application = HttpClientSettings.defaults()
		.withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(30))
		.withRedirects(HttpRedirects.FOLLOW);

	@Test
	void connectTimeoutFallsBackToApplicationSetting() {
		assertThat(map(this.application).connectTimeout()).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void connectTimeoutOverridesApplicationSetting() {
		this.properties.setConnectTimeout(Duration.ofMillis(500));
		assertThat(map(this.application).connectTimeout()).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void readTimeoutFallsBackToApplicationSetting() {
		assertThat(map(this.application).readTimeout()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void readTimeoutOverridesApplicationSetting() {
		this.properties.setReadTimeout(Duration.ofSeconds(90));
		assertThat(map(this.application).readTimeout()).isEqualTo(Duration.ofSeconds(90));
	}

	@Test
	void timeoutsDefaultWhenNeitherIsSet() {
		HttpClientSettings settings = map(HttpClientSettings.defaults());
		assertThat(settings.connectTimeout()).isEqualTo(ChatBotKitClient.DEFAULT_CONNECT_TIMEOUT);
		assertThat(settings.readTimeout()).isEqualTo(ChatBotKitClient.DEFAULT_READ_TIMEOUT);
	}

	@Test
	void redirectsAreNeverFollowed() {
		assertThat(map(this.application).redirects()).isEqualTo(HttpRedirects.DONT_FOLLOW);
	}

	private HttpClientSettings map(HttpClientSettings applicationSettings) {
		return new ChatBotKitPropertiesMapper(this.properties).toHttpClientSettings(applicationSettings, null);
	}

}
