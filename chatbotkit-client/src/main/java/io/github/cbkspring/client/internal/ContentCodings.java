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
import java.io.PushbackInputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import io.github.cbkspring.client.error.ChatBotKitDecodingException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Content codings of answers. The client asks for {@code identity}
 * ({@code Accept-Encoding:
 * identity}), since without the header RFC 9110 lets a server pick any coding, and the
 * engines' own decompression is off (it would hide the connection that an early closed
 * stream must abort). An answer coded with {@code gzip} or {@code deflate} all the same
 * is decoded here, on the caller's thread, over the engine's stream: closing early still
 * aborts the connection. Other codings cannot be read and are never shown as text.
 *
 * @author cbkspring contributors
 */
final class ContentCodings {

	/** The {@code Accept-Encoding} the client sends. */
	static final String IDENTITY = "identity";

	private ContentCodings() {
	}

	/**
	 * The coding of an answer that the client cannot decode, if any.
	 * @return the coding, or {@code null} when the body is identity, gzip or deflate
	 */
	static @Nullable String unsupported(HttpHeaders headers) {
		String coding = coding(headers);
		return (coding == null || isSupported(coding)) ? null : coding;
	}

	/**
	 * Whether the answer's body is coded (and decoded by {@link #body}).
	 */
	static boolean isCoded(HttpHeaders headers) {
		return coding(headers) != null;
	}

	/**
	 * The body of an answer, decoded.
	 * @throws ChatBotKitDecodingException if the body has a coding the client cannot
	 * decode
	 */
	static InputStream body(ClientHttpResponse response) throws IOException {
		return decoded(response.getBody(), response.getHeaders());
	}

	/**
	 * A body as it was sent, decoded as its headers say: the same for every engine.
	 * @param body the body as received
	 * @param headers the answer's headers
	 * @return the decoded body
	 * @throws ChatBotKitDecodingException if the coding is not one the client decodes
	 */
	static InputStream decoded(InputStream body, HttpHeaders headers) throws IOException {
		String coding = coding(headers);
		if (coding == null) {
			return body;
		}
		if (!isSupported(coding)) {
			throw undecodable(coding);
		}
		PushbackInputStream pushback = new PushbackInputStream(body, 1);
		int first = pushback.read();
		if (first == -1) {
			return pushback; // an empty body has no coding header to read
		}
		pushback.unread(first);
		if (coding.equals("deflate")) {
			// RFC 9110 says zlib; some servers send raw deflate
			Inflater inflater = new Inflater((first & 0x0F) != 8);
			return new InflaterInputStream(pushback, inflater, 8192) {

				@Override
				public void close() throws IOException {
					try {
						super.close();
					}
					finally {
						inflater.end();
					}
				}

			};
		}
		return new GZIPInputStream(pushback, 8192);
	}

	/**
	 * The failure of an answer in a coding the client cannot decode.
	 * @param coding the coding
	 */
	static ChatBotKitDecodingException undecodable(String coding) {
		return new ChatBotKitDecodingException("The answer is coded with '" + coding
				+ "', which the client cannot decode (it asks for " + IDENTITY + ")", null);
	}

	private static @Nullable String coding(HttpHeaders headers) {
		String coding = headers.getFirst(HttpHeaders.CONTENT_ENCODING);
		if (coding == null) {
			return null;
		}
		String normalized = coding.trim().toLowerCase(Locale.ROOT);
		return (normalized.isEmpty() || normalized.equals(IDENTITY)) ? null : normalized;
	}

	private static boolean isSupported(String coding) {
		return coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("deflate");
	}

}
