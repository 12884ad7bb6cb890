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

package io.github.cbkspring.client.internal;

import java.io.IOException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.internal.util.CancellationScope;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;

import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Reads a JSON Lines answer as a lazy {@link Stream}, one element a line. The stream owns
 * the response: it is released when the stream is read to the end, fails, or is closed.
 *
 * @param <T> the element type
 * @param elementType the type each line is read into
 * @param finalElement accepts the element that must end the stream, or {@code null} when
 * the stream may end anywhere
 * @param errorMessage the message of an element that is an error event, or {@code null}
 * when the element type does not read error events (each line's type is then looked at
 * before it is read)
 * @author cbkspring contributors
 */
record JsonLinesResponseReader<T>(JavaType elementType, @Nullable Predicate<? super T> finalElement,
		@Nullable Function<? super T, @Nullable String> errorMessage) implements ResponseReader<Stream<T>> {

	static final MediaType APPLICATION_JSONL = MediaType.parseMediaType("application/jsonl");

	@Override
	public MediaType accept() {
		return APPLICATION_JSONL;
	}

	@Override
	public boolean keepsResponseOpen() {
		return true;
	}

	@Override
	public Stream<T> read(ClientHttpResponse response, ChatBotKitOptions options, String call) throws IOException {
		JsonLinesIterator<T> lines = new JsonLinesIterator<>(response, this.elementType, this.finalElement,
				this.errorMessage, options, call);
		Stream<T> stream = StreamSupport
			.stream(Spliterators.spliteratorUnknownSize(lines, Spliterator.ORDERED | Spliterator.NONNULL), false)
			.onClose(lines::close);
		CancellationScope.Active cancellation = CancellationScope.active();
		// a cancel fails the stream's reads wherever they are, until it is closed
		return (cancellation != null) ? stream.onClose(cancellation.track(lines::cancel)) : stream;
	}

}
