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
import java.util.stream.Stream;

import io.github.cbkspring.client.conversation.CompletionEvent;

/**
 * The events of a streamed completion for a {@code Flux}: read on one thread, closed on
 * any. Closing aborts the connection, which ends a read blocked on it on the other
 * thread; that read then ends the events quietly rather than failing, since nobody is
 * listening any more.
 *
 * @author cbkspring contributors
 */
final class EventSource implements Iterator<CompletionEvent>, AutoCloseable {

	private final Stream<CompletionEvent> stream;

	private final Iterator<CompletionEvent> events;

	private volatile boolean closed;

	EventSource(Stream<CompletionEvent> stream) {
		this.stream = stream;
		this.events = stream.iterator();
	}

	@Override
	public boolean hasNext() {
		try {
			return !this.closed && this.events.hasNext();
		}
		catch (RuntimeException ex) {
			if (this.closed) {
				return false;
			}
			throw ex;
		}
	}

	@Override
	public CompletionEvent next() {
		return this.events.next();
	}

	@Override
	public void close() {
		this.closed = true;
		this.stream.close();
	}

}
