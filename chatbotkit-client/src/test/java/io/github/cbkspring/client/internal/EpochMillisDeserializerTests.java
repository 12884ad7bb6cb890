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

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link EpochMillisDeserializer}, through the client's JSON codec: the API's
 * epoch milliseconds, with and without a fraction.
 *
 * @author cbkspring contributors
 */
class EpochMillisDeserializerTests {

	record Stamp(@Nullable Instant at) {
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			0                        | 1970-01-01T00:00:00Z
			1767225600000            | 2026-01-01T00:00:00Z
			1767225600000.5          | 2026-01-01T00:00:00.000500Z
			1767225600000.000001     | 2026-01-01T00:00:00.000000001Z
			1767225600000.0000019    | 2026-01-01T00:00:00.000000001Z
			1.7672256E12             | 2026-01-01T00:00:00Z
			-1                       | 1969-12-31T23:59:59.999Z
			-1.5                     | 1969-12-31T23:59:59.998500Z
			-0.0000001               | 1969-12-31T23:59:59.999999999Z
			9223372036854775807      | +292278994-08-17T07:12:55.807Z
			-9223372036854775808     | -292275055-05-16T16:47:04.192Z
			31556889864403199999.999 | +1000000000-12-31T23:59:59.999999Z
			"1767225600000.5"        | 2026-01-01T00:00:00.000500Z
			"2026-01-01T00:00:00.5Z" | 2026-01-01T00:00:00.500Z
			null                     |
			""")
	void readsMillisecondsWithTheirFractionToTheNanosecond(String json, @Nullable Instant expected) {
		assertThat(read(json)).isEqualTo(new Stamp(expected));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "31556889864403200000", "-31556889864403200000", "1e30", "1e1000000000", "-1e1000000000",
			"99999999999999999999999999999999999999", "\"1e30\"", "\"yesterday\"", "true", "[1]", "{\"ms\":1}" })
	void refusesWhatIsNoInstantWithAnErrorNamingTheField(String json) {
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> read(json))
			.withMessageContaining("Instant")
			.satisfies((ex) -> assertThat(ex.getPathReference()).endsWith("[\"at\"]"));
	}

	private static Stamp read(String json) {
		byte[] bytes = ("{\"at\":" + json + "}").getBytes(StandardCharsets.UTF_8);
		return JsonCodec.INSTANCE.read(bytes, JsonCodec.INSTANCE.type(Stamp.class));
	}

}
