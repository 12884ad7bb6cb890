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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The state behind a public {@code Cancellation}: whether it was cancelled, the calls
 * threads are making inside it, and the streams calls inside returned that are still
 * open. The exchange enters a call with {@link #begin()} and leaves it with
 * {@link #end()}; an engine that can abort a request hands its abort to
 * {@link #attach(Runnable)} on the calling thread. A cancel aborts the attached request,
 * or else interrupts the calling thread (the JDK's {@code HttpClient}, a pool wait and a
 * backoff sleep answer interrupts), and clears that interrupt again when the call ends.
 *
 * @author cbkspring contributors
 */
public final class CancellationScope {

	private static final ThreadLocal<@Nullable Frame> current = new ThreadLocal<>();

	private boolean cancelled;

	/** The calls being made inside this scope, by the thread making each. */
	private final Map<Thread, Call> calls = new HashMap<>();

	/** How to cancel the streams that calls inside returned and that are still open. */
	private final Set<Runnable> openStreams = new LinkedHashSet<>();

	/**
	 * The scopes the calling thread is in, innermost first, if any: a call is cancelled
	 * by a cancel of any of them.
	 * @return the scopes, or {@code null} if the thread is in none
	 */
	public static @Nullable Active active() {
		Frame frame = current.get();
		return (frame != null) ? new Active(frame) : null;
	}

	/**
	 * Run code on this thread inside this scope, and inside the scopes it is already in.
	 * @param <T> the result type
	 * @param code the code
	 * @return its result
	 */
	public <T extends @Nullable Object> T call(Supplier<T> code) {
		Frame outer = current.get();
		current.set(new Frame(this, outer));
		try {
			return code.get();
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
	synchronized boolean begin() {
		if (this.cancelled) {
			return false;
		}
		this.calls.put(Thread.currentThread(), new Call());
		return true;
	}

	/**
	 * The engine's abort of the request the current thread is making; run at once if
	 * already cancelled.
	 * @param abort aborts the request, from any thread
	 */
	void attach(Runnable abort) {
		synchronized (this) {
			Call call = this.calls.get(Thread.currentThread());
			if (!this.cancelled) {
				if (call != null) {
					call.abort = abort;
				}
				return;
			}
		}
		abort.run();
	}

	/**
	 * The attached request of the current thread has ended: a cancel from now on
	 * interrupts again.
	 */
	synchronized void detach() {
		Call call = this.calls.get(Thread.currentThread());
		if (call != null) {
			call.abort = null;
		}
	}

	/**
	 * The call that {@link #begin()} started on the current thread has ended; an
	 * interrupt that a cancel sent is cleared, since it was for the call, not for what
	 * the thread does next.
	 */
	void end() {
		Call call;
		synchronized (this) {
			call = this.calls.remove(Thread.currentThread());
		}
		if (call != null && call.interrupted) {
			Thread.interrupted();
		}
	}

	/**
	 * A stream that a call inside returned: a cancel cancels it, until it is closed.
	 * Cancelled at once if this scope already is.
	 * @param cancel cancels the stream, from any thread
	 * @return forgets the stream: for the stream's own close
	 */
	Runnable track(Runnable cancel) {
		synchronized (this) {
			if (!this.cancelled) {
				this.openStreams.add(cancel);
				return () -> {
					synchronized (this) {
						this.openStreams.remove(cancel);
					}
				};
			}
		}
		cancel.run();
		return () -> {
		};
	}

	/**
	 * Cancel: the calls being made are aborted, the open streams that calls returned are
	 * cancelled, and calls that start later are not made.
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
			this.calls.forEach((thread, call) -> {
				if (call.abort != null) {
					closing.add(call.abort);
				}
				else {
					call.interrupted = true;
					thread.interrupt();
				}
			});
		}
		// outside the lock: an abort may close a stream, which forgets it here
		closing.forEach(Runnable::run);
	}

	/**
	 * Whether {@link #cancel()} was called.
	 * @return whether it was
	 */
	public synchronized boolean isCancelled() {
		return this.cancelled;
	}

	/**
	 * The scopes a thread is in, innermost first, each once: what the exchange and the
	 * engines tell about a call goes to all of them.
	 */
	public static final class Active {

		private final List<CancellationScope> scopes = new ArrayList<>(2);

		private Active(Frame innermost) {
			for (Frame frame = innermost; frame != null; frame = frame.outer()) {
				if (!this.scopes.contains(frame.scope())) {
					this.scopes.add(frame.scope());
				}
			}
		}

		/**
		 * A call starts on the current thread.
		 * @return {@code false} if a scope is already cancelled: the call is not to be
		 * made
		 */
		public boolean begin() {
			for (int i = 0; i < this.scopes.size(); i++) {
				if (!this.scopes.get(i).begin()) {
					this.scopes.subList(0, i).forEach(CancellationScope::end);
					return false;
				}
			}
			return true;
		}

		/**
		 * The engine's abort of the request the current thread is making; run at once if
		 * a scope is already cancelled.
		 * @param abort aborts the request, from any thread
		 */
		public void attach(Runnable abort) {
			this.scopes.forEach((scope) -> scope.attach(abort));
		}

		/**
		 * The attached request of the current thread has ended.
		 */
		public void detach() {
			this.scopes.forEach(CancellationScope::detach);
		}

		/**
		 * The call that {@link #begin()} started has ended.
		 */
		public void end() {
			this.scopes.forEach(CancellationScope::end);
		}

		/**
		 * A stream that a call returned: a cancel of any scope cancels it, until it is
		 * closed.
		 * @param cancel cancels the stream, from any thread
		 * @return forgets the stream: for the stream's own close
		 */
		public Runnable track(Runnable cancel) {
			List<Runnable> forget = new ArrayList<>(this.scopes.size());
			this.scopes.forEach((scope) -> forget.add(scope.track(cancel)));
			return () -> forget.forEach(Runnable::run);
		}

		/**
		 * Whether a scope was cancelled.
		 * @return whether one was
		 */
		public boolean isCancelled() {
			return this.scopes.stream().anyMatch(CancellationScope::isCancelled);
		}

	}

	/**
	 * A scope a thread entered, and the one it was in before.
	 */
	private record Frame(CancellationScope scope, @Nullable Frame outer) {
	}

	/**
	 * A call being made: how its engine aborts it, once it has a request, and whether a
	 * cancel interrupted its thread.
	 */
	private static final class Call {

		private @Nullable Runnable abort;

		private boolean interrupted;

	}

}
