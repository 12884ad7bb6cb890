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

package io.github.cbkspring.client.internal.util;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The state behind a public {@code Cancellation}: whether it was cancelled, the call a
 * thread is making inside it, and the streams calls inside returned that are still open.
 * The exchange enters a call with {@link #begin()} and leaves it with {@link #end()}; an
 * engine that can abort a request hands its abort to {@link #attach(Runnable)} on the
 * calling thread. A cancel aborts the attached request, or else interrupts the calling
 * thread (the JDK's {@code HttpClient}, a pool wait and a backoff sleep answer
 * interrupts), and clears that interrupt again when the call ends.
 *
 * @author cbkspring contributors
 */
public final class CancellationScope {

	private static final ThreadLocal<@Nullable CancellationScope> current = new ThreadLocal<>();

	private boolean cancelled;

	/** The thread making a call inside this scope, between begin and end. */
	private @Nullable Thread calling;

	/** How the engine aborts the request of that call, once it has one. */
	private @Nullable Runnable abort;

	/** Whether a cancel interrupted the calling thread. */
	private boolean interrupted;

	/** How to close the streams that calls inside returned and that are still open. */
	private final Set<Runnable> openStreams = new LinkedHashSet<>();

	/**
	 * The scope the calling thread is in, if any.
	 * @return the scope, or {@code null}
	 */
	public static @Nullable CancellationScope current() {
		return current.get();
	}

	/**
	 * Run code on this thread inside this scope; scopes nest, the innermost counts.
	 * @param <T> the result type
	 * @param calls the code
	 * @return its result
	 */
	public <T extends @Nullable Object> T call(Supplier<T> calls) {
		CancellationScope outer = current.get();
		current.set(this);
		try {
			return calls.get();
		}
		finally {
			if (outer != null) {
				current.set(outer);
			}
			else {
				current.remove();
			}
		}
	}

	/**
	 * A call starts on the current thread.
	 * @return {@code false} if this scope is already cancelled: the call is not to be
	 * made
	 */
	public synchronized boolean begin() {
		if (this.cancelled) {
			return false;
		}
		this.calling = Thread.currentThread();
		return true;
	}

	/**
	 * The engine's abort of the request being made; run at once if already cancelled.
	 * @param abort aborts the request, from any thread
	 */
	public void attach(Runnable abort) {
		synchronized (this) {
			if (!this.cancelled) {
				this.abort = abort;
				return;
			}
		}
		abort.run();
	}

	/**
	 * A stream that a call inside returned: a cancel closes it, until it is closed.
	 * Closed at once if already cancelled.
	 * @param close closes the stream, from any thread
	 * @return forgets the stream: for the stream's own close
	 */
	public Runnable track(Runnable close) {
		synchronized (this) {
			if (!this.cancelled) {
				this.openStreams.add(close);
				return () -> {
					synchronized (this) {
						this.openStreams.remove(close);
					}
				};
			}
		}
		close.run();
		return () -> {
		};
	}

	/**
	 * The attached request has ended: a cancel from now on interrupts again.
	 */
	public synchronized void detach() {
		this.abort = null;
	}

	/**
	 * The call that {@link #begin()} started has ended; an interrupt that a cancel sent
	 * is cleared, since it was for the call, not for what the thread does next.
	 */
	public void end() {
		boolean clear;
		synchronized (this) {
			this.calling = null;
			this.abort = null;
			clear = this.interrupted;
			this.interrupted = false;
		}
		if (clear) {
			Thread.interrupted();
		}
	}

	/**
	 * Cancel: a call being made is aborted, the open streams that calls returned are
	 * closed, and calls that start later are not made.
	 */
	public void cancel() {
		List<Runnable> closing;
		synchronized (this) {
			if (this.cancelled) {
				return;
			}
			this.cancelled = true;
			closing = new ArrayList<>(this.openStreams);
			this.openStreams.clear();
			Thread thread = this.calling;
			if (thread != null) {
				if (this.abort != null) {
					closing.add(this.abort);
				}
				else {
					this.interrupted = true;
					thread.interrupt();
				}
			}
		}
		// outside the lock: a stream's close forgets it here
		closing.forEach(Runnable::run);
	}

	/**
	 * Whether {@link #cancel()} was called.
	 * @return whether it was
	 */
	public synchronized boolean isCancelled() {
		return this.cancelled;
	}

}
