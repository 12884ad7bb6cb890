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

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;

/**
 * An answer as bytes with its content type, for endpoints that answer with something
 * other than JSON (files, exports) or when the caller wants the body untouched. Ask for
 * it by passing {@code RawResponse.class} as the response type of a generic call.
 *
 * @param contentType the content type of the answer, if the API sent one
 * @param body the bytes of the answer
 * @author cbkspring contributors
 */
@SuppressWarnings("ArrayRecordComponent") // copied in and out, equals and hashCode by
											// content
public record RawResponse(@Nullable MediaType contentType, byte[] body) {

	/**
	 * Copy the body so that the record stays immutable.
	 * @param contentType the content type, if any
	 * @param body the bytes
	 */
	public RawResponse {
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
	 * The answer as text, in the charset of its content type or UTF-8.
	 * @return the text
	 */
	public String text() {
		Charset charset = (this.contentType != null && this.contentType.getCharset() != null)
				? this.contentType.getCharset() : StandardCharsets.UTF_8;
		return new String(this.body, charset);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof RawResponse that) && java.util.Objects.equals(this.contentType, that.contentType)
				&& Arrays.equals(this.body, that.body);
	}

	@Override
	public int hashCode() {
		return 31 * java.util.Objects.hashCode(this.contentType) + Arrays.hashCode(this.body);
	}

	@Override
	public String toString() {
		return "RawResponse[contentType=" + this.contentType + ", " + this.body.length + " bytes]";
	}

}
