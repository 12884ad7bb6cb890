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

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.management.ThreadMXBean;

/**
 * Runs one driver at one concurrency in this JVM and prints one {@code RESULT|...} line.
 * Every driver runs in a fresh JVM so that no driver's JIT profile or heap shapes
 * another's.
 * <p>
 * Each of {@code concurrency} threads calls in a closed loop. Time is cut into rounds of
 * fixed length; warm-up rounds run until the last three rates lie within
 * {@value #SETTLED_SPREAD_PERCENT}% of their median, then the measured rounds follow. The
 * result is the median rate and the median allocation per call over the measured rounds,
 * and latency percentiles over all measured calls. Allocation is summed over every thread
 * of the JVM (engine I/O threads included, since some engines do their work there).
 * <p>
 * Arguments: {@code <driver> <port> <concurrency> <roundMillis> <measuredRounds>}.
 *
 * @author cbkspring contributors
 */
public final class LoadBenchmark {

	private static final int SETTLED_SPREAD_PERCENT = 3;

	private static final int MIN_WARMUP_ROUNDS = 6;

	private static final int MAX_WARMUP_ROUNDS = 20;

	private static final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

	private final Driver driver;

	private final int concurrency;

	private final long roundNanos;

	private final Phaser phaser;

	private final Worker[] workers;

	private final AtomicReference<Throwable> failure = new AtomicReference<>();

	private volatile boolean stop;

	private volatile boolean finished;

	private LoadBenchmark(Driver driver, int concurrency, long roundMillis) {
		this.driver = driver;
		this.concurrency = concurrency;
		this.roundNanos = roundMillis * 1_000_000;
		this.phaser = new Phaser(concurrency + 1);
		this.workers = new Worker[concurrency];
	}

	public static void main(String[] args) {
		String name = args[0];
		int port = Integer.parseInt(args[1]);
		int concurrency = Integer.parseInt(args[2]);
		long roundMillis = Long.parseLong(args[3]);
		int measuredRounds = Integer.parseInt(args[4]);
		int status = 1;
		try (Driver driver = Driver.create(name, port)) {
			driver.call(); // fail fast on a broken set-up
			LoadBenchmark benchmark = new LoadBenchmark(driver, concurrency, roundMillis);
			Result result = benchmark.run(measuredRounds);
			System.out.println(String.join("|", "RESULT", name, Integer.toString(concurrency),
					Long.toString(Math.round(result.rate())), Long.toString(result.p50Nanos()),
					Long.toString(result.p99Nanos()), Long.toString(Math.round(result.bytesPerCall())),
					Integer.toString(result.warmupRounds()), driver.engine()));
			status = 0;
		}
		catch (Exception ex) {
			ex.printStackTrace();
		}
		finally {
			System.out.flush();
			// engines may leave non-daemon threads behind; exit still runs the JFR dump
			// hook
			System.exit(status);
		}
	}

	private Result run(int measuredRounds) throws InterruptedException {
		for (int i = 0; i < this.concurrency; i++) {
			this.workers[i] = new Worker();
			Thread thread = new Thread(this.workers[i], "driver-" + i);
			thread.setDaemon(true);
			thread.start();
		}
		List<Double> warmupRates = new ArrayList<>();
		while (warmupRates.size() < MIN_WARMUP_ROUNDS
				|| (!settled(warmupRates) && warmupRates.size() < MAX_WARMUP_ROUNDS)) {
			warmupRates.add(round().rate());
		}
		double[] rates = new double[measuredRounds];
		double[] bytesPerCall = new double[measuredRounds];
		LatencyHistogram latencies = new LatencyHistogram();
		for (int i = 0; i < measuredRounds; i++) {
			Round round = round();
			rates[i] = round.rate();
			bytesPerCall[i] = round.bytesPerCall();
			for (Worker worker : this.workers) {
				latencies.add(worker.latencies);
			}
		}
		this.finished = true;
		this.phaser.arriveAndDeregister();
		return new Result(median(rates), latencies.percentile(50), latencies.percentile(99), median(bytesPerCall),
				warmupRates.size());
	}

	private Round round() throws InterruptedException {
		Map<Long, Long> allocatedBefore = allocatedBytes();
		this.stop = false;
		this.phaser.arriveAndAwaitAdvance(); // workers start
		long start = System.nanoTime();
		Thread.sleep(this.roundNanos / 1_000_000);
		this.stop = true;
		this.phaser.arriveAndAwaitAdvance(); // workers have stopped
		long elapsed = System.nanoTime() - start;
		Map<Long, Long> allocatedAfter = allocatedBytes();
		Throwable failed = this.failure.get();
		if (failed != null) {
			throw new IllegalStateException("A call failed", failed);
		}
		long calls = 0;
		for (Worker worker : this.workers) {
			calls += worker.calls;
		}
		long allocated = 0;
		for (Map.Entry<Long, Long> entry : allocatedAfter.entrySet()) {
			allocated += entry.getValue() - allocatedBefore.getOrDefault(entry.getKey(), 0L);
		}
		return new Round(calls * 1e9 / elapsed, (double) allocated / calls);
	}

	private static Map<Long, Long> allocatedBytes() {
		long[] ids = threads.getAllThreadIds();
		long[] bytes = threads.getThreadAllocatedBytes(ids);
		Map<Long, Long> allocated = new HashMap<>();
		for (int i = 0; i < ids.length; i++) {
			if (bytes[i] >= 0) {
				allocated.put(ids[i], bytes[i]);
			}
		}
		return allocated;
	}

	private static boolean settled(List<Double> rates) {
		double[] last = rates.subList(rates.size() - 3, rates.size())
			.stream()
			.mapToDouble(Double::doubleValue)
			.toArray();
		double median = median(last);
		return Arrays.stream(last).allMatch((rate) -> Math.abs(rate - median) <= median * SETTLED_SPREAD_PERCENT / 100);
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/**
	 * One calling thread. Its counters are read by the main thread only while it waits at
	 * the phaser, which orders the accesses.
	 */
	private final class Worker implements Runnable {

		final LatencyHistogram latencies = new LatencyHistogram();

		long calls;

		@Override
		public void run() {
			Phaser phaser = LoadBenchmark.this.phaser;
			while (true) {
				phaser.arriveAndAwaitAdvance();
				if (LoadBenchmark.this.finished) {
					return;
				}
				this.latencies.reset();
				this.calls = 0;
				try {
					while (!LoadBenchmark.this.stop) {
						long start = System.nanoTime();
						LoadBenchmark.this.driver.call();
						this.latencies.record(System.nanoTime() - start);
						this.calls++;
					}
				}
				catch (Throwable ex) {
					LoadBenchmark.this.failure.compareAndSet(null, ex);
				}
				phaser.arriveAndAwaitAdvance();
			}
		}

	}

	private record Round(double rate, double bytesPerCall) {
	}

	private record Result(double rate, long p50Nanos, long p99Nanos, double bytesPerCall, int warmupRounds) {
	}

}
