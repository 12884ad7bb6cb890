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

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.github.cbkspring.client.bot.SessionClient;

/**
 * Runs the whole benchmark and prints its tables and ratios:
 * <ol>
 * <li>load: one JVM a driver, all started at once against one stub JVM; for each
 * concurrency, each driver is warmed up alone (see {@link LoadBenchmark}), then the
 * measured rounds alternate the drivers (A B C A B C ...), so that drift of a shared
 * machine hits them all; the unary drivers first, then the streaming ones (unpaced);</li>
 * <li>paced streams: 256 and 1,024 streams open at once on platform threads (this JDK)
 * and on virtual threads (the JDK of {@code --virtual-java}), and on the reactive client
 * without a thread a stream (with the platform threads' JVMs only), clients and raw floor
 * alternating, each JVM first warmed up with streams of one line a millisecond (the read
 * path of paced streams) until the JIT is done, each size run once to warm up and fill
 * the pool and once measured; then what happens at the pool's cap;</li>
 * <li>start-up of a minimal Boot application with and without the starter.</li>
 * </ol>
 * Ratios are of the ChatBotKit client, blocking and reactive, over raw Apache HttpClient
 * 5 (and of the session client over a plain {@code RestClient} on it) and are medians of
 * the ratios of adjacent rounds. At concurrency 1 every process is pinned to CPU 0 with
 * {@code taskset}: a request and its answer then hand over on one CPU instead of waking a
 * thread on the other, which on these VMs costs more than the call (and flips between two
 * modes). Warm-up runs pinned too, until the JIT compiler is done.
 * <p>
 * Options: {@code --concurrency=1,16 --drivers=a,b --round-ms=300 --rounds=7
 * --warmup-max-ms=20000 --streams=256,1024 --ramp-ms=1000 --virtual-java=<java>
 * --startup-runs=5 --skip-load --skip-paced --skip-startup --settle-passes=3 --retakes=3
 * --jfr=<drivers> --driver-jvm-option=<option>} ({@code --driver-jvm-option}: one more
 * option for every driver JVM, such as a log of the JIT compiler;
 * {@code --settle-passes}: unmeasured rounds of every driver in the measured pattern
 * after the warm-ups; {@code --retakes}: how often a measured round whose JIT compile
 * time exceeded 2% of it is taken again, in its place among the alternating rounds;
 * {@code --jfr} records a JFR profile of the named drivers' measured rounds into
 * {@code target/}).
 *
 * @author cbkspring contributors
 */
public final class BenchmarkRunner {

	private static final String RAW = "raw-httpclient5";

	/** Plain RestClient on the raw floor's engine: what RestClient itself costs. */
	private static final String RAW_RESTCLIENT = "raw-restclient";

	/**
	 * Boot's RestClient on Boot's HttpClient 5 setup: what RestClient costs in a Boot
	 * application.
	 */
	private static final String BOOT_RESTCLIENT = "boot-restclient";

	private static final String CLIENT = "sessionclient";

	/** A generated operation on the same answer, for its ratio beside the session's. */
	private static final String GENERATED = "generated";

	private static final String REACTIVE = "reactive-sessionclient";

	private static final String RAW_STREAM = "raw-httpclient5-stream";

	private static final String CLIENT_STREAM = "completestream";

	/**
	 * Reads its streams on event loops: no thread a paced stream, so no virtual-thread
	 * run.
	 */
	private static final String REACTIVE_STREAM = "reactive-completestream";

	/**
	 * The ratios of the summary, from the same rounds: each driver against the raw floor,
	 * and the session client against plain RestClient on the floor's engine and against
	 * RestClient as Boot sets it up, which part what the ChatBotKit client adds from what
	 * RestClient, and Boot's setup of it, cost.
	 */
	private static final List<Comparison> UNARY_RATIOS = List.of(new Comparison(CLIENT, RAW, "", "vs fastest raw"),
			new Comparison(GENERATED, RAW, GENERATED + ": ", "vs fastest raw"),
			new Comparison(REACTIVE, RAW, REACTIVE + ": ", "vs fastest raw"),
			new Comparison(RAW_RESTCLIENT, RAW, RAW_RESTCLIENT + ": ", "vs fastest raw"),
			new Comparison(BOOT_RESTCLIENT, RAW, BOOT_RESTCLIENT + ": ", "vs fastest raw"),
			new Comparison(CLIENT, RAW_RESTCLIENT, "", "vs raw-restclient"),
			new Comparison(CLIENT, BOOT_RESTCLIENT, "", "vs boot-restclient"));

