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

package io.github.cbkspring.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.RetryOptions;

/**
 * The clients of the kit's tests: the real ChatBotKit client, and raw HTTP for what the
 * client would never send.
 *
 * @author cbkspring contributors
 */
final class Clients {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private Clients() {
	}

	/**
	 * The ChatBotKit client of a fake, retries off.
	 */
	static ChatBotKitClient client(ChatBotKitFake fake) {
		return ChatBotKitClient.create(ChatBotKitOptions.builder()
			.secret(fake.secret())
			.url(fake.url())
			.retry(RetryOptions.disabled())
			.build());
	}

	/**
	 * A raw call to the fake's API with its secret.
	 */
	static HttpResponse<String> post(ChatBotKitFake fake, String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(fake.url() + "/api/v1" + path))
			.header("Authorization", "Bearer " + fake.secret())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	static HttpResponse<String> get(ChatBotKitFake fake, String pathAndQuery, String credential) {
		return send(HttpRequest.newBuilder(URI.create(fake.url() + "/api/v1" + pathAndQuery))
			.header("Authorization", "Bearer " + credential)
			.GET()
			.build());
	}

	static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
