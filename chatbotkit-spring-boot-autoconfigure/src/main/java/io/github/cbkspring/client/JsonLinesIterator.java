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

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

import org.springframework.http.client.ClientHttpResponse;

/**
 * Iterates over the lines of a JSON Lines body. Lines are split on bytes and decoded
 * whole, so a multi-byte UTF-8 character split across network reads stays intact; blank
 * lines are skipped; a line longer than the response size limit fails instead of filling
 * memory; an {@code {"type":"error"}} event ends the stream with a
 * {@link ChatBotKitStreamException}.
 *
 * @param <T> the element type
 * @author cbkspring contributors
 */
final class JsonLinesIterator<T> implements Iterator<T>, AutoCloseable {

	private final ClientHttpResponse response;

	private final JavaType elementType;

	private final @Nullable Predicate<? super T> finalElement;

	private final ChatBotKitOptions options;

	private final String call;

	private @Nullable InputStream body;

	private byte[] line = new byte[256];

	private long lineNumber;

	private @Nullable T next;

	private boolean finished;

	private boolean finalElementSeen;

	private boolean lastLineEnded = true;

	JsonLinesIterator(ClientHttpResponse response, JavaType elementType, @Nullable Predicate<? super T> finalElement,
			ChatBotKitOptions options, String call) {
		this.response = response;
		this.elementType = elementType;
		this.finalElement = finalElement;
		this.options = options;
		this.call = call;
	}

	@Override
	public boolean hasNext() {
		if (this.next == null && !this.finished) {
			this.next = readNext();
		}
		return this.next != null;
	}

	@Override
	public T next() {
		T result = hasNext() ? this.next : null;
		if (result == null) {
			throw new NoSuchElementException();
		}
		this.next = null;
		return result;
	}

	private @Nullable T readNext() {
		try {
			int length;
			while ((length = readLine()) >= 0) {
				if (!isBlank(length)) {
					T element = map(Arrays.copyOf(this.line, length));
					if (this.finalElement != null && this.finalElement.test(element)) {
						this.finalElementSeen = true;
					}
					return element;
				}
			}
			close();
			if (this.finalElement != null && !this.finalElementSeen) {
				throw new ChatBotKitStreamException(
						"The stream ended before its final event: the answer is" + " incomplete", this.lineNumber,
						null);
			}
			return null;
		}
		catch (IOException ex) {
			close();
			throw NetworkFailures.translate(ex, this.call + " (stream, line " + (this.lineNumber + 1) + ")",
					this.options.secret());
		}
		catch (ChatBotKitException ex) {
			close();
			throw ex;
		}
		catch (RuntimeException ex) {
			// an engine's unchecked failure while reading
			close();
			throw NetworkFailures.translate(ex, this.call + " (stream, line " + (this.lineNumber + 1) + ")",
					this.options.secret());
		}
	}

	/**
	 * Read the next line into {@link #line} without its line break.
	 * @return the length of the line, or -1 at the end of the body
	 */
	private int readLine() throws IOException {
		InputStream in = body();
		int length = 0;
		int b;
		while ((b = in.read()) != -1 && b != '\n') {
			if (length == this.line.length) {
				if (length >= this.options.maxResponseSize()) {
					throw new ChatBotKitStreamException(
							"A line is longer than the limit of " + this.options.maxResponseSize() + " bytes",
							this.lineNumber + 1, null);
				}
				this.line = Arrays.copyOf(this.line, Math.min(length * 2, this.options.maxResponseSize()));
			}
			this.line[length++] = (byte) b;
		}
		if (b == -1 && length == 0) {
			return -1;
		}
		this.lastLineEnded = (b == '\n');
		this.lineNumber++;
		return (length > 0 && this.line[length - 1] == '\r') ? length - 1 : length;
	}

	private InputStream body() throws IOException {
		if (this.body == null) {
			this.body = new BufferedInputStream(ContentCodings.body(this.response), 8192);
		}
		return this.body;
	}

	private boolean isBlank(int length) {
		for (int i = 0; i < length; i++) {
			if (!Character.isWhitespace(this.line[i])) {
				return false;
			}
		}
		return true;
	}

	private T map(byte[] json) {
		JsonNode node;
		try {
			node = JsonCodec.INSTANCE.readTree(json);
		}
		catch (JacksonException ex) {
			String problem = this.lastLineEnded ? "Malformed JSON in stream"
					: "The stream ended in the middle of a line: the answer is incomplete";
			throw new ChatBotKitStreamException(problem + ": " + ex.getOriginalMessage() + "; line: "
					+ new BoundedBody(json, false).excerpt(this.options.secret()), this.lineNumber, ex);
		}
		if ("error".equals(node.path("type").asString(""))) {
			String message = node.path("data").path("message").asString("(no message)");
			throw new ChatBotKitStreamException(
					"The API reported an error in the stream: " + Redaction.mask(message, this.options.secret()),
					this.lineNumber, null);
		}
		try {
			return JsonCodec.INSTANCE.convert(node, this.elementType);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new ChatBotKitStreamException("Unexpected event in stream: " + ex.getMessage(), this.lineNumber, ex);
		}
	}

	/**
	 * Release the response, aborting the connection when the body was not read to the
	 * end: draining would wait for the rest of a reply nobody reads.
	 */
	@Override
	public void close() {
		if (!this.finished) {
			this.finished = true;
			this.next = null;
			Connections.abort(this.response);
		}
	}

}