	private static final List<Comparison> STREAM_RATIOS = List.of(
			new Comparison(CLIENT_STREAM, RAW_STREAM, "streams: ", "vs raw"),
			new Comparison(REACTIVE_STREAM, RAW_STREAM, "reactive streams: ", "vs raw"));

	/**
	 * Jars on the module's class path only for the other engines and the reactive
	 * drivers, left out of the start-up measurement.
	 */
	private static final String NOT_IN_STARTUP = "(jetty|reactor|netty|spring-webflux|spring-boot-webclient"
			+ "|spring-boot-http-codec).*";

	private static final List<String> DRIVER_JVM_OPTIONS = List.of("-Xms256m", "-Xmx256m", "-XX:+UseG1GC");

	private static final int DEFAULT_MAX_CONNECTIONS = 64;

	private static final String ALL_CPUS = "0-" + (Runtime.getRuntime().availableProcessors() - 1);

	private static final long DEFAULT_CONNECT_TIMEOUT_MILLIS = 10_000;

	/** Threads of the unpaced streams that warm up a paced-stream JVM. */
	private static final int PACED_WARMUP_CONCURRENCY = 16;

	/** Streams, pool and connect timeout of the run at the pool's cap. */
	private static final int[] CAP = { 128, 64, 500 };

	private final Map<String, String> options;

	private final String java;

	private final String classpath;

	private final List<String> summary = new ArrayList<>();

