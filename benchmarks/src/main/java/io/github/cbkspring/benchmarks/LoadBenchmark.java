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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop rounds of one driver in this JVM: {@code concurrency} threads call in a
 * loop for a fixed time, then wait for the next round, so that the runner can alternate
 * drivers round by round. Each round reports the rate, the CPU time and the bytes
 * allocated per unit of work (see {@link JvmCounters}); latencies of all rounds are kept
 * until {@link #latency()} takes them, but for a round that is run unkept or forgotten
 * ({@link #forgetLastRound()}) after it.
 * <p>
 * Warm-up runs rounds until the JIT compiler is done: on a 2-CPU machine the compiler
 * threads share the CPUs with the calling threads (and at concurrency 1 with the stub,
 * pinned to the same CPU), so compiling the client's path takes many seconds, and a round
 * measured before it ends measures the compiler. Warm-up ends when compilation took at
 * most {@value #QUIET_JIT_PERCENT}% of each of the last three rounds, nothing waits in
 * the compiler's queue, and the CPU time per unit of the last three rounds lies within
 * {@value #SETTLED_PERCENT}% of their median (rates move too much on a shared machine to
 * be the test).
 *
 * @author cbkspring contributors
 */
final class LoadBenchmark {

	private static final int QUIET_JIT_PERCENT = 2;

	private static final int SETTLED_PERCENT = 10;

	private static final int MIN_WARMUP_ROUNDS = 5;

	private final Call call;

	private final LatencyHistogram latencies = new LatencyHistogram();

	/** The latencies of the last round, kept unless it is forgotten. */
	private final LatencyHistogram lastRound = new LatencyHistogram();

	private final AtomicReference<Throwable> failure = new AtomicReference<>();

	private Worker[] workers = new Worker[0];

	private Phaser phaser = new Phaser(1);

	private volatile boolean stop;

	LoadBenchmark(Call call) {
		this.call = call;
	}

	/**
	 * Run rounds until the JIT compiler is quiet and the CPU time per unit has settled,
	 * or {@code maxMillis} have passed.
	 * @return the rounds run, and whether it settled
	 */
	Warmup warmup(int concurrency, long roundMillis, long maxMillis) throws InterruptedException {
		long start = System.nanoTime();
		List<Round> rounds = new ArrayList<>();
		while (rounds.size() < MIN_WARMUP_ROUNDS || !settled(rounds, roundMillis) || !JvmCounters.jitIdle()) {
			if (System.nanoTime() - start > maxMillis * 1_000_000) {
				return new Warmup(rounds.size(), (System.nanoTime() - start) / 1_000_000, false);
			}
			rounds.add(run(concurrency, roundMillis, false));
		}
		return new Warmup(rounds.size(), (System.nanoTime() - start) / 1_000_000, true);
	}

	/**
	 * Run one round.
	 * @param keepLatencies whether its latencies count (unless it is forgotten)
	 */
	Round round(int concurrency, long roundMillis, boolean keepLatencies) throws InterruptedException {
		this.latencies.add(this.lastRound);
		this.lastRound.reset();
		return run(concurrency, roundMillis, keepLatencies);
	}

	/**
	 * Leave the last round's latencies out, as when it is taken again.
	 */
	void forgetLastRound() {
		this.lastRound.reset();
	}

	/**
	 * The latency percentiles of the rounds since the last call, which are then
	 * forgotten.
	 * @return p50 and p99 in nanoseconds
	 */
	long[] latency() {
		this.latencies.add(this.lastRound);
		this.lastRound.reset();
		long[] percentiles = { this.latencies.percentile(50), this.latencies.percentile(99) };
		this.latencies.reset();
		return percentiles;
	}

	private Round run(int concurrency, long roundMillis, boolean keepLatencies) throws InterruptedException {
		if (this.workers.length != concurrency) {
			startWorkers(concurrency);
		}
		JvmCounters before = JvmCounters.now();
		this.stop = false;
		this.phaser.arriveAndAwaitAdvance(); // workers start
		long start = System.nanoTime();
		Thread.sleep(roundMillis);
		this.stop = true;
		this.phaser.arriveAndAwaitAdvance(); // workers have stopped
		long elapsed = System.nanoTime() - start;
		JvmCounters used = JvmCounters.now().minus(before);
		Throwable failed = this.failure.get();
		if (failed != null) {
			throw new IllegalStateException("A call failed: " + failed, failed);
		}
		long calls = 0;
		long units = 0;
		for (Worker worker : this.workers) {
			calls += worker.calls;
			units += worker.units;
			if (keepLatencies) {
				this.lastRound.add(worker.latencies);
			}
		}
		if (units == 0) {
			throw new IllegalStateException("No call completed in " + roundMillis + " ms");
		}
		return new Round(units * 1e9 / elapsed, calls, (double) used.cpuNanos() / units,
				(double) used.allocatedBytes() / units, used.jitMillis(), used.gcMillis());
	}

	private void startWorkers(int concurrency) {
		stopWorkers();
		this.phaser = new Phaser(concurrency + 1);
		this.workers = new Worker[concurrency];
		for (int i = 0; i < concurrency; i++) {
			this.workers[i] = new Worker(this.phaser);
			Thread thread = new Thread(this.workers[i], "driver-" + i);
			thread.setDaemon(true);
			thread.start();
		}
	}

	/**
	 * Let the workers of the current concurrency end.
	 */
	void stopWorkers() {
		this.phaser.forceTermination();
		this.workers = new Worker[0];
	}

	private static boolean settled(List<Round> rounds, long roundMillis) {
		List<Round> lastThree = rounds.subList(rounds.size() - 3, rounds.size());
		if (lastThree.stream().anyMatch((round) -> round.jitMillis() * 100 > roundMillis * QUIET_JIT_PERCENT)) {
			return false;
		}
		double[] cpu = lastThree.stream().mapToDouble(Round::cpuNanosPerUnit).toArray();
		double median = Statistics.median(cpu);
		return Arrays.stream(cpu).allMatch((value) -> Math.abs(value - median) <= median * SETTLED_PERCENT / 100);
	}

	/**
	 * One calling thread. Its counters are read by the main thread only while it waits at
	 * the phaser, which orders the accesses.
	 */
	private final class Worker implements Runnable {

		final LatencyHistogram latencies = new LatencyHistogram();

		private final Phaser phaser;

		long calls;

		long units;

		Worker(Phaser phaser) {
			this.phaser = phaser;
		}

		@Override
		public void run() {
			while (true) {
				this.phaser.arriveAndAwaitAdvance();
				if (this.phaser.isTerminated()) {
					return;
				}
				this.latencies.reset();
				this.calls = 0;
				this.units = 0;
				try {
					while (!LoadBenchmark.this.stop) {
						long start = System.nanoTime();
						this.units += LoadBenchmark.this.call.call();
						this.latencies.record(System.nanoTime() - start);
						this.calls++;
					}
				}
				catch (Throwable ex) {
					LoadBenchmark.this.failure.compareAndSet(null, ex);
				}
				this.phaser.arriveAndAwaitAdvance();
			}
		}

	}

	/**
	 * The work a round repeats, such as {@link Driver#call()}.
	 */
	@FunctionalInterface
	interface Call {

		/**
		 * Do the work once.
		 * @return the units of work done
		 * @throws Exception if it fails
		 */
		int call() throws Exception;

	}

	/**
	 * What one round measured.
	 *
	 * @param rate units per second
	 * @param calls calls completed
	 * @param cpuNanosPerUnit CPU time of this JVM per unit
	 * @param bytesPerUnit bytes allocated in this JVM per unit
	 * @param jitMillis time the JIT compiler threads spent
	 * @param gcMillis time spent in garbage collection
	 */
	record Round(double rate, long calls, double cpuNanosPerUnit, double bytesPerUnit, long jitMillis, long gcMillis) {
	}

	/**
	 * What a warm-up took.
	 *
	 * @param rounds the rounds run
	 * @param millis how long they took
	 * @param settled whether it ended because the JIT was quiet and the CPU time settled
	 */
	record Warmup(int rounds, long millis, boolean settled) {
	}

}
