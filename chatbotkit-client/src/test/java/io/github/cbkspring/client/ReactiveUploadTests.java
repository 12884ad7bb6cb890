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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.FileUpload;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.error.ChatBotKitHttpException;
import io.github.cbkspring.client.error.ChatBotKitServerException;
import io.github.cbkspring.testsupport.ApiStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@link io.github.cbkspring.client.core.ReactiveApiRequest#file(FileUpload)} against the
 * blocking {@link io.github.cbkspring.client.core.ApiRequest#file(FileUpload)} on
 * WireMock, over real sockets: the same multipart body on the wire, the same errors, and
 * retries only of content that can be sent again.
 */
class ReactiveUploadTests {

	private static final ApiEndpoint UPLOAD = ApiEndpoint.post("/file/{fileId}/upload");

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	@TempDir
	static Path directory;

	private final RecordingTimer timer = RecordingTimer.running();

	private static ChatBotKitOptions options(RetryOptions retry) {
		return ChatBotKitOptions.builder().secret(ApiStub.SECRET).url(api.baseUrl()).retry(retry).build();
	}

	private ChatBotKitReactiveClient reactive(ChatBotKitOptions options) {
		return ChatBotKitReactiveClient.create(WebClient.builder(), options, this.timer, Clock.systemUTC());
	}

	static Stream<Arguments> uploads() throws IOException {
		byte[] bytes = "hello\r\n--not a boundary\r\n\u00e4".getBytes(StandardCharsets.UTF_8);
		Path file = Files.write(directory.resolve("plan 1.pdf"), bytes);
		return Stream.of(
				Arguments.of("bytes with a content type",
						(Supplier<FileUpload>) () -> FileUpload.of(bytes, "notes 1.txt", MediaType.TEXT_PLAIN)),
				Arguments.of("bytes without a content type",
						(Supplier<FileUpload>) () -> FileUpload.of(bytes, "ä \"b\".bin", null)),
				Arguments.of("a file", (Supplier<FileUpload>) () -> FileUpload.of(new FileSystemResource(file))),
				Arguments.of("a stream read once",
						(Supplier<FileUpload>) () -> new FileUpload(
								new InputStreamResource(new ByteArrayInputStream(bytes)), "stream.txt",
								MediaType.TEXT_PLAIN)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("uploads")
	void sendsTheBodyTheBlockingClientSends(String name, Supplier<FileUpload> upload) {
		api.stubFor(post(anyUrl()).willReturn(WireMock.okJson("{\"id\":\"f\"}")));
		ChatBotKitOptions options = options(RetryOptions.disabled());
		try (ChatBotKitClient blocking = ChatBotKitClient.create(options)) {
			assertThat(blocking.request(UPLOAD, ApiStub.ID).file(upload.get()).retrieveId()).isEqualTo("f");
		}
		assertThat(ReactiveClientTests
			.block(reactive(options).request(UPLOAD, ApiStub.ID).file(upload.get()).retrieve(Map.class)))
			.isEqualTo(Map.of("id", "f"));
		List<LoggedRequest> requests = api.findAll(anyRequestedFor(anyUrl()));
		assertThat(requests).hasSize(2);
		LoggedRequest sent = requests.get(0);
		LoggedRequest reactiveSent = requests.get(1);
		assertThat(reactiveSent.getUrl()).isEqualTo(sent.getUrl())
			.isEqualTo("/api/v1/file/" + ApiStub.ENCODED_ID + "/upload");
		assertThat(reactiveSent.getMethod()).isEqualTo(sent.getMethod());
		assertThat(withoutBoundary(reactiveSent, reactiveSent.getHeader("Content-Type")))
			.isEqualTo(withoutBoundary(sent, sent.getHeader("Content-Type")))
			.startsWith("multipart/form-data;");
		assertThat(withoutBoundary(reactiveSent, reactiveSent.getBodyAsString()))
			.isEqualTo(withoutBoundary(sent, sent.getBodyAsString()))
			.contains("Content-Disposition: form-data; name=\"file\"; filename=");
		assertThat(reactiveSent.getParts()).singleElement()
			.satisfies((part) -> assertThat(part.getBody().asBytes())
				.isEqualTo(sent.getParts().iterator().next().getBody().asBytes()));
		for (String header : List.of("Authorization", "Accept", "User-Agent")) {
			assertThat(reactiveSent.getHeader(header)).as(header).isNotNull().isEqualTo(sent.getHeader(header));
		}
	}

	/**
	 * A request's text with its multipart boundary, which each request draws at random,
	 * replaced by a fixed one.
	 */
	private static String withoutBoundary(LoggedRequest request, String text) {
		String contentType = request.getHeader("Content-Type");
		String boundary = MediaType.parseMediaType(contentType).getParameter("boundary");
		assertThat(boundary).isNotBlank();
		return text.replace(boundary, "BOUNDARY");
	}

	@Test
	void anUploadTooLargeFailsAsTheBlockingOneFails() {
		api.stubFor(post(anyUrl())
			.willReturn(aResponse().withStatus(413).withBody("<html>Request Entity Too Large</html>")));
		ChatBotKitOptions options = options(RetryOptions.disabled());
		FileUpload upload = FileUpload.of(new byte[4096], "big.bin", MediaType.APPLICATION_OCTET_STREAM);
		Throwable expected;
		try (ChatBotKitClient blocking = ChatBotKitClient.create(options)) {
			expected = catchThrowable(() -> blocking.request(UPLOAD, "f").file(upload).retrieveId());
		}
		Throwable actual = catchThrowable(
				() -> ReactiveClientTests.block(reactive(options).request(UPLOAD, "f").file(upload).retrieveId()));
		assertThat(actual).isInstanceOf(ChatBotKitHttpException.class)
			.hasSameClassAs(expected)
			.hasMessage(expected.getMessage());
		assertThat(((ChatBotKitHttpException) actual).error()).isEqualTo(((ChatBotKitHttpException) expected).error());
		assertThat(((ChatBotKitHttpException) actual).error().code()).isEqualTo("CONTENT_TOO_LARGE");
	}

	@Test
	void anUploadThatCanBeSentAgainIsRetriedWithTheSameBody() {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503)));
		RetryOptions retry = RetryOptions.defaults();
		byte[] bytes = "again".getBytes(StandardCharsets.UTF_8);
		Throwable failure = catchThrowable(() -> ReactiveClientTests.block(reactive(options(retry)).request(UPLOAD, "f")
			.file(FileUpload.of(bytes, "a.txt", MediaType.TEXT_PLAIN))
			.execute()));
		assertThat(failure).isInstanceOf(ChatBotKitServerException.class);
		assertThat(failure.getSuppressed()).hasSize(retry.maxAttempts() - 1);
		assertThat(this.timer.waits).hasSize(retry.maxAttempts() - 1);
		List<LoggedRequest> requests = api.findAll(anyRequestedFor(anyUrl()));
		assertThat(requests).hasSize(retry.maxAttempts())
			.allSatisfy((request) -> assertThat(request.getParts()).singleElement()
				.satisfies((part) -> assertThat(part.getBody().asBytes()).isEqualTo(bytes)));
	}

	@Test
	void aStreamReadOnceIsSentOnceAndNotRetried() {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503)));
		byte[] bytes = "once".getBytes(StandardCharsets.UTF_8);
		FileUpload once = new FileUpload(new InputStreamResource(new ByteArrayInputStream(bytes)), "a.bin", null);
		Throwable failure = catchThrowable(() -> ReactiveClientTests
			.block(reactive(options(RetryOptions.defaults())).request(UPLOAD, "f").file(once).execute()));
		assertThat(failure).isInstanceOf(ChatBotKitServerException.class);
		assertThat(failure.getSuppressed()).isEmpty();
		assertThat(this.timer.waits).isEmpty();
		assertThat(api.findAll(anyRequestedFor(anyUrl()))).singleElement()
			.satisfies((request) -> assertThat(request.getParts()).singleElement()
				.satisfies((part) -> assertThat(part.getBody().asBytes()).isEqualTo(bytes)));
	}

}
