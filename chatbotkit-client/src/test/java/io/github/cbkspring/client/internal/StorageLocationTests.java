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

import java.util.Map;

import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.Download;
import io.github.cbkspring.client.error.ChatBotKitStorageException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link StorageLocation}, {@link PresignedUpload} and the pointer of
 * {@link DownloadResponseReader}: the rules a pre-signed URL must meet, and that it is
 * named only masked.
 *
 * @author cbkspring contributors
 */
class StorageLocationTests {

	private static final ChatBotKitOptions LOOPBACK_API = ChatBotKitOptions.builder()
		.secret("sk-x")
		.url("http://127.0.0.1:8080")
		.build();

	private static final ChatBotKitOptions REMOTE_API = ChatBotKitOptions.builder().secret("sk-x").build();

	private static final String URL = "https://bucket.s3.example.com:8443/files/a%20b.pdf"
			+ "?X-Amz-Credential=AKIAEXAMPLE%2F20260101%2Fus-east-1&X-Amz-Expires=900"
			+ "&X-Amz-Signature=0123456789abcdef&x=1";

	@Test
	void isNamedWithoutItsQuery() {
		StorageLocation location = StorageLocation.of(URL, REMOTE_API);
		assertThat(location).hasToString("https://bucket.s3.example.com:8443/files/a%20b.pdf?******");
		assertThat(location.uri().toString()).isEqualTo(URL);
		assertThat(StorageLocation.of("https://h.example.com/p", REMOTE_API)).hasToString("https://h.example.com/p");
		assertThat(StorageLocation.of("http://[::1]:9/p?s=123456789", LOOPBACK_API))
			.hasToString("http://[::1]:9/p?******");
	}

	@Test
	void masksTheUrlAndEachLongQueryValueRawOrDecoded() {
		StorageLocation location = StorageLocation.of(URL, REMOTE_API);
		String text = "failed for " + URL + " with AKIAEXAMPLE/20260101/us-east-1 and 0123456789abcdef, "
				+ "X-Amz-Expires=900&x=1";
		assertThat(location.mask(text)).isEqualTo("failed for https://bucket.s3.example.com:8443/files/a%20b.pdf?******"
				+ " with ****** and ******, X-Amz-Expires=900&x=1");
		assertThat(location.mask(null)).isEmpty();
	}

	@Test
	void aFailureThatQuotesTheUrlIsReplacedByAMaskedStandIn() {
		StorageLocation location = StorageLocation.of(URL, REMOTE_API);
		java.io.IOException quoting = new java.io.IOException("outer",
				new java.net.ConnectException("Connect to " + URL + " failed"));
		Throwable standIn = StorageTransfer.withoutUrl(quoting, location);
		assertThat(standIn).isNotSameAs(quoting)
			.hasNoCause()
			.hasMessage("java.io.IOException: outer")
			.satisfies((ex) -> assertThat(ex.getStackTrace()).isEqualTo(quoting.getStackTrace()));
		java.io.IOException quotingItself = new java.io.IOException("Connect to " + URL + " failed");
		assertThat(StorageTransfer.withoutUrl(quotingItself, location)).hasMessage(
				"java.io.IOException: Connect to https://bucket.s3.example.com:8443/files/a%20b.pdf?****** failed");
		java.io.IOException clean = new java.io.IOException("Connection reset");
		assertThat(StorageTransfer.withoutUrl(clean, location)).isSameAs(clean);
	}

	@Test
	void plainHttpIsAllowedOnlyWhenTheApiAndTheStorageAreOnLoopback() {
		assertThat(StorageLocation.of("http://localhost:9/f?sig=123456789", LOOPBACK_API)).isNotNull();
		assertThatExceptionOfType(ChatBotKitStorageException.class)
			.isThrownBy(() -> StorageLocation.of("http://10.0.0.1/f?sig=123456789", LOOPBACK_API))
			.withMessageContaining("plain http")
			.withMessageNotContaining("123456789");
		assertThatExceptionOfType(ChatBotKitStorageException.class)
			.isThrownBy(() -> StorageLocation.of("http://127.0.0.1/f?sig=123456789", REMOTE_API))
			.withMessageContaining("plain http")
			.satisfies((ex) -> assertThat(ex.location()).isEqualTo("http://127.0.0.1/f?******"));
	}

	@Test
	void toStringOfTheAnswersHoldingTheUrlMasksIt() {
		assertThat(new PresignedUpload("f1", "PUT", URL, Map.of("x-amz-security-token", "token-value-123"))).asString()
			.doesNotContain("0123456789abcdef", "AKIAEXAMPLE", "token-value-123")
			.contains("x-amz-security-token");
		assertThat(new DownloadResponseReader.Pointer(URL)).asString().doesNotContain("0123456789abcdef");
	}

}
