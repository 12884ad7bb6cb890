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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.error.ChatBotKitDecodingException;
import io.github.cbkspring.client.error.ChatBotKitStorageException;
import io.github.cbkspring.client.internal.util.Redaction;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;

/**
 * The API's answer to the descriptor of a direct upload, {@code {"id": ...,
 * "uploadRequest": {"method", "url", "headers"}}}: a request to its storage, pre-signed,
 * that the bytes go to. The answer is read without ever quoting its body in a message,
 * since the body holds the pre-signed URL; {@link #toString()} masks it and the header
 * values (which may hold a storage token).
 *
 * @param id the id the API answered with
 * @param method the method of the storage request
 * @param url the pre-signed URL
 * @param headers the headers the storage request must carry
 * @author cbkspring contributors
 */
record PresignedUpload(String id, String method, String url, Map<String, String> headers) {

	static final ResponseReader<PresignedUpload> READER = new Reader();

	/**
	 * Headers that the HTTP engine writes itself, or that only make sense between the
	 * client and a proxy: a storage request that asks for them is refused.
	 */
	private static final Set<String> ENGINE_HEADERS = Set.of("host", "connection", "transfer-encoding", "upgrade", "te",
			"trailer", "keep-alive", "expect", "proxy-authorization", "proxy-connection");

	/**
	 * Check the storage request and send {@code size} bytes of {@code content} with it.
	 * @param exchange the exchange of the API call, whose client sends the request
	 * @param content the bytes
	 * @param size the number of bytes
	 * @return the id the API answered with
	 * @throws ChatBotKitStorageException if the request is refused or the storage fails
	 */
	String send(ApiExchange exchange, InputStream content, long size) {
		Checked request = check(exchange.options(), size);
		StorageTransfer.of(exchange).upload(request.method(), request.location(), request.headers(), content, size);
		return this.id;
	}

	/**
	 * Check the storage request against the rules of a transfer, before any I/O: the
	 * location ({@link StorageLocation}), a method that sends a body, and headers that
	 * neither the engine writes nor carry the secret or another length.
	 * @param options the options of the API call
	 * @param size the number of bytes to send
	 * @return the request to send
	 * @throws ChatBotKitStorageException if the request is refused
	 */
	Checked check(ChatBotKitOptions options, long size) {
		StorageLocation location = StorageLocation.of(this.url, options);
		HttpMethod storageMethod = HttpMethod.valueOf(this.method.toUpperCase(Locale.ROOT));
		if (!storageMethod.equals(HttpMethod.PUT) && !storageMethod.equals(HttpMethod.POST)) {
			throw refused(location, "its method " + storageMethod.name() + " does not send a body");
		}
		HttpHeaders storageHeaders = new HttpHeaders();
		this.headers.forEach((name, value) -> {
			String lowerCaseName = name.toLowerCase(Locale.ROOT);
			if (name.isBlank() || hasControlCharacter(name) || hasControlCharacter(value)) {
				throw refused(location, "it asks for a header with a control character or no name");
			}
			if (ENGINE_HEADERS.contains(lowerCaseName)) {
				throw refused(location, "it asks for the header '" + name + "', which the HTTP engine writes");
			}
			if (value.contains(options.secret())) {
				throw refused(location, "the header '" + name + "' would carry the ChatBotKit secret to the storage");
			}
			if (lowerCaseName.equals("content-length") && !value.trim().equals(Long.toString(size))) {
				throw refused(location, "it announces another length than the " + size + " bytes to send");
			}
			storageHeaders.add(name, value);
		});
		return new Checked(storageMethod, location, storageHeaders);
	}

	private static boolean hasControlCharacter(String text) {
		return text.chars().anyMatch((c) -> c != '\t' && Character.isISOControl(c));
	}

	private static ChatBotKitStorageException refused(StorageLocation location, String reason) {
		return new ChatBotKitStorageException("Refused the storage request to " + location
				+ " that the API answered with: " + reason + "; nothing was sent", location.toString(), 0, null);
	}

	@Override
	public String toString() {
		return "PresignedUpload[id=" + this.id + ", method=" + this.method + ", url=" + Redaction.MASK + ", headers="
				+ this.headers.keySet() + "]";
	}

	/**
	 * A storage request that passed the checks.
	 *
	 * @param method the method, {@code PUT} or {@code POST}
	 * @param location the storage location
	 * @param headers exactly the headers to send
	 */
	record Checked(HttpMethod method, StorageLocation location, HttpHeaders headers) {

	}

	/**
	 * Reads the answer, naming what is wrong with it but never quoting it.
	 */
	static final class Reader implements ResponseReader<PresignedUpload> {

		@Override
		public MediaType accept() {
			return MediaType.APPLICATION_JSON;
		}

		@Override
		public PresignedUpload read(ClientHttpResponse response, ChatBotKitOptions options, String call)
				throws IOException {
			return decode(ResponseReader.readBody(response, options), response.getHeaders().getContentType(), call);
		}

		/**
		 * Decode the answer's body, read within the size limit.
		 */
		static PresignedUpload decode(BoundedBody body, @Nullable MediaType contentType, String call) {
			if (contentType != null && !ResponseReader.isJson(contentType)) {
				throw invalid(call, "is " + contentType + ", not JSON");
			}
			JsonNode answer;
			try {
				answer = JsonCodec.INSTANCE.readTree(body.bytes());
			}
			catch (JacksonException ex) {
				// the parser's message quotes the body: not kept as the cause
				throw invalid(call, "is not valid JSON");
			}
			JsonNode request = answer.get("uploadRequest");
			if (request == null || !request.isObject()) {
				throw invalid(call, "has no 'uploadRequest' object: the API did not offer a direct upload");
			}
			JsonNode headers = request.get("headers");
			if (headers != null && !headers.isNull() && !headers.isObject()) {
				throw invalid(call, "has 'uploadRequest.headers' that are not an object");
			}
			Map<String, String> headerValues = new LinkedHashMap<>();
			if (headers != null && headers.isObject()) {
				for (Map.Entry<String, JsonNode> header : headers.properties()) {
					if (!header.getValue().isValueNode() || header.getValue().isNull()) {
						throw invalid(call, "has a header '" + header.getKey() + "' whose value is not text");
					}
					headerValues.put(header.getKey(), header.getValue().asString());
				}
			}
			return new PresignedUpload(text(answer, "id", call), text(request, "method", call),
					text(request, "url", call), Collections.unmodifiableMap(headerValues));
		}

		private static String text(JsonNode object, String field, String call) {
			@Nullable JsonNode value = object.get(field);
			if (value == null || !value.isString() || value.asString().isBlank()) {
				throw invalid(call, "has no text field '" + field + "'");
			}
			return value.asString();
		}

		private static ChatBotKitDecodingException invalid(String call, String problem) {
			return new ChatBotKitDecodingException(
					"The answer to " + call + " " + problem + " (its body is not quoted: it may hold a pre-signed URL)",
					null);
		}

	}

}
