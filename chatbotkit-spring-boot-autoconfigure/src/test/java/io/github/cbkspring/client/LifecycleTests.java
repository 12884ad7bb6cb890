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

package io.github.cbkspring.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.client.error.ChatBotKitTimeoutException;
import io.github.cbkspring.testsupport.ApiStub;
import io.github.cbkspring.testsupport.LargeAnswerServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The engine's life and limits on every way a client is built: closing the client (or its
 * application context) gives back every connection and thread; the wait for a pooled
 * connection is bounded and says which setting sizes the pool; the connect timeout
 * reaches the engine.
 */
@Timeout(120)
class LifecycleTests {

	private static final RetryOptions RETRY = RetryOptions.defaults()
		.withBackoff(Duration.ofMillis(10), Duration.ofMillis(50));

	private static final String TOKENS = "{\"type\":\"token\",\"data\":{\"token\":\"a\"}}\n";

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	@ParameterizedTest
	@EnumSource(ClientPath.class)
	void closingReleasesEveryConnectionAndThread(ClientPath path) {
		api.stubFor(WireMock.post(WireMock.urlPathMatching(".*/session/create"))
			.willReturn(WireMock.okJson(ApiStub.SESSION_JSON)));
		api.stubFor(WireMock.post(WireMock.urlPathMatching(".*/complete"))
			.willReturn(aResponse().withHeader("Content-Type", "application/jsonl")
				.withBody(TOKENS.repeat(20))
				.withChunkedDribbleDelay(20, 4000)));
		Leaks.Snapshot before = Leaks.snapshot(api.getPort());
		ClientPath.Opened opened = path.open(ClientPath.Setup.of(api.baseUrl()));
		ChatBotKitClient client = opened.client();
		for (int i = 0; i < 5; i++) {
			client.withSecret("sk-tenant-" + i).sessions().create("bot-1");
		}
		try (Stream<Map> events = client.stream("/conversation/{id}/complete", Map.of(), Map.class, "c")) {
			assertThat(events.findFirst()).isPresent();
		}
		// a stream still open when the client closes
		Stream<Map> open = client.stream("/conversation/{id}/complete", Map.of(), Map.class, "c");
		Iterator<Map> openEvents = open.iterator();
		assertThat(openEvents.next()).isNotNull();
		opened.close();
		// the open stream fails, or on Java 17's JDK client reads to its end
		Throwable streamAfterClose = catchThrowable(() -> openEvents.forEachRemaining((event) -> {
		}));
		if (streamAfterClose != null || Leaks.releasesAtOnce(path)) {
			assertThat(streamAfterClose).as("the open stream").isInstanceOf(ChatBotKitException.class);
		}
		open.close();
		before.assertReleased(path);
		assertThat(catchThrowable(() -> client.sessions().create("bot-1"))).as("a call after close")
			.isInstanceOf(path.boot() ? ChatBotKitException.class : IllegalStateException.class);
	}

	@Test
	void plainClientIsAutoCloseableAndItsCopiesShareItsPool() {
		api.stubFor(WireMock.post(anyUrl()).willReturn(WireMock.okJson(ApiStub.SESSION_JSON)));
		Leaks.Snapshot before = Leaks.snapshot(api.getPort());
		try (ChatBotKitClient client = ChatBotKitClient
			.create(ChatBotKitOptions.builder().secret("sk-own").url(api.baseUrl()).build())) {
			ChatBotKitClient copy = client.withSecret("sk-copy");
			copy.sessions().create("bot-1");
			copy.close(); // a copy does not own the pool
			client.sessions().create("bot-1");
			copy.sessions().create("bot-1");
		}
		before.assertReleased(ClientPath.PLAIN);
	}

	/**
	 * A call that waits longer than the connect timeout for a free pooled connection is
	 * not sent, is retried like every call that was not sent, and its message says which
	 * setting sizes the pool. The JDK client does not bound its pool.
	 */
	@ParameterizedTest
	// only Apache HttpClient 5: the JDK client does not bound its pool
	@EnumSource(names = { "PLAIN", "BOOT" })
	void waitForAPooledConnectionIsBoundedNamesThePoolSettingAndIsRetried(ClientPath path) {
		// the one connection stays taken: the stream holding it is never read; an
		// unbounded
		// wait for it would never end
		try (LargeAnswerServer server = new LargeAnswerServer("200 OK", "Content-Type: application/jsonl\r\n",
				LargeAnswerServer.repeated(TOKENS));
				ClientPath.Opened opened = path.open(ClientPath.Setup.of(server.url())
					.maxConnections(1)
					.connectTimeout(Duration.ofMillis(300))
					.retry(RETRY));
				Stream<Map> holding = opened.client().stream("/conversation/{id}/complete", Map.of(), Map.class, "c")) {
			assertThatExceptionOfType(ChatBotKitTimeoutException.class)
				.isThrownBy(() -> opened.client().sessions().create("bot-1"))
				.satisfies((ex) -> assertThat(ex.requestSent()).isFalse())
				.satisfies((ex) -> assertThat(ex.getSuppressed()).as("retried").hasSize(2))
				.withMessageContaining("pooled connection")
				.withMessageContaining("all 1 pooled connections are in use")
				.withMessageContaining(path.boot() ? "chatbotkit.max-connections" : "maxConnections(1)")
				.withMessageNotContaining("Timed out connecting");
			assertThat(server.requests()).as("only the holding stream was sent").isOne();
		}
	}

	/**
	 * A server whose accept queue is full never completes the handshake: the connect
	 * timeout, and not the read timeout, ends the call.
	 */
	@ParameterizedTest
	@EnumSource(ClientPath.class)
	void connectTimeoutReachesTheEngine(ClientPath path) throws IOException {
		try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			List<Socket> queue = fillAcceptQueue(full);
			try (ClientPath.Opened opened = path.open(ClientPath.Setup.of("http://127.0.0.1:" + full.getLocalPort())
				.connectTimeout(Duration.ofMillis(300))
				.readTimeout(Duration.ofMinutes(2)))) {
				assertThatExceptionOfType(ChatBotKitTimeoutException.class)
					.isThrownBy(() -> opened.client().sessions().create("bot-1"))
					.withMessageStartingWith("Timed out connecting")
					.satisfies((ex) -> assertThat(ex.requestSent()).isFalse());
			}
			finally {
				for (Socket socket : queue) {
					socket.close();
				}
			}
		}
	}

	private static List<Socket> fillAcceptQueue(ServerSocket server) throws IOException {
		List<Socket> queued = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			Socket socket = new Socket();
			try {
				socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 200);
				queued.add(socket);
			}
			catch (IOException ex) {
				socket.close();
				return queued; // full
			}
		}
		throw new IllegalStateException("The accept queue did not fill up");
	}

}
