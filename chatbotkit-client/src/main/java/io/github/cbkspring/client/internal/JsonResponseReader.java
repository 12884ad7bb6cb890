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
import io.github.cbkspring.client.internal.util.Redaction;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JavaType;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
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

	/**
	 * The reader of each class, made once: a type lookup and a new reader on every call
	 * were a per cent or two of a small call.
	 */
	private static final ClassValue<JsonResponseReader<?>> OF_CLASS = new ClassValue<>() {

		@Override
		protected JsonResponseReader<?> computeValue(Class<?> type) {
			return new JsonResponseReader<>(JsonCodec.INSTANCE.type(type));
		}

	};

	/**
	 * The reader of a class.
	 */
	@SuppressWarnings("unchecked")
	static <T> JsonResponseReader<T> of(Class<T> type) {
		return (JsonResponseReader<T>) OF_CLASS.get(type);
	}

	/**
	 * The reader of a type, generic or not.
	 */
	@SuppressWarnings("unchecked")
	static <T> JsonResponseReader<T> of(ParameterizedTypeReference<T> type) {
		return (type.getType() instanceof Class<?> plain) ? (JsonResponseReader<T>) of(plain)
				: new JsonResponseReader<>(JsonCodec.INSTANCE.type(type.getType()));
	}

	@Override
	public MediaType accept() {
		return MediaType.APPLICATION_JSON;
	}

	@Override
	public T read(ClientHttpResponse response, ChatBotKitOptions options, String call) throws IOException {
		return decode(ResponseReader.readBody(response, options), response.getHeaders(), options);
	}

	/**
	 * The content type an answer declares when it is not JSON: looked at only to explain
	 * a failure, since parsing is the check (and a content type that does not parse is
	 * not JSON either).
	 */
	private static @Nullable String notJson(HttpHeaders headers) {
		String declared = headers.getFirst(HttpHeaders.CONTENT_TYPE);
		if (declared == null) {
			return null;
		}
		try {
			MediaType type = MediaType.parseMediaType(declared);
			return ResponseReader.isJson(type) ? null : type.toString();
		}
		catch (InvalidMediaTypeException ex) {
			return declared;
		}
	}

	/**
	 * Decode a whole answer, read by any engine within the options' size limit.
	 * @param body the answer's body
	 * @param headers the answer's headers
	 * @param options the options, for the secret masked in messages
	 * @return the answer
	 */
	T decode(BoundedBody body, HttpHeaders headers, ChatBotKitOptions options) {
		if (body.isEmpty()) {
			throw new ChatBotKitDecodingException("Expected a JSON answer but the body was empty", null);
		}
		try {
			return JsonCodec.INSTANCE.read(body.bytes(), this.type);
		}
		catch (JacksonException ex) {
			String notJson = notJson(headers);
			if (notJson != null) {
				throw new ChatBotKitDecodingException("Expected a JSON answer but got "
						+ Redaction.mask(notJson, options.secret()) + ": " + body.excerpt(options.secret()), ex);
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
