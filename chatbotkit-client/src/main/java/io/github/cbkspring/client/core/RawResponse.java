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

package io.github.cbkspring.client.core;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * An answer as bytes with its headers, for endpoints that answer with something other
 * than JSON (files, exports) or when the caller wants the body untouched. Ask for it by
 * passing {@code RawResponse.class} as the response type of a generic call.
 *
 * @param headers the headers of the answer, read-only
 * @param body the bytes of the answer
 * @author cbkspring contributors
 * @since 0.1.0
 */
@SuppressWarnings("ArrayRecordComponent") // copied in and out, equals and hashCode by
											// content
public record RawResponse(HttpHeaders headers, byte[] body) {

	/**
	 * Copy the headers and the body so that the record stays immutable.
	 * @param headers the headers
	 * @param body the bytes
	 */
	public RawResponse {
		headers = HttpHeaders.readOnlyHttpHeaders(headers);
		body = body.clone();
	}

	/**
	 * The bytes of the answer.
	 * @return a copy of the bytes
	 */
	@Override
	public byte[] body() {
		return this.body.clone();
	}

	/**
	 * The content type of the answer.
	 * @return the content type, or {@code null} if the API sent none
	 */
	public @Nullable MediaType contentType() {
		return this.headers.getContentType();
	}

	/**
	 * The answer as text, in the charset of its content type or UTF-8.
	 * @return the text
	 */
	public String text() {
		MediaType contentType = contentType();
		Charset charset = (contentType != null && contentType.getCharset() != null) ? contentType.getCharset()
				: StandardCharsets.UTF_8;
		return new String(this.body, charset);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof RawResponse that) && this.headers.equals(that.headers)
				&& Arrays.equals(this.body, that.body);
	}

	@Override
	public int hashCode() {
		return 31 * this.headers.hashCode() + Arrays.hashCode(this.body);
	}

	@Override
	public String toString() {
		return "RawResponse[contentType=" + contentType() + ", " + this.body.length + " bytes]";
	}

}
