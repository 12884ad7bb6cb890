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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link FileContent}: each way to make one, and the arguments it refuses.
 *
 * @author cbkspring contributors
 */
class FileContentTests {

	private static final MediaType CSV = MediaType.parseMediaType("text/csv");

	@Test
	void bytesTakeTheContentTypeOfTheNamesExtension() throws IOException {
		FileContent content = FileContent.of(bytes("# Hi"), "notes.txt");
		assertThat(content.name()).isEqualTo("notes.txt");
		assertThat(content.contentType()).isEqualTo(MediaType.TEXT_PLAIN);
		assertThat(content.size()).isEqualTo(4);
		assertThat(read(content)).isEqualTo("# Hi");
	}

	@Test
	void bytesWithAContentTypeKeepIt() throws IOException {
		FileContent content = FileContent.of(bytes("a,b"), "export.txt", CSV);
		assertThat(content.name()).isEqualTo("export.txt");
		assertThat(content.contentType()).isEqualTo(CSV);
		assertThat(content.size()).isEqualTo(3);
		assertThat(read(content)).isEqualTo("a,b");
	}

	@Test
	void streamWithASizeTakesTheContentTypeOfTheNamesExtension() throws IOException {
		FileContent content = FileContent.of(new ByteArrayInputStream(bytes("a,b")), 3, "export.csv");
		assertThat(content.contentType()).isEqualTo(CSV);
		assertThat(content.size()).isEqualTo(3);
		assertThat(read(content)).isEqualTo("a,b");
	}

	@Test
	void streamWithAContentTypeKeepsIt() throws IOException {
		FileContent content = FileContent.of(new ByteArrayInputStream(bytes("a,b")), 3, "export", CSV);
		assertThat(content.name()).isEqualTo("export");
		assertThat(content.contentType()).isEqualTo(CSV);
		assertThat(content.size()).isEqualTo(3);
		assertThat(read(content)).isEqualTo("a,b");
	}

	@Test
	void unknownExtensionIsOctetStream() {
		assertThat(FileContent.of(new byte[1], "data.unknown-extension").contentType())
			.isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
	}

	@Test
	void pathIsNamedAfterTheFileAndSizedByIt(@TempDir Path directory) throws IOException {
		Path handbook = Files.writeString(directory.resolve("handbook.pdf"), "%PDF-");
		FileContent content = FileContent.of(handbook);
		assertThat(content.name()).isEqualTo("handbook.pdf");
		assertThat(content.contentType()).isEqualTo(MediaType.APPLICATION_PDF);
		assertThat(content.size()).isEqualTo(5);
	}

	@Test
	void copiesChangeOnlyWhatTheyName() {
		FileContent content = FileContent.of(new byte[2], "a.txt");
		FileContent renamed = content.withName("b.json");
		assertThat(renamed.name()).isEqualTo("b.json");
		assertThat(renamed.contentType()).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(content.withContentType(CSV).name()).isEqualTo("a.txt");
		assertThat(content).hasToString("FileContent[name=a.txt, contentType=text/plain, size=2]");
	}

	@Test
	void negativeSizeIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FileContent.of(new ByteArrayInputStream(new byte[0]), -1, "a.bin"))
			.withMessage("Size must not be negative, but was -1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FileContent.of(new ByteArrayInputStream(new byte[0]), -1, "a.bin", CSV))
			.withMessage("Size must not be negative, but was -1");
	}

	@Test
	@SuppressWarnings("NullAway")
	void nullOrBlankNameIsRefused() {
		String message = "File name must not be null or blank";
		assertThatIllegalArgumentException().isThrownBy(() -> FileContent.of(new byte[1], null)).withMessage(message);
		assertThatIllegalArgumentException().isThrownBy(() -> FileContent.of(new byte[1], null, CSV))
			.withMessage(message);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FileContent.of(new ByteArrayInputStream(new byte[1]), 1, null))
			.withMessage(message);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FileContent.of(new ByteArrayInputStream(new byte[1]), 1, " ", CSV))
			.withMessage(message);
		assertThatIllegalArgumentException().isThrownBy(() -> FileContent.of(new ByteArrayResource(new byte[1]), " "))
			.withMessage(message);
		assertThatIllegalArgumentException().isThrownBy(() -> FileContent.of(new byte[1], "a.txt").withName(null))
			.withMessage(message);
	}

	@Test
	@SuppressWarnings("NullAway")
	void nullContentOrContentTypeIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> FileContent.of((byte[]) null, "a.txt"))
			.withMessage("Bytes must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> FileContent.of((InputStream) null, 1, "a.txt", CSV))
			.withMessage("InputStream must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> FileContent.of(new byte[1], "a.txt", null))
			.withMessage("Content type must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FileContent.of(new ByteArrayInputStream(new byte[1]), 1, "a.txt", null))
			.withMessage("Content type must not be null");
	}

	@Test
	void resourceThatCanBeReadOnceIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FileContent.of(new InputStreamResource(new ByteArrayInputStream(new byte[1])), "a.bin"))
			.withMessageContaining("FileContent.of(InputStream, size, name)");
	}

	@Test
	void resourceWithoutAFileNameIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> FileContent.of(new ByteArrayResource(new byte[1])))
			.withMessageContaining("FileContent.of(resource, name)");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String read(FileContent content) throws IOException {
		try (InputStream stream = content.openStream()) {
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
