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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.cbkspring.client.bot.SessionClient;
import org.jspecify.annotations.Nullable;

/**
 * Runs the whole benchmark: for each concurrency a stub JVM and one fresh JVM per driver
 * (see {@link LoadBenchmark}), then the start-up probe with and without the starter, and
 * prints the tables and the ratios of the session client to raw Apache HttpClient 5.
 * <p>
 * At concurrency 1 the stub and the driver JVM are pinned to CPU 0 with {@code taskset}:
 * a request and its answer then hand over on one CPU instead of waking a thread on the
 * other, which makes single-threaded rates on small VMs bimodal. At higher concurrency
 * nothing is pinned.
 * <p>
 * Options: {@code --concurrency=1,16 --drivers=a,b --round-ms=300 --rounds=7
 * --startup-runs=5 --skip-load --skip-startup --jfr=<driver>} (the last records a JFR
 * profile of that driver's JVM into {@code target/}).
 *
 * @author cbkspring contributors
 */
public final class BenchmarkRunner {

	private static final String BASELINE = "raw-httpclient5";

	private static final String CLIENT = "sessionclient";

	private static final List<String> DRIVER_JVM_OPTIONS = List.of("-Xms256m", "-Xmx256m", "-XX:+UseG1GC");

	private final Map<String, String> options;

	private final String java;

	private final String classpath;

	private final boolean taskset;

