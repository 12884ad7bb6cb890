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

package io.github.cbkspring.client.core;

import java.util.function.Supplier;

import io.github.cbkspring.client.error.ChatBotKitConnectionException;
import io.github.cbkspring.client.internal.util.CancellationScope;
import org.jspecify.annotations.Nullable;

/**
 * Cancels, from any thread, the calls made inside {@link #call(Supplier)} (on the thread
 * that runs it; one cancellation may cover several threads at once, and cancellations
 * nest: a call inside two is cancelled by either): a call in progress is aborted, whether
 * it waits for a pooled connection, for the answer's headers or reads the answer; a JSON
 * Lines stream such a call returned is aborted, wherever it is being read; and a call
 * that starts after the cancel is not sent. The way to give up a blocking call from
 * elsewhere, such as a streamed completion whose caller went away:
 *
 * <pre class="code">
 * Cancellation cancellation = new Cancellation();
 * // on the thread that calls
 * Stream&lt;CompletionEvent&gt; events = cancellation.call(() -&gt; conversations.completeStream(id, "Hi"));
 * // on another thread
 * cancellation.cancel();
 * </pre>
 *
 * A cancelled call, and every later read of a cancelled stream, fails with a
 * {@link ChatBotKitConnectionException} "Cancelled" whose cause is a
 * {@link java.util.concurrent.CancellationException}, and is never retried; a stream
 * whose final event (a completion's result) had arrived reads to its end. Calls that the
 * code inside makes on other threads are not covered.
 * <p>
 * The abort is at once on the client's own engines: Apache HttpClient 5 as the client
 * builds it or as {@code ChatBotKitHttpEngine} tunes it aborts its request, and the JDK's
 * {@code HttpClient} answers the interrupt its calling thread gets. Other engines get the
 * interrupt too, which ends a wait only where they answer interrupts (Spring's
 * {@code SimpleClientHttpRequestFactory} and a plain
 * {@code HttpComponentsClientHttpRequestFactory} do not: there the call ends with its
 * read timeout, as a "Cancelled" failure). The interrupt is cleared when the call ends. A
 * {@code Cancellation} holds no resource; it can be dropped without closing.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public final class Cancellation {

	private final CancellationScope scope = new CancellationScope();

	/**
	 * Make calls on this thread that {@link #cancel()} can cancel.
	 * @param <T> the result type
	 * @param calls the code that calls the client
	 * @return what it returns
	 */
	public <T extends @Nullable Object> T call(Supplier<T> calls) {
		return this.scope.call(calls);
	}

	/**
	 * Make calls on this thread that {@link #cancel()} can cancel.
	 * @param calls the code that calls the client
	 */
	public void run(Runnable calls) {
		this.scope.call(() -> {
			calls.run();
			return null;
		});
	}

	/**
	 * Cancel the calls in progress inside {@link #call(Supplier)}, if any, abort the open
	 * streams that calls inside returned, and refuse every call made inside it from now
	 * on. Calling it again does nothing.
	 */
	public void cancel() {
		this.scope.cancel();
	}

	/**
	 * Whether {@link #cancel()} was called.
	 * @return whether it was
	 */
	public boolean isCancelled() {
		return this.scope.isCancelled();
	}

	@Override
	public String toString() {
		return "Cancellation[cancelled=" + isCancelled() + "]";
	}

}
