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

package io.github.cbkspring.client.file;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.ChatBotKitHttpEngine;
import io.github.cbkspring.client.ChatBotKitReactiveClient;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.Download;
import io.github.cbkspring.client.core.ReactiveDownload;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.error.ChatBotKitDecodingException;
import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.client.error.ChatBotKitStorageException;
import io.github.cbkspring.client.file.FileOperations.Side;
import io.github.cbkspring.testsupport.ApiStub;
import io.github.cbkspring.testsupport.LargeAnswerServer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.cbkspring.testsupport.ApiStub.ENCODED_ID;
import static io.github.cbkspring.testsupport.ApiStub.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The direct upload and the download through the API's storage, against three WireMock
 * servers over real sockets: the API, the storage its pre-signed URLs point at, and
 * another host that must never be reached. The client is set up the way an application
 * might: option headers, a run-as user, and a {@link RestClient} with default headers, a
 * cookie, an interceptor, an initializer and observations, none of which may reach the
 * storage. The cases that both clients share run on the blocking and the reactive client
 * alike ({@link Side}), the reactive one on a {@link WebClient} set up the same way.
 *
 * @author cbkspring contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class FileStorageTests {

	private static final String SECRET = "sk-live-storage-Qx81";

	private static final String SIGNATURE = "5f1c0ffee0ddba11deadbeef7a3e";

	private static final String CREDENTIAL = "AKIATESTCREDENTIAL%2F20260101%2Fus-east-1";

	private static final String TOKEN = "IQoJb3JpZ2luX2VjE-session-token";

	private static final String QUERY = "?X-Amz-Credential=" + CREDENTIAL + "&X-Amz-Expires=900&X-Amz-Signature="
			+ SIGNATURE;

	/** What must never appear in a message, a cause or a log. */
	private static final List<String> URL_SECRETS = List.of(SIGNATURE, CREDENTIAL, CREDENTIAL.replace("%2F", "/"),
			TOKEN);

	/**
	 * Headers the HTTP engine adds to a request by itself (Reactor Netty an
	 * {@code Accept: *}{@code /*}).
	 */
	private static final Set<String> ENGINE_HEADERS = Set.of("content-length", "host", "connection", "user-agent",
			"accept-encoding", "accept");

	/** Everything of the client that the API gets and the storage must not. */
	private static final List<String> CLIENT_HEADERS = List.of("Authorization", "X-RunAs-User-Id", "X-Timezone",
			"X-Tenant", "X-App-Default", "X-App-Default-Request", "X-App-Interceptor", "X-App-Initializer", "Cookie");

	/** A bound on a reactive call that only a hang reaches. */
	private static final Duration HANG_GUARD = Duration.ofMinutes(2);

	private static final String ENGINE_REQUEST_LOG = "org.apache.hc.client5.http.impl.classic.MainClientExec";

	/**
	 * Everything on the request path logs at TRACE, as in the security tests; HttpClient
	 * 5's wire, header and request-line logs are the documented exceptions (see
	 * {@link #engineRequestLineLoggingIsWarnedAbout}).
	 */
	private static final Map<String, Level> LOG_LEVELS = Map.of("org.springframework", Level.TRACE,
			"io.github.cbkspring", Level.TRACE, "org.apache.hc.client5", Level.TRACE, "org.apache.hc.client5.http.wire",
			Level.INFO, "org.apache.hc.client5.http.headers", Level.INFO, ENGINE_REQUEST_LOG, Level.INFO);

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	@RegisterExtension
	static WireMockExtension storage = ApiStub.server();

	@RegisterExtension
	static WireMockExtension elsewhere = ApiStub.server();

	private final List<Observation.Context> observed = new CopyOnWriteArrayList<>();

	private final ChatBotKitClient client = ChatBotKitClient.create(RestClient.builder()
		.requestFactory(ChatBotKitHttpEngine.requestFactory(Duration.ofSeconds(5), Duration.ofSeconds(20),
				ChatBotKitHttpEngine.DEFAULT_MAX_CONNECTIONS))
		.defaultHeader("X-App-Default", "app")
		.defaultCookie("app-session", "cookie-value")
		.defaultRequest((request) -> request.header("X-App-Default-Request", "app").cookie("app-request", "c"))
		.requestInterceptor((request, body, execution) -> {
			request.getHeaders().set("X-App-Interceptor", "app");
			return execution.execute(request, body);
		})
		.requestInitializer((request) -> request.getHeaders().set("X-App-Initializer", "app"))
		.observationRegistry(observations(this.observed)),
			ChatBotKitOptions.builder()
				.secret(SECRET)
				.url(api.baseUrl())
				.runAsUserId("user-7")
				.timezone(ZoneId.of("Europe/Sofia"))
				.header("X-Tenant", "t-1")
				.retry(RetryOptions.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(2)))
				.build());

	private final FileClient files = this.client.files();

	/**
	 * The reactive client set up the same way: default headers, a cookie, a default
	 * request callback, a filter and observations, none of which may reach the storage.
	 */
	private final ReactiveFileClient reactiveFiles = ChatBotKitReactiveClient
		.create(WebClient.builder()
			.defaultHeader("X-App-Default", "app")
			.defaultCookie("app-session", "cookie-value")
			.defaultRequest((request) -> request.header("X-App-Default-Request", "app")
				.cookie("app-request", "c")
				.httpRequest((http) -> http.getHeaders().set("X-App-Initializer", "app")))
			.filter((request, next) -> next
				.exchange(ClientRequest.from(request).header("X-App-Interceptor", "app").build()))
			.observationRegistry(observations(this.observed)), this.client.options())
		.files();

	@AfterEach
	void restoreLogging() {
		LOG_LEVELS.keySet().forEach((name) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(null));
		((Logger) LoggerFactory.getLogger(ENGINE_REQUEST_LOG)).setLevel(null);
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void directUploadStreamsTheBytesToTheStorageWithExactlyItsHeadersAndNoneOfTheClients(Side side) {
		byte[] content = new byte[10_000];
		new java.util.Random(1).nextBytes(content);
		stubTicket(ENCODED_ID, "PUT", storageUrl("/bucket/report%201.pdf"),
				Map.of("Content-Type", "application/pdf", "x-amz-meta-origin", "cbk", "x-amz-security-token", TOKEN));
		storage.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("ETag", "\"e1\"")));

		upload(side, ID, FileContent.of(content, "report 1.pdf"), UploadMode.DIRECT);

		api.verify(1,
				postRequestedFor(urlEqualTo("/api/v1/file/" + ENCODED_ID + "/upload"))
					.withHeader("Authorization", equalTo("Bearer " + SECRET))
					.withHeader("X-RunAs-User-Id", equalTo("user-7"))
					.withHeader("X-App-Default", equalTo("app"))
					.withHeader("Content-Type", equalTo("application/json"))
					.withRequestBody(equalToJson(
							"{\"file\":{\"type\":\"application/pdf\",\"size\":10000," + "\"name\":\"report 1.pdf\"}}",
							false, false)));
		LoggedRequest put = onlyRequest(storage);
		assertThat(put.getMethod().getName()).isEqualTo("PUT");
		assertThat(put.getUrl()).isEqualTo("/bucket/report%201.pdf" + QUERY);
		assertThat(put.getBody()).isEqualTo(content);
		assertThat(put.getHeader("Content-Type")).isEqualTo("application/pdf");
		assertThat(put.getHeader("x-amz-meta-origin")).isEqualTo("cbk");
		assertThat(put.getHeader("x-amz-security-token")).isEqualTo(TOKEN);
		assertThat(put.getHeader("Content-Length")).isEqualTo("10000");
		assertCarriesNothingOfTheClient(put, Set.of("content-type", "x-amz-meta-origin", "x-amz-security-token"));
		assertThat(this.observed).isNotEmpty()
			.allSatisfy((context) -> assertThat(observedUri(context)).startsWith(api.baseUrl()));
		elsewhere.verify(0, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void directUploadOfAStreamWithAContentTypeAnnouncesAndSendsThatType(Side side) {
		stubTicket("f", "PUT", storageUrl("/f"), Map.of("Content-Type", "text/csv"));
		storage.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(200)));
		byte[] csv = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
		upload(side, "f", FileContent.of(new ByteArrayInputStream(csv), csv.length, "export",
				MediaType.parseMediaType("text/csv")), UploadMode.DIRECT);
		api.verify(1, postRequestedFor(urlEqualTo("/api/v1/file/f/upload")).withRequestBody(
				equalToJson("{\"file\":{\"type\":\"text/csv\",\"size\":8,\"name\":\"export\"}}", false, false)));
		LoggedRequest put = onlyRequest(storage);
		assertThat(put.getBody()).isEqualTo(csv);
		assertThat(put.getHeader("Content-Type")).isEqualTo("text/csv");
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void autoUploadsAboveTheInlineLimitDirectlyWithThePostMethodTheApiNamed(Side side) {
		long size = FileClient.INLINE_UPLOAD_LIMIT + 1;
		stubTicket("f", "post", storageUrl("/upload"), Map.of());
		storage.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(204)));
		upload(side, "f", FileContent.of(new GeneratedContent(size), size, "big.bin"));
		api.verify(1,
				postRequestedFor(urlEqualTo("/api/v1/file/f/upload")).withRequestBody(equalToJson(
						"{\"file\":{\"type\":\"application/octet-stream\",\"size\":" + size + ",\"name\":\"big.bin\"}}",
						false, false)));
		LoggedRequest upload = onlyRequest(storage);
		assertThat(upload.getMethod().getName()).isEqualTo("POST");
		assertGenerated(upload.getBody(), size);
		assertCarriesNothingOfTheClient(upload, Set.of());
	}

	@Test
	void fiveMegabytesAreStreamedUpAndDownInBoundedMemory(@TempDir Path directory) throws IOException {
		int size = 5 * 1024 * 1024;
		stubTicket("f", "PUT", storageUrl("/f"), Map.of());
		storage.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(200)));
		// an application's RestClient, but without interceptors (which make Spring
		// buffer)
		FileClient streaming = ChatBotKitClient
			.create(RestClient.builder()
				.requestFactory(ChatBotKitHttpEngine.requestFactory(Duration.ofSeconds(5), Duration.ofSeconds(20),
						ChatBotKitHttpEngine.DEFAULT_MAX_CONNECTIONS))
				.defaultHeader("X-App-Default", "app")
				.requestInitializer((request) -> request.getHeaders().set("X-App-Initializer", "app"))
				.observationRegistry(observations(this.observed)), this.client.options())
			.files();
		// the first transfer loads the classes of the path, which the measure must not
		// count
		streaming.upload("f", FileContent.of(new GeneratedContent(10), 10, "warm.bin"), UploadMode.DIRECT);
		storage.resetRequests();

		long uploadAllocation = allocatedBy(
				() -> streaming.upload("f", FileContent.of(new GeneratedContent(size), size, "big.bin")));

		byte[] received = onlyRequest(storage).getBody();
		assertGenerated(received, size);
		api.stubFor(get(anyUrl()).willReturn(WireMock.okJson("{\"url\":\"" + storageUrl("/f") + "\"}")));
		storage.stubFor(get(anyUrl()).willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream").withBody(received)));
		Path target = directory.resolve("big.bin");
		streaming.downloadTo("f", directory.resolve("warm.bin"));
		long downloadAllocation = allocatedBy(() -> {
			try {
				assertThat(streaming.downloadTo("f", target, java.nio.file.StandardCopyOption.REPLACE_EXISTING))
					.isEqualTo(size);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		assertGenerated(Files.readAllBytes(target), size);
		assertCarriesNothingOfTheClient(storage.getAllServeEvents().get(0).getRequest(), Set.of());
		System.out
			.println("Allocated by a 5 MB upload: " + uploadAllocation + " bytes, download: " + downloadAllocation);
		// buffering either way would cost at least the 5 MB; streaming costs buffers
		assertThat(uploadAllocation).as("bytes allocated by the upload").isLessThan(size / 4);
		assertThat(downloadAllocation).as("bytes allocated by the download").isLessThan(size / 4);
	}

	@Test
	void clientWithInterceptorsLeavesThemOutOfTheUploadWithoutAWarning(CapturedOutput output) {
		stubTicket("f", "PUT", storageUrl("/f"), Map.of());
		storage.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(200)));
		this.files.upload("f", FileContent.of(new GeneratedContent(100_000), 100_000, "a.bin"), UploadMode.DIRECT);
		LoggedRequest upload = onlyRequest(storage);
		assertGenerated(upload.getBody(), 100_000);
		assertCarriesNothingOfTheClient(upload, Set.of());
		assertThat(output).doesNotContain("in memory");
	}

	@Test
	void sixtyFourMegabytesGoUpInBoundedMemoryThroughAClientWithInterceptors() {
		int size = 64 * 1024 * 1024;
		stubTicket("f", "PUT", storageUrl("/f"), Map.of());
		storage.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(200)));
		// the client of this class: an interceptor, an initializer, default headers and
		// observations, as an application's ChatBotKitRestClientCustomizer gives it
		this.files.upload("f", FileContent.of(new GeneratedContent(10), 10, "warm.bin"), UploadMode.DIRECT);
		storage.resetRequests();

		long allocated = allocatedBy(
				() -> this.files.upload("f", FileContent.of(new GeneratedContent(size), size, "big.bin")));

		LoggedRequest upload = onlyRequest(storage);
		assertGenerated(upload.getBody(), size);
		assertCarriesNothingOfTheClient(upload, Set.of());
		// Spring's buffering of an intercepted body costs three times the size
		assertThat(allocated).as("bytes allocated by the upload").isLessThan(16 * 1024 * 1024);
	}

	@Test
	void theJdkEngineTransfersTheSameWay() throws IOException {
		java.net.http.HttpClient jdk = java.net.http.HttpClient.newBuilder()
			.version(java.net.http.HttpClient.Version.HTTP_1_1)
			.followRedirects(java.net.http.HttpClient.Redirect.NEVER)
			.build();
		FileClient onJdk = ChatBotKitClient
			.create(RestClient.builder()
				.requestFactory(new org.springframework.http.client.JdkClientHttpRequestFactory(jdk))
				.defaultHeader("X-App-Default", "app"), this.client.options())
			.files();
		stubTicket("f", "PUT", storageUrl("/f"), Map.of("Content-Type", "application/octet-stream"));
		storage.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(200)));
		onJdk.upload("f", FileContent.of(new GeneratedContent(100_000), 100_000, "a.bin"), UploadMode.DIRECT);
		LoggedRequest upload = onlyRequest(storage);
		assertGenerated(upload.getBody(), 100_000);
		assertThat(upload.getHeader("Content-Length")).isEqualTo("100000");
		assertCarriesNothingOfTheClient(upload, Set.of("content-type"));
		storage.resetRequests();
		api.stubFor(get(anyUrl()).willReturn(WireMock.okJson("{\"url\":\"" + storageUrl("/f") + "\"}")));
		storage.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withBody(upload.getBody())));
		try (Download download = onJdk.download("f")) {
			assertGenerated(download.inputStream().readAllBytes(), 100_000);
		}
		assertCarriesNothingOfTheClient(onlyRequest(storage), Set.of());
		storage.stubFor(put(anyUrl())
			.willReturn(aResponse().withStatus(307).withHeader("Location", elsewhere.baseUrl() + "/steal")));
		assertThatExceptionOfType(ChatBotKitStorageException.class)
			.isThrownBy(() -> onJdk.upload("f", FileContent.of(new byte[10], "a.bin"), UploadMode.DIRECT))
			.satisfies((ex) -> assertThat(ex.statusCode()).hasValue(307));
		elsewhere.verify(0, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void redirectFromTheStorageIsNotFollowed(Side side) {
		stubTicket("f", "PUT", storageUrl("/f"), Map.of());
		storage.stubFor(put(anyUrl())
			.willReturn(aResponse().withStatus(307).withHeader("Location", elsewhere.baseUrl() + "/steal" + QUERY)));
		assertThatExceptionOfType(ChatBotKitStorageException.class)
			.isThrownBy(() -> upload(side, "f", FileContent.of(new byte[10], "a.bin"), UploadMode.DIRECT))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).hasValue(307);
				assertThat(ex.getMessage()).contains("redirect, not followed");
			});
		api.stubFor(get(anyUrl()).willReturn(WireMock.okJson("{\"url\":\"" + storageUrl("/g") + "\"}")));
		storage.stubFor(get(anyUrl())
			.willReturn(aResponse().withStatus(302).withHeader("Location", elsewhere.baseUrl() + "/steal")));
		assertThatExceptionOfType(ChatBotKitStorageException.class).isThrownBy(() -> download(side, "f"))
			.satisfies((ex) -> assertThat(ex.statusCode()).hasValue(302));
		elsewhere.verify(0, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void storageErrorIsATypedErrorThatNamesTheStorageAndNotItsSignature(Side side) {
		stubTicket("f", "PUT", storageUrl("/bucket/f.bin"), Map.of());
		storage.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/xml")
			.withBody("<Error><Code>SignatureDoesNotMatch</Code><CanonicalQueryString>X-Amz-Credential=" + CREDENTIAL
					+ "&amp;X-Amz-Signature=" + SIGNATURE + "</CanonicalQueryString><Url>" + storageUrl("/bucket/f.bin")
					+ "</Url></Error>")));
		ChatBotKitStorageException failure = catchThrowableOfType(
				() -> upload(side, "f", FileContent.of(new byte[10], "a.bin"), UploadMode.DIRECT));
		assertThat(failure.statusCode()).hasValue(403);
		assertThat(failure.location()).isEqualTo(storage.baseUrl() + "/bucket/f.bin?******");
		assertThat(failure.getMessage()).contains("The storage at " + storage.baseUrl() + "/bucket/f.bin?******")
			.contains("not the ChatBotKit API")
			.contains("403", "SignatureDoesNotMatch")
			.doesNotContain("ChatBotKit API answered");
		assertNoUrlSecret(failure);
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void connectionResetByTheStorageIsATypedError(Side side) {
		stubTicket("f", "PUT", storageUrl("/f"), Map.of());
		storage.stubFor(put(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		ChatBotKitStorageException failure = catchThrowableOfType(
				() -> upload(side, "f", FileContent.of(new byte[10], "a.bin"), UploadMode.DIRECT));
		assertThat(failure.statusCode()).isEmpty();
		assertThat(failure.getMessage()).contains(storage.baseUrl() + "/f?******").contains("not the ChatBotKit API");
		assertThat(failure.getCause()).isNotNull();
		assertNoUrlSecret(failure);
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void aLargeAnswerOfTheStorageIsNotDrained(Side side) {
		try (LargeAnswerServer large = FileClientTests.largeFile()) {
			stubTicket("f", "PUT", large.url() + "/f" + QUERY, Map.of());
			upload(side, "f", FileContent.of(new byte[10], "a.bin"), UploadMode.DIRECT);
			large.assertEveryAnswerAbandoned();
		}
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void theStorageLegIsNeverRetried(Side side) {
		stubTicket("f", "PUT", storageUrl("/f"), Map.of());
		storage.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(503)));
		assertThatExceptionOfType(ChatBotKitStorageException.class)
			.isThrownBy(() -> upload(side, "f", FileContent.of(new ByteArrayInputStream(new byte[10]), 10, "once.bin"),
					UploadMode.DIRECT))
			.satisfies((ex) -> assertThat(ex.statusCode()).hasValue(503));
		storage.verify(1, anyRequestedFor(anyUrl()));
		api.verify(1, anyRequestedFor(anyUrl()));
	}

	static Stream<Arguments> refusedTickets() {
		String storageHost = "localhost:" + storage.getPort();
		return Stream.of(
				Arguments.of("plain http to a remote host",
						ticket("PUT", "http://files.example.com/f" + QUERY, Map.of()), "https"),
				Arguments.of("user info", ticket("PUT", "http://user:pw@" + storageHost + "/f" + QUERY, Map.of()),
						"user info"),
				Arguments.of("a relative URL", ticket("PUT", "/f" + QUERY, Map.of()), "absolute"),
				Arguments.of("another scheme", ticket("PUT", "ftp://" + storageHost + "/f" + QUERY, Map.of()),
						"absolute"),
				Arguments.of("not a URI", ticket("PUT", "http://" + storageHost + "/a b" + QUERY, Map.of()),
						"not a valid URI"),
				Arguments.of("a method without a body", ticket("DELETE", storageUrl("/f"), Map.of()), "DELETE"),
				Arguments.of("the secret in a header",
						ticket("PUT", storageUrl("/f"), Map.of("Authorization", "Bearer " + SECRET)), "secret"),
				Arguments.of("an engine header", ticket("PUT", storageUrl("/f"), Map.of("Host", "evil.example.com")),
						"Host"),
				Arguments.of("another length", ticket("PUT", storageUrl("/f"), Map.of("Content-Length", "99")),
						"length"),
				Arguments.of("a header that smuggles another",
						ticket("PUT", storageUrl("/f"), Map.of("X-Meta", "a\\r\\nHost: evil.example.com")),
						"control character"));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("refusedTicketsOnBothClients")
	void storageRequestBreakingARuleIsRefusedBeforeAnyIo(Side side, String rule, String ticket, String reason) {
		api.stubFor(post(anyUrl()).willReturn(WireMock.okJson(ticket)));
		ChatBotKitStorageException failure = catchThrowableOfType(
				() -> upload(side, "f", FileContent.of(new byte[10], "a.bin"), UploadMode.DIRECT));
		assertThat(failure.getMessage()).contains(reason).contains("nothing was sent");
		assertThat(failure.statusCode()).isEmpty();
		assertNoUrlSecret(failure);
		storage.verify(0, anyRequestedFor(anyUrl()));
		elsewhere.verify(0, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void plainHttpPointerToARemoteHostIsRefusedBeforeAnyIo(Side side) {
		api.stubFor(get(anyUrl()).willReturn(WireMock.okJson("{\"url\":\"http://files.example.com/f" + QUERY + "\"}")));
		assertThatExceptionOfType(ChatBotKitStorageException.class).isThrownBy(() -> download(side, "f"))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).contains("https").contains("http://files.example.com/f?******");
				assertNoUrlSecret(ex);
			});
	}

	static Stream<Arguments> unreadableTickets() {
		return Stream.of(Arguments.of("{\"id\":\"f\"}", "no 'uploadRequest'"),
				Arguments.of("{\"id\":\"f\",\"uploadRequest\":{\"method\":\"PUT\"}}", "'url'"),
				Arguments.of("{\"uploadRequest\":{\"method\":\"PUT\",\"url\":\"" + storageUrl("/f") + "\"}}", "'id'"),
				Arguments.of("{\"id\":\"f\",\"uploadRequest\":{\"method\":\"PUT\",\"url\":\"" + storageUrl("/f")
						+ "\",\"headers\":{\"x\":{\"y\":1}}}}", "not text"),
				Arguments.of("{\"id\":\"f\",\"uploadRequest\":{\"method\":\"PUT\",\"url\":\"" + storageUrl("/f")
						+ "\",\"headers\":[1]}}", "not an object"),
				Arguments.of("{\"id\":\"f\",\"uploadRequest\":{\"url\":\"" + storageUrl("/f") + "\" oops",
						"not valid JSON"));
	}

	@ParameterizedTest
	@MethodSource("unreadableTicketsOnBothClients")
	void unreadableAnswerIsDecodingExceptionThatNeverQuotesIt(Side side, String answer, String problem) {
		api.stubFor(post(anyUrl()).willReturn(WireMock.okJson(answer)));
		ChatBotKitDecodingException failure = catchThrowableOfType(
				() -> upload(side, "f", FileContent.of(new byte[10], "a.bin"), UploadMode.DIRECT),
				ChatBotKitDecodingException.class);
		assertThat(failure.getMessage()).contains(problem).contains("/file/{fileId}/upload");
		assertThat(failure.getCause()).isNull();
		assertNoUrlSecret(failure);
		storage.verify(0, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void contentShorterThanAnnouncedIsAnArgumentError(Side side) {
		stubTicket("f", "PUT", storageUrl("/f"), Map.of());
		storage.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(200)));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(
				() -> upload(side, "f", FileContent.of(new GeneratedContent(10), 100, "short.bin"), UploadMode.DIRECT))
			.withMessage("The content to upload ended after 10 of the 100 bytes announced");
	}

	/**
	 * Checked before the last bytes go out: the storage never gets the announced length
	 * of content that was cut to it. Announced sizes below and above the copy buffer. The
	 * aborted transfer goes to a storage of its own, so that nothing it leaves behind
	 * reaches another test's.
	 */
	@ParameterizedTest
	@MethodSource("longerSizesOnBothClients")
	void contentLongerThanAnnouncedIsAnArgumentErrorAndNeverReachesTheStorageWhole(Side side, long size) {
		WireMockServer own = new WireMockServer(wireMockConfig().dynamicPort());
		own.start();
		try {
			own.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(200)));
			stubTicket("f", "PUT", own.baseUrl() + "/f" + QUERY, Map.of());
			assertThatExceptionOfType(IllegalArgumentException.class)
				.isThrownBy(() -> upload(side, "f", FileContent.of(new GeneratedContent(size + 1), size, "long.bin"),
						UploadMode.DIRECT))
				.withMessage("The content to upload is longer than the " + size + " bytes announced");
			assertThat(own.getAllServeEvents()).noneMatch(
					(event) -> event.getRequest().getBody().length == size && event.getResponse().getStatus() == 200);
		}
		finally {
			own.stop();
		}
	}

	/**
	 * Announced as empty but not: refused too. (An empty body is whole as soon as the
	 * headers are out, which some engines send before the body is written, so the storage
	 * may have had the empty request: it goes to a storage of its own.)
	 */
	@ParameterizedTest
	@EnumSource(Side.class)
	void contentAnnouncedAsEmptyButNotIsAnArgumentError(Side side) {
		WireMockServer own = new WireMockServer(wireMockConfig().dynamicPort());
		own.start();
		try {
			own.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(200)));
			stubTicket("f", "PUT", own.baseUrl() + "/f" + QUERY, Map.of());
			assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(
					() -> upload(side, "f", FileContent.of(new GeneratedContent(1), 0, "long.bin"), UploadMode.DIRECT))
				.withMessage("The content to upload is longer than the 0 bytes announced");
		}
		finally {
			own.stop();
		}
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void contentThatCannotBeReadIsUncheckedIoException(Side side) {
		stubTicket("f", "PUT", storageUrl("/f"), Map.of());
		storage.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(200)));
		InputStream failing = new InputStream() {

			@Override
			public int read() throws IOException {
				throw new IOException("disk gone");
			}

		};
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> upload(side, "f", FileContent.of(failing, 100, "a.bin"), UploadMode.DIRECT))
			.satisfies((ex) -> assertThat(ex.getCause()).hasMessage("disk gone"));
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void downloadFollowsTheApisPointerToTheStorageWithoutTheClientsCredentials(Side side) throws IOException {
		api.stubFor(get(urlEqualTo("/api/v1/file/" + ENCODED_ID + "/download"))
			.willReturn(WireMock.okJson("{\"url\":\"" + storageUrl("/bucket/r.pdf") + "\"}")));
		storage.stubFor(get(anyUrl()).willReturn(FileClientTests.pdf("r.pdf")));
		try (Download download = download(side, ID)) {
			FileClientTests.assertPdf(download, "r.pdf");
		}
		api.verify(1, getRequestedFor(urlEqualTo("/api/v1/file/" + ENCODED_ID + "/download"))
			.withHeader("Authorization", equalTo("Bearer " + SECRET)));
		LoggedRequest fetch = onlyRequest(storage);
		assertThat(fetch.getUrl()).isEqualTo("/bucket/r.pdf" + QUERY);
		assertCarriesNothingOfTheClient(fetch, Set.of());
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void storageErrorOnDownloadIsATypedError(Side side) {
		api.stubFor(get(anyUrl()).willReturn(WireMock.okJson("{\"url\":\"" + storageUrl("/gone") + "\"}")));
		storage.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(404).withBody("NoSuchKey " + SIGNATURE)));
		ChatBotKitStorageException failure = catchThrowableOfType(() -> download(side, "f"));
		assertThat(failure.statusCode()).hasValue(404);
		assertThat(failure.getMessage()).contains("NoSuchKey").contains(storage.baseUrl() + "/gone?******");
		assertNoUrlSecret(failure);
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void downloadFromTheStorageClosedEarlyAbortsInsteadOfDraining(Side side) throws IOException {
		try (LargeAnswerServer large = FileClientTests.largeFile()) {
			api.stubFor(
					get(anyUrl()).willReturn(WireMock.okJson("{\"url\":\"" + large.url() + "/big" + QUERY + "\"}")));
			FileClientTests.assertClosingEarlyAborts(large, () -> download(side, "f"));
		}
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void urlNeverAppearsInMessagesCausesOrLogs(Side side, CapturedOutput output) {
		LOG_LEVELS.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
		List<Throwable> failures = new ArrayList<>();
		stubTicket("f", "PUT", storageUrl("/f"),
				Map.of("x-amz-security-token", TOKEN, "Content-Type", "application/octet-stream"));
		storage.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(200)));
		upload(side, "f", FileContent.of(new byte[10], "ok.bin"), UploadMode.DIRECT);
		storage.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(500).withBody("failed " + storageUrl("/f"))));
		failures.add(catchThrowable(() -> upload(side, "f", FileContent.of(new byte[10], "a.bin"), UploadMode.DIRECT)));
		storage.stubFor(put(anyUrl()).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
		failures.add(catchThrowable(() -> upload(side, "f", FileContent.of(new byte[10], "a.bin"), UploadMode.DIRECT)));
		stubTicket("f", "PUT",
				storageUrl("/f").replace("localhost", "127.0.0.1").replace(":" + storage.getPort(), ":" + closedPort()),
				Map.of());
		failures.add(catchThrowable(() -> upload(side, "f", FileContent.of(new byte[10], "a.bin"), UploadMode.DIRECT)));
		api.stubFor(get(anyUrl()).willReturn(WireMock.okJson("{\"url\":\"" + storageUrl("/g") + "\"}")));
		storage.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(403).withBody(storageUrl("/g"))));
		failures.add(catchThrowable(() -> download(side, "f")));
		api.stubFor(get(anyUrl()).willReturn(WireMock.okJson("{\"url\":\"http://x.example.com/g" + QUERY + "\"}")));
		failures.add(catchThrowable(() -> download(side, "f")));
		assertThat(failures).hasSize(5).allSatisfy((failure) -> {
			assertThat(failure).isInstanceOf(ChatBotKitStorageException.class);
			assertNoUrlSecret(failure);
		});
		// proof that debug logging was on and captured
		assertThat(output).contains("Storage transfer PUT " + storage.baseUrl() + "/f?******");
		for (String secret : URL_SECRETS) {
			assertThat(output).doesNotContain(secret);
		}
	}

	@Test
	void engineRequestLineLoggingIsWarnedAbout(CapturedOutput output) {
		((Logger) LoggerFactory.getLogger(ENGINE_REQUEST_LOG)).setLevel(Level.DEBUG);
		stubTicket("f", "PUT", storageUrl("/f"), Map.of());
		storage.stubFor(put(anyUrl()).willReturn(aResponse().withStatus(200)));
		this.files.upload("f", FileContent.of(new byte[10], "a.bin"), UploadMode.DIRECT);
		assertThat(output).contains("WARN").contains("DEBUG logging of '" + ENGINE_REQUEST_LOG + "'");
	}

	static Stream<Arguments> refusedTicketsOnBothClients() {
		return onBothClients(refusedTickets());
	}

	static Stream<Arguments> unreadableTicketsOnBothClients() {
		return onBothClients(unreadableTickets());
	}

	static Stream<Arguments> longerSizesOnBothClients() {
		return onBothClients(Stream.of(Arguments.of(100L), Arguments.of(5L * 1024 * 1024 + 17)));
	}

	/**
	 * Each case once on each client.
	 */
	private static Stream<Arguments> onBothClients(Stream<Arguments> cases) {
		List<Arguments> each = cases.toList();
		return Stream.of(Side.values()).flatMap((side) -> each.stream().map((arguments) -> {
			List<Object> withSide = new ArrayList<>(List.of(arguments.get()));
			withSide.add(0, side);
			return Arguments.of(withSide.toArray());
		}));
	}

	private void upload(Side side, String fileId, FileContent content) {
		upload(side, fileId, content, UploadMode.AUTO);
	}

	/**
	 * Upload on one of the clients; the reactive one's failure signal is thrown as it is.
	 */
	private void upload(Side side, String fileId, FileContent content, UploadMode mode) {
		if (side == Side.BLOCKING) {
			this.files.upload(fileId, content, mode);
		}
		else {
			this.reactiveFiles.upload(fileId, content, mode).block(HANG_GUARD);
		}
	}

	/**
	 * Download on one of the clients, the reactive one's bytes read through a stream that
	 * asks for them as they are read and cancels when closed.
	 */
	private Download download(Side side, String fileId) {
		if (side == Side.BLOCKING) {
			return this.files.download(fileId);
		}
		ReactiveDownload download = this.reactiveFiles.download(fileId).block(HANG_GUARD);
		assertThat(download).isNotNull();
		return new Download(download.headers(), DataBufferUtils.subscriberInputStream(download.body(), 1));
	}

	private static String observedUri(Observation.Context context) {
		if (context instanceof ClientRequestObservationContext blocking) {
			return String.valueOf(blocking.getCarrier().getURI());
		}
		ClientRequest request = ((org.springframework.web.reactive.function.client.ClientRequestObservationContext) context)
			.getRequest();
		return String.valueOf((request != null) ? request.url() : null);
	}

	private static int closedPort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String storageUrl(String path) {
		return storage.baseUrl() + path + QUERY;
	}

	private static void stubTicket(String encodedId, String method, String url, Map<String, String> headers) {
		api.stubFor(post(urlEqualTo("/api/v1/file/" + encodedId + "/upload"))
			.willReturn(WireMock.okJson(ticket(method, url, headers))));
	}

	private static String ticket(String method, String url, Map<String, String> headers) {
		StringBuilder json = new StringBuilder("{\"id\":\"f\",\"extra\":1,\"uploadRequest\":{\"method\":\"")
			.append(method)
			.append("\",\"url\":\"")
			.append(url)
			.append("\",\"headers\":{");
		headers.forEach((name, value) -> json.append('"').append(name).append("\":\"").append(value).append("\","));
		if (!headers.isEmpty()) {
			json.setLength(json.length() - 1);
		}
		return json.append("}}}").toString();
	}

	private static LoggedRequest onlyRequest(WireMockExtension server) {
		assertThat(server.getAllServeEvents()).hasSize(1);
		return server.getAllServeEvents().get(0).getRequest();
	}

	private static void assertCarriesNothingOfTheClient(LoggedRequest request, Set<String> asked) {
		Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
		request.getHeaders().all().stream().map(HttpHeader::key).forEach(names::add);
		for (String header : CLIENT_HEADERS) {
			assertThat(request.containsHeader(header)).as(header).isFalse();
		}
		assertThat(names).allSatisfy((name) -> assertThat(asked.contains(name.toLowerCase(java.util.Locale.ROOT))
				|| ENGINE_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT)))
			.as(name + " was neither asked for nor an engine header")
			.isTrue());
		request.getHeaders()
			.all()
			.forEach((header) -> assertThat(header.values()).noneMatch((v) -> v.contains(SECRET)));
	}

	private static void assertGenerated(byte[] bytes, long size) {
		assertThat(bytes).hasSize((int) size);
		for (int i = 0; i < bytes.length; i++) {
			if ((bytes[i] & 0xFF) != GeneratedContent.byteAt(i)) {
				throw new AssertionError("Byte " + i + " differs");
			}
		}
	}

	private static void assertNoUrlSecret(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			for (String secret : URL_SECRETS) {
				assertThat(String.valueOf(cause)).doesNotContain(secret);
				for (Throwable suppressed : cause.getSuppressed()) {
					assertThat(String.valueOf(suppressed)).doesNotContain(secret);
				}
			}
		}
		if (failure instanceof ChatBotKitStorageException storageFailure) {
			assertThat(storageFailure.location()).doesNotContain(SIGNATURE);
		}
	}

	private static ChatBotKitStorageException catchThrowableOfType(Runnable call) {
		return catchThrowableOfType(call, ChatBotKitStorageException.class);
	}

	private static <T extends ChatBotKitException> T catchThrowableOfType(Runnable call, Class<T> type) {
		Throwable failure = catchThrowable(call::run);
		assertThat(failure).isInstanceOf(type);
		return type.cast(failure);
	}

	private static long allocatedBy(Runnable action) {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
		long before = threads.getCurrentThreadAllocatedBytes();
		action.run();
		return threads.getCurrentThreadAllocatedBytes() - before;
	}

	private static ObservationRegistry observations(List<Observation.Context> observed) {
		ObservationRegistry registry = ObservationRegistry.create();
		// the filter sees every observation that stops; one handler makes them real
		registry.observationConfig().observationHandler((context) -> true).observationFilter((context) -> {
			observed.add(context);
			return context;
		});
		return registry;
	}

}
