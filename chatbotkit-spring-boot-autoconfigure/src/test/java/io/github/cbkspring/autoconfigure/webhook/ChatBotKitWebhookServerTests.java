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

package io.github.cbkspring.autoconfigure.webhook;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.cbkspring.autoconfigure.ChatBotKitWebhookEvent;
import io.github.cbkspring.client.webhook.WebhookSignature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook receiver over a real socket: the body is read as the server receives it,
 * with or without {@code Content-Length} (chunked), and bounded either way.
 *
 * @author cbkspring contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "chatbotkit.webhook.enabled=true", "chatbotkit.webhook.max-body-size=1KB",
				"chatbotkit.webhook.secret=" + ChatBotKitWebhookServerTests.SECRET, "chatbotkit.secret=sk-unused" })
class ChatBotKitWebhookServerTests {

	static final String SECRET = "whsec-server-Vb19";

	// a hang guard only
	private static final Duration TIMEOUT = Duration.ofMinutes(1);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private final WebhookSignature signature = WebhookSignature.of(SECRET);

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private Events events;

	@BeforeEach
	void clearEvents() {
		this.events.received.clear();
	}

	@Test
	void signedChunkedBodyIsPublishedAsReceived() throws Exception {
		byte[] body = "{\"type\":\"ping\",\n \"text\" : \"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);
		assertThat(send(chunked(body), this.signature.sign("sha256", body))).isEqualTo(204);
		assertThat(this.events.received).singleElement().satisfies((event) -> {
			assertThat(event.getType()).isEqualTo("ping");
			assertThat(event.getBody()).isEqualTo(body);
		});
	}

	@Test
	void signedBodyWithContentLengthIsPublished() throws Exception {
		byte[] body = "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8);
		assertThat(send(BodyPublishers.ofByteArray(body), this.signature.sign("sha1", body))).isEqualTo(204);
		assertThat(this.events.received).hasSize(1);
	}

	@Test
	void chunkedBodyOverTheLimitIsRefused() throws Exception {
		byte[] body = ("{\"pad\":\"" + "x".repeat(1024) + "\"}").getBytes(StandardCharsets.UTF_8);
		assertThat(send(chunked(body), this.signature.sign("sha256", body))).isEqualTo(413);
		assertThat(this.events.received).isEmpty();
	}

	@Test
	void bodyOverTheLimitByContentLengthIsRefused() throws Exception {
		byte[] body = ("{\"pad\":\"" + "x".repeat(1024) + "\"}").getBytes(StandardCharsets.UTF_8);
		assertThat(send(BodyPublishers.ofByteArray(body), this.signature.sign("sha256", body))).isEqualTo(413);
		assertThat(this.events.received).isEmpty();
	}

	@Test
	void bodyChangedByOneByteIsRefused() throws Exception {
		byte[] body = "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8);
		String header = this.signature.sign("sha256", body);
		body[2] ^= 1;
		assertThat(send(chunked(body), header)).isEqualTo(401);
		assertThat(this.events.received).isEmpty();
	}

	private int send(BodyPublisher body, String signature) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/chatbotkit/webhook"))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.header(WebhookSignature.HEADER, signature)
			.POST(body)
			.build();
		return this.http.send(request, BodyHandlers.discarding()).statusCode();
	}

	/**
	 * A body of unknown length, sent chunked without {@code Content-Length}.
	 */
	private static BodyPublisher chunked(byte[] body) {
		return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Events.class)
	static class WebhookServerApplication {

	}

	static class Events {

		final List<ChatBotKitWebhookEvent> received = new CopyOnWriteArrayList<>();

		@EventListener
		void on(ChatBotKitWebhookEvent event) {
			this.received.add(event);
		}

	}

}
