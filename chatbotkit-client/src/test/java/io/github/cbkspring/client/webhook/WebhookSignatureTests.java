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

package io.github.cbkspring.client.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.github.cbkspring.client.webhook.WebhookSignature.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link WebhookSignature}.
 *
 * @author cbkspring contributors
 */
class WebhookSignatureTests {

	private static final String SECRET = "It's a Secret to Everybody";

	private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);

	// GitHub's published example of the same scheme, computed independently of this code
	private static final String KNOWN_SHA256 = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

	private final WebhookSignature signature = WebhookSignature.of(SECRET);

	@Test
	void signsAsThePublishedExample() {
		assertThat(this.signature.sign("sha256", BODY)).isEqualTo(KNOWN_SHA256);
	}

	@Test
	void acceptsThePublishedExample() {
		assertThat(this.signature.verify(BODY, KNOWN_SHA256)).isEqualTo(Verification.VALID);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sha1", "sha256", "sha384", "sha512" })
	void acceptsEverySupportedAlgorithm(String algorithm) {
		String header = this.signature.sign(algorithm, BODY);
		assertThat(header).startsWith(algorithm + "=");
		assertThat(this.signature.verify(BODY, header).isValid()).isTrue();
	}

	@Test
	void acceptsUpperCaseHexAndAlgorithm() {
		assertThat(this.signature.verify(BODY, KNOWN_SHA256.toUpperCase(Locale.ROOT))).isEqualTo(Verification.VALID);
	}

	@Test
	void acceptsSurroundingWhitespace() {
		assertThat(this.signature.verify(BODY, " " + KNOWN_SHA256 + " ")).isEqualTo(Verification.VALID);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sha1", "sha256", "sha512" })
	void refusesABodyChangedByOneByte(String algorithm) {
		String header = this.signature.sign(algorithm, BODY);
		for (int i = 0; i < BODY.length; i++) {
			byte[] changed = BODY.clone();
			changed[i] ^= 1;
			assertThat(this.signature.verify(changed, header)).as("byte %d", i).isEqualTo(Verification.MISMATCH);
		}
		byte[] longer = new byte[BODY.length + 1];
		System.arraycopy(BODY, 0, longer, 0, BODY.length);
		assertThat(this.signature.verify(longer, header)).isEqualTo(Verification.MISMATCH);
	}

	@Test
	void refusesASignatureMadeWithAnotherSecret() {
		String header = WebhookSignature.of(SECRET + "x").sign("sha256", BODY);
		assertThat(this.signature.verify(BODY, header)).isEqualTo(Verification.MISMATCH);
	}

	@Test
	void refusesASignatureWithOneDigitChanged() {
		String header = KNOWN_SHA256.substring(0, KNOWN_SHA256.length() - 1) + "6";
		assertThat(this.signature.verify(BODY, header)).isEqualTo(Verification.MISMATCH);
	}

	@Test
	void refusesTheSignatureOfAnotherAlgorithmUnderThisName() {
		String sha1 = this.signature.sign("sha1", BODY).substring("sha1=".length());
		assertThat(this.signature.verify(BODY, "sha256=" + sha1)).isEqualTo(Verification.MALFORMED);
	}

	@Test
	void refusesAMissingSignature() {
		assertThat(this.signature.verify(BODY, null)).isEqualTo(Verification.MISSING);
		assertThat(this.signature.verify(BODY, " ")).isEqualTo(Verification.MISSING);
	}

	@ParameterizedTest
	@ValueSource(strings = { "md5=d41d8cd98f00b204e9800998ecf8427e", "sha3-256=00", "SHA224=00" })
	void refusesAnUnsupportedAlgorithm(String header) {
		assertThat(this.signature.verify(BODY, header)).isEqualTo(Verification.UNSUPPORTED_ALGORITHM);
	}

	@ParameterizedTest
	@ValueSource(strings = { "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", "sha256", "sha256=",
			"=757107ea", "sha256:757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
			"sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1",
			"sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17aa",
			"sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1g",
			"sha256=757107ea0eb2509fc211221cce984b8a 37570b6d7586c22c46f4379c8b043e17",
			"sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17,sha1=00",
			"sha 256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17" })
	void refusesAMalformedHeader(String header) {
		assertThat(this.signature.verify(BODY, header)).isEqualTo(Verification.MALFORMED);
	}

	@Test
	void reasonsHoldNeitherSecretNorSignature() {
		for (Verification verification : Verification.values()) {
			assertThat(verification.reason()).isNotBlank().doesNotContain(SECRET).doesNotContain("757107ea");
			assertThat(verification.isValid()).isEqualTo(verification == Verification.VALID);
		}
		assertThat(Verification.UNSUPPORTED_ALGORITHM.reason()).contains("sha1, sha256, sha384, sha512");
	}

	@Test
	void toStringMasksTheSecret() {
		assertThat(this.signature.toString()).doesNotContain(SECRET).contains("******");
	}

	@Test
	void refusesAnEmptySecret() {
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookSignature.of(""));
	}

	@Test
	void signRefusesAnUnsupportedAlgorithm() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.signature.sign("md5", BODY))
			.withMessageContaining("md5")
			.withMessageNotContaining(SECRET);
	}

	@Test
	void algorithmsAreListedInOrder() {
		assertThat(WebhookSignature.algorithms()).containsExactly("sha1", "sha256", "sha384", "sha512");
	}

}
