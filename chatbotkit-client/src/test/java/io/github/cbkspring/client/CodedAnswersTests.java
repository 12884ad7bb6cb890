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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.Download;
import io.github.cbkspring.client.core.ReactiveDownload;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.error.ChatBotKitDecodingException;
import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.testsupport.ApiStub;
import io.github.cbkspring.testsupport.LargeAnswerServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Answers coded although the client asks for {@code identity}, on the blocking and the
 * reactive client alike: gzip and deflate answers, whole or streamed, decoded by the same
 * rules ({@code ContentCodings}); another coding refused with a typed error; a truncated
 * coded stream failing rather than ending quietly; a coded stream cancelled early closing
 * its connection; and a download handed over as sent, its coding named by its headers.
 */
class CodedAnswersTests {

	private static final Duration HANG_GUARD = Duration.ofMinutes(2);

	private static final ApiEndpoint FETCH = ApiEndpoint.get("/x");

	private static final ApiEndpoint COMPLETE = ApiEndpoint.post("/conversation/{id}/complete");

	private static final ApiEndpoint DOWNLOAD = ApiEndpoint.get("/file/{id}/download");

	private static final List<String> CODINGS = List.of("gzip", "x-gzip", "deflate", "raw deflate");

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	private final List<AutoCloseable> clients = new ArrayList<>();

	/**
	 * The client a case runs on.
	 */
	enum Side {

		BLOCKING, REACTIVE

	}

