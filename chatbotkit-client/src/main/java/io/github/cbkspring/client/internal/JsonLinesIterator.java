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

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Predicate;

import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.error.ChatBotKitConnectionException;
import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.client.error.ChatBotKitStreamException;
import io.github.cbkspring.client.internal.util.Redaction;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.util.JsonParserSequence;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.util.TokenBuffer;

import org.springframework.http.client.ClientHttpResponse;

/**
 * Iterates over the values of a JSON Lines body, one element a line. One Jackson parser
 * reads the whole body, as JSON values one after another, so a multi-byte UTF-8 character
 * split across network reads stays intact and blank lines are skipped as white space; a
 * line longer than the response size limit fails instead of filling memory; an
 * {@code {"type":"error"}} event ends the stream with a
 * {@link ChatBotKitStreamException}.
 *
 * @param <T> the element type
 * @author cbkspring contributors
 */
public final class JsonLinesIterator<T> implements Iterator<T>, AutoCloseable {

	/**
	 * The most bytes read after the final element to release the connection to the pool
	 * rather than abort it: the rest of a finished answer is a line or two.
	 */
	private static final int MAX_DRAIN = 16 * 1024;

	/**
	 * How long the reads after the final element may go on, so that a server that
	 * trickles after its answer cannot hold a close.
	 */
	private static final long MAX_DRAIN_NANOS = Duration.ofSeconds(1).toNanos();

	private final ClientHttpResponse response;

	private final JsonLineMapper<T> mapper;

	private final ChatBotKitOptions options;

	private final String call;

	private @Nullable LineLimitedBody body;

	private @Nullable JsonParser parser;

	/** The line of the last value read, 1-based. */
	private long lineNumber;

	private @Nullable T next;

	private boolean finished;

	private boolean finalElementSeen;

	/** Whether a cancellation aborted the answer: set from any thread. */
	private volatile boolean cancelled;

	/** Whether the answer ended as the server ended it, before any cancel. */
	private boolean endedWhole;

	JsonLinesIterator(ClientHttpResponse response, JavaType elementType, @Nullable Predicate<? super T> finalElement,
			@Nullable Function<? super T, @Nullable String> errorMessage, ChatBotKitOptions options, String call) {
		this.response = response;
		this.mapper = new JsonLineMapper<>(elementType, finalElement, errorMessage, options.secret());
		this.options = options;
		this.call = call;
	}

	@Override
	public boolean hasNext() {
		if (this.next == null && !this.finished) {
			try {
				this.next = readNext();
			}
			catch (ChatBotKitException ex) {
				// however the abort showed (a reset, an early end, a line cut short)
				throw cutByCancel() ? cancelled(ex) : ex;
			}
		}
		if (this.next == null && cutByCancel()) {
			throw cancelled(null);
		}
		return this.next != null;
	}

	/**
	 * Cancel from any thread: the answer is aborted, and the reads on the reading thread
	 * fail with a "Cancelled" {@link ChatBotKitConnectionException} unless the final
	 * element had arrived. The reading thread's state is left to it.
	 */
	void cancel() {
		this.cancelled = true;
		Connections.abort(this.response);
	}

	/**
	 * Whether a cancel cut the answer short: not once its final element arrived or it
	 * ended whole before the cancel.
	 */
	private boolean cutByCancel() {
		return this.cancelled && !this.finalElementSeen && !this.endedWhole;
	}

	private ChatBotKitConnectionException cancelled(@Nullable Throwable failure) {
		return NetworkFailures.cancelled(this.call + " was cancelled while its answer was read (stream, line "
				+ Math.max(this.lineNumber, 1) + ")", true, failure);
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
		JsonParser parser = null;
		try {
			parser = parser();
			if (parser.nextToken() != null) {
				long line = parser.currentTokenLocation().getLineNr();
				if (line == this.lineNumber) {
					throw new ChatBotKitStreamException("Malformed JSON Lines in stream: a second value on a line",
							line, null);
				}
				this.lineNumber = line;
				T element = this.mapper.map(parser, line);
				if (parser.currentTokenLocation().getLineNr() != line) {
					throw new ChatBotKitStreamException("Malformed JSON Lines in stream: a value spread over lines",
							line, null);
				}
				if (element == null) {
					// a null would read as the end of the stream
					throw new ChatBotKitStreamException("Unexpected event in stream: the line is null", this.lineNumber,
							null);
				}
				if (this.mapper.isFinal(element)) {
					this.finalElementSeen = true;
				}
				return element;
			}
			close();
			if (this.mapper.hasFinalElement() && !this.finalElementSeen) {
				throw new ChatBotKitStreamException("The stream ended before its final event: the answer is incomplete",
						Math.max(this.lineNumber, 1), null);
			}
			// an end that a cancel's abort caused is no end of the answer
			this.endedWhole = !this.cancelled;
			return null;
		}
		catch (IOException | JacksonIOException ex) {
			close();
			if (this.cancelled && this.finalElementSeen) {
				// the answer was whole: what the cancel cut is what follows it
				return null;
			}
			Throwable failure = (ex instanceof JacksonIOException) ? ex.getCause() : ex;
			if (failure instanceof LineTooLongException) {
				throw JsonLineMapper.lineTooLong(this.options.maxResponseSize(), currentLine(parser));
			}
			if (failure instanceof CharConversionException) {
				// bytes Jackson cannot decode: the answer's fault, not the network's
				throw this.mapper.malformed(JsonLineMapper.MALFORMED, ex, currentLine(parser));
			}
			throw NetworkFailures.translate((failure != null) ? failure : ex,
					this.call + " (stream, line " + currentLine(parser) + ")", this.options.secret());
		}
		catch (JacksonException ex) {
			close();
			boolean cutOff = ex instanceof UnexpectedEndOfInputException
					|| (this.body != null && this.body.endedInALine());
			// a value that did not bind was read whole: its line is where it began
			long line = (ex instanceof DatabindException) ? this.lineNumber : currentLine(parser);
			throw this.mapper.malformed(JsonLineMapper.problem(ex, cutOff), ex, line);
		}
		catch (ChatBotKitException ex) {
			close();
			throw ex;
		}
		catch (RuntimeException ex) {
			// an engine's unchecked failure while reading
			close();
			throw NetworkFailures.translate(ex, this.call + " (stream, line " + currentLine(parser) + ")",
					this.options.secret());
		}
	}

