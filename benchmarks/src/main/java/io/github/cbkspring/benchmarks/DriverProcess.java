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
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Collectors;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.jspecify.annotations.Nullable;

/**
 * One driver in a JVM of its own, so that no driver's JIT profile or heap shapes
 * another's, run by {@link BenchmarkRunner} through commands on standard input, one a
 * line, each answered by one line on standard output:
 * <ul>
 * <li>{@code warmup <concurrency> <roundMillis> <maxMillis> [trickle]} →
 * {@code WARM|<rounds>|<millis>|<settled>} (see {@link LoadBenchmark}); with
 * {@code trickle}, a stream driver reads streams of one line a millisecond, the read path
 * of paced streams;</li>
 * <li>{@code round <concurrency> <roundMillis> [unkept]} →
 * {@code ROUND|<units/s>|<calls>|<cpu
 * ns per unit>|<bytes per unit>|<jit ms>|<gc ms>} ({@code unkept}: its latencies do not
 * count);</li>
 * <li>{@code forget} leaves the last round's latencies out → {@code OK};</li>
 * <li>{@code latency} → {@code LATENCY|<p50 ns>|<p99 ns>} of the calls of the rounds
 * since the last {@code latency};</li>
 * <li>{@code paced <streams> <rampMillis>} → {@code PACED|...}, the fields of
 * {@link PacedStreams.Result}, each stream's time to first token comma-separated (stream
 * drivers only);</li>
 * <li>{@code jfr <file>} starts a JFR recording (settings {@code profile}, execution
 * samples every millisecond) written when the process ends → {@code OK};</li>
 * <li>{@code quit}, or the end of the input, ends the process.</li>
 * </ul>
 * Once set up, and after one call, it prints {@code READY|<engine>|<Java version>}; a
 * failure ends it with {@code FAILED|<description>}.
 * <p>
 * Arguments: {@code <driver> <port> <maxConnections> <connectTimeoutMillis>}. The paced
 * streams run on platform threads; {@code VirtualThreadDriverProcess} (Java 21 and later)
 * runs them on virtual threads; a {@link NonBlockingStreamDriver} runs them on neither.
 *
 * @author cbkspring contributors
 */
public final class DriverProcess {

	private static final long PACED_TIMEOUT_MILLIS = 120_000;

	private DriverProcess() {
	}

	public static void main(String[] args) {
		run(args, (task) -> {
			Thread thread = new Thread(task, "stream");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Set the driver up and answer the commands.
	 * @param args the arguments
	 * @param streamThreads the factory of the threads of paced streams
	 */
	static void run(String[] args, ThreadFactory streamThreads) {
		int status = 1;
		Recording recording = null;
		Driver.Pool pool = new Driver.Pool(Integer.parseInt(args[2]), Duration.ofMillis(Long.parseLong(args[3])));
		try (Driver driver = Driver.create(args[0], Integer.parseInt(args[1]), pool)) {
			driver.call(); // fail fast on a broken set-up
			PacedStreams paced = (driver instanceof StreamDriver streams) ? new PacedStreams(streams, streamThreads)
					: null;
			LoadBenchmark load = new LoadBenchmark(driver::call);
			LoadBenchmark trickle = (driver instanceof StreamDriver streams)
					? new LoadBenchmark(() -> streams.stream(CompletionJson.TRICKLE, CompletionJson.TEXT, () -> {
					})) : load;
			reply("READY|" + driver.engine() + "|" + System.getProperty("java.runtime.version"));
			BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			String line;
			while ((line = commands.readLine()) != null && !line.equals("quit")) {
				String[] command = line.split(" ");
				if (command[0].equals("jfr")) {
					recording = new Recording(Configuration.getConfiguration("profile"));
					// "profile" samples every 10 ms: too few samples for calls of
					// microseconds
					recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
					recording.setDestination(Path.of(command[1]));
					recording.start();
					reply("OK");
				}
				else {
					reply(answer(command, (command.length > 4 && command[4].equals("trickle")) ? trickle : load,
							paced));
				}
			}
			status = 0;
		}
		catch (Exception ex) {
			reply("FAILED|" + String.valueOf(ex).replace('\n', ' '));
			ex.printStackTrace();
		}
		finally {
			if (recording != null) {
				recording.stop();
			}
			// engines may leave non-daemon threads behind
			System.exit(status);
		}
	}

	private static String answer(String[] command, LoadBenchmark load, @Nullable PacedStreams paced)
			throws InterruptedException {
		switch (command[0]) {
			case "warmup" -> {
				LoadBenchmark.Warmup warmup = load.warmup(Integer.parseInt(command[1]), Long.parseLong(command[2]),
						Long.parseLong(command[3]));
				return join("WARM", warmup.rounds(), warmup.millis(), warmup.settled());
			}
			case "round" -> {
				LoadBenchmark.Round round = load.round(Integer.parseInt(command[1]), Long.parseLong(command[2]),
						command.length < 4);
				return join("ROUND", round.rate(), round.calls(), round.cpuNanosPerUnit(), round.bytesPerUnit(),
						round.jitMillis(), round.gcMillis());
			}
			case "forget" -> {
				load.forgetLastRound();
				return "OK";
			}
			case "latency" -> {
				long[] latency = load.latency();
				return join("LATENCY", latency[0], latency[1]);
			}
			case "paced" -> {
				if (paced == null) {
					throw new IllegalArgumentException("Not a stream driver");
				}
				load.stopWorkers();
				PacedStreams.Result result = paced.run(Integer.parseInt(command[1]), Long.parseLong(command[2]),
						PACED_TIMEOUT_MILLIS);
				return join("PACED", result.streams(), result.completed(), result.failed(), result.maxOpen(),
						result.tokens(), result.cpuNanosPerToken(), result.heapPerStream(), result.openAtCollection(),
						result.firstTokenP50(), result.firstTokenP99(), result.millis(), result.jitMillis(),
						result.idleHeapPerConnection(),
						Arrays.stream(result.firstTokenNanos())
							.mapToObj(Long::toString)
							.collect(Collectors.joining(",")),
						String.valueOf(result.firstFailure()).replace('|', '/').replace('\n', ' '));
			}
			default -> throw new IllegalArgumentException("Unknown command " + String.join(" ", command));
		}
	}

	private static String join(String kind, Object... fields) {
		StringBuilder line = new StringBuilder(kind);
		for (Object field : fields) {
			line.append('|').append(field);
		}
		return line.toString();
	}

	private static void reply(String line) {
		System.out.println(line);
		System.out.flush();
	}

}
