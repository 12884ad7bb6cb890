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

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * <p>
 * The body is read in blocks and scanned for line breaks; a line that lies within one
 * block is parsed where it lies, so most lines are never copied.
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

	/**
	 * The most bytes read after the final element to release the connection to the pool
	 * rather than abort it: the rest of a finished answer is a line or two.
	 */
	private static final int MAX_DRAIN = 16 * 1024;

	/**
	 * What every {@code {"type":"error"}} event holds, unless it is written with escapes.
	 * A line with neither is read straight into the element type; only the others go
	 * through a tree to be checked.
	 */
	private static final byte[] ERROR_TYPE = "\"error\"".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] ESCAPE = "\\u".getBytes(StandardCharsets.US_ASCII);

	private @Nullable InputStream body;

	private final byte[] block = new byte[8192];

	private int blockStart;

	private int blockEnd;

	/** A line that spans blocks, assembled here. */
	private byte[] line = new byte[256];

	/** Where the current line lies: {@link #block} or {@link #line}. */
	private byte[] lineBytes = this.block;

	private int lineStart;

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
					T element = map(length);
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
	 * Find the next line, in {@link #block} where it lies within one block, else
	 * assembled in {@link #line}; {@link #lineBytes} and {@link #lineStart} say where.
	 * @return the length of the line without its line break, or -1 at the end of the body
	 */
	private int readLine() throws IOException {
		int length = 0;
		boolean assembling = false;
		while (true) {
			if (this.blockStart == this.blockEnd && !fill()) {
				if (length == 0 && !assembling) {
					return -1;
				}
				this.lastLineEnded = false;
				break;
			}
			int end = indexOfLineBreak();
			int chunk = ((end >= 0) ? end : this.blockEnd) - this.blockStart;
			if (!assembling && end >= 0) {
				checkLength(chunk);
				this.lineBytes = this.block;
				this.lineStart = this.blockStart;
				length = chunk;
				this.blockStart = end + 1;
				this.lastLineEnded = true;
				break;
			}
			checkLength(length + chunk);
			if (this.line.length < length + chunk) {
				this.line = Arrays.copyOf(this.line,
						Math.min(Math.max(this.line.length * 2, length + chunk), this.options.maxResponseSize()));
			}
			System.arraycopy(this.block, this.blockStart, this.line, length, chunk);
			length += chunk;
			assembling = true;
			this.lineBytes = this.line;
			this.lineStart = 0;
			this.blockStart += chunk;
			if (end >= 0) {
				this.blockStart = end + 1;
				this.lastLineEnded = true;
				break;
			}
		}
		this.lineNumber++;
		return (length > 0 && this.lineBytes[this.lineStart + length - 1] == '\r') ? length - 1 : length;
	}

	private int indexOfLineBreak() {
		for (int i = this.blockStart; i < this.blockEnd; i++) {
			if (this.block[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

	private void checkLength(int length) {
		if (length > this.options.maxResponseSize()) {
			throw new ChatBotKitStreamException(
					"A line is longer than the limit of " + this.options.maxResponseSize() + " bytes",
					this.lineNumber + 1, null);
		}
	}

	/**
	 * Read the next block of the body.
	 * @return whether any bytes were read, {@code false} at the end of the body
	 */
	private boolean fill() throws IOException {
		int read = body().read(this.block, 0, this.block.length);
		this.blockStart = 0;
		this.blockEnd = Math.max(read, 0);
		return read > 0 || (read == 0 && fill());
	}

	private InputStream body() throws IOException {
		if (this.body == null) {
			this.body = ContentCodings.body(this.response);
		}
		return this.body;
	}

	private boolean isBlank(int length) {
		for (int i = this.lineStart; i < this.lineStart + length; i++) {
			if (!Character.isWhitespace(this.lineBytes[i])) {
				return false;
			}
		}
		return true;
	}

	private T map(int length) {
		if (!contains(ERROR_TYPE, length) && !contains(ESCAPE, length)) {
			// no error event can hide in this line: read it straight into its type
			try {
				return JsonCodec.INSTANCE.read(this.lineBytes, this.lineStart, length, this.elementType);
			}
			catch (JacksonException ex) {
				// malformed or unexpected: the slower path below says which
			}
		}
		JsonNode node;
		try {
			node = JsonCodec.INSTANCE.readTree(this.lineBytes, this.lineStart, length);
		}
		catch (JacksonException ex) {
			String problem = this.lastLineEnded ? "Malformed JSON in stream"
					: "The stream ended in the middle of a line: the answer is incomplete";
			byte[] json = Arrays.copyOfRange(this.lineBytes, this.lineStart, this.lineStart + length);
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
	 * Whether the current line holds a sequence of bytes.
	 */
	private boolean contains(byte[] sequence, int length) {
		int last = this.lineStart + length - sequence.length;
		for (int i = this.lineStart; i <= last; i++) {
			int matched = 0;
			while (matched < sequence.length && this.lineBytes[i + matched] == sequence[matched]) {
				matched++;
			}
			if (matched == sequence.length) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Release the response. When the body was not read to the end the connection is
	 * aborted, since draining would wait for the rest of a reply nobody reads; but once
	 * the final element has arrived, the little that is left is read so that the
	 * connection goes back to the pool instead of costing a new one (and its TLS
	 * handshake) on the next call.
	 */
	@Override
	public void close() {
		if (!this.finished) {
			this.finished = true;
			this.next = null;
			if (this.finalElementSeen && drainRest()) {
				this.response.close();
			}
			else {
				Connections.abort(this.response);
			}
		}
	}

	/**
	 * Read what is left of the body, at most {@link #MAX_DRAIN} bytes.
	 * @return whether the end of the body was reached
	 */
	private boolean drainRest() {
		try {
			int drained = this.blockEnd - this.blockStart;
			this.blockStart = this.blockEnd;
			while (drained <= MAX_DRAIN) {
				if (!fill()) {
					return true;
				}
				drained += this.blockEnd;
				this.blockStart = this.blockEnd;
			}
			return false;
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

}
