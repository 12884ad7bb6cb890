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
import java.util.stream.Stream;

import io.github.cbkspring.client.internal.EngineSetup;
import io.github.cbkspring.testsupport.ApiStub;
import io.github.cbkspring.testsupport.LoopbackServer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Keep-alive connections the server closed while they were idle are never reused, on
 * every way a client is built, with retries off so that only a fresh connection can make
 * the second call succeed: the {@code POST} of a reused dead connection would fail with
 * {@code requestSent()=true} and not be retried.
 */
@Timeout(120)
class KeepAliveTests {

	private static final String SESSION = LoopbackServer.json("200 OK", ApiStub.SESSION_JSON, "");

	static Stream<Arguments> idleTimeouts() {
		return Stream.of(ClientPath.values())
			.flatMap((path) -> Stream.of(200, 1000)
				.map((idleMillis) -> Arguments.of(path, Duration.ofMillis(idleMillis))));
	}

	/**
	 * The server closes an idle connection after {@code idleTimeout}, without a
	 * {@code Keep-Alive} header; the client calls again once it has: HttpClient 5
	 * validates the connection at the next call, the JDK's client notices the close on
	 * its own thread.
	 */
	@ParameterizedTest(name = "{0}, server idle timeout {1}")
	@MethodSource("idleTimeouts")
	void connectionClosedByTheServerWhileIdleIsNotReused(ClientPath path, Duration idleTimeout) throws Exception {
		try (LoopbackServer server = new LoopbackServer((head) -> SESSION, idleTimeout, false);
				ClientPath.Opened opened = path.open(ClientPath.Setup.of(server.url()))) {
			opened.client().sessions().create("bot-1");
			server.awaitIdleConnectionEnded();
			if (path.jdk()) {
				await().atMost(Duration.ofMinutes(2))
					.until(() -> Leaks.connectionsOpenOnTheClientSide(server.port()) == 0);
			}
			opened.client().sessions().create("bot-1");
			assertThat(server.requestLines()).hasSize(2);
		}
	}

	/**
	 * The server says {@code Keep-Alive: timeout=2} but drops an idle connection a little
	 * earlier, without closing it, as a load balancer or NAT gateway does: the hint is
	 * honoured with a margin, so the dead connection is not used. The JDK's client
	 * decides itself (Java 17 ignores the hint and keeps connections for
	 * {@code jdk.httpclient.keepalive.timeout}, 1200 s by default).
	 */
	@ParameterizedTest
	// only Apache HttpClient 5: the JDK client decides keep-alive itself
	@EnumSource(names = { "PLAIN", "BOOT" })
	void keepAliveHintIsHonouredWithAMargin(ClientPath path) throws Exception {
		String hinted = LoopbackServer.json("200 OK", ApiStub.SESSION_JSON, "Keep-Alive: timeout=2\r\n");
		try (LoopbackServer server = new LoopbackServer((head) -> hinted, Duration.ofMillis(1700), true);
				ClientPath.Opened opened = path
					.open(ClientPath.Setup.of(server.url()).readTimeout(Duration.ofSeconds(3)))) {
			opened.client().sessions().create("bot-1");
			long returned = System.nanoTime();
			server.awaitIdleConnectionEnded();
			// and the client's keep-alive (the hint less its margin) is over since the
			// answer came: waiting longer on a busy machine changes nothing
			Duration keep = EngineSetup.keepAlive(Duration.ofSeconds(2)).plusMillis(100);
			long left = returned + keep.toNanos() - System.nanoTime();
			if (left > 0) {
				Thread.sleep(Duration.ofNanos(left).toMillis() + 1);
			}
			opened.client().sessions().create("bot-1");
			assertThat(server.requestLines()).hasSize(2);
		}
	}

}
