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
import java.io.InputStream;
import java.nio.ByteBuffer;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;

/**
 * Decodes a coded body of the reactive client with the blocking client's decoder,
 * {@link ContentCodings}: the same codings, the same errors. The decoder reads a stream,
 * so a coded body is read through an {@link InputStream} that asks for the bytes as the
 * decoder needs them, on a thread of Reactor's {@code boundedElastic} scheduler (the
 * client asks for {@code identity}, so a coded answer is the exception). The decoded
 * bytes are still read only as fast as the subscriber asks, and cancelling closes the
 * connection.
 *
 * @author cbkspring contributors
 */
final class ReactiveContentCodings {

	/** How many bytes a decoded buffer holds at most. */
	private static final int BUFFER_SIZE = 8192;

	/** How many buffers of the coded body are asked for ahead of the decoder. */
	private static final int DEMAND = 2;

	private ReactiveContentCodings() {
	}

	/**
	 * A body decoded as its headers say; a body that is not coded is returned as it is.
	 * @param body the body as received
	 * @param headers the answer's headers
	 * @return the decoded body; a {@code ChatBotKitDecodingException} signal if its
	 * coding is not one the client decodes, an {@link IOException} one if it is not valid
	 * in its coding or ends before its coding does
	 */
	static Flux<DataBuffer> decoded(Flux<DataBuffer> body, HttpHeaders headers) {
		if (!ContentCodings.isCoded(headers)) {
			return body;
		}
		String unsupported = ContentCodings.unsupported(headers);
		if (unsupported != null) {
			// refused unread, the connection closed
			return body.take(0).thenMany(Flux.error(ContentCodings.undecodable(unsupported)));
		}
		return Flux.using(() -> {
			InputStream coded = DataBufferUtils.subscriberInputStream(body, DEMAND);
			try {
				return ContentCodings.decoded(coded, headers);
			}
			catch (IOException | RuntimeException ex) {
				coded.close();
				throw ex;
			}
		}, ReactiveContentCodings::read, ReactiveContentCodings::close).subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * The bytes of a decoded stream, one read a buffer: not a channel over it
	 * ({@code DataBufferUtils.readInputStream}), which reads on to fill its buffer and so
	 * loses the bytes before a failure.
	 */
	private static Flux<DataBuffer> read(InputStream decoded) {
		return Flux.generate((sink) -> {
			byte[] bytes = new byte[BUFFER_SIZE];
			try {
				int read = decoded.read(bytes);
				if (read < 0) {
					sink.complete();
				}
				else {
					sink.next(DefaultDataBufferFactory.sharedInstance.wrap(ByteBuffer.wrap(bytes, 0, read)));
				}
			}
			catch (IOException ex) {
				sink.error(ex);
			}
		});
	}

	private static void close(InputStream decoded) {
		try {
			decoded.close();
		}
		catch (IOException ex) {
			// the coded body is cancelled either way
		}
	}

}
