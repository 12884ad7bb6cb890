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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.cbkspring.client.internal.Connections;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client holds on to: TCP connections to a port and the threads of its engines.
 */
final class Leaks {

	/**
	 * Names of threads that the engines start: the pool evictor of HttpClient 5, the JDK
	 * client's selector and workers, and the client's own threads.
	 */
	private static final List<String> ENGINE_THREADS = List.of("idle-connection-evictor", "HttpClient-", "chatbotkit-");

	/** The states of {@code /proc/net/tcp}. */
	private static final String ESTABLISHED = "01";

	private static final String CLOSE_WAIT = "08";

	private Leaks() {
	}

	/**
	 * Established TCP connections from this machine to a port, from {@code /proc/net/tcp}
	 * (client side: the remote port is the server's).
	 */
	static long establishedConnections(int serverPort) {
		return connections(serverPort, Set.of(ESTABLISHED));
	}

	/**
	 * Connections to a port that the client has not closed: established, or closed by the
	 * server only ({@code CLOSE_WAIT}).
	 */
	static long connectionsOpenOnTheClientSide(int serverPort) {
		return connections(serverPort, Set.of(ESTABLISHED, CLOSE_WAIT));
	}

	private static long connections(int serverPort, Set<String> states) {
		String port = String.format(Locale.ROOT, ":%04X", serverPort);
		long count = 0;
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			Path path = Path.of(table);
			if (Files.exists(path)) {
				try {
					count += Files.readAllLines(path)
						.stream()
						.skip(1)
						.map(String::trim)
						.map((line) -> line.split("\\s+"))
						.filter((fields) -> fields[2].endsWith(port) && states.contains(fields[3]))
						.count();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		return count;
	}

	/**
	 * The live engine threads (several can have the same name: HttpClient 5 names every
	 * pool's evictor alike).
	 */
	static Set<Thread> engineThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.filter((thread) -> ENGINE_THREADS.stream().anyMatch(thread.getName()::startsWith))
			.collect(Collectors.toSet());
	}

	/**
	 * What is held before a client is opened.
	 * @param port the server port
	 * @return the snapshot
	 */
	static Snapshot snapshot(int port) {
		return new Snapshot(port, establishedConnections(port), engineThreads());
	}

	/**
	 * Whether closing a client of the path releases the JDK's {@code HttpClient} at once:
	 * Java 17's cannot be closed and lets go of its connections and selector thread when
	 * it is garbage collected (measured: 2 to 25 s after the last reference), Java 21
	 * added {@code shutdownNow()}.
	 */
	static boolean releasesAtOnce(ClientPath path) {
		return !path.jdk() || Runtime.version().feature() >= 21;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Connections and engine threads at one moment.
	 *
	 * @param port the server port
	 * @param connections established connections to it
	 * @param threads live engine threads
	 */
	record Snapshot(int port, long connections, Set<Thread> threads) {

		/**
		 * Wait until the connections and engine threads opened since are released: all of
		 * them, or on a path whose engine {@link #releasesAtOnce cannot be closed}, the
		 * client's own threads.
		 * @param path the path of the closed client
		 */
		void assertReleased(ClientPath path) {
			boolean all = releasesAtOnce(path);
			// a hang guard: the wait ends as soon as everything is released
			long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
			while (System.nanoTime() < deadline && !released(all)) {
				sleep(100);
			}
			if (all) {
				assertThat(establishedConnections(this.port)).as("connections to port " + this.port)
					.isLessThanOrEqualTo(this.connections);
			}
			assertThat(newThreads(all)).extracting(Thread::getName).as("engine threads").isEmpty();
		}

		private boolean released(boolean all) {
			return newThreads(all).isEmpty() && (!all || establishedConnections(this.port) <= this.connections);
		}

		private Set<Thread> newThreads(boolean all) {
			Set<Thread> now = engineThreads();
			now.removeAll(this.threads);
			now.removeIf((thread) -> !all && !thread.getName().startsWith("chatbotkit-"));
			return now;
		}

	}

}
