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

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM that the runner talks to by lines: a command on its standard input, an
 * answer on its standard output (standard error is merged in, and the last lines of it
 * are kept to explain a failure).
 *
 * @author cbkspring contributors
 */
final class JvmProcess implements AutoCloseable {

	private static final boolean TASKSET = new File("/usr/bin/taskset").canExecute();

	private static final int KEPT_LINES = 40;

	private final String name;

	private final Process process;

	private final BufferedReader output;

	private final Writer input;

	private final Deque<String> lastLines = new ArrayDeque<>();

	private JvmProcess(String name, Process process) {
		this.name = name;
		this.process = process;
		this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
	}

	static JvmProcess start(String name, List<String> command) throws IOException {
		return new JvmProcess(name, new ProcessBuilder(command).redirectErrorStream(true).start());
	}

	/**
	 * Whether the CPUs of a process can be chosen.
	 */
	static boolean canPin() {
		return TASKSET;
	}

	String name() {
		return this.name;
	}

	long pid() {
		return this.process.pid();
	}

	/**
	 * Send a command and wait for its answer.
	 * @param command the command line
	 * @param answer what the answer starts with
	 * @return the answer split at {@code |}
	 */
	String[] send(String command, String answer) throws IOException {
		this.input.write(command + "\n");
		this.input.flush();
		return await(answer);
	}

	/**
	 * Wait for a line that starts with {@code prefix}; other lines are kept for a failure
	 * report.
	 * @param prefix what the line starts with
	 * @return the line split at {@code |}
	 * @throws IllegalStateException if the process fails or ends first
	 */
	String[] await(String prefix) throws IOException {
		String line;
		while ((line = this.output.readLine()) != null) {
			if (line.startsWith(prefix)) {
				return line.split("\\|", -1);
			}
			if (line.startsWith("FAILED|")) {
				throw failure(line);
			}
			this.lastLines.addLast(line);
			if (this.lastLines.size() > KEPT_LINES) {
				this.lastLines.removeFirst();
			}
		}
		throw failure("ended");
	}

	private IllegalStateException failure(String what) {
		return new IllegalStateException(
				this.name + ": " + what + "\n  " + String.join("\n  ", this.lastLines).replace('\t', ' '));
	}

	/**
	 * Run every thread of the process, and those it starts later, on the given CPUs.
	 * @param cpus a CPU list as {@code taskset} takes it, such as {@code 0} or
	 * {@code 0-1}
	 */
	void pin(String cpus) throws IOException, InterruptedException {
		if (TASKSET) {
			Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(this.process.pid()))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (taskset.waitFor() != 0) {
				throw new IllegalStateException("taskset failed for " + this.name);
			}
		}
	}

	/**
	 * Close its input, which ends it, and wait for it to end.
	 */
	@Override
	public void close() throws IOException, InterruptedException {
		this.input.close();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
