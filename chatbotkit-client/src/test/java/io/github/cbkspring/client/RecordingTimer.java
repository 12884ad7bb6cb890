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
package io.github.cbkspring.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Scheduler;

/**
 * A scheduler for the reactive client's waits between attempts that records each wait and
 * moves its clock on by it, running the task at once; or, held, keeps the tasks until the
 * test cancels. The reactive twin of the blocking tests' fake sleeper.
 */
final class RecordingTimer implements Scheduler {

	final List<Duration> waits = new CopyOnWriteArrayList<>();

	final List<HeldWait> held = new CopyOnWriteArrayList<>();

	/** Counted down by the first wait. */
	final CountDownLatch firstWait = new CountDownLatch(1);

	private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

	private final boolean hold;

	private RecordingTimer(boolean hold) {
		this.hold = hold;
	}

	/** Runs every wait at once, moving the clock on. */
	static RecordingTimer running() {
		return new RecordingTimer(false);
	}

	/** Keeps every wait, never running it. */
	static RecordingTimer holding() {
		return new RecordingTimer(true);
	}

	@Override
	public Disposable schedule(Runnable task) {
		task.run();
		return Disposables.disposed();
	}

	@Override
	public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
		this.waits.add(Duration.of(delay, unit.toChronoUnit()));
		if (this.hold) {
			HeldWait wait = new HeldWait();
			this.held.add(wait);
			this.firstWait.countDown();
			return wait;
		}
		this.nanos.addAndGet(unit.toNanos(delay));
		task.run();
		return Disposables.disposed();
	}

	@Override
	public long now(TimeUnit unit) {
		return unit.convert(this.nanos.get(), TimeUnit.NANOSECONDS);
	}

	@Override
	public Worker createWorker() {
		RecordingTimer timer = this;
		return new Worker() {

			@Override
			public Disposable schedule(Runnable task) {
				return timer.schedule(task);
			}

			@Override
			public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
				return timer.schedule(task, delay, unit);
			}

			@Override
			public void dispose() {
			}

		};
	}

	/**
	 * A wait that never ends, and says when it was cancelled.
	 */
	static final class HeldWait implements Disposable {

		private final CountDownLatch disposed = new CountDownLatch(1);

		@Override
		public void dispose() {
			this.disposed.countDown();
		}

		@Override
		public boolean isDisposed() {
			return this.disposed.getCount() == 0;
		}

		/**
		 * Wait until the wait is cancelled (a hang guard of two minutes).
		 * @return whether it was
		 */
		boolean awaitDisposed() throws InterruptedException {
			return this.disposed.await(2, TimeUnit.MINUTES);
		}

	}

}
