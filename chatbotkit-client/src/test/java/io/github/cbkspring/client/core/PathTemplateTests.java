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

package io.github.cbkspring.client.core;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PathTemplate}.
 *
 * @author cbkspring contributors
 */
class PathTemplateTests {

	@Test
	void expandsEachVariableAsOneEncodedSegment() {
		assertThat(PathTemplate.parse("/a/{x}/b/{y}").expand("1/2", "c?d#e%f")).isEqualTo("/a/1%2F2/b/c%3Fd%23e%25f");
	}

	@Test
	void encodesUnicode() {
		assertThat(PathTemplate.parse("/a/{x}").expand("ü ✓")).isEqualTo("/a/%C3%BC%20%E2%9C%93");
	}

	@Test
	void refusesControlCharacters() {
		assertThatIllegalArgumentException().isThrownBy(() -> PathTemplate.parse("/a/{x}").expand("a\tb"))
			.withMessageContaining("control characters");
	}

	@Test
	void templateWithoutVariablesIsKept() {
		assertThat(PathTemplate.parse("/bot/list").expand()).isEqualTo("/bot/list");
	}

	@Test
	void wrongNumberOfVariablesIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> PathTemplate.parse("/a/{x}").expand("1", "2"))
			.withMessageContaining("takes 1 variable(s) but 2");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "a/b", "/a/../b", "/a/./b", "/a?x=1", "/a#f", "/a/{x", "/a/{}", "/a/x}" })
	void malformedTemplatesAreRefused(String template) {
		assertThatIllegalArgumentException().isThrownBy(() -> PathTemplate.parse(template));
	}

	@Test
	void everyPrintableCharacterIsEncodedAsSpringsPathSegmentEncoderDoes() {
		PathTemplate template = PathTemplate.parse("/bot/{botId}/fetch");
		for (char c = 0x20; c < 0x7f; c++) {
			String id = "a" + c + "b";
			assertThat(template.expand(id)).as("id %s", id)
				.isEqualTo("/bot/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8) + "/fetch");
		}
		assertThat(template.expand("bot-1_A.b~9")).isEqualTo("/bot/bot-1_A.b~9/fetch");
	}

	@Test
	void lastVariableWrittenWithAStarIsAPathOfSegmentsEachEncoded() {
		PathTemplate template = PathTemplate.parse("/space/{spaceId}/storage/download/{*path}");
		assertThat(template.expand("s/1", "docs/2026 plan/ä?.md"))
			.isEqualTo("/space/s%2F1/storage/download/docs/2026%20plan/%C3%A4%3F.md");
		assertThat(template.expand("s", "file.txt")).isEqualTo("/space/s/storage/download/file.txt");
	}

	@ParameterizedTest
	@ValueSource(strings = { "../etc/passwd", "a/../b", "a/./b", "a//b", "/a", "a/", "", "a/\nb" })
	void pathOfSegmentsRefusesEmptyAndDotSegmentsAndControlCharacters(String path) {
		PathTemplate template = PathTemplate.parse("/space/{spaceId}/storage/download/{*path}");
		assertThatIllegalArgumentException().isThrownBy(() -> template.expand("s", path))
			.withMessageContaining("'path'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/space/{*path}/list", "/space/{*spaceId}/storage/{path}", "/space/x{*path}" })
	void pathOfSegmentsOnlyAsTheLastSegment(String template) {
		assertThatIllegalArgumentException().isThrownBy(() -> PathTemplate.parse(template))
			.withMessageContaining("only as its last segment");
	}

}
