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

/**
 * One way of making the benchmark's call: serialize the session request, send it with the
 * bearer credential, read the answer into a {@code SessionCreateResponse} and check it.
 *
 * @author cbkspring contributors
 */
interface Driver extends AutoCloseable {

	/**
	 * Make one call and check its answer.
	 * @throws Exception if the call fails or the answer is wrong
	 */
	void call() throws Exception;

	/**
	 * The HTTP engine under the driver, for the report.
	 * @return a short description
	 */
	String engine();

	@Override
	void close() throws Exception;

	/**
	 * Create the driver of the given name.
	 * @param name the driver name, one of {@link #NAMES}
	 * @param port the stub's port
	 * @return the driver
	 * @throws Exception if it cannot be set up
	 */
	static Driver create(String name, int port) throws Exception {
		return switch (name) {
			case "raw-socket" -> new RawSocketDriver(port);
			case "raw-httpclient5" -> new RawHttpComponentsDriver(port);
			case "raw-jdk" -> new RawJdkDriver(port);
			case "sessionclient" -> new SessionClientDriver(port, null);
			default -> {
				if (name.startsWith(SessionClientDriver.PREFIX)) {
					yield new SessionClientDriver(port, name.substring(SessionClientDriver.PREFIX.length()));
				}
				throw new IllegalArgumentException("Unknown driver '" + name + "'");
			}
		};
	}

	/**
	 * Every driver, in the order they run.
	 */
	java.util.List<String> NAMES = java.util.List.of("raw-socket", "raw-httpclient5", "sessionclient", "raw-jdk",
			"sessionclient-http-components", "sessionclient-jetty", "sessionclient-reactor", "sessionclient-jdk");

}
