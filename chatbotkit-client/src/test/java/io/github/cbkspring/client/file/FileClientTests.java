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
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.TestClients;
import io.github.cbkspring.client.core.Download;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.Page;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.core.SortOrder;
import io.github.cbkspring.client.core.Visibility;
import io.github.cbkspring.client.error.ChatBotKitDecodingException;
import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.client.error.ChatBotKitHttpException;
import io.github.cbkspring.client.error.ChatBotKitNotFoundException;
import io.github.cbkspring.client.error.ChatBotKitServerException;
import io.github.cbkspring.client.file.FileOperations.Side;
import io.github.cbkspring.testsupport.ApiStub;
import io.github.cbkspring.testsupport.HeldAnswer;
import io.github.cbkspring.testsupport.LargeAnswerServer;
import io.github.cbkspring.testsupport.LoopbackServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.cbkspring.testsupport.ApiStub.ENCODED_ID;
import static io.github.cbkspring.testsupport.ApiStub.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests for {@link FileClient}'s records, inline uploads and downloads of bytes against
 * WireMock over real sockets; the direct upload and the storage are in
 * {@link FileStorageTests}.
 *
 * @author cbkspring contributors
 */
class FileClientTests {

	static final String FILE_JSON = """
			{"id":"file-1","alias":"handbook","name":"Handbook","description":"For staff","meta":{"team":"a"},
			 "blueprintId":"bp-1","visibility":"protected","createdAt":1767225600000,"updatedAt":1767225601000,
			 "newField":{"x":1}}
			""";

	static final FileInfo FILE = new FileInfo("file-1", "handbook", "Handbook", "For staff", Map.of("team", "a"),
			"bp-1", Visibility.PROTECTED, Instant.ofEpochMilli(1767225600000L), Instant.ofEpochMilli(1767225601000L));

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	private final FileClient files = TestClients.client(api).files();

