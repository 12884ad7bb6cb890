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

import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.RawResponse;
import io.github.cbkspring.client.error.ChatBotKitDecodingException;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Reads a successful (2xx) answer into the caller's type, and says which media type it
 * asks for.
 *
 * @param <T> the type read
 * @author cbkspring contributors
 */
interface ResponseReader<T> {

	/**
	 * The media type sent in {@code Accept}.
	 */
	MediaType accept();

	/**
	 * Whether the result keeps reading the response after {@link #read} returns (a
	 * stream), so that the exchange must not close it.
	 */
	default boolean keepsResponseOpen() {
		return false;
	}

	/**
	 * Read the answer.
	 * @param response the successful answer
	 * @param options the options of the call
	 * @param call the call, for messages
	 */
	T read(ClientHttpResponse response, ChatBotKitOptions options, String call) throws IOException;

	/**
	 * The reader for a type: bytes for {@link RawResponse}, nothing for {@link Void} (or
	 * {@code void.class}), JSON otherwise.
	 */
	@SuppressWarnings("unchecked")
	static <T> ResponseReader<T> of(Class<T> type) {
		if (type == RawResponse.class) {
			return (ResponseReader<T>) RawResponseReader.INSTANCE;
		}
		if (type == Void.class || type == void.class) {
			return (ResponseReader<T>) DiscardingResponseReader.INSTANCE;
		}
		return JsonResponseReader.of(type);
	}

	/**
	 * The reader for a type: as {@link #of(Class)} for a class, JSON for a generic type.
	 */
	@SuppressWarnings("unchecked")
	static <T> ResponseReader<T> of(ParameterizedTypeReference<T> type) {
		if (type.getType() instanceof Class<?> plain) {
			return (ResponseReader<T>) of(plain);
		}
		return JsonResponseReader.of(type);
	}

	/**
	 * Read the whole body, decoded (see {@link ContentCodings}), at most
	 * {@link ChatBotKitOptions#maxResponseSize()} bytes.
	 */
	static BoundedBody readBody(ClientHttpResponse response, ChatBotKitOptions options) throws IOException {
		return withinLimit(BoundedBody.read(ContentCodings.body(response), options.maxResponseSize()), options);
	}

	/**
	 * The body when it is within the options' size limit.
	 * @throws ChatBotKitDecodingException if the body was cut at the limit
	 */
	static BoundedBody withinLimit(BoundedBody body, ChatBotKitOptions options) {
		if (body.truncated()) {
			throw new ChatBotKitDecodingException(
					"The answer is larger than the limit of " + options.maxResponseSize() + " bytes", null);
		}
		return body;
	}

	static boolean isJson(MediaType contentType) {
		return MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
				|| (contentType.getSubtypeSuffix() != null && contentType.getSubtypeSuffix().equals("json"));
	}

}
