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
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.github.cbkspring.client.internal.util.Redaction;

/**
 * Bytes of a response body read up to a limit, so that no answer, however large, can
 * exhaust memory.
 *
 * @param bytes the bytes read, at most the limit
 * @param truncated whether the body had more bytes than the limit
 * @author cbkspring contributors
 */
@SuppressWarnings("ArrayRecordComponent") // internal and never compared
record BoundedBody(byte[] bytes, boolean truncated) {

	private static final int EXCERPT_LENGTH = 500;

	private static final int INITIAL_BUFFER = 1024;

	/**
	 * Read at most {@code limit} bytes. The buffer starts small and doubles, since most
	 * answers are a few hundred bytes: {@code readNBytes} would allocate 8 KB per call.
	 */
	static BoundedBody read(InputStream body, int limit) throws IOException {
		byte[] buffer = new byte[Math.min(limit, INITIAL_BUFFER)];
		int length = 0;
		int read;
		while ((read = body.read(buffer, length, buffer.length - length)) >= 0) {
			length += read;
			if (length == limit) {
				return new BoundedBody(buffer, body.read() != -1);
			}
			if (length == buffer.length) {
				buffer = Arrays.copyOf(buffer, (int) Math.min(limit, length * 2L));
			}
		}
		return new BoundedBody((length == buffer.length) ? buffer : Arrays.copyOf(buffer, length), false);
	}

	boolean isEmpty() {
		return this.bytes.length == 0;
	}

	/**
	 * A short, printable excerpt of the body for messages: control characters are
	 * replaced and the secret, should a server echo it, is masked.
	 */
	String excerpt(String secret) {
		String text = new String(this.bytes, 0, Math.min(this.bytes.length, EXCERPT_LENGTH * 4),
				StandardCharsets.UTF_8);
		boolean cut = this.truncated || text.length() > EXCERPT_LENGTH || this.bytes.length > EXCERPT_LENGTH * 4;
		if (text.length() > EXCERPT_LENGTH) {
			text = text.substring(0, EXCERPT_LENGTH);
		}
		StringBuilder printable = new StringBuilder(text.length() + 3);
		text.codePoints().forEach((c) -> printable.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
		return Redaction.mask(printable.toString().strip(), secret) + (cut ? "..." : "");
	}

}
