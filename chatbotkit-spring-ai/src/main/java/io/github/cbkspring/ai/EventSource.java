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

package io.github.cbkspring.ai;

import java.util.Iterator;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.core.Cancellation;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.FluxSink;

/**
 * The events of a streamed completion for a {@code Flux}: opened and read on one thread,
 * closed on any, at any moment. The {@code Flux} has its subscription before the call is
 * made, so that a cancel is never held up by a blocking read. Closing while the call
 * waits for the answer's headers cancels it through a {@link Cancellation} (the call then
 * fails, or is not sent at all, and nothing is emitted); closing once the answer is open
 * aborts the connection, which ends a read blocked on it. Either way the events end
 * quietly rather than failing, since nobody is listening any more.
 *
 * @author cbkspring contributors
 */
final class EventSource {

	private final Supplier<Stream<CompletionEvent>> opener;

	private final Cancellation cancellation = new Cancellation();

	private @Nullable Stream<CompletionEvent> stream;

	private volatile boolean closed;

	EventSource(Supplier<Stream<CompletionEvent>> opener) {
		this.opener = opener;
	}

	/**
	 * Make the call and emit its events, on the calling thread, until they end or this
	 * source is closed.
	 */
	void readInto(FluxSink<CompletionEvent> sink) {
		Stream<CompletionEvent> events = open(sink);
		if (events == null) {
			return;
		}
		try {
			Iterator<CompletionEvent> iterator = events.iterator();
			while (!this.closed && iterator.hasNext()) {
				sink.next(iterator.next());
			}
			sink.complete();
		}
		catch (RuntimeException ex) {
			fail(sink, ex);
		}
		finally {
			close();
		}
	}

	private @Nullable Stream<CompletionEvent> open(FluxSink<CompletionEvent> sink) {
		Stream<CompletionEvent> events;
		try {
			events = this.cancellation.call(this.opener);
		}
		catch (RuntimeException ex) {
			fail(sink, ex);
			return null;
		}
		synchronized (this) {
			if (!this.closed) {
				this.stream = events;
				return events;
			}
		}
		// closed while the answer's headers came in
		events.close();
		return null;
	}

	private void fail(FluxSink<CompletionEvent> sink, RuntimeException ex) {
		if (!this.closed) {
			sink.error(ex);
		}
	}

	/**
	 * Stop: cancel the call being made, or abort the answer being read.
	 */
	void close() {
		Stream<CompletionEvent> events;
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			events = this.stream;
		}
		this.cancellation.cancel();
		if (events != null) {
			events.close();
		}
	}

}
