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

package io.github.cbkspring.compatibility.plain;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.bot.SessionCreateResponse;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.error.ChatBotKitNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A plain Java application, with the client artifact and no Spring Boot on its class path
 * (the module's enforcer rule bans it), builds a client and calls the API over a real
 * socket: the README's "Without Spring Boot" section, checked.
 *
 * @author cbkspring contributors
 */
class PlainJavaClientTests {

	private static final String SESSION_JSON = """
			{"id":"bot-1","conversationId":"conv-1","token":"tok-1","expiresAt":1767225600000,"messages":[]}
			""";

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private HttpServer server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", (exchange) -> {
			try (InputStream body = exchange.getRequestBody()) {
				body.readAllBytes();
			}
			this.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
					+ exchange.getRequestHeaders().getFirst("Authorization") + " "
					+ exchange.getRequestHeaders().getFirst("User-Agent"));
			boolean known = exchange.getRequestURI().getPath().equals("/api/v1/bot/bot-1/session/create");
			byte[] answer = (known ? SESSION_JSON : "{\"message\":\"Not Found\",\"code\":\"NOT_FOUND\"}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(known ? 200 : 404, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void noSpringBootIsOnTheClassPath() {
		assertThat(isPresent("org.springframework.boot.SpringApplication")).isFalse();
		assertThat(isPresent("org.springframework.boot.autoconfigure.AutoConfiguration")).isFalse();
		assertThat(isPresent("io.github.cbkspring.client.ChatBotKitClient")).isTrue();
	}

	@Test
	void aClientBuiltByHandCallsTheApi() {
		ChatBotKitOptions options = ChatBotKitOptions.builder()
			.secret("sk-plain-java")
			.url("http://127.0.0.1:" + this.server.getAddress().getPort())
			.build();
		try (ChatBotKitClient client = ChatBotKitClient.create(options)) {
			SessionCreateResponse session = client.sessions().create("bot-1");
			assertThat(session.conversationId()).isEqualTo("conv-1");
			assertThatExceptionOfType(ChatBotKitNotFoundException.class)
				.isThrownBy(() -> client.sessions().create("bot-2"))
				.withMessageNotContaining("sk-plain-java");
		}
		assertThat(this.requests).hasSize(2)
			.first()
			.asString()
			.startsWith("POST /api/v1/bot/bot-1/session/create Bearer sk-plain-java cbkspring-chatbotkit/");
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, PlainJavaClientTests.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

}
