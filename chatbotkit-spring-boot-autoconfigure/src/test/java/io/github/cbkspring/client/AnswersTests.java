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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.bot.SessionCreateResponse;
import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.RawResponse;
import io.github.cbkspring.client.error.ChatBotKitDecodingException;
import io.github.cbkspring.client.error.ChatBotKitHttpException;
import io.github.cbkspring.client.error.ChatBotKitNotFoundException;
import io.github.cbkspring.client.error.ChatBotKitServerException;
import io.github.cbkspring.testsupport.ApiStub;
import io.github.cbkspring.testsupport.LargeAnswerServer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.http.HttpHeaders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Answers the engines hand over differently, read the same on every way a client is
 * built: empty answers and {@code 204}, coded bodies, problem details.
 */
@Timeout(120)
class AnswersTests {

	private static final String ERROR_JSON = "{\"message\":\"gone\",\"code\":\"NOT_FOUND\"}";

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	@ParameterizedTest
	@EnumSource(ClientPath.class)
	void voidAndRawResponseAcceptNoContentAndAnEmptyBody(ClientPath path) {
		try (ClientPath.Opened opened = path.open(api.baseUrl())) {
			ChatBotKitClient client = opened.client();
			for (int status : new int[] { 204, 200 }) {
				api.stubFor(WireMock.any(anyUrl()).willReturn(aResponse().withStatus(status)));
				assertThat(client.post("/conversation/{id}/delete", Map.of(), Void.class, "c1")).isNull();
				assertThat(client.post("/conversation/{id}/delete", Map.of(), void.class, "c1")).isNull();
				client.request(ApiEndpoint.post("/conversation/{id}/delete"), "c1").body(Map.of()).execute();
				RawResponse raw = client.post("/conversation/{id}/delete", Map.of(), RawResponse.class, "c1");
				assertThat(raw.body()).isEmpty();
				assertThat(client.get("/file/{id}/download", RawResponse.class, "f1").body()).isEmpty();
				// a JSON type gets the typed error as before
				assertThatExceptionOfType(ChatBotKitDecodingException.class)
					.isThrownBy(() -> client.post("/bot/create", Map.of(), SessionCreateResponse.class))
					.withMessageContaining("empty");
			}
		}
	}

	@ParameterizedTest
	@EnumSource(ClientPath.class)
	void identityIsAskedForAndACodedAnswerIsDecodedAnyway(ClientPath path) {
		try (ClientPath.Opened opened = path.open(api.baseUrl())) {
			ChatBotKitClient client = opened.client();
			for (String coding : List.of("gzip", "x-gzip", "deflate", "raw deflate")) {
				api.stubFor(WireMock.any(anyUrl())
					.willReturn(WireMock.okJson("x")
						.withHeader(HttpHeaders.CONTENT_ENCODING, coding.replace("raw ", ""))
						.withBody(coded(coding, ApiStub.SESSION_JSON))));
				assertThat(client.sessions().create("b").conversationId()).as(coding).isEqualTo("conv-1");
				RawResponse raw = client.get("/x", RawResponse.class);
				assertThat(raw.text()).isEqualTo(ApiStub.SESSION_JSON);
				assertThat(raw.headers().containsHeader(HttpHeaders.CONTENT_ENCODING)).isFalse();
			}
			api.verify(anyRequestedFor(anyUrl()).withHeader(HttpHeaders.ACCEPT_ENCODING, equalTo("identity")));
			api.verify(0, anyRequestedFor(anyUrl()).withHeader(HttpHeaders.ACCEPT_ENCODING,
					WireMock.notContaining("identity")));
		}
	}

	/**
	 * Closing a coded stream early aborts the connection under the decoder: the rest is
	 * never sent, and the one pooled connection is free for the next call.
	 */
	@ParameterizedTest
	@EnumSource(ClientPath.class)
	void codedStreamClosedEarlyAbortsTheConnectionUnderTheDecoder(ClientPath path) {
		byte[] coded = LargeAnswerServer.storedGzip(LargeAnswerServer.repeated("{\"n\":0}\n"));
		try (LargeAnswerServer server = new LargeAnswerServer("200 OK",
				"Content-Type: application/jsonl\r\nContent-Encoding: gzip\r\n", coded);
				ClientPath.Opened opened = path.open(ClientPath.Setup.of(server.url()).maxConnections(1))) {
			for (int i = 0; i < 2; i++) {
				try (Stream<Map> early = opened.client()
					.stream("/conversation/{id}/complete", Map.of(), Map.class, "c")) {
					assertThat(early.iterator().next()).isEqualTo(Map.of("n", 0));
				}
			}
			server.assertEveryAnswerAbandoned();
			assertThat(server.requests()).isEqualTo(2);
		}
	}

