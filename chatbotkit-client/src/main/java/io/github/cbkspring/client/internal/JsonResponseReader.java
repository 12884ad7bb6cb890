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
import java.util.regex.Pattern;

import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.error.ChatBotKitDecodingException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JavaType;

import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Reads a JSON answer into a type, refusing answers that are not JSON. An answer that
 * parses is taken whatever its content type says.
 *
 * @param <T> the type read
 * @param type the type read
 * @author cbkspring contributors
 */
record JsonResponseReader<T>(JavaType type) implements ResponseReader<T> {

	private static final Pattern QUOTED_VALUE = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

	@Override
	public MediaType accept() {
		return MediaType.APPLICATION_JSON;
	}

	@Override
	public T read(ClientHttpResponse response, ChatBotKitOptions options, String call) throws IOException {
		return decode(ResponseReader.readBody(response, options), response.getHeaders().getContentType(), options);
	}

	/**
	 * Decode a whole answer, read by any engine within the options' size limit.
	 * @param body the answer's body
	 * @param contentType the answer's content type, if any
	 * @param options the options, for the secret masked in messages
	 * @return the answer
	 */
	T decode(BoundedBody body, @Nullable MediaType contentType, ChatBotKitOptions options) {
		if (body.isEmpty()) {
			throw new ChatBotKitDecodingException("Expected a JSON answer but the body was empty", null);
		}
		try {
			return JsonCodec.INSTANCE.read(body.bytes(), this.type);
		}
		catch (JacksonException ex) {
			// the content type is looked at only to explain a failure: parsing is the
			// check
			if (contentType != null && !ResponseReader.isJson(contentType)) {
				throw new ChatBotKitDecodingException(
						"Expected a JSON answer but got " + contentType + ": " + body.excerpt(options.secret()), ex);
			}
			// neither the body nor the parser's message (kept out as the cause) is
			// quoted: an
			// answer can hold a session token or a secret's value
			String what = "The answer is not a valid " + this.type.getRawClass().getSimpleName();
			if (ex instanceof StreamReadException) {
				// a syntax error's message quotes the input itself
				TokenStreamLocation at = ex.getLocation();
				throw new ChatBotKitDecodingException(what + ": it is not valid JSON"
						+ ((at != null) ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")" : ""),
						null);
			}
			String path = ex.getPathReference();
			throw new ChatBotKitDecodingException(
					what + ": " + withoutValues(ex.getOriginalMessage()) + (path.isEmpty() ? "" : " (at " + path + ")"),
					null);
		}
	}

	/**
	 * A parser message with the values it quotes masked: Jackson writes an unreadable
	 * value in double quotes, and names types in backticks and fields in single quotes.
	 */
	static String withoutValues(String message) {
		return QUOTED_VALUE.matcher(message).replaceAll("\"...\"");
	}

}