	private JsonParser parser() throws IOException {
		if (this.parser == null) {
			this.body = new LineLimitedBody(ContentCodings.body(this.response), this.options.maxResponseSize());
			this.parser = JsonCodec.INSTANCE.createParser(this.body);
		}
		return this.parser;
	}

	private long currentLine(@Nullable JsonParser parser) {
		return (parser != null) ? parser.currentLocation().getLineNr() : 1;
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
			if (this.parser != null) {
				// gives its buffers back; the body stays with the response
				this.parser.close();
			}
		}
	}

	/**
	 * Read what is left of the body, at most {@link #MAX_DRAIN} bytes.
	 * @return whether the end of the body was reached
	 */
	private boolean drainRest() {
		try {
			return this.body == null || this.body.skipRest(MAX_DRAIN, MAX_DRAIN_NANOS);
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	/**
	 * The body as the parser reads it: counts the bytes of the current line and, once a
	 * line outgrows the limit, hands the parser nothing more, so that no line makes it
	 * buffer more than the limit. Closing it leaves the body to the response.
	 */
	private static final class LineLimitedBody extends InputStream {

		private final InputStream body;

		private final int limit;

		/** Bytes of the current line handed to the parser so far. */
		private long lineLength;

		private boolean overLimit;

		private boolean ended;

		LineLimitedBody(InputStream body, int limit) {
			this.body = body;
			this.limit = limit;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.overLimit) {
				throw new LineTooLongException();
			}
			int read = this.body.read(buffer, offset, length);
			if (read <= 0) {
				this.ended = read < 0;
				return read;
			}
			if (this.lineLength + read <= this.limit) {
				// no line in these bytes can be over the limit: only the last one's
				// length counts
				int lastBreak = lastIndexOf(buffer, offset, read);
				this.lineLength = (lastBreak >= 0) ? offset + read - lastBreak - 1 : this.lineLength + read;
				return read;
			}
			for (int i = offset; i < offset + read; i++) {
				if (buffer[i] == '\n') {
					this.lineLength = 0;
				}
				// a CR counts as part of the line break that follows it
				else if (buffer[i] != '\r' && ++this.lineLength > this.limit) {
					// the parser gets what comes before; asking for more fails
					this.overLimit = true;
					if (i == offset) {
						throw new LineTooLongException();
					}
					return i - offset;
				}
			}
			return read;
		}

		/**
		 * Whether the body ended without a line break after its last line.
		 */
		boolean endedInALine() {
			return this.ended && this.lineLength > 0;
		}

		private static int lastIndexOf(byte[] buffer, int offset, int length) {
			for (int i = offset + length - 1; i >= offset; i--) {
				if (buffer[i] == '\n') {
					return i;
				}
			}
			return -1;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int read = read(one, 0, 1);
			return (read > 0) ? (one[0] & 0xff) : -1;
		}

		/**
		 * Read and discard the rest of the body, up to a number of bytes and for up to a
		 * time (a read that has begun still waits for the read timeout).
		 * @return whether the end of the body was reached
		 */
		boolean skipRest(int maxBytes, long maxNanos) throws IOException {
			byte[] buffer = new byte[1024];
			long start = System.nanoTime();
			int skipped = 0;
			int read;
			while ((read = this.body.read(buffer, 0, buffer.length)) >= 0) {
				skipped += read;
				if (skipped > maxBytes || System.nanoTime() - start > maxNanos) {
					return false;
				}
			}
			return true;
		}

		@Override
		public void close() {
		}

	}

	/**
	 * A line outgrew the limit.
	 */
	private static final class LineTooLongException extends IOException {

		private static final long serialVersionUID = 1L;

		LineTooLongException() {
			super("A line of the stream is longer than the limit");
		}

	}

}
