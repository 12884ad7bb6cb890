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

package io.github.cbkspring.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * One way of making the benchmark's call: the unary workload ({@link SessionJson}), or
 * the streaming one ({@link CompletionJson}, see {@link StreamDriver}).
 *
 * @author cbkspring contributors
 */
interface Driver extends AutoCloseable {

	/**
	 * The unary drivers run by default, in the order they run. Any
	 * {@code sessionclient-<factory>} runs the session client on that
	 * {@code spring.http.clients.imperative.factory}, {@code http-components} (Boot's
	 * default with the starter, so the same as {@code sessionclient}) included.
	 */
	List<String> UNARY = List.of("raw-socket", "raw-httpclient5", "raw-restclient", "boot-restclient", "sessionclient",
			"generated", "reactive-sessionclient", "raw-jdk", "sessionclient-jetty", "sessionclient-reactor",
			"sessionclient-jdk");

	/**
	 * The streaming drivers, in the order they run.
	 */
	List<String> STREAMS = List.of("raw-httpclient5-stream", "completestream", "reactive-completestream");

	/**
	 * Make one call, or read one whole stream, and check the answer.
	 * @return what was done, in the unit of the workload: 1 for a call, the tokens read
	 * for a stream
	 * @throws Exception if the call fails or the answer is wrong
	 */
	int call() throws Exception;

	/**
	 * The HTTP engine under the driver, for the report.
	 * @return a short description
	 */
	String engine();

	@Override
	void close() throws Exception;

	/**
	 * Create the driver of the given name.
	 * @param name the driver name, one of {@link #UNARY} or {@link #STREAMS}
	 * @param port the stub's port
	 * @param pool the connection pool to give the driver's engine
	 * @return the driver
	 * @throws Exception if it cannot be set up
	 */
	static Driver create(String name, int port, Pool pool) throws Exception {
		return switch (name) {
			case "raw-socket" -> new RawSocketDriver(port);
			case "raw-httpclient5" -> new RawHttpComponentsDriver(port, pool);
			case "raw-restclient" -> new RawRestClientDriver(port, pool);
			case "boot-restclient" -> ClientDrivers.bootRestClient(port, pool);
			case "raw-httpclient5-stream" -> new RawHttpComponentsStreamDriver(port, pool);
			case "raw-jdk" -> new RawJdkDriver(port);
			case "sessionclient" -> ClientDrivers.session(port, pool, null);
			case "generated" -> ClientDrivers.generated(port, pool);
			case "completestream" -> ClientDrivers.completion(port, pool);
			case "reactive-sessionclient" -> ClientDrivers.reactiveSession(port, pool);
			case "reactive-completestream" -> ClientDrivers.reactiveCompletion(port, pool);
			default -> {
				if (name.startsWith(ClientDrivers.FACTORY_PREFIX)) {
					yield ClientDrivers.session(port, pool, name.substring(ClientDrivers.FACTORY_PREFIX.length()));
				}
				throw new IllegalArgumentException("Unknown driver '" + name + "'");
			}
		};
	}

	/**
	 * The connection pool of a driver whose engine has one.
	 *
	 * @param maxConnections the most connections, per host and in all
	 * @param connectTimeout the longest wait for a connection, the wait for a free pooled
	 * one included
	 */
	record Pool(int maxConnections, Duration connectTimeout) {
	}

}
