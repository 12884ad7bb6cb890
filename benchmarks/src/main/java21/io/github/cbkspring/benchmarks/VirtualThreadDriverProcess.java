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
 * {@link DriverProcess} with its paced streams on virtual threads. Compiled with
 * {@code --release 21} only when {@code benchmarks/run.sh} finds a JDK 21 or later, and
 * started only on one: nothing compiled for Java 17 refers to it.
 *
 * @author cbkspring contributors
 */
public final class VirtualThreadDriverProcess {

	private VirtualThreadDriverProcess() {
	}

	public static void main(String[] args) {
		DriverProcess.run(args, Thread.ofVirtual().name("stream-", 0).factory());
	}

}