	private BenchmarkRunner(Map<String, String> options) {
		this.options = options;
		this.java = ProcessHandle.current().info().command().orElse("java");
		this.classpath = System.getProperty("java.class.path");
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
		long start = System.nanoTime();
		System.out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, " + cpuModel() + ", Java "
				+ System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name")
				+ "), load average " + loadAverage());
		List<String> selected = Arrays.asList(this.options
			.getOrDefault("drivers", String.join(",", Driver.UNARY) + "," + String.join(",", Driver.STREAMS))
			.split(",", -1));
		List<String> unknown = selected.stream()
			.filter((name) -> !Driver.UNARY.contains(name) && !Driver.STREAMS.contains(name)
					&& !name.startsWith(ClientDrivers.FACTORY_PREFIX))
			.toList();
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("Unknown drivers " + unknown + " in --drivers: the drivers are "
					+ Driver.UNARY + ", " + Driver.STREAMS + " and " + ClientDrivers.FACTORY_PREFIX + "<factory>");
		}
		List<String> unary = new ArrayList<>(Driver.UNARY.stream().filter(selected::contains).toList());
		selected.stream()
			.filter((name) -> name.startsWith(ClientDrivers.FACTORY_PREFIX) && !unary.contains(name))
			.forEach(unary::add);
		List<String> streams = Driver.STREAMS.stream().filter(selected::contains).toList();
		List<String> notRun = recordedDrivers().stream()
			.filter((name) -> !unary.contains(name) && !streams.contains(name))
			.toList();
		if (!notRun.isEmpty()) {
			throw new IllegalArgumentException("--jfr names " + notRun + ", which this run does not run (--drivers)");
		}
		int[] pacedStreams = Arrays.stream(this.options.getOrDefault("streams", "256,1024").split(",", -1))
			.mapToInt(Integer::parseInt)
			.toArray();
		try (JvmProcess stub = startStub()) {
			int port = Integer.parseInt(stub.await("port=")[0].substring(5));
			if (!this.options.containsKey("skip-load")) {
				runLoad(stub, port, unary, streams);
			}
			if (!this.options.containsKey("skip-paced") && !streams.isEmpty()) {
				runPaced(stub, port, streams, pacedStreams);
			}
		}
		if (!this.options.containsKey("skip-startup")) {
			runStartup(Integer.parseInt(this.options.getOrDefault("startup-runs", "5")));
		}
		System.out.println();
		System.out.printf("Load average at the end %s; %d s in all%n", loadAverage(),
				(System.nanoTime() - start) / 1_000_000_000);
		this.summary.forEach(System.out::println);
	}

	private JvmProcess startStub() throws IOException {
		return JvmProcess.start("stub", List.of(this.java, "-Xms512m", "-Xmx512m", "-cp", this.classpath,
				StubServer.class.getName(), "0", "2"));
	}

	/**
	 * Start one JVM a driver, all at once, and wait until each is ready.
	 */
	private List<DriverJvm> startDrivers(String java, String mainClass, List<String> names, int port,
			int maxConnections, long connectTimeoutMillis) throws IOException {
		List<JvmProcess> processes = new ArrayList<>();
		for (String name : names) {
			List<String> command = new ArrayList<>(List.of(java));
			command.addAll(DRIVER_JVM_OPTIONS);
			String option = this.options.get("driver-jvm-option");
			if (option != null) {
				command.add(option);
			}
			if (recorded(name)) {
				// Spring's call stacks are deeper than JFR's default of 64 frames. A
				// recording
				// from the start instruments the JDK's I/O classes now: started only
				// after
				// warm-up, that would throw the compiled code away in the measured
				// rounds.
				command.addAll(List.of("-XX:FlightRecorderOptions:stackdepth=256", "-XX:+UnlockDiagnosticVMOptions",
						"-XX:+DebugNonSafepoints", "-XX:StartFlightRecording=settings=profile"));
			}
			command.addAll(List.of("-cp", this.classpath, mainClass, name, Integer.toString(port),
					Integer.toString(maxConnections), Long.toString(connectTimeoutMillis)));
			processes.add(JvmProcess.start(name, command));
		}
		List<DriverJvm> drivers = new ArrayList<>();
		List<String> pids = new ArrayList<>();
		for (JvmProcess process : processes) {
			String[] ready = process.await("READY|");
			drivers.add(new DriverJvm(process, ready[1], ready[2]));
			pids.add(process.name() + " " + process.pid());
		}
		if (!pids.isEmpty()) {
			// names the logs that --driver-jvm-option writes per process
			System.out.println("(driver JVMs: " + String.join(", ", pids) + ")");
		}
		return drivers;
	}

	private static void close(List<DriverJvm> drivers) throws IOException, InterruptedException {
		for (DriverJvm driver : drivers) {
			driver.process().close();
		}
	}

	private void runLoad(JvmProcess stub, int port, List<String> unary, List<String> streams) throws Exception {
		List<DriverJvm> unaryDrivers = List.of();
		List<DriverJvm> streamDrivers = List.of();
		try {
			unaryDrivers = startDrivers(this.java, DriverProcess.class.getName(), unary, port, DEFAULT_MAX_CONNECTIONS,
					DEFAULT_CONNECT_TIMEOUT_MILLIS);
			streamDrivers = startDrivers(this.java, DriverProcess.class.getName(), streams, port,
					DEFAULT_MAX_CONNECTIONS, DEFAULT_CONNECT_TIMEOUT_MILLIS);
			String fresh = "from a fresh JVM";
			for (String concurrency : this.options.getOrDefault("concurrency", "1,16").split(",", -1)) {
				int threads = Integer.parseInt(concurrency.trim());
				boolean pinned = threads == 1 && JvmProcess.canPin();
				System.out.println();
				System.out.println("== Concurrency " + threads + (pinned
						? " (stub and driver JVMs pinned to CPU 0; warm-up first on all CPUs)" : " (not pinned)")
						+ " ==");
				measure(unaryDrivers, stub, threads, pinned, false, fresh);
				measure(streamDrivers, stub, threads, pinned, true, fresh);
				fresh = "after c=" + threads;
			}
		}
		finally {
			close(unaryDrivers);
			close(streamDrivers);
		}
	}

	/**
	 * Warm up each driver, then run the measured rounds alternating the drivers, print
	 * their table and add the ratios to the summary. Warm-up runs on all CPUs, so that
	 * the JIT compiler has one to itself; when pinned, each driver is then warmed up
	 * again on CPU 0 (which ends after a few rounds if the compiler is done). The summary
	 * gets how long each warm-up took to settle: from a fresh JVM at the first
	 * concurrency, how long a new application takes to reach its steady rate.
	 * @param since what the driver JVMs ran before, for the summary
	 */
	private void measure(List<DriverJvm> drivers, JvmProcess stub, int concurrency, boolean pinned, boolean streams,
			String since) throws IOException, InterruptedException {
		if (drivers.isEmpty()) {
			return;
		}
		String roundMillis = this.options.getOrDefault("round-ms", "300");
		int rounds = Integer.parseInt(this.options.getOrDefault("rounds", "7"));
		String[] warmups = new String[drivers.size()];
		List<List<Round>> results = new ArrayList<>();
		for (int i = 0; i < drivers.size(); i++) {
			JvmProcess driver = drivers.get(i).process();
			warmups[i] = warmup(driver, stub, concurrency, "", ALL_CPUS)
					+ (pinned ? " + " + warmup(driver, stub, concurrency, "", "0") : "");
			if (recorded(driver.name())) {
				String file = "target/" + driver.name() + "-c" + concurrency + ".jfr";
				driver.send("jfr " + new File(file).getAbsolutePath(), "OK");
				System.out.println("JFR of " + driver.name() + "'s measured rounds: benchmarks/" + file);
			}
			results.add(new ArrayList<>());
		}
		int retakes = Integer.parseInt(this.options.getOrDefault("retakes", "3"));
		// the warm-up's own rule: a round whose compile time exceeds 2% of it was taken
		// before the code settled
		long jitLimitMillis = Long.parseLong(roundMillis) / 50;
		int[] retaken = new int[drivers.size()];
		// Unmeasured passes in the measured pattern first: each driver now idles while
		// the others run, and the first call after an idle spell takes paths that the
		// back-to-back warm-up never did (HttpClient 5 checks a connection idle for
		// over 100 ms before reuse): compiled code meets them, is thrown away and
		// compiled again, which belongs before the measurement, not in it.
		String roundCommand = "round " + concurrency + " " + roundMillis;
		int settlePasses = Integer.parseInt(this.options.getOrDefault("settle-passes", "3"));
		for (int pass = 0; pass < settlePasses; pass++) {
			for (DriverJvm driver : drivers) {
				driver.process().send(roundCommand + " unkept", "ROUND|");
			}
		}
		for (int round = 0; round < rounds; round++) {
			for (int i = 0; i < drivers.size(); i++) {
				Round taken = Round.parse(drivers.get(i).process().send(roundCommand, "ROUND|"));
				for (int retake = 0; retake < retakes && taken.jitMillis() > jitLimitMillis; retake++) {
					drivers.get(i).process().send("forget", "OK");
					taken = Round.parse(drivers.get(i).process().send(roundCommand, "ROUND|"));
					retaken[i]++;
				}
				results.get(i).add(taken);
			}
		}
		String unit = streams ? "token" : "call";
		double scale = streams ? 1_000_000.0 : 1000.0;
		System.out.printf("%-30s %10s %9s %9s %9s %9s %7s %7s  %-27s  %s%n", "driver", streams ? "tokens/s" : "req/s",
				streams ? "p50 ms" : "p50 us", streams ? "p99 ms" : "p99 us", "cpu us/" + unit, "B/" + unit, "jit ms",
				"gc ms", "warm-up", "engine");
		for (int i = 0; i < drivers.size(); i++) {
			String[] latency = drivers.get(i).process().send("latency", "LATENCY|");
			List<Round> measured = results.get(i);
			System.out.printf("%-30s %10.0f %9.1f %9.1f %9.2f %9.0f %7d %7d  %-27s  %s%n",
					drivers.get(i).process().name(), median(measured, Round::rate), Long.parseLong(latency[1]) / scale,
					Long.parseLong(latency[2]) / scale, median(measured, Round::cpuNanos) / 1000,
					median(measured, Round::bytes), measured.stream().mapToLong(Round::jitMillis).sum(),
					measured.stream().mapToLong(Round::gcMillis).sum(), warmups[i], drivers.get(i).engine());
		}
		for (Comparison comparison : streams ? STREAM_RATIOS : UNARY_RATIOS) {
			int client = indexOf(drivers, comparison.driver());
			int raw = indexOf(drivers, comparison.floor());
			if (raw < 0 || client < 0) {
				continue;
			}
			String prefix = comparison.prefix();
			String vs = comparison.vs();
			List<Round> clientRounds = results.get(client);
			List<Round> rawRounds = results.get(raw);
			this.summary.add(String.format("%sratio %s c=%d: %s", prefix, vs, concurrency,
					pairedRatio(clientRounds, rawRounds, Round::rate)));
			this.summary.add(String.format("%scpu per %s %s c=%d: %s", prefix, unit, vs, concurrency,
					pairedRatio(clientRounds, rawRounds, Round::cpuNanos)));
			this.summary.add(String.format("%sallocation per %s %s c=%d: %s", prefix, unit, vs, concurrency,
					pairedRatio(clientRounds, rawRounds, Round::bytes)));
		}
		List<String> jit = new ArrayList<>();
		List<String> warmed = new ArrayList<>();
		for (int i = 0; i < drivers.size(); i++) {
			String name = drivers.get(i).process().name();
			jit.add(name + " " + compiling(results.get(i)) + " of " + results.get(i).size() + " (" + retaken[i]
					+ " retaken)");
			warmed.add(name + " " + warmups[i]);
		}
		String kind = streams ? "streams " : "";
		this.summary.add(String.format(
				"%sJIT compiling during measured rounds c=%d (rounds compiling over %d ms retaken, at most %d times): %s",
				kind, concurrency, jitLimitMillis, retakes, String.join(", ", jit)));
		this.summary.add(String.format("%swarm-up until settled c=%d, %s (%s ms rounds%s): %s", kind, concurrency,
				since, roundMillis, pinned ? "; on all CPUs + again on CPU 0" : "", String.join(", ", warmed)));
	}

	/**
	 * Run the stub and a driver on the given CPUs and warm the driver up on its workload,
	 * or, with {@code " trickle"}, on streams of one line a millisecond.
	 * @return the rounds and seconds it took
	 */
	private String warmup(JvmProcess driver, JvmProcess stub, int concurrency, String workload, String cpus)
			throws IOException, InterruptedException {
		stub.pin(cpus);
		driver.pin(cpus);
		String[] warm = driver.send("warmup " + concurrency + " " + this.options.getOrDefault("round-ms", "300") + " "
				+ this.options.getOrDefault("warmup-max-ms", "20000") + workload, "WARM|");
		return String.format("%s in %.1f s%s", warm[1], Long.parseLong(warm[2]) / 1000.0,
				Boolean.parseBoolean(warm[3]) ? "" : " (unsettled)");
	}

	/**
	 * Whether {@code --jfr} names the driver (a comma-separated list).
	 */
	private boolean recorded(String driver) {
		return recordedDrivers().contains(driver);
	}

	/**
	 * The drivers that {@code --jfr} names.
	 */
	private List<String> recordedDrivers() {
		return Arrays.stream(this.options.getOrDefault("jfr", "").split(",", -1))
			.filter((name) -> !name.isEmpty())
			.toList();
	}

	private static int indexOf(List<DriverJvm> drivers, String name) {
		for (int i = 0; i < drivers.size(); i++) {
			if (drivers.get(i).process().name().equals(name)) {
				return i;
			}
		}
		return -1;
	}

	private void runPaced(JvmProcess stub, int port, List<String> streams, int[] sizes) throws Exception {
		stub.pin(ALL_CPUS);
		String rampMillis = this.options.getOrDefault("ramp-ms", "1000");
		int maxConnections = Math.max(Arrays.stream(sizes).max().orElse(0), DEFAULT_MAX_CONNECTIONS);
		String virtualJava = this.options.get("virtual-java");
		boolean virtualBuilt = BenchmarkRunner.class.getResource("VirtualThreadDriverProcess.class") != null;
		List<String[]> kinds = new ArrayList<>();
		kinds.add(new String[] { "platform", this.java, DriverProcess.class.getName() });
		if (virtualJava != null && virtualBuilt) {
			kinds.add(new String[] { "virtual", virtualJava,
					DriverProcess.class.getPackageName() + ".VirtualThreadDriverProcess" });
		}
		System.out.println();
		System.out.println("== Paced streams: " + CompletionJson.TOKENS + " tokens, one line every "
				+ CompletionJson.LINE_INTERVAL_MILLIS + " ms; starts spread over " + rampMillis
				+ " ms; after streams of one line a millisecond until the JIT is done, each size once to warm up (and "
				+ "fill the pool), then measured (not pinned) ==");
		if (kinds.size() == 1) {
			System.out.println("(virtual threads skipped: " + ((virtualJava == null) ? "no --virtual-java"
					: "VirtualThreadDriverProcess not built; build with -Djava21.home") + ")");
		}
		System.out.println("(TTFT from the call to its first token; the stub's first line from the request to its "
				+ "write, nominally " + CompletionJson.LINE_INTERVAL_MILLIS + " ms; the client's part, per stream, is "
				+ "the first minus the second)");
		System.out.printf("%-10s %7s %-24s %9s %6s %8s %13s %15s %12s %17s %17s %17s %6s  %s%n", "threads", "streams",
				"driver", "completed", "failed", "max open", "cpu us/token", "heap KB/stream", "idle KB/conn",
				"TTFT p50/p99 ms", "stub 1st line", "client's part", "jit ms", "Java");
		for (String[] kind : kinds) {
			boolean virtual = kind[0].equals("virtual");
			// the reactive client holds no thread a stream: virtual threads change
			// nothing
			List<String> names = streams.stream().filter((name) -> !virtual || !name.equals(REACTIVE_STREAM)).toList();
			List<DriverJvm> drivers = List.of();
			try {
				drivers = startDrivers(kind[1], kind[2], names, port, maxConnections, DEFAULT_CONNECT_TIMEOUT_MILLIS);
				List<String> warmed = new ArrayList<>();
				for (DriverJvm driver : drivers) {
					// streams on the paced read path until the JIT is done, so that it
					// does not compete with the measured streams
					warmed.add(driver.process().name() + " "
							+ warmup(driver.process(), stub, PACED_WARMUP_CONCURRENCY, " trickle", ALL_CPUS));
				}
				System.out.println("(" + kind[0] + " JVMs, warm-up on streams of one line a millisecond: "
						+ String.join(", ", warmed) + ")");
				Map<String, Paced> previous = new LinkedHashMap<>();
				for (int size : sizes) {
					for (DriverJvm driver : drivers) {
						driver.process().send("paced " + size + " " + rampMillis, "PACED|");
					}
					Map<String, Paced> measured = new LinkedHashMap<>();
					for (DriverJvm driver : drivers) {
						String name = driver.process().name();
						stub.send("reset", "OK");
						String[] result = driver.process().send("paced " + size + " " + rampMillis, "PACED|");
						Paced paced = new Paced(result, stub.send("stats", "STATS|"),
								ownPart(result[14], stub.send("firstlines", "FIRSTLINES|")[1]));
						printPaced(name.equals(REACTIVE_STREAM) ? "event loop" : kind[0], name, paced, driver.java());
						measured.put(name, paced);
						Paced smaller = previous.put(name, paced);
						if (smaller != null) {
							paced.marginalHeap = marginalHeap(smaller, paced);
							System.out.printf("%-10s %7s %-24s heap per additional open stream from %s to %s: %s KB%n",
									"", "", "", smaller.result()[1], size,
									kilobytes(Long.toString(paced.marginalHeap)));
						}
					}
					Paced raw = measured.get(RAW_STREAM);
					Paced client = measured.get(CLIENT_STREAM);
					Paced reactive = measured.get(REACTIVE_STREAM);
					if (raw != null && client != null) {
						addPacedSummary(kind[0] + " threads", size, client, raw);
					}
					if (raw != null && reactive != null) {
						addPacedSummary("reactive client, no thread a stream", size, reactive, raw);
					}
				}
			}
			finally {
				close(drivers);
			}
		}
		if (streams.contains(CLIENT_STREAM)) {
			runAtCap(stub, port, rampMillis);
		}
	}

	/**
	 * More streams than the pool has connections, with a short connect timeout: the
	 * streams beyond the cap wait for a pooled connection and fail when the wait, retried
	 * as the retry policy says, outlasts the stream that holds it.
	 */
	private void runAtCap(JvmProcess stub, int port, String rampMillis) throws Exception {
		System.out.println();
		System.out.printf("== At the cap: %d paced streams, chatbotkit.max-connections=%d, connect-timeout=%d ms, "
				+ "retries as configured by default ==%n", CAP[0], CAP[1], CAP[2]);
		List<DriverJvm> drivers = startDrivers(this.java, DriverProcess.class.getName(), List.of(CLIENT_STREAM), port,
				CAP[1], CAP[2]);
		try (JvmProcess driver = drivers.get(0).process()) {
			stub.send("reset", "OK");
			String[] result = driver.send("paced " + CAP[0] + " " + rampMillis, "PACED|");
			String[] stubStats = stub.send("stats", "STATS|");
			System.out.printf(
					"completed %s of %s, failed %s, most open at once %s, TTFT p50 / p99 %.1f / %.1f ms, "
							+ "%s connections accepted by the stub, in %.1f s%n  first failure: %s%n",
					result[2], result[1], result[3], result[4], millis(result[9]), millis(result[10]), stubStats[1],
					Long.parseLong(result[11]) / 1000.0, result[15]);
		}
	}

	/**
	 * The percentiles of each stream's time to first token less the stub's first-line
	 * time of the same stream: what the client adds, whatever the stub's own delay.
	 * @param firstTokens each stream's time to first token, by stream number
	 * @param firstLines {@code <stream number>=<first-line time>} pairs
	 * @return p50 and p99 in nanoseconds
	 */
	private static long[] ownPart(String firstTokens, String firstLines) {
		String[] tokens = firstTokens.split(",", -1);
		LatencyHistogram own = new LatencyHistogram();
		for (String line : firstLines.isEmpty() ? new String[0] : firstLines.split(",", -1)) {
			String[] pair = line.split("=", -1);
			int stream = Integer.parseInt(pair[0]);
			long firstToken = Long.parseLong(tokens[stream]);
			if (firstToken >= 0) {
				own.record(firstToken - Long.parseLong(pair[1]));
			}
		}
		return new long[] { own.percentile(50), own.percentile(99) };
	}

	private static void printPaced(String threads, String driver, Paced paced, String java) {
		String[] result = paced.result();
		System.out.printf("%-10s %7s %-24s %9s %6s %8s %13.2f %15s %12s %17s %17s %17s %6s  %s%n", threads, result[1],
				driver, result[2], result[3], result[4], Double.parseDouble(result[6]) / 1000, kilobytes(result[7]),
				kilobytes(result[13]), String.format("%.1f / %.1f", millis(result[9]), millis(result[10])),
				String.format("%.1f / %.1f", millis(paced.stub()[3]), millis(paced.stub()[4])),
				String.format("%.2f / %.2f", paced.ownPart()[0] / 1e6, paced.ownPart()[1] / 1e6), result[12], java);
		if (!result[3].equals("0")) {
			System.out.println("  first failure: " + result[15]);
		}
	}

	/**
	 * The heap held per open stream between two sizes: what each stream more adds, free
	 * of what the JVM holds whatever the number of streams.
	 */
	private static long marginalHeap(Paced smaller, Paced larger) {
		long smallerHeap = Long.parseLong(smaller.result()[7]) * Long.parseLong(smaller.result()[8]);
		long largerHeap = Long.parseLong(larger.result()[7]) * Long.parseLong(larger.result()[8]);
		long streams = Long.parseLong(larger.result()[8]) - Long.parseLong(smaller.result()[8]);
		return (streams > 0 && smallerHeap >= 0 && largerHeap >= 0) ? (largerHeap - smallerHeap) / streams : -1;
	}

	private static String kilobytes(String bytes) {
		long value = Long.parseLong(bytes);
		return (value < 0) ? "-" : String.format("%.1f", value / 1024.0);
	}

	/**
	 * A summary line of a client's paced run beside the raw floor's of the same JVM kind.
	 * @param label how the client ran the streams, such as {@code platform threads}
	 */
	private void addPacedSummary(String label, int size, Paced client, Paced raw) {
		String heap = (client.marginalHeap >= 0) ? String.format(", per additional stream %s KB (raw %s KB)",
				kilobytes(Long.toString(client.marginalHeap)), kilobytes(Long.toString(raw.marginalHeap))) : "";
		this.summary.add(String
			.format("paced %d streams, %s: completed %s of %s (raw %s), cpu per token vs raw %.2f, heap per open "
					+ "stream %s KB (raw %s KB)%s, TTFT p99 vs raw %+.1f ms, client's part p99 %.2f ms (raw %.2f ms)",
					size, label, client.result()[2], client.result()[1], raw.result()[2],
					Double.parseDouble(client.result()[6]) / Double.parseDouble(raw.result()[6]),
					kilobytes(client.result()[7]), kilobytes(raw.result()[7]), heap,
					millis(client.result()[10]) - millis(raw.result()[10]), client.ownPart()[1] / 1e6,
					raw.ownPart()[1] / 1e6));
	}

	private static double millis(String nanos) {
		return Long.parseLong(nanos) / 1_000_000.0;
	}

	private static double median(List<Round> rounds, ToDoubleFunction<Round> value) {
		return Statistics.median(rounds.stream().mapToDouble(value).toArray());
	}

	/**
	 * The median over rounds of the ratio of two drivers' adjacent rounds, with the
	 * lowest and highest ratio of a round: the spread a single figure hides.
	 */
	private static String pairedRatio(List<Round> client, List<Round> raw, ToDoubleFunction<Round> value) {
		double[] ratios = new double[Math.min(client.size(), raw.size())];
		for (int i = 0; i < ratios.length; i++) {
			ratios[i] = value.applyAsDouble(client.get(i)) / value.applyAsDouble(raw.get(i));
		}
		double[] sorted = ratios.clone();
		Arrays.sort(sorted);
		return String.format("%.2f (rounds %.2f-%.2f)", Statistics.median(ratios), sorted[0],
				sorted[sorted.length - 1]);
	}

	/**
	 * How many rounds the JIT compiled in: a figure from such a round was taken before
	 * the code settled.
	 */
	private static long compiling(List<Round> rounds) {
		return rounds.stream().filter((round) -> round.jitMillis() > 0).count();
	}

	private void runStartup(int runs) throws IOException, InterruptedException {
		List<String> entries = Arrays.asList(this.classpath.split(File.pathSeparator));
		// The other engines and WebFlux are here only for the engine comparison and the
		// reactive drivers
		List<String> withStarter = entries.stream()
			.filter((entry) -> !fileName(entry).matches(NOT_IN_STARTUP))
			.toList();
		// What the starter brings to an application that already uses RestClient
		List<String> withoutStarter = withStarter.stream()
			.filter((entry) -> !fileName(entry).matches("(chatbotkit-spring-boot|httpclient5|httpcore5).*"))
			.toList();
		System.out.println();
		System.out.println("== Start-up of a minimal Boot application (spring-boot-starter-restclient, no WebFlux: "
				+ withoutStarter.size() + " class path entries, " + withStarter.size() + " with the starter), " + runs
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
		this.summary.add(String.format("starter adds: %d ms (JVM start to ready), %d ms (in SpringApplication.run)",
				withJvm - withoutJvm, withSpring - withoutSpring));
	}

	private long[] startup(List<String> classpath, boolean expectSessionClient)
			throws IOException, InterruptedException {
		try (JvmProcess probe = JvmProcess.start("start-up probe",
				List.of(this.java, "-cp", String.join(File.pathSeparator, classpath),
						BenchmarkApplication.class.getName(), "--chatbotkit.secret=" + SessionJson.SECRET,
						"--chatbotkit.url=http://127.0.0.1:1", "--logging.level.root=warn"))) {
			String[] fields = probe.await("STARTUP|");
			if (Boolean.parseBoolean(fields[3]) != expectSessionClient) {
				throw new IllegalStateException(
						"SessionClient bean present: " + fields[3] + ", expected " + expectSessionClient);
			}
			if (Boolean.parseBoolean(fields[4])) {
				throw new IllegalStateException("WebFlux on the start-up class path: " + classpath);
			}
			return new long[] { Long.parseLong(fields[1]), Long.parseLong(fields[2]) };
		}
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
		String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ", -1);
		return fields[0] + " " + fields[1] + " " + fields[2];
	}

	/**
	 * A ratio line of the summary: a driver over a floor, from their adjacent rounds.
	 *
	 * @param driver the driver measured
	 * @param floor the driver it is held to
	 * @param prefix what the summary line starts with
	 * @param vs how the line names the floor
	 */
	private record Comparison(String driver, String floor, String prefix, String vs) {
	}

	/**
	 * A driver's JVM, ready.
	 *
	 * @param process the JVM
	 * @param engine the HTTP engine under the driver
	 * @param java the Java version it runs on
	 */
	private record DriverJvm(JvmProcess process, String engine, String java) {
	}

	/**
	 * One measured run of paced streams: the driver's {@code PACED} answer, the stub's
	 * {@code STATS} answer, p50 and p99 of the client's part of the time to first token,
	 * and the heap per stream added since the previous size (-1 for the first).
	 */
	private static final class Paced {

		private final String[] result;

		private final String[] stub;

		private final long[] ownPart;

		private long marginalHeap = -1;

		Paced(String[] result, String[] stub, long[] ownPart) {
			this.result = result;
			this.stub = stub;
			this.ownPart = ownPart;
		}

		String[] result() {
			return this.result;
		}

		String[] stub() {
			return this.stub;
		}

		long[] ownPart() {
			return this.ownPart;
		}

	}

	/**
	 * One measured round of a driver, from its {@code ROUND} answer.
	 *
	 * @param rate units per second
	 * @param cpuNanos CPU nanoseconds per unit
	 * @param bytes bytes allocated per unit
	 * @param jitMillis JIT compilation time in the round
	 * @param gcMillis garbage collection time in the round
	 */
	private record Round(double rate, double cpuNanos, double bytes, long jitMillis, long gcMillis) {

		static Round parse(String[] fields) {
			return new Round(Double.parseDouble(fields[1]), Double.parseDouble(fields[3]),
					Double.parseDouble(fields[4]), Long.parseLong(fields[5]), Long.parseLong(fields[6]));
		}

	}

}
