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

import java.time.Duration;
import java.util.Map;

import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.client.error.ChatBotKitTimeoutException;
import io.github.cbkspring.client.internal.EngineSettings;
import io.github.cbkspring.testsupport.ApiStub;
import io.github.cbkspring.testsupport.HeldAnswer;
import io.github.cbkspring.testsupport.LargeAnswerServer;
import io.github.cbkspring.testsupport.LoopbackServer;
import io.netty.channel.ChannelOption;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The engine of the reactive client over real sockets: a client made from options owns
 * its pool and loops and closes them, its copies and a client on a builder of one's own
 * close nothing, and the pool is bounded as the blocking client's is.
 */
class ReactiveLifecycleTests {

	private static final Duration HANG_GUARD = Duration.ofMinutes(2);

	private static final ApiEndpoint CREATE_SESSION = ApiEndpoint.post("/bot/{botId}/session/create");

	private static final String SESSION = LoopbackServer.json("200 OK", ApiStub.SESSION_JSON, "");

	private static ChatBotKitOptions options(String url) {
		return ChatBotKitOptions.builder().secret(ApiStub.SECRET).url(url).retry(RetryOptions.disabled()).build();
	}

	private static Mono<Map> call(ChatBotKitReactiveClient client) {
		return client.request(CREATE_SESSION, "bot-1").body(Map.of()).retrieve(Map.class);
	}

