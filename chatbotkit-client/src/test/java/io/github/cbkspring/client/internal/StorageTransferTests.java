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
import java.util.Arrays;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.testsupport.ApiStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StorageTransfer} where its Spring-facing choice is made: the request
 * factory of the API client's builder read, or (when it cannot be) the API client's
 * {@code RestClient} stripped. The transfers themselves are tested in
 * {@code FileStorageTests}.
 *
 * @author cbkspring contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class StorageTransferTests {

	@RegisterExtension
	static WireMockExtension storage = ApiStub.server();

	private final RestClient intercepted = RestClient.builder().requestInterceptor((request, body, execution) -> {
		request.getHeaders().set("X-App-Interceptor", "app");
		return execution.execute(request, body);
	}).build();

	private final ChatBotKitOptions options = ChatBotKitOptions.builder()
		.secret(ApiStub.SECRET)
		.url(storage.baseUrl())
		.build();

	@Test
	void builderWhoseFactoryCannotBeReadFallsBackToTheStrippedClientAndWarnsThatItBuffers(CapturedOutput output) {
		LoggedRequest upload = upload(StorageTransfer.of(new ApiExchange(this.intercepted, this.options, null), null));
		assertThat(upload.containsHeader("X-App-Interceptor")).isFalse();
		assertThat(output).contains("WARN").contains("holds the 100000 bytes in memory");
	}

	@Test
	void builderWhoseFactoryIsReadGetsAClientOfItsOwnThatDoesNotBuffer(CapturedOutput output) {
		LoggedRequest upload = upload(StorageTransfer.of(new ApiExchange(this.intercepted, this.options, null)));
		assertThat(upload.containsHeader("X-App-Interceptor")).isFalse();
		assertThat(output).doesNotContain("in memory");
	}

	private LoggedRequest upload(StorageTransfer transfer) {
		storage.stubFor(WireMock.put(WireMock.anyUrl()).willReturn(WireMock.aResponse().withStatus(200)));
		byte[] content = new byte[100_000];
		Arrays.fill(content, (byte) 7);
		transfer.upload(HttpMethod.PUT, StorageLocation.of(storage.baseUrl() + "/bucket/f", this.options),
				new HttpHeaders(), new ByteArrayInputStream(content), content.length);
		assertThat(storage.getAllServeEvents()).hasSize(1);
		LoggedRequest upload = storage.getAllServeEvents().get(0).getRequest();
		assertThat(upload.getBody()).isEqualTo(content);
		return upload;
	}

}
