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

package io.github.cbkspring.test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Reads one part of a {@code multipart/form-data} body, as the client sends an upload.
 *
 * @author cbkspring contributors
 */
final class Multipart {

	private Multipart() {
	}

	/**
	 * The content of the part with a name.
	 * @param body the body
	 * @param contentType its content type, with the boundary
	 * @param name the part's name
	 * @return the part's bytes, or {@code null} if the body has no such part
	 */
	static byte @Nullable [] part(byte[] body, String contentType, String name) {
		int at = contentType.indexOf("boundary=");
		if (at < 0) {
			return null;
		}
		String boundary = contentType.substring(at + 9).split(";", -1)[0].replace("\"", "").trim();
		byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		byte[] headEnd = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
		// the first delimiter has no CRLF before it: start as if it had
		byte[] text = new byte[body.length + 2];
		text[0] = '\r';
		text[1] = '\n';
		System.arraycopy(body, 0, text, 2, body.length);
		int start = indexOf(text, delimiter, 0);
		while (start >= 0) {
			int head = start + delimiter.length;
			int content = indexOf(text, headEnd, head);
			int end = (content >= 0) ? indexOf(text, delimiter, content) : -1;
			if (end < 0) {
				return null;
			}
			String headers = new String(text, head, content - head, StandardCharsets.ISO_8859_1);
			if (headers.contains("name=\"" + name + "\"")) {
				return Arrays.copyOfRange(text, content + headEnd.length, end);
			}
			start = end;
		}
		return null;
	}

	private static int indexOf(byte[] text, byte[] pattern, int from) {
		outer: for (int i = from; i <= text.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (text[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