	@AfterEach
	void closeClients() throws Exception {
		for (AutoCloseable client : this.clients) {
			client.close();
		}
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void codedAnswersAreDecodedAndIdentityIsAskedFor(Side side) {
		for (String coding : CODINGS) {
			api.stubFor(WireMock.get(anyUrl())
				.willReturn(WireMock.okJson("x")
					.withHeader(HttpHeaders.CONTENT_ENCODING, coding.replace("raw ", ""))
					.withBody(coded(coding, "{\"id\":\"zipped\"}"))));
			assertThat(retrieveId(side, api.baseUrl())).as(coding).isEqualTo("zipped");
		}
		api.verify(anyRequestedFor(anyUrl()).withHeader(HttpHeaders.ACCEPT_ENCODING, equalTo("identity")));
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void codedStreamsAreDecodedLineByLine(Side side) {
		String lines = numberedLines(1000);
		for (String coding : CODINGS) {
			api.stubFor(WireMock.post(anyUrl())
				.willReturn(aResponse().withHeader("Content-Type", "application/jsonl")
					.withHeader(HttpHeaders.CONTENT_ENCODING, coding.replace("raw ", ""))
					.withBody(coded(coding, lines))));
			List<Map<?, ?>> events = stream(side, api.baseUrl());
			assertThat(events).as(coding).hasSize(1000);
			assertThat(events.get(999)).isEqualTo(Map.of("n", 999));
		}
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void anotherCodingIsATypedErrorThatNeverShowsTheBodyAsText(Side side) {
		byte[] brotli = { (byte) 0x8b, 0x02, (byte) 0x80, 0x7b, 0x7d, 0x03 };
		api.stubFor(WireMock.get(anyUrl())
			.willReturn(WireMock.okJson("x").withHeader(HttpHeaders.CONTENT_ENCODING, "br").withBody(brotli)));
		api.stubFor(WireMock.post(anyUrl())
			.willReturn(aResponse().withHeader("Content-Type", "application/jsonl")
				.withHeader(HttpHeaders.CONTENT_ENCODING, "br")
				.withBody(brotli)));
		for (Throwable failure : List.of(catchThrowable(() -> retrieveId(side, api.baseUrl())),
				catchThrowable(() -> stream(side, api.baseUrl())))) {
			assertThat(failure).isInstanceOf(ChatBotKitDecodingException.class)
				.hasMessageContaining("'br'")
				.hasMessageNotContaining(new String(brotli, StandardCharsets.ISO_8859_1));
		}
	}

	/**
	 * A gzip stream cut before its end (the HTTP body itself is whole): the lines before
	 * the cut are delivered, then the stream fails instead of ending as if complete.
	 */
	@ParameterizedTest
	@EnumSource(Side.class)
	void aTruncatedCodedStreamFailsRatherThanEndingQuietly(Side side) {
		byte[] whole = coded("gzip", numberedLines(1000));
		api.stubFor(WireMock.post(anyUrl())
			.willReturn(aResponse().withHeader("Content-Type", "application/jsonl")
				.withHeader(HttpHeaders.CONTENT_ENCODING, "gzip")
				.withBody(Arrays.copyOf(whole, whole.length / 2))));
		List<Map<?, ?>> delivered = new ArrayList<>();
		Throwable failure = catchThrowable(() -> stream(side, api.baseUrl(), delivered));
		assertThat(failure).isInstanceOf(ChatBotKitException.class);
		assertThat(delivered).as(String.valueOf(failure)).isNotEmpty().hasSizeLessThan(1000);
	}

	/**
	 * Cancelling a coded stream after its first line closes the connection under the
	 * decoder: most of the answer is never sent.
	 */
	@ParameterizedTest
	@EnumSource(Side.class)
	void aCodedStreamCancelledEarlyClosesItsConnection(Side side) {
		byte[] coded = LargeAnswerServer.storedGzip(LargeAnswerServer.repeated("{\"n\":0}\n"));
		try (LargeAnswerServer server = new LargeAnswerServer("200 OK",
				"Content-Type: application/jsonl\r\nContent-Encoding: gzip\r\n", coded)) {
			if (side == Side.BLOCKING) {
				try (Stream<Map> events = blocking(server.url()).request(COMPLETE, "c")
					.body(Map.of())
					.stream(Map.class)) {
					assertThat(events.iterator().next()).isEqualTo(Map.of("n", 0));
				}
			}
			else {
				assertThat(reactive(server.url()).request(COMPLETE, "c")
					.body(Map.of())
					.stream(Map.class)
					.take(1)
					.blockLast(HANG_GUARD)).isEqualTo(Map.of("n", 0));
			}
			server.assertEveryAnswerAbandoned();
		}
	}

	/**
	 * A download is handed over as it was sent, as the blocking client hands it over: its
	 * headers name the coding.
	 */
	@ParameterizedTest
	@EnumSource(Side.class)
	void aCodedDownloadIsHandedOverAsSent(Side side) throws IOException {
		byte[] gzipped = coded("gzip", "a file");
		api.stubFor(WireMock.get(anyUrl())
			.willReturn(aResponse().withHeader("Content-Type", "text/plain")
				.withHeader(HttpHeaders.CONTENT_ENCODING, "gzip")
				.withBody(gzipped)));
		if (side == Side.BLOCKING) {
			try (Download download = blocking(api.baseUrl()).request(DOWNLOAD, "f").download()) {
				assertThat(download.headers().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
				assertThat(download.inputStream().readAllBytes()).isEqualTo(gzipped);
			}
		}
		else {
			ReactiveDownload download = reactive(api.baseUrl()).request(DOWNLOAD, "f").download().block(HANG_GUARD);
			assertThat(download).isNotNull();
			assertThat(download.headers().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
			try (InputStream body = DataBufferUtils.subscriberInputStream(download.body(), 1)) {
				assertThat(body.readAllBytes()).isEqualTo(gzipped);
			}
		}
	}

	private String retrieveId(Side side, String url) {
		return (side == Side.BLOCKING) ? blocking(url).request(FETCH).retrieveId()
				: reactive(url).request(FETCH).retrieveId().block(HANG_GUARD);
	}

	private List<Map<?, ?>> stream(Side side, String url) {
		List<Map<?, ?>> events = new ArrayList<>();
		stream(side, url, events);
		return events;
	}

	/**
	 * Read a stream into a list, which keeps what was delivered before a failure.
	 */
	private void stream(Side side, String url, List<Map<?, ?>> events) {
		if (side == Side.BLOCKING) {
			try (Stream<Map> stream = blocking(url).request(COMPLETE, "c").body(Map.of()).stream(Map.class)) {
				stream.forEach(events::add);
			}
		}
		else {
			Flux<Map> stream = reactive(url).request(COMPLETE, "c").body(Map.of()).stream(Map.class);
			stream.doOnNext(events::add).blockLast(HANG_GUARD);
		}
	}

	private ChatBotKitClient blocking(String url) {
		ChatBotKitClient client = ChatBotKitClient.create(options(url));
		this.clients.add(client);
		return client;
	}

	private ChatBotKitReactiveClient reactive(String url) {
		ChatBotKitReactiveClient client = ChatBotKitReactiveClient.create(options(url));
		this.clients.add(client);
		return client;
	}

	private static ChatBotKitOptions options(String url) {
		return ChatBotKitOptions.builder().secret(ApiStub.SECRET).url(url).retry(RetryOptions.disabled()).build();
	}

	private static String numberedLines(int count) {
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < count; i++) {
			lines.append("{\"n\":").append(i).append("}\n");
		}
		return lines.toString();
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
