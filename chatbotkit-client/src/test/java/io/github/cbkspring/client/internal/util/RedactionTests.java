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

package io.github.cbkspring.client.internal.util;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Redaction}.
 *
 * @author cbkspring contributors
 */
class RedactionTests {

	private static final String SECRET = "sk_live_Zq9SECRETxyz";

	@Test
	void masksEveryWholeSecret() {
		assertThat(Redaction.mask("a " + SECRET + " b " + SECRET, SECRET)).isEqualTo("a ****** b ******");
	}

	@Test
	void masksASecretCutShortAfterItsFirstEightCharacters() {
		assertThat(Redaction.mask("token '" + SECRET.substring(0, 12) + "...'", SECRET)).isEqualTo("token '******...'");
		assertThat(Redaction.mask("x" + SECRET.substring(0, 8), SECRET)).isEqualTo("x******");
	}

	@Test
	void leavesShorterPiecesAndOtherTextAlone() {
		assertThat(Redaction.mask("sk_live and " + SECRET.substring(0, 7), SECRET))
			.isEqualTo("sk_live and " + SECRET.substring(0, 7));
		assertThat(Redaction.mask("nothing here", SECRET)).isEqualTo("nothing here");
		assertThat(Redaction.mask("anything", "")).isEqualTo("anything");
	}

	@Test
	void masksAShortSecretOnlyWhole() {
		assertThat(Redaction.mask("abc abcdef", "abcdef")).isEqualTo("abc ******");
	}

	@Test
	void safeRetellsAFailureWhoseCauseShowsPartOfTheSecret() {
		Exception failure = new IllegalStateException("outer",
				new IOException("Unrecognized token '" + SECRET.substring(0, 10) + "'"));
		Throwable safe = Redaction.safe(failure, SECRET);
		for (Throwable cause = safe; cause != null; cause = cause.getCause()) {
			assertThat(String.valueOf(cause)).doesNotContain(SECRET.substring(0, 8));
		}
		assertThat(safe.getStackTrace()).isEqualTo(failure.getStackTrace());
		Exception harmless = new IOException("no secret here");
		assertThat(Redaction.safe(harmless, SECRET)).isSameAs(harmless);
	}

}
