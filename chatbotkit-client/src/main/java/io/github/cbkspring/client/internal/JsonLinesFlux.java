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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.error.ChatBotKitDecodingException;
import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.client.error.ChatBotKitStreamException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;

/**
 * Decodes a JSON Lines body that arrives as {@link DataBuffer}s, the reactive twin of
 * {@link JsonLinesIterator}: the buffers are cut into lines as they come, one buffer at a
 * time and only as the subscriber asks, so that the client holds at most one buffer and
 * one line (bounded by the size limit) whatever the length of the stream. Each line is
 * mapped by the same {@link JsonLineMapper}, with the same messages.
 *
 * @author cbkspring contributors
 */
final class JsonLinesFlux {

	private JsonLinesFlux() {
	}

	/**
	 * The elements of a JSON Lines body.
	 * @param body the body; cancelled when the subscriber cancels or a line fails
	 * @param mapper maps each line
	 * @param options the options: the line limit and the secret
	 * @param call the call, as messages name it
	 * @return the elements
	 */
	static <T> Flux<T> decode(Flux<DataBuffer> body, JsonLineMapper<T> mapper, ChatBotKitOptions options, String call) {
		return Flux.defer(() -> {
			Lines lines = new Lines(options.maxResponseSize());
			Reader<T> reader = new Reader<>(mapper);
			// a prefetch of one: the next buffer is asked for once this one's lines are
			// taken
			return body.concatMapIterable(lines::split, 1)
				.concatWith(Mono.fromSupplier(lines::rest).flatMap(Mono::justOrEmpty))
				.handle(reader::read)
				.concatWith(Mono.defer(reader::end))
				.onErrorMap((ex) -> !(ex instanceof ChatBotKitException),
						(ex) -> NetworkFailures.translate(ex, call + " (stream, line " + (lines.number() + 1) + ")",
								options.secret()))
				.doOnDiscard(DataBuffer.class, DataBufferUtils::release);
		});
	}

	/**
	 * Reads the lines of one subscription into elements, as the blocking iterator does:
	 * an element is delivered before a second value on its line fails the stream.
	 */
	private static final class Reader<T> {

		private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

		private final JsonLineMapper<T> mapper;

		/** The line of the last value read. */
		private long lastValueLine;

		private boolean finalSeen;

		Reader(JsonLineMapper<T> mapper) {
			this.mapper = mapper;
		}

		void read(Line line, SynchronousSink<T> sink) {
			if (line.tooLong()) {
				sink.error(JsonLineMapper.lineTooLong(line.limit(), line.number()));
				return;
			}
			try (JsonParser parser = JsonCodec.INSTANCE.createParser(bytes(line))) {
				if (parser.nextToken() == null) {
					return; // a blank line
				}
				this.lastValueLine = line.number();
				T element = this.mapper.map(parser, line.number());
				if (element == null) {
					sink.error(new ChatBotKitStreamException("Unexpected event in stream: the line is null",
							line.number(), null));
					return;
				}
				this.finalSeen |= this.mapper.isFinal(element);
				sink.next(element);
				if (parser.nextToken() != null) {
					sink.error(new ChatBotKitStreamException("Malformed JSON Lines in stream: a second value on a line",
							line.number(), null));
				}
			}
			catch (UnexpectedEndOfInputException ex) {
				sink.error(line.ended()
						? new ChatBotKitStreamException("Malformed JSON Lines in stream: a value spread over lines",
								line.number(), null)
						: this.mapper.malformed(JsonLineMapper.problem(ex, true), ex, line.number()));
			}
			catch (JacksonException ex) {
				// anything wrong in a last line without its line break: the stream was
				// cut
				sink.error(this.mapper.malformed(JsonLineMapper.problem(ex, !line.ended()), ex, line.number()));
			}
		}

		/**
		 * The bytes to parse: a byte order mark is allowed at the start of the stream
		 * only, so on a later line it is parsed as the character it then is.
		 */
		private static byte[] bytes(Line line) {
			byte[] bytes = line.bytes();
			if (line.number() > 1 && bytes.length >= BOM.length && bytes[0] == BOM[0] && bytes[1] == BOM[1]
					&& bytes[2] == BOM[2]) {
				byte[] inside = new byte[bytes.length + 1];
				inside[0] = ' ';
				System.arraycopy(bytes, 0, inside, 1, bytes.length);
				return inside;
			}
			return bytes;
		}

		Mono<T> end() {
			return (this.mapper.hasFinalElement() && !this.finalSeen) ? Mono.error(
					new ChatBotKitStreamException("The stream ended before its final event: the answer is incomplete",
							Math.max(this.lastValueLine, 1), null))
					: Mono.empty();
		}

	}

	/**
	 * One line.
	 *
	 * @param bytes the bytes, without the line break
	 * @param number the line's number, 1-based
	 * @param ended whether a line break ended it (the last line of a body may have none)
	 * @param limit the limit of a line that is too long, else 0
	 */
	@SuppressWarnings("ArrayRecordComponent") // internal and never compared
	record Line(byte[] bytes, long number, boolean ended, int limit) {

		/** The mark of a line longer than the limit, which fails the stream. */
		static Line tooLong(long number, int limit) {
			return new Line(new byte[0], number, false, limit);
		}

		boolean tooLong() {
			return this.limit > 0;
		}

	}

	/**
	 * Cuts buffers into lines, keeping the start of a line that goes on in the next
	 * buffer; a line longer than the limit fails without being kept whole.
	 */
	static final class Lines {

		private final int limit;

		private byte[] partial = new byte[0];

		private int partialLength;

		/** Bytes of the current line, line breaks (CR included) not counted. */
		private long lineLength;

		private long number;

		/** Whether a line was too long: the stream ends there. */
		private boolean failed;

		Lines(int limit) {
			this.limit = limit;
		}

		/**
		 * The lines a buffer ends, releasing the buffer. A line longer than the limit
		 * ends the list with its mark.
		 */
		List<Line> split(DataBuffer buffer) {
			try {
				if (this.failed) {
					return List.of();
				}
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				List<Line> lines = new ArrayList<>(2);
				int start = 0;
				for (int i = 0; i < bytes.length; i++) {
					if (bytes[i] == '\n') {
						append(bytes, start, i);
						lines.add(take(true));
						start = i + 1;
					}
					else if (bytes[i] != '\r' && ++this.lineLength > this.limit) {
						// the lines before are delivered first; nothing after is read
						this.failed = true;
						lines.add(Line.tooLong(this.number + 1, this.limit));
						return lines;
					}
				}
				append(bytes, start, bytes.length);
				return lines;
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}

		/**
		 * The last line, if the body did not end with a line break.
		 */
		Optional<Line> rest() {
			return (this.partialLength > 0 && !this.failed) ? Optional.of(take(false)) : Optional.empty();
		}

		/**
		 * The number of the last line taken.
		 */
		long number() {
			return this.number;
		}

		private void append(byte[] bytes, int from, int to) {
			int length = to - from;
			if (length == 0) {
				return;
			}
			if (this.partialLength + length > this.partial.length) {
				this.partial = Arrays.copyOf(this.partial,
						Math.max(this.partialLength + length, this.partial.length * 2));
			}
			System.arraycopy(bytes, from, this.partial, this.partialLength, length);
			this.partialLength += length;
		}

		private Line take(boolean ended) {
			Line line = new Line(Arrays.copyOf(this.partial, this.partialLength), ++this.number, ended, 0);
			this.partialLength = 0;
			this.lineLength = 0;
			return line;
		}

	}

}
