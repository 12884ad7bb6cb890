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
import java.io.IOException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BoundedBody}.
 *
 * @author cbkspring contributors
 */
class BoundedBodyTests {

	@Test
	void readsABodyShorterThanTheLimit() throws IOException {
		BoundedBody body = BoundedBody.read(new ByteArrayInputStream(new byte[3000]), 10_000);
		assertThat(body.bytes()).hasSize(3000);
		assertThat(body.truncated()).isFalse();
	}

	@Test
	void readsABodyOfExactlyTheLimit() throws IOException {
		BoundedBody body = BoundedBody.read(new ByteArrayInputStream(new byte[2048]), 2048);
		assertThat(body.bytes()).hasSize(2048);
		assertThat(body.truncated()).isFalse();
	}

	@Test
	void stopsAtTheLimitOfALongerBody() throws IOException {
		BoundedBody body = BoundedBody.read(new ByteArrayInputStream(new byte[5000]), 1500);
		assertThat(body.bytes()).hasSize(1500);
		assertThat(body.truncated()).isTrue();
	}

	@Test
	void readsAnEmptyBody() throws IOException {
		BoundedBody body = BoundedBody.read(new ByteArrayInputStream(new byte[0]), 100);
		assertThat(body.isEmpty()).isTrue();
		assertThat(body.truncated()).isFalse();
	}

	@Test
	void excerptIsShortPrintableAndMasksTheSecret() {
		BoundedBody body = new BoundedBody(("line\u0001one sk-1 " + "x".repeat(600)).getBytes(), false);
		assertThat(body.excerpt("sk-1")).startsWith("line one ****** x")
			.endsWith("...")
			.hasSize(500 + "******".length() - "sk-1".length() + "...".length());
	}

}