	private BenchmarkRunner(Map<String, String> options) {
		this.options = options;
		this.java = ProcessHandle.current().info().command().orElse("java");
		this.classpath = System.getProperty("java.class.path");
		this.taskset = new File("/usr/bin/taskset").canExecute();
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			String[] pair = arg.replaceFirst("^--", "").split("=", 2);
			options.put(pair[0], (pair.length > 1) ? pair[1] : "true");
		}
		new BenchmarkRunner(options).run();
	}

	private void run() throws Exception {
		System.out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, " + cpuModel() + ", Java "
				+ System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name")
				+ "), load average " + loadAverage());
		List<String> ratios = new ArrayList<>();
		if (!this.options.containsKey("skip-load")) {
			for (String concurrency : this.options.getOrDefault("concurrency", "1,16").split(",")) {
				ratios.addAll(runLoad(Integer.parseInt(concurrency.trim())));
			}
		}
		if (!this.options.containsKey("skip-startup")) {
			runStartup(Integer.parseInt(this.options.getOrDefault("startup-runs", "5")));
		}
		System.out.println("Load average at the end " + loadAverage());
		ratios.forEach(System.out::println);
	}

	private List<String> runLoad(int concurrency) throws Exception {
		boolean pinned = concurrency == 1 && this.taskset;
		System.out.println();
		System.out.println("== Concurrency " + concurrency
				+ (pinned ? " (stub and driver JVMs pinned to CPU 0)" : " (not pinned)") + " ==");
		System.out.printf("%-30s %9s %9s %9s %9s %7s  %s%n", "driver", "req/s", "p50 us", "p99 us", "B/call", "warm-up",
				"engine");
		List<String> drivers = Arrays
			.asList(this.options.getOrDefault("drivers", String.join(",", Driver.NAMES)).split(","));
		Map<String, String[]> results = new LinkedHashMap<>();
		Process stub = startStub(pinned, (concurrency == 1) ? 1 : 2);
		try {
			int port = readPort(stub);
			for (String driver : drivers) {
				String[] result = runDriver(driver, port, concurrency, pinned);
				if (result != null) {
					results.put(driver, result);
					System.out.printf("%-30s %9s %9.1f %9.1f %9s %7s  %s%n", driver, result[3],
							Long.parseLong(result[4]) / 1000.0, Long.parseLong(result[5]) / 1000.0, result[6],
							result[7], result[8]);
				}
			}
		}
		finally {
			stub.getOutputStream().close();
			stub.waitFor();
		}
		List<String> ratios = new ArrayList<>();
		String[] baseline = results.get(BASELINE);
		String[] client = results.get(CLIENT);
		if (baseline != null && client != null) {
			System.out.printf("allocation vs fastest raw c=%d: %.2f%n", concurrency,
					Double.parseDouble(client[6]) / Double.parseDouble(baseline[6]));
			ratios.add(String.format("ratio vs fastest raw c=%d: %.2f", concurrency,
					Double.parseDouble(client[3]) / Double.parseDouble(baseline[3])));
		}
		return ratios;
	}

	private Process startStub(boolean pinned, int selectorThreads) throws IOException {
		List<String> command = new ArrayList<>(pinned ? List.of("taskset", "-c", "0") : List.of());
		command.addAll(List.of(this.java, "-Xms128m", "-Xmx128m", "-cp", this.classpath, StubServer.class.getName(),
				"0", Integer.toString(selectorThreads)));
		return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
	}

	private static int readPort(Process stub) throws IOException {
		BufferedReader reader = new BufferedReader(
				new InputStreamReader(stub.getInputStream(), StandardCharsets.UTF_8));
		String line = reader.readLine();
		if (line == null || !line.startsWith("port=")) {
			throw new IllegalStateException("The stub did not start: " + line);
		}
		return Integer.parseInt(line.substring(5));
	}

	private String @Nullable [] runDriver(String driver, int port, int concurrency, boolean pinned)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(pinned ? List.of("taskset", "-c", "0") : List.of());
		command.add(this.java);
		command.addAll(DRIVER_JVM_OPTIONS);
		if (driver.equals(this.options.get("jfr"))) {
			// Spring's call stacks are deeper than JFR's default of 64 frames
			command.add("-XX:FlightRecorderOptions:stackdepth=256");
			command.add("-XX:StartFlightRecording=settings=profile,filename=target/" + driver + "-c" + concurrency
					+ ".jfr");
		}
		command.addAll(List.of("-cp", this.classpath, LoadBenchmark.class.getName(), driver, Integer.toString(port),
				Integer.toString(concurrency), this.options.getOrDefault("round-ms", "300"),
				this.options.getOrDefault("rounds", "7")));
		List<String> output = run(command);
		for (String line : output) {
			if (line.startsWith("RESULT|")) {
				return line.split("\\|");
			}
		}
		System.out.printf("%-30s FAILED:%n  %s%n", driver, String.join("\n  ", output));
		return null;
	}

	private void runStartup(int runs) throws IOException, InterruptedException {
		List<String> entries = Arrays.asList(this.classpath.split(File.pathSeparator));
		// The other engines are here only for the engine comparison
		List<String> withStarter = entries.stream()
			.filter((entry) -> !fileName(entry).matches("(jetty|reactor|netty).*"))
			.toList();
		// What the starter brings to an application that already uses RestClient
		List<String> withoutStarter = withStarter.stream()
			.filter((entry) -> !fileName(entry).matches("(chatbotkit-spring-boot|httpclient5|httpcore5).*"))
			.toList();
		System.out.println();
		System.out.println("== Start-up of a minimal Boot application (spring-boot-starter-restclient), " + runs
				+ " runs each after one discarded ==");
		List<long[]> with = new ArrayList<>();
		List<long[]> without = new ArrayList<>();
		for (int i = 0; i <= runs; i++) {
			long[] withRun = startup(withStarter, true);
			long[] withoutRun = startup(withoutStarter, false);
			if (i > 0) {
				with.add(withRun);
				without.add(withoutRun);
			}
		}
		long withJvm = median(with, 0);
		long withoutJvm = median(without, 0);
		long withSpring = median(with, 1);
		long withoutSpring = median(without, 1);
		System.out.printf("%-30s %14s %20s%n", "", "JVM start->ready", "SpringApplication.run");
		System.out.printf("%-30s %13d ms %17d ms%n", "without the starter", withoutJvm, withoutSpring);
		System.out.printf("%-30s %13d ms %17d ms%n", "with the starter", withJvm, withSpring);
		System.out.printf("starter adds: %d ms (JVM start to ready), %d ms (in SpringApplication.run)%n",
				withJvm - withoutJvm, withSpring - withoutSpring);
	}

	private long[] startup(List<String> classpath, boolean expectSessionClient)
			throws IOException, InterruptedException {
		List<String> output = run(List.of(this.java, "-cp", String.join(File.pathSeparator, classpath),
				BenchmarkApplication.class.getName(), "--chatbotkit.secret=" + SessionJson.SECRET,
				"--chatbotkit.url=http://127.0.0.1:1", "--logging.level.root=warn"));
		for (String line : output) {
			if (line.startsWith("STARTUP|")) {
				String[] fields = line.split("\\|");
				if (Boolean.parseBoolean(fields[3]) != expectSessionClient) {
					throw new IllegalStateException(
							"SessionClient bean present: " + fields[3] + ", expected " + expectSessionClient);
				}
				return new long[] { Long.parseLong(fields[1]), Long.parseLong(fields[2]) };
			}
		}
		throw new IllegalStateException("The start-up probe failed:\n" + String.join("\n", output));
	}

	private static List<String> run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		List<String> output;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			output = reader.lines().collect(Collectors.toList());
		}
		process.waitFor();
		return output;
	}

	private static long median(List<long[]> runs, int field) {
		long[] values = runs.stream().mapToLong((run) -> run[field]).sorted().toArray();
		return values[values.length / 2];
	}

	private static String fileName(String entry) {
		return Path.of(entry).getFileName().toString();
	}

	private static String cpuModel() throws IOException {
		return Files.readAllLines(Path.of("/proc/cpuinfo"))
			.stream()
			.filter((line) -> line.startsWith("model name"))
			.map((line) -> line.substring(line.indexOf(':') + 1).trim())
			.findFirst()
			.orElse("unknown CPU");
	}

	private static String loadAverage() throws IOException {
		String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
		return fields[0] + " " + fields[1] + " " + fields[2];
	}

}