	@ParameterizedTest
	@EnumSource(ClientPath.class)
	void codedErrorAndStreamAreDecodedAndAnUnknownCodingIsNeverShownAsText(ClientPath path) {
		try (ClientPath.Opened opened = path.open(ClientPath.Setup.of(api.baseUrl()).maxConnections(1))) {
			ChatBotKitClient client = opened.client();
			api.stubFor(WireMock.post(anyUrl())
				.willReturn(aResponse().withStatus(404)
					.withHeader(HttpHeaders.CONTENT_ENCODING, "gzip")
					.withBody(coded("gzip", ERROR_JSON))));
			assertThatExceptionOfType(ChatBotKitNotFoundException.class).isThrownBy(() -> client.sessions().create("b"))
				.satisfies((ex) -> assertThat(ex.apiMessage()).isEqualTo("gone"));

			StringBuilder numbered = new StringBuilder();
			for (int i = 0; i < 1000; i++) {
				numbered.append("{\"n\":").append(i * 7919 % 1000).append("}\n");
			}
			String lines = numbered.toString();
			api.stubFor(WireMock.post(anyUrl())
				.willReturn(aResponse().withHeader("Content-Type", "application/jsonl")
					.withHeader(HttpHeaders.CONTENT_ENCODING, "gzip")
					.withBody(coded("gzip", lines))));
			try (Stream<Map> events = client.stream("/conversation/{id}/complete", Map.of(), Map.class, "c")) {
				assertThat(events.count()).isEqualTo(1000);
			}

			byte[] brotli = { (byte) 0x8b, 0x02, (byte) 0x80, 0x7b, 0x7d, 0x03 };
			api.stubFor(WireMock.any(anyUrl())
				.willReturn(WireMock.okJson("x").withHeader(HttpHeaders.CONTENT_ENCODING, "br").withBody(brotli)));
			assertThatExceptionOfType(ChatBotKitDecodingException.class).isThrownBy(() -> client.sessions().create("b"))
				.withMessageContaining("'br'")
				.withMessageNotContaining(new String(brotli, StandardCharsets.ISO_8859_1));
			api.stubFor(WireMock.any(anyUrl())
				.willReturn(
						aResponse().withStatus(500).withHeader(HttpHeaders.CONTENT_ENCODING, "br").withBody(brotli)));
			assertThatExceptionOfType(ChatBotKitServerException.class).isThrownBy(() -> client.sessions().create("b"))
				.satisfies((ex) -> assertThat(ex.apiMessage()).contains("'br'").doesNotContain("\u008b"));
		}
	}

	@ParameterizedTest
	@EnumSource(ClientPath.class)
	void problemDetailsGiveTheirDetailOrTitleAsTheMessage(ClientPath path) {
		try (ClientPath.Opened opened = path.open(api.baseUrl())) {
			api.stubFor(WireMock.post(anyUrl())
				.willReturn(aResponse().withStatus(400)
					.withHeader("Content-Type", "application/problem+json")
					.withBody("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
							+ "\"detail\":\"name is required\"}")));
			assertThatExceptionOfType(ChatBotKitHttpException.class)
				.isThrownBy(() -> opened.client().sessions().create("b"))
				.satisfies((ex) -> assertThat(ex.apiMessage()).isEqualTo("name is required"))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo("GENERIC_ERROR"));
			api.stubFor(WireMock.post(anyUrl())
				.willReturn(aResponse().withStatus(409)
					.withHeader("Content-Type", "application/problem+json")
					.withBody("{\"title\":\"Conflict\",\"status\":409}")));
			assertThatExceptionOfType(ChatBotKitHttpException.class)
				.isThrownBy(() -> opened.client().sessions().create("b"))
				.satisfies((ex) -> assertThat(ex.apiMessage()).isEqualTo("Conflict"));
		}
	}

	static byte[] coded(String coding, String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (var out = coding.contains("gzip") ? new GZIPOutputStream(bytes) : new DeflaterOutputStream(bytes,
				new Deflater(Deflater.DEFAULT_COMPRESSION, coding.startsWith("raw")))) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}