	/**
	 * The operations of a client of either side, with the options of {@link #files}.
	 */
	private FileOperations files(Side side) {
		return side.on(this.files.transport().options());
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void listSendsEveryQueryParameterAndMapsThePage(Side side) {
		ApiStub.stubGet(api, "/file/list?cursor=c+1&order=desc&take=2&meta.team=a%26b",
				"{\"items\":[" + FILE_JSON + "],\"cursor\":\"c2\",\"extra\":1}");
		Page<FileInfo> page = files(side)
			.list(ListQuery.defaults().withCursor("c 1").withOrder(SortOrder.DESC).withTake(2).withMeta("team", "a&b"));
		assertThat(page).isEqualTo(new Page<>(List.of(FILE), "c2"));
		ApiStub.verifyGet(api, "/file/list?cursor=c+1&order=desc&take=2&meta.team=a%26b");
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void listAllWalksThreePagesUntilTheApiSignalsTheEnd(Side side) {
		ApiStub.stubGet(api, "/file/list?take=1", "{\"items\":[" + FILE_JSON + "],\"cursor\":\"p2\"}");
		ApiStub.stubGet(api, "/file/list?cursor=p2&take=1", "{\"items\":[" + FILE_JSON + "],\"cursor\":\"p3\"}");
		ApiStub.stubGet(api, "/file/list?cursor=p3&take=1", "{\"items\":[],\"cursor\":\"p4\"}");
		assertThat(files(side).listAll(ListQuery.defaults().withTake(1))).containsExactly(FILE, FILE);
		api.verify(3, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void fetchEncodesTheIdAndMapsEveryField(Side side) {
		ApiStub.stubGet(api, "/file/" + ENCODED_ID + "/fetch", FILE_JSON);
		assertThat(files(side).fetch(ID)).isEqualTo(FILE);
		ApiStub.verifyGet(api, "/file/" + ENCODED_ID + "/fetch");
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void fetchOfAMinimalFileLeavesOptionalFieldsEmpty(Side side) {
		ApiStub.stubGet(api, "/file/f/fetch", "{\"id\":\"f\",\"createdAt\":1,\"updatedAt\":2,\"visibility\":\"team\"}");
		FileInfo file = files(side).fetch("f");
		assertThat(file.name()).isNull();
		assertThat(file.meta()).isEmpty();
		assertThat(file.visibility()).isEqualTo(Visibility.UNKNOWN);
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void fetchWithoutARequiredFieldIsDecodingException(Side side) {
		ApiStub.stubGet(api, "/file/f/fetch", "{\"id\":\"f\",\"createdAt\":1}");
		assertThatExceptionOfType(ChatBotKitDecodingException.class).isThrownBy(() -> files(side).fetch("f"))
			.withMessageContaining("updatedAt");
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void createSendsEverySetFieldAndReturnsTheId(Side side) {
		ApiStub.stubPost(api, "/file/create", "{\"id\":\"file-9\",\"extra\":true}");
		String id = files(side).create(FileRequest.builder()
			.alias("handbook")
			.name("Handbook")
			.description("For staff")
			.meta("team", "a")
			.blueprintId("bp-1")
			.visibility(Visibility.PRIVATE)
			.build());
		assertThat(id).isEqualTo("file-9");
		ApiStub.verifyPost(api, "/file/create", """
				{"alias":"handbook","name":"Handbook","description":"For staff","meta":{"team":"a"},
				 "blueprintId":"bp-1","visibility":"private"}
				""");
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void updateSendsOnlyTheFieldsThatAreSet(Side side) {
		ApiStub.stubPost(api, "/file/" + ENCODED_ID + "/update", "{\"id\":\"x\"}");
		files(side).update(ID, FileRequest.builder().description("New").build());
		ApiStub.verifyPost(api, "/file/" + ENCODED_ID + "/update", "{\"description\":\"New\"}");
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void updateSendsAnEmptyTextToClearIt(Side side) {
		ApiStub.stubPost(api, "/file/f/update", "{\"id\":\"f\"}");
		files(side).update("f", FileRequest.builder().description("").build());
		ApiStub.verifyPost(api, "/file/f/update", "{\"description\":\"\"}");
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void deleteSendsAnEmptyObject(Side side) {
		ApiStub.stubPost(api, "/file/" + ENCODED_ID + "/delete", "{\"id\":\"x\"}");
		files(side).delete(ID);
		ApiStub.verifyPost(api, "/file/" + ENCODED_ID + "/delete", "{}");
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void smallContentIsUploadedInlineAsTheFilePart(Side side) {
		ApiStub.stubPost(api, "/file/" + ENCODED_ID + "/upload", "{\"id\":\"x\",\"extra\":1}");
		files(side).upload(ID, FileContent.of("# Hello".getBytes(StandardCharsets.UTF_8), "notes.txt"));
		api.verify(1,
				postRequestedFor(urlEqualTo("/api/v1/file/" + ENCODED_ID + "/upload"))
					.withHeader("Authorization", equalTo("Bearer " + ApiStub.SECRET))
					.withHeader("Content-Type", containing("multipart/form-data"))
					.withAnyRequestBodyPart(aMultipart().withName("file")
						.withHeader("Content-Disposition", containing("filename=\"notes.txt\""))
						.withHeader("Content-Type", equalTo("text/plain"))
						.withBody(binaryEqualTo("# Hello".getBytes(StandardCharsets.UTF_8)))));
		api.verify(1, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void inlineUploadOfBytesOrAStreamWithAContentTypeSendsThatType(Side side) {
		ApiStub.stubPost(api, "/file/f/upload", "{\"id\":\"f\"}");
		byte[] csv = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
		MediaType type = MediaType.parseMediaType("text/csv");
		files(side).upload("f", FileContent.of(csv, "export", type));
		files(side).upload("f", FileContent.of(new ByteArrayInputStream(csv), csv.length, "export", type));
		api.verify(2,
				postRequestedFor(urlEqualTo("/api/v1/file/f/upload"))
					.withAnyRequestBodyPart(aMultipart().withName("file")
						.withHeader("Content-Disposition", containing("filename=\"export\""))
						.withHeader("Content-Type", equalTo("text/csv"))
						.withBody(binaryEqualTo(csv))));
		api.verify(2, anyRequestedFor(anyUrl()));
	}

	/**
	 * A stream sent in the request is read before anything is sent, so a length that does
	 * not match its announced size never reaches the API as a part of the wrong length.
	 */
	@ParameterizedTest
	@CsvSource({ "2, 3, ended after 2 of the 3 bytes announced", "3, 2, longer than the 2 bytes announced",
			"0, 1, ended after 0 of the 1 bytes announced", "1, 0, longer than the 0 bytes announced" })
	void inlineStreamWhoseLengthIsNotItsSizeIsRefusedBeforeSending(int length, long size, String problem) {
		ApiStub.stubPost(api, "/file/f/upload", "{\"id\":\"f\"}");
		FileContent content = FileContent.of(new ByteArrayInputStream(new byte[length]), size, "a.bin");
		assertThatIllegalArgumentException().isThrownBy(() -> this.files.upload("f", content))
			.withMessageContaining(problem);
		api.verify(0, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void autoUploadsInlineUpToTheLimitInclusive(Side side) {
		ApiStub.stubPost(api, "/file/f/upload", "{\"id\":\"f\"}");
		long limit = FileClient.INLINE_UPLOAD_LIMIT;
		files(side).upload("f", FileContent.of(new GeneratedContent(limit), limit, "limit.bin"));
		assertThat(api.getAllServeEvents()).singleElement()
			.satisfies((event) -> assertThat(event.getRequest().getHeader("Content-Type"))
				.startsWith("multipart/form-data"));
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void inlineCanBeForcedAboveTheLimit(Side side) {
		ApiStub.stubPost(api, "/file/f/upload", "{\"id\":\"f\"}");
		long size = FileClient.INLINE_UPLOAD_LIMIT + 1;
		files(side).upload("f", FileContent.of(new GeneratedContent(size), size, "big.bin"), UploadMode.INLINE);
		assertThat(api.getAllServeEvents()).singleElement()
			.satisfies((event) -> assertThat(event.getRequest().getHeader("Content-Type"))
				.startsWith("multipart/form-data"));
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void inlineContentTooLargeForTheApiIsContentTooLarge(Side side) {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(413).withBody("Request Entity Too Large")));
		assertThatExceptionOfType(ChatBotKitHttpException.class)
			.isThrownBy(() -> files(side).upload("f", FileContent.of(new byte[10], "a.bin"), UploadMode.INLINE))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("CONTENT_TOO_LARGE"));
	}

	/**
	 * A stream sent in the request is read first (its length checked), so it can be sent
	 * again like bytes; one above the inline limit is streamed, and never sent twice.
	 */
	@ParameterizedTest
	@EnumSource(Side.class)
	void inlineUploadOfAStreamUpToTheLimitIsRetriedLikeBytesButAboveItNever(Side side) {
		FileOperations retrying = files(side).withOptions((options) -> options
			.retry(RetryOptions.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(2))));
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503)));
		assertThatExceptionOfType(ChatBotKitServerException.class).isThrownBy(() -> retrying.upload("f",
				FileContent.of(new ByteArrayInputStream(new byte[] { 1, 2 }), 2, "a.bin"), UploadMode.INLINE));
		api.verify(3, anyRequestedFor(anyUrl()));
		api.resetRequests();
		assertThatExceptionOfType(ChatBotKitServerException.class)
			.isThrownBy(() -> retrying.upload("f", FileContent.of(new byte[] { 1, 2 }, "a.bin"), UploadMode.INLINE));
		api.verify(3, anyRequestedFor(anyUrl()));
		api.resetRequests();
		long size = FileClient.INLINE_UPLOAD_LIMIT + 1;
		assertThatExceptionOfType(ChatBotKitServerException.class).isThrownBy(() -> retrying.upload("f",
				FileContent.of(new GeneratedContent(size), size, "big.bin"), UploadMode.INLINE));
		api.verify(1, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void downloadStreamsTheBytesWithTheirHeaders(Side side) throws IOException {
		api.stubFor(get(urlEqualTo("/api/v1/file/" + ENCODED_ID + "/download")).willReturn(pdf("report.pdf")));
		try (Download download = files(side).download(ID)) {
			assertThat(download).asString().contains("application/pdf", "8", "report.pdf");
			assertPdf(download, "report.pdf");
		}
		ApiStub.verifyGet(api, "/file/" + ENCODED_ID + "/download");
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void downloadFileNameIsDecodedAndReducedToItsLastSegment(Side side) {
		api.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/plain")
			.withHeader("Content-Disposition", "attachment; filename*=UTF-8''..%2F..%2Fr%C3%A9sum%C3%A9.txt")
			.withBody("x")));
		try (Download download = files(side).download("f")) {
			assertThat(download.filename()).isEqualTo("résumé.txt");
		}
		api.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Disposition", "attachment; filename=\"..\"")
			.withBody("x")));
		try (Download download = files(side).download("f")) {
			assertThat(download.filename()).isNull();
			assertThat(download.contentType()).isNull();
		}
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void downloadAsResourceKnowsItsNameAndLengthWithoutReadingTheStream(Side side) throws IOException {
		api.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/csv")
			.withHeader("Content-Disposition", "attachment; filename=\"export.csv\"")
			.withHeader("Content-Length", "8")
			.withBody("a,b\n1,2\n")));
		try (Download download = files(side).download("f")) {
			org.springframework.core.io.Resource resource = download.asResource();
			assertThat(resource.getFilename()).isEqualTo("export.csv");
			assertThat(resource.contentLength()).isEqualTo(8);
			try (InputStream stream = resource.getInputStream()) {
				assertThat(stream.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("a,b\n1,2\n");
			}
		}
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void downloadIsNotBoundByTheMaximumAnswerSize(Side side, @TempDir Path directory) throws IOException {
		FileOperations small = files(side).withOptions((options) -> options.maxResponseSize(1024));
		byte[] content = new byte[3 * 1024 * 1024];
		new java.util.Random(7).nextBytes(content);
		api.stubFor(get(anyUrl()).willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream").withBody(content)));
		Path target = directory.resolve("copy.bin");
		assertThat(small.downloadTo("f", target)).isEqualTo(content.length);
		assertThat(Files.readAllBytes(target)).isEqualTo(content);
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void downloadToAnExistingFileIsRefusedBeforeAnyCallUnlessReplacing(Side side, @TempDir Path directory)
			throws IOException {
		api.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withBody("new")));
		Path target = Files.writeString(directory.resolve("a.txt"), "old");
		assertThatExceptionOfType(FileAlreadyExistsException.class)
			.isThrownBy(() -> files(side).downloadTo("f", target))
			.withMessageContaining(target.toString())
			.withMessageContaining("REPLACE_EXISTING");
		assertThat(api.getAllServeEvents()).isEmpty();
		assertThat(target).hasContent("old");
		assertThat(files(side).downloadTo("f", target, StandardCopyOption.REPLACE_EXISTING)).isEqualTo(3);
		assertThat(target).hasContent("new");
		assertThat(directory).isDirectoryContaining((path) -> path.equals(target))
			.isDirectoryNotContaining((path) -> !path.equals(target));
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void downloadToADirectoryThatDoesNotExistIsRefusedBeforeAnyCall(Side side, @TempDir Path directory) {
		Path target = directory.resolve("missing").resolve("a.txt");
		assertThatExceptionOfType(NoSuchFileException.class).isThrownBy(() -> files(side).downloadTo("f", target))
			.withMessageContaining(directory.resolve("missing").toString());
		assertThatExceptionOfType(NoSuchFileException.class)
			.isThrownBy(() -> files(side).downloadTo("f", target, StandardCopyOption.REPLACE_EXISTING));
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	/**
	 * A file created while the bytes were on their way is not replaced: the target is
	 * checked again when they are moved into place.
	 */
	@ParameterizedTest
	@EnumSource(Side.class)
	void downloadToAFileCreatedMeanwhileIsRefusedAndLeavesItAsItIs(Side side, @TempDir Path directory)
			throws Exception {
		Path target = directory.resolve("a.txt");
		try (HeldAnswer held = new HeldAnswer("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nnew");
				LoopbackServer server = new LoopbackServer(held, Duration.ofMinutes(2), false)) {
			FileOperations files = files(side).withOptions((options) -> options.url(server.url()));
			CompletableFuture<Long> written = CompletableFuture.supplyAsync(() -> {
				try {
					return files.downloadTo("f", target);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			held.awaitRequest();
			Files.writeString(target, "theirs");
			held.release();
			assertThat(written).failsWithin(FileOperations.HANG_GUARD)
				.withThrowableOfType(ExecutionException.class)
				.havingCause()
				.isInstanceOf(UncheckedIOException.class)
				.havingCause()
				.isInstanceOf(FileAlreadyExistsException.class);
		}
		assertThat(target).hasContent("theirs");
		assertThat(directory).isDirectoryNotContaining((path) -> !path.equals(target));
	}

	/**
	 * A download that fails after the call was answered leaves the file it was to replace
	 * as it was, and no partial file: neither the target nor the temporary file the bytes
	 * were written to.
	 */
	@ParameterizedTest
	@CsvSource({ "BLOCKING, CUT_OFF", "BLOCKING, MALFORMED_CHUNK", "BLOCKING, STORAGE_UNAVAILABLE", "REACTIVE, CUT_OFF",
			"REACTIVE, MALFORMED_CHUNK", "REACTIVE, STORAGE_UNAVAILABLE" })
	void downloadToThatFailsLeavesTheFileItWasToReplaceAsItWas(Side side, BodyFailure failure, @TempDir Path directory)
			throws IOException {
		Path target = Files.writeString(directory.resolve("a.txt"), "old");
		try (LoopbackServer cutOff = cutOff()) {
			FileOperations files = failure.on(files(side), cutOff);
			assertThatException().isThrownBy(() -> files.downloadTo("f", target, StandardCopyOption.REPLACE_EXISTING));
		}
		assertThat(target).hasContent("old");
		assertThat(directory).isDirectoryNotContaining((path) -> !path.equals(target));
	}

	@ParameterizedTest
	@CsvSource({ "BLOCKING, CUT_OFF", "BLOCKING, MALFORMED_CHUNK", "BLOCKING, STORAGE_UNAVAILABLE", "REACTIVE, CUT_OFF",
			"REACTIVE, MALFORMED_CHUNK", "REACTIVE, STORAGE_UNAVAILABLE" })
	void downloadToThatFailsLeavesNoFile(Side side, BodyFailure failure, @TempDir Path directory) throws IOException {
		try (LoopbackServer cutOff = cutOff()) {
			FileOperations files = failure.on(files(side), cutOff);
			Throwable thrown = catchThrowable(() -> files.downloadTo("f", directory.resolve("a.txt")));
			// the reactive client signals a connection failure as a ChatBotKitException
			if (failure == BodyFailure.CUT_OFF && side == Side.BLOCKING) {
				assertThat(thrown).isInstanceOf(IOException.class);
			}
			else {
				assertThat(thrown).isInstanceOfAny(IOException.class, ChatBotKitException.class);
			}
		}
		assertThat(directory).isEmptyDirectory();
	}

	/**
	 * A server that answers with a thousand of the million bytes it announced, and then
	 * closes the connection.
	 */
	private static LoopbackServer cutOff() {
		return new LoopbackServer((head) -> "HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n" + "x".repeat(1000),
				Duration.ofMillis(50), false);
	}

	/**
	 * How a download fails after the call was answered.
	 */
	enum BodyFailure {

		/** The connection is closed before the body announced is whole. */
		CUT_OFF {
			@Override
			FileOperations on(FileOperations files, LoopbackServer cutOff) {
				return files.withOptions((options) -> options.url(cutOff.url()));
			}
		},

		/** The answer's headers arrive, then bytes that are not a chunk. */
		MALFORMED_CHUNK {
			@Override
			FileOperations on(FileOperations files, LoopbackServer cutOff) {
				api.stubFor(get(anyUrl()).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
				return files;
			}
		},

		/** The API points at its storage, which is unavailable. */
		STORAGE_UNAVAILABLE {
			@Override
			FileOperations on(FileOperations files, LoopbackServer cutOff) {
				api.stubFor(get(urlPathEqualTo("/storage/f.bin")).willReturn(aResponse().withStatus(503)));
				api.stubFor(get(urlPathEqualTo("/api/v1/file/f/download"))
					.willReturn(WireMock.okJson("{\"url\":\"" + api.baseUrl() + "/storage/f.bin?sig=s3cr3t\"}")));
				return files;
			}
		};

		abstract FileOperations on(FileOperations files, LoopbackServer cutOff);

	}

	/**
	 * A stream can be uploaded once, whichever way: a second upload fails before anything
	 * is sent, with a message that says how to upload content more than once.
	 */
	@ParameterizedTest
	@CsvSource({ "BLOCKING, INLINE, 2", "BLOCKING, INLINE, 4194305", "BLOCKING, DIRECT, 2", "REACTIVE, INLINE, 2",
			"REACTIVE, INLINE, 4194305", "REACTIVE, DIRECT, 2" })
	void aStreamUploadedOnceCannotBeUploadedAgain(Side side, UploadMode mode, long size) {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503)));
		FileContent content = FileContent.of(new GeneratedContent(size), size, "export.csv");
		assertThatExceptionOfType(ChatBotKitServerException.class)
			.isThrownBy(() -> files(side).upload("f", content, mode));
		api.verify(1, anyRequestedFor(anyUrl()));
		api.resetRequests();
		assertThatIllegalStateException().isThrownBy(() -> files(side).upload("f", content, mode))
			.withMessageContaining("'export.csv' of " + size + " bytes, can be read once and was already read")
			.withMessageContaining("FileContent.of(byte[], name), FileContent.of(Path)")
			.withMessageNotContaining(ApiStub.SECRET);
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void downloadOfAFileWithoutContentYetIsEmpty(Side side) throws IOException {
		api.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(204)));
		try (Download download = files(side).download("f")) {
			assertThat(download.inputStream().readAllBytes()).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void downloadOfAMissingFileIsNotFound(Side side) {
		api.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"message\":\"File not found\",\"code\":\"NOT_FOUND\"}")));
		assertThatExceptionOfType(ChatBotKitNotFoundException.class).isThrownBy(() -> files(side).download("f"))
			.withMessageContaining("File not found");
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void downloadClosedEarlyAbortsInsteadOfDrainingTheRest(Side side) throws IOException {
		try (LargeAnswerServer server = largeFile()) {
			FileOperations files = side.on(TestClients.client(server.url()).options());
			assertClosingEarlyAborts(server, () -> files.download("f"));
		}
	}

	/**
	 * A server answering every request with {@link LargeAnswerServer#SIZE} bytes of
	 * zeros.
	 */
	static LargeAnswerServer largeFile() {
		return new LargeAnswerServer("200 OK", "Content-Type: application/octet-stream\r\n",
				new byte[LargeAnswerServer.SIZE]);
	}

	/**
	 * Read the first byte of a {@link #largeFile()} and close: the client aborts, the
	 * rest of the body is never sent.
	 */
	static void assertClosingEarlyAborts(LargeAnswerServer server, java.util.function.Supplier<Download> call)
			throws IOException {
		try (Download download = call.get()) {
			assertThat(download.inputStream().read()).isZero();
		}
		server.assertEveryAnswerAbandoned();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"rows\":[1,2,3]}", "{\"url\":5}", "[\"url\"]", "not JSON after all" })
	void aJsonAnswerThatIsNotAPointerIsAFileStreamedAsItIs(String json) throws IOException {
		api.stubFor(get(anyUrl()).willReturn(WireMock.okJson(json)));
		try (Download download = this.files.download("f")) {
			assertThat(download.inputStream().readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo(json);
		}
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void aLargeJsonFileIsStreamedWhole(Side side) throws IOException {
		String json = "[" + "1,".repeat(20_000) + "1]";
		api.stubFor(get(anyUrl()).willReturn(WireMock.okJson(json)));
		try (Download download = files(side).download("f")) {
			assertThat(download.inputStream().readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo(json);
		}
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void contentWhoseFileIsGoneIsUncheckedIoException(Side side, @TempDir Path directory) throws IOException {
		Path file = Files.writeString(directory.resolve("gone.txt"), "hello");
		FileContent content = FileContent.of(file);
		Files.delete(file);
		assertThatExceptionOfType(java.io.UncheckedIOException.class)
			.isThrownBy(() -> files(side).upload("f", content, UploadMode.DIRECT))
			.withMessageContaining("gone.txt");
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(Side.class)
	void badArgumentsAreRefusedBeforeAnyCall(Side side) {
		assertThatIllegalArgumentException().isThrownBy(() -> files(side).fetch(".."));
		assertThatIllegalArgumentException().isThrownBy(() -> files(side).download("."));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> files(side).upload("..", FileContent.of(new byte[1], "a.bin")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> files(side).upload("..", FileContent.of(new byte[1], "a.bin"), UploadMode.DIRECT));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FileRequest.builder().visibility(Visibility.UNKNOWN).build());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FileContent.of(new InputStreamResource(new ByteArrayInputStream(new byte[1])), "a.bin"));
		assertThatIllegalArgumentException().isThrownBy(() -> FileContent.of(new ByteArrayResource(new byte[1])));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FileContent.of(new ByteArrayInputStream(new byte[1]), -1, "a.bin"));
		assertThatIllegalArgumentException().isThrownBy(() -> FileContent.of(new byte[1], " "));
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void contentTypeIsDerivedFromTheNameUnlessSet(@TempDir Path directory) throws IOException {
		assertThat(FileContent.of(new byte[1], "a.pdf").contentType()).isEqualTo(MediaType.APPLICATION_PDF);
		assertThat(FileContent.of(new byte[1], "a.unknown-ext").contentType())
			.isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
		FileContent content = FileContent.of(Files.writeString(directory.resolve("a.txt"), "hello"))
			.withName("b.csv")
			.withContentType(MediaType.TEXT_PLAIN);
		assertThat(content.name()).isEqualTo("b.csv");
		assertThat(content.contentType()).isEqualTo(MediaType.TEXT_PLAIN);
		assertThat(content.size()).isEqualTo(5);
		assertThat(content).asString().isEqualTo("FileContent[name=b.csv, contentType=text/plain, size=5]");
	}

	/**
	 * An answer of a small PDF file with its headers.
	 */
	static ResponseDefinitionBuilder pdf(String filename) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/pdf")
			.withHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"")
			.withHeader("Content-Length", "8")
			.withBody("%PDF-1.7");
	}

	/**
	 * Check that a download is the file of {@link #pdf(String)}.
	 */
	static void assertPdf(Download download, String filename) throws IOException {
		assertThat(download.contentType()).isEqualTo(MediaType.APPLICATION_PDF);
		assertThat(download.contentLength()).isEqualTo(8);
		assertThat(download.filename()).isEqualTo(filename);
		assertThat(download.inputStream().readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("%PDF-1.7");
	}

	@Test
	void toStringNamesTheClientButNotTheSecret() {
		assertThat(this.files).asString().startsWith("FileClient[").doesNotContain(ApiStub.SECRET);
		assertThat(this.files.transport()).isNotNull();
	}

}
