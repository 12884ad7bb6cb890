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
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * Many paced streams open at once, as a backend relaying chats holds them: one thread a
 * stream (platform or virtual threads, by the factory), or, for a
 * {@link NonBlockingStreamDriver}, none (one scheduling thread opens them and the
 * engine's event loops read them), the starts spread evenly over a ramp, each stream
 * {@value CompletionJson#TOKENS} tokens at one line every
 * {@value CompletionJson#LINE_INTERVAL_MILLIS} ms. Measures whether every stream
 * completes (each run starts once the JIT compiler's queue is empty, or after 10 s), the
 * time to first token (each stream's, so that it can be matched with the stub's first
 * line of the same stream: a paced stream's message is its number), the CPU time per
 * token, and the heap held per open stream: the heap after a full collection while all
 * streams are open, over the heap after a full collection when this JVM was set up,
 * divided by the streams open (and the same once they have ended, when the pool holds
 * their connections idle).
 *
 * @author cbkspring contributors
 */
final class PacedStreams {

	private static final long JIT_IDLE_WAIT_MILLIS = 10_000;

	private final StreamDriver driver;

	private final ThreadFactory threads;

	private final long baselineHeap;

	/**
	 * Create the workload, reading the heap baseline now.
	 * @param driver the driver, connected and used once
	 * @param threads the factory of the streams' threads
	 */
	PacedStreams(StreamDriver driver, ThreadFactory threads) {
		this.driver = driver;
		this.threads = threads;
		this.baselineHeap = heapAfterFullGc();
	}

	Result run(int streams, long rampMillis, long timeoutMillis) throws InterruptedException {
		awaitJitIdle();
		Run run = new Run(streams);
		JvmCounters before = JvmCounters.now();
		long start = System.nanoTime();
		if (this.driver instanceof NonBlockingStreamDriver nonBlocking) {
			Thread starter = new Thread(() -> openAll(nonBlocking, run, start, rampMillis), "stream-starter");
			starter.setDaemon(true);
			starter.start();
		}
		else {
			for (int i = 0; i < streams; i++) {
				int stream = i;
				long startAt = startAt(start, rampMillis, stream, streams);
				this.threads.newThread(() -> {
					try {
						sleepUntil(startAt);
						long streamStart = run.opened();
						run.completed(this.driver.stream(CompletionJson.PACED, Integer.toString(stream),
								() -> run.firstToken(stream, streamStart)));
					}
					catch (Throwable ex) {
						run.failed(stream, this.driver.describe(ex));
					}
				}).start();
			}
		}
		long heapPerStream = -1;
		int openAtCollection = 0;
		long collectionCpu = 0;
		if (run.allStarted.await(timeoutMillis, TimeUnit.MILLISECONDS) && run.firstFailure.get() == null) {
			long cpuBefore = JvmCounters.now().cpuNanos();
			openAtCollection = run.open.get();
			long heap = heapAfterFullGc();
			collectionCpu = JvmCounters.now().cpuNanos() - cpuBefore;
			heapPerStream = (openAtCollection > 0) ? (heap - this.baselineHeap) / openAtCollection : -1;
		}
		boolean finished = run.done.await(timeoutMillis, TimeUnit.MILLISECONDS);
		long elapsed = System.nanoTime() - start;
		JvmCounters used = JvmCounters.now().minus(before);
		long idleHeapPerConnection = (heapAfterFullGc() - this.baselineHeap) / streams;
		LatencyHistogram firstTokens = new LatencyHistogram();
		for (long nanos : run.firstTokenNanos) {
			if (nanos >= 0) {
				firstTokens.record(nanos);
			}
		}
		long read = run.tokens.get();
		int completed = run.completed.get();
		return new Result(streams, completed, finished ? streams - completed : -1, run.firstFailure.get(),
				run.maxOpen.get(), read, (read > 0) ? (double) (used.cpuNanos() - collectionCpu) / read : -1,
				heapPerStream, openAtCollection, firstTokens.percentile(50), firstTokens.percentile(99),
				elapsed / 1_000_000, used.jitMillis(), idleHeapPerConnection, run.firstTokenNanos);
	}

	/**
	 * Open the streams of a non-blocking driver at their times, all from the calling
	 * thread: none waits for its stream, which the engine reads on its event loops.
	 */
	private void openAll(NonBlockingStreamDriver nonBlocking, Run run, long start, long rampMillis) {
		int streams = run.firstTokenNanos.length;
		for (int i = 0; i < streams; i++) {
			int stream = i;
			try {
				sleepUntil(startAt(start, rampMillis, stream, streams));
				long streamStart = run.opened();
				CompletableFuture<?> unused = nonBlocking
					.start(CompletionJson.PACED, Integer.toString(stream), () -> run.firstToken(stream, streamStart))
					.whenComplete((read, failure) -> {
						if (failure == null) {
							run.completed(read);
						}
						else {
							run.failed(stream, this.driver.describe(unwrap(failure)));
						}
					});
			}
			catch (InterruptedException ex) {
				// the streams not yet opened fail at once
				Thread.currentThread().interrupt();
				run.failed(stream, this.driver.describe(ex));
			}
			catch (RuntimeException ex) {
				run.failed(stream, this.driver.describe(ex));
			}
		}
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable cause = failure.getCause();
		return (failure instanceof CompletionException && cause != null) ? cause : failure;
	}

	/**
	 * When a stream starts: the starts spread evenly over the ramp.
	 */
	private static long startAt(long start, long rampMillis, int stream, int streams) {
		return start + TimeUnit.MILLISECONDS.toNanos(rampMillis) * stream / streams;
	}

	/**
	 * Let the JIT compiler finish what the previous run queued: with hundreds of stream
	 * threads it gets little CPU, and would otherwise compile during the measured run.
	 */
	private static void awaitJitIdle() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(JIT_IDLE_WAIT_MILLIS);
		while (!JvmCounters.jitIdle() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
	}

	private static void sleepUntil(long nanoTime) throws InterruptedException {
		long wait = nanoTime - System.nanoTime();
		if (wait > 0) {
			TimeUnit.NANOSECONDS.sleep(wait);
		}
	}

	private static long heapAfterFullGc() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/**
	 * The state of one run, updated by the streams as they open, deliver their first
	 * token and end, on whatever thread they run.
	 */
	private static final class Run {

		final long[] firstTokenNanos;

		final CountDownLatch allStarted;

		final CountDownLatch done;

		final AtomicInteger open = new AtomicInteger();

		final AtomicInteger maxOpen = new AtomicInteger();

		final AtomicInteger completed = new AtomicInteger();

		final AtomicLong tokens = new AtomicLong();

		final AtomicReference<@Nullable String> firstFailure = new AtomicReference<>();

		Run(int streams) {
			this.firstTokenNanos = new long[streams];
			Arrays.fill(this.firstTokenNanos, -1);
			this.allStarted = new CountDownLatch(streams);
			this.done = new CountDownLatch(streams);
		}

		/**
		 * A stream is being opened.
		 * @return when, to time its first token from
		 */
		long opened() {
			this.maxOpen.accumulateAndGet(this.open.incrementAndGet(), Math::max);
			return System.nanoTime();
		}

		void firstToken(int stream, long streamStart) {
			this.firstTokenNanos[stream] = System.nanoTime() - streamStart;
			this.allStarted.countDown();
		}

		void completed(int read) {
			this.tokens.addAndGet(read);
			this.completed.incrementAndGet();
			ended();
		}

		void failed(int stream, String failure) {
			this.firstFailure.compareAndSet(null, failure);
			if (this.firstTokenNanos[stream] < 0) {
				this.allStarted.countDown();
			}
			ended();
		}

		private void ended() {
			this.open.decrementAndGet();
			this.done.countDown();
		}

	}

	/**
	 * What one run of paced streams measured.
	 *
	 * @param streams the streams started
	 * @param completed the streams read to the end and checked
	 * @param failed the streams that failed, or -1 if some did not end in time
	 * @param firstFailure the first failure, if any
	 * @param maxOpen the most streams open at once
	 * @param tokens the tokens read
	 * @param cpuNanosPerToken CPU time of this JVM per token, the full collection taken
	 * for the heap reading left out
	 * @param heapPerStream heap bytes held per open stream, or -1 if not measured
	 * @param openAtCollection the streams open when the heap was read
	 * @param firstTokenP50 median time to first token, from the call to its first token
	 * @param firstTokenP99 99th percentile of the time to first token
	 * @param millis how long the run took
	 * @param jitMillis time the JIT compiler spent during the run
	 * @param idleHeapPerConnection heap bytes held per stream after the run, when the
	 * pool keeps their connections idle
	 * @param firstTokenNanos each stream's time to first token, or -1 if it had none
	 */
	@SuppressWarnings("ArrayRecordComponent") // reported, never compared
	record Result(int streams, int completed, int failed, @Nullable String firstFailure, int maxOpen, long tokens,
			double cpuNanosPerToken, long heapPerStream, int openAtCollection, long firstTokenP50, long firstTokenP99,
			long millis, long jitMillis, long idleHeapPerConnection, long[] firstTokenNanos) {
	}

}
