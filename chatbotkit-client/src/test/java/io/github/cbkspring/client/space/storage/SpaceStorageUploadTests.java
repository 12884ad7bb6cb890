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

package io.github.cbkspring.client.space.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.TestClients;
import io.github.cbkspring.client.core.FileUpload;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.error.ChatBotKitHttpException;
import io.github.cbkspring.client.error.ChatBotKitServerException;
import io.github.cbkspring.testsupport.ApiStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the upload of a file's bytes to a space's storage
 * ({@link SpaceStorageClient#upload(String, String, FileUpload)}) against WireMock over
 * real sockets: the bytes go as the {@code file} part of a {@code multipart/form-data}
 * body, to the path of segments, as the hand-written file client sends its content.
 *
 * @author cbkspring contributors
 */
class SpaceStorageUploadTests {

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	@TempDir
	Path directory;

	@Test
	void theBytesOfAFileGoAsTheFilePartToTheEncodedPath() throws IOException {
		byte[] bytes = { 'P', 'K', 3, 4, 0, (byte) 0xff, (byte) 0x80, '\n' };
		Path file = Files.write(this.directory.resolve("plan.zip"), bytes);
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":\"u-1\",\"path\":\"docs/q 1/plan.zip\"}")));
		SpaceStorageUploadResponse answer = TestClients.client(api)
			.spaces()
			.storage()
			.upload("space-1", "docs/q 1/plan.zip", FileUpload.of(new FileSystemResource(file)));
		assertThat(answer.id()).isEqualTo("u-1");
		assertThat(answer.path()).isEqualTo("docs/q 1/plan.zip");
		assertThat(answer.uploadRequest()).isNull();
		api.verify(1,
				postRequestedFor(urlEqualTo("/api/v1/space/space-1/storage/upload/docs/q%201/plan.zip"))
					.withHeader("Authorization", equalTo("Bearer " + ApiStub.SECRET))
					.withHeader("Content-Type", containing("multipart/form-data"))
					.withAnyRequestBodyPart(aMultipart().withName("file")
						.withHeader("Content-Disposition", containing("filename=\"plan.zip\""))
						.withBody(binaryEqualTo(bytes))));
		api.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void contentTooLargeForTheApiIsContentTooLarge() {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(413).withBody("Request Entity Too Large")));
		assertThatExceptionOfType(ChatBotKitHttpException.class)
			.isThrownBy(() -> TestClients.client(api)
				.spaces()
				.storage()
				.upload("space-1", "a.bin", FileUpload.of(new byte[10], "a.bin", MediaType.APPLICATION_OCTET_STREAM)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("CONTENT_TOO_LARGE"));
	}

	/**
	 * Bytes in memory are sent again on a retry; a stream that can be read once is not,
	 * since it cannot be read again.
	 */
	@Test
	void bytesAreRetriedButAStreamThatCanBeReadOnceIsSentOnce() {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503)));
		SpaceStorageClient storage = TestClients.client(api)
			.spaces()
			.storage()
			.withOptions((options) -> options.retry(RetryOptions.defaults()
				.withMaxAttempts(2)
				.withBackoff(Duration.ofMillis(1), Duration.ofMillis(2))));
		assertThatExceptionOfType(ChatBotKitServerException.class).isThrownBy(() -> storage.upload("space-1", "a.txt",
				FileUpload.of(new byte[] { 1 }, "a.txt", MediaType.TEXT_PLAIN)));
		api.verify(2, anyRequestedFor(anyUrl()));
		api.resetRequests();
		FileUpload stream = new FileUpload(new InputStreamResource(new ByteArrayInputStream(new byte[] { 1 })), "a.txt",
				MediaType.TEXT_PLAIN);
		assertThatExceptionOfType(ChatBotKitServerException.class)
			.isThrownBy(() -> storage.upload("space-1", "a.txt", stream));
		api.verify(1, anyRequestedFor(anyUrl()));
	}

}
