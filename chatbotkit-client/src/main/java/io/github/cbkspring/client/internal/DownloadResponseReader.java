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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.Download;
import io.github.cbkspring.client.internal.util.Redaction;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Reads a binary answer as a {@link Download} that streams it, or the API's pointer to
 * where the bytes are: ChatBotKit answers some downloads with {@code 200 application/json
 * {"url": "..."}}, a pre-signed URL of its storage, instead of the bytes (as the Node SDK
 * sees it, a JSON answer is JSON and anything else bytes). A JSON answer that is not such
 * a pointer is a JSON file and streamed as it is.
 *
 * @author cbkspring contributors
 */
final class DownloadResponseReader implements ResponseReader<DownloadResponseReader.Answer> {

	static final DownloadResponseReader INSTANCE = new DownloadResponseReader();

	/** The most bytes of a JSON answer read to tell a pointer from a JSON file. */
	static final int MAX_POINTER_SIZE = 16 * 1024;

	private DownloadResponseReader() {
	}

	@Override
	public MediaType accept() {
		return MediaType.ALL;
	}

	@Override
	public boolean keepsResponseOpen() {
		return true;
	}

	@Override
	public Answer read(ClientHttpResponse response, ChatBotKitOptions options, String call) throws IOException {
		MediaType contentType = response.getHeaders().getContentType();
		InputStream body = response.getBody();
		if (contentType == null || !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(contentType)) {
			return new Bytes(Connections.download(response, body));
		}
		byte[] head = body.readNBytes(MAX_POINTER_SIZE + 1);
		if (head.length <= MAX_POINTER_SIZE) {
			String url = pointer(head);
			if (url != null) {
				response.close(); // read to the end: the connection goes back to the pool
				return new Pointer(url);
			}
		}
		return new Bytes(Connections.download(response, new SequenceInputStream(new ByteArrayInputStream(head), body)));
	}

	static @Nullable String pointer(byte[] json) {
		try {
			JsonNode url = JsonCodec.INSTANCE.readTree(json).get("url");
			return (url != null && url.isString()) ? url.asString() : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * What a download call answered.
	 */
	sealed interface Answer {

		/**
		 * The download: the bytes themselves, or those at the pointer.
		 * @param exchange the exchange of the call, whose client fetches a pointer
		 */
		Download resolve(ApiExchange exchange);

	}

	/**
	 * The bytes, streamed.
	 */
	record Bytes(Download download) implements Answer {

		@Override
		public Download resolve(ApiExchange exchange) {
			return this.download;
		}

	}

	/**
	 * A pre-signed URL to fetch the bytes from, without the ChatBotKit credential.
	 */
	record Pointer(String url) implements Answer {

		@Override
		public Download resolve(ApiExchange exchange) {
			return StorageTransfer.of(exchange).download(StorageLocation.of(this.url, exchange.options()));
		}

		@Override
		public String toString() {
			return "Pointer[" + Redaction.MASK + "]";
		}

	}

}
