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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Download}'s file name rule.
 *
 * @author cbkspring contributors
 */
class DownloadTests {

	@Test
	void fileNamesAreReducedToASafeLastSegment() {
		assertThat(Download.safeFilename("../../etc/passwd")).isEqualTo("passwd");
		assertThat(Download.safeFilename("C:\\temp\\report.pdf")).isEqualTo("report.pdf");
		assertThat(Download.safeFilename("a\u0000b\n.txt")).isEqualTo("ab.txt");
		assertThat(Download.safeFilename("dir/..")).isNull();
		assertThat(Download.safeFilename("dir/")).isNull();
		assertThat(Download.safeFilename(" . ")).isNull();
	}

}