	@Test
	void closingAPlainClientClosesItsPooledConnectionsAndItsCopiesShareIt() throws InterruptedException {
		try (LoopbackServer server = new LoopbackServer((head) -> SESSION, HANG_GUARD, false)) {
			// a pool of one: the copy's call waits for the connection the first call
			// gives
			// back, which Reactor Netty does after the answer, on its event loop
			ChatBotKitReactiveClient client = ChatBotKitReactiveClient.create(options(server.url()),
					new EngineSettings(HANG_GUARD, HANG_GUARD, 1, "maxConnections"));
			ChatBotKitReactiveClient copy = client.withSecret("sk-copy");
			assertThat(call(client).block(HANG_GUARD)).containsEntry("id", "bot-1");
			copy.close(); // a copy does not own the engine
			assertThat(call(copy).block(HANG_GUARD)).containsEntry("id", "bot-1");
			assertThat(server.connectionCount()).as("the pooled connection was reused").isOne();
			client.close();
			server.awaitConnectionClosedByClient();
			client.close(); // again: nothing more to do
			for (ChatBotKitReactiveClient closed : new ChatBotKitReactiveClient[] { client, copy }) {
				StepVerifier.create(call(closed))
					.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalStateException.class)
						.hasMessage("This ChatBotKitReactiveClient is closed, and with it the connection pool that"
								+ " its copies (withOptions) share"))
					.verify(HANG_GUARD);
			}
			assertThat(server.requestLines()).as("nothing sent after close").hasSize(2);
		}
	}

	@Test
	void closingAPlainClientEndsAStreamUnderWay() {
		try (LargeAnswerServer server = new LargeAnswerServer("200 OK", "Content-Type: application/jsonl\r\n",
				LargeAnswerServer.repeated("{\"type\":\"token\",\"data\":{\"token\":\"a\"}}\n"))) {
			ChatBotKitReactiveClient client = ChatBotKitReactiveClient.create(options(server.url()));
			StepVerifier.create(client.request(CREATE_SESSION, "bot-1").stream(Map.class), 1)
				.expectNextCount(1)
				.then(client::close)
				.thenRequest(Long.MAX_VALUE)
				.thenConsumeWhile((element) -> true)
				.expectError(ChatBotKitException.class)
				.verify(HANG_GUARD);
			server.assertEveryAnswerAbandoned();
		}
	}

	@Test
	void aClientOnABuilderOfOnesOwnClosesNothing() {
		ConnectionProvider pool = ChatBotKitReactiveEngine.connectionProvider(HANG_GUARD, 4, "my.pool-size");
		try (LoopbackServer server = new LoopbackServer((head) -> SESSION, HANG_GUARD, false)) {
			ChatBotKitReactiveClient client = ChatBotKitReactiveClient.create(
					WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool))),
					options(server.url()));
			assertThat(call(client).block(HANG_GUARD)).containsEntry("id", "bot-1");
			client.close();
			assertThat(call(client).block(HANG_GUARD)).containsEntry("id", "bot-1");
			assertThat(pool.isDisposed()).isFalse();
		}
		finally {
			pool.disposeLater().block(HANG_GUARD);
		}
	}

	@Test
	void aCallWaitsForTheOnePooledConnectionAndThenSucceeds() throws InterruptedException {
		try (HeldAnswer held = new HeldAnswer(SESSION);
				LoopbackServer server = new LoopbackServer(held, HANG_GUARD, false);
				ChatBotKitReactiveClient client = ChatBotKitReactiveClient.create(options(server.url()),
						new EngineSettings(HANG_GUARD, HANG_GUARD, 1, "maxConnections"))) {
			var first = call(client).toFuture();
			held.awaitRequest();
			var second = call(client).toFuture();
			held.release();
			assertThat(first.join()).containsEntry("id", "bot-1");
			assertThat(second.join()).containsEntry("id", "bot-1");
			assertThat(server.requestLines()).hasSize(2);
			assertThat(server.connectionCount()).as("the second call waited for the one connection").isOne();
		}
	}

	/**
	 * As on the blocking client: the wait for a free pooled connection is bounded by the
	 * connect timeout, the call was not sent, and the message names the setting that
	 * sizes the pool, on the plain client and on a pool of one's own.
	 */
	@Test
	void theWaitForAPooledConnectionIsBoundedAndNamesThePoolSetting() throws InterruptedException {
		Duration connectTimeout = Duration.ofMillis(300);
		try (HeldAnswer held = new HeldAnswer(SESSION);
				LoopbackServer server = new LoopbackServer(held, HANG_GUARD, false);
				ChatBotKitReactiveClient plain = ChatBotKitReactiveClient.create(options(server.url()).mutate()
					.retry(RetryOptions.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)))
					.build(), new EngineSettings(connectTimeout, HANG_GUARD, 1, "maxConnections(1)"))) {
			ConnectionProvider pool = ChatBotKitReactiveEngine.connectionProvider(connectTimeout, 1, "my.pool-size");
			ChatBotKitReactiveClient own = ChatBotKitReactiveClient.create(
					WebClient.builder()
						.clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool)
							.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis()))),
					options(server.url()));
			try {
				var holdingPlain = call(plain).toFuture();
				var holdingOwn = call(own).toFuture();
				assertThat(assertPoolWaitTimesOut(plain, "maxConnections(1)").getSuppressed()).as("retried").hasSize(2);
				assertThat(assertPoolWaitTimesOut(own, "my.pool-size").getSuppressed()).isEmpty();
				held.release();
				holdingPlain.join();
				holdingOwn.join();
				assertThat(server.requestLines()).as("only the holding calls were sent").hasSize(2);
			}
			finally {
				pool.disposeLater().block(HANG_GUARD);
			}
		}
	}

	private static ChatBotKitTimeoutException assertPoolWaitTimesOut(ChatBotKitReactiveClient client, String setting) {
		ChatBotKitTimeoutException failure = (ChatBotKitTimeoutException) catchThrowable(
				() -> ReactiveClientTests.block(call(client)));
		assertThat(failure).isInstanceOf(ChatBotKitTimeoutException.class)
			.satisfies((ex) -> assertThat(ex.requestSent()).isFalse())
			.hasMessageStartingWith("Timed out waiting for a pooled connection: POST ")
			.hasMessageContaining("/api/v1/bot/{botId}/session/create: ")
			.hasMessageContaining("no free connection within 300 ms: all 1 pooled connections are in use; raise "
					+ setting + ", or close streams that are not read to the end")
			.hasMessageNotContaining(ApiStub.SECRET);
		return failure;
	}

	@Test
	void thePoolSetupRefusesSettingsThatAreNotPositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatBotKitReactiveEngine.connectionProvider(Duration.ZERO, 1, "my.pool-size"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatBotKitReactiveEngine.connectionProvider(HANG_GUARD, 0, "my.pool-size"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatBotKitReactiveEngine.connectionProvider(HANG_GUARD, 1, " "));
	}

}
