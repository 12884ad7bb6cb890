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

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Reads any answer as bytes with its content type.
 *
 * @author cbkspring contributors
 */
final class RawResponseReader implements ResponseReader<RawResponse> {

	static final RawResponseReader INSTANCE = new RawResponseReader();

	private RawResponseReader() {
	}

	@Override
	public MediaType accept() {
		return MediaType.ALL;
	}

	@Override
	public RawResponse read(ClientHttpResponse response, ChatBotKitOptions options, String call) throws IOException {
		byte[] body = ResponseReader.readBody(response, options).bytes();
		HttpHeaders headers = response.getHeaders();
		if (ContentCodings.isCoded(headers)) {
			// the body is decoded: its coding and length are no longer those of the bytes
			headers = HttpHeaders.copyOf(headers);
			headers.remove(HttpHeaders.CONTENT_ENCODING);
			headers.remove(HttpHeaders.CONTENT_LENGTH);
		}
		return new RawResponse(headers, body);
	}

}
