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

package io.github.cbkspring.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Every Java block of the README and the docs is a tagged region of a source that the
 * build compiles, printed exactly, and every tagged region is printed somewhere.
 *
 * @author cbkspring contributors
 */
class DocumentsTests {

	// [text](path) or [text](path#anchor), not a URL with a scheme nor an anchor alone
	private static final Pattern LOCAL_LINK = Pattern.compile("\\]\\((?![a-z]+:|#)([^)#\\s]+)(#[^)]*)?\\)");

	private final List<Documents.Block> blocks = Documents.blocks(Documents.documents(Documents.root()));

	private final Map<String, String> regions = Documents.regions(Documents.root());

	@Test
	void everyJavaBlockNamesASourceRegion() {
		assertThat(javaBlocks()).isNotEmpty()
			.allSatisfy((block) -> assertThat(block.name())
				.as("%s: a java block needs <!-- snippet: name --> on the line before it", block.location())
				.isNotNull()
				.isIn(this.regions.keySet()));
	}

	@Test
	void everyJavaBlockIsItsRegionAsCompiled() {
		assertThat(javaBlocks()).allSatisfy((block) -> assertThat(block.text())
			.as("%s: the block differs from region '%s' of the sources", block.location(), block.name())
			.isEqualTo(this.regions.get(block.name())));
	}

	@Test
	void everyRegionIsPrinted() {
		assertThat(this.regions.keySet())
			.allSatisfy((name) -> assertThat(javaBlocks()).as("region '%s' is in no document", name)
				.anyMatch((block) -> name.equals(block.name())));
	}

	@Test
	void everyLinkToAFileOfTheProjectFindsIt() throws IOException {
		Path root = Documents.root();
		for (Path document : Documents.documents(root)) {
			Matcher link = LOCAL_LINK.matcher(Files.readString(document));
			while (link.find()) {
				assertThat(document.resolveSibling(link.group(1)).normalize())
					.as("%s links to %s", root.relativize(document), link.group(1))
					.exists();
			}
		}
	}

	@Test
	void regionIsDedentedWithoutTheTagLinesOfRegionsInIt(@TempDir Path root) throws IOException {
		Files.writeString(root.resolve("Example.java"), markers("""
				class Example {
					void example() {
						// TAG::outer[]
						int a = 1;
						// TAG::inner[]
						if (a > 0) {
							a++;
						}
						// END::inner[]
						// END::outer[]
					}
				}
				"""));
		assertThat(Documents.regions(root)).containsEntry("outer", "int a = 1;\nif (a > 0) {\n\ta++;\n}\n")
			.containsEntry("inner", "if (a > 0) {\n\ta++;\n}\n");
	}

	@Test
	void regionWithoutEndIsAnError(@TempDir Path root) throws IOException {
		Files.writeString(root.resolve("Example.java"), markers("// TAG::open[]\nclass Example {\n}\n"));
		assertThatIllegalStateException().isThrownBy(() -> Documents.regions(root))
			.withMessageContaining("regions without an end [open]");
	}

	@Test
	void blockIsNamedByTheCommentOnTheLineBeforeIt(@TempDir Path root) throws IOException {
		Path readme = root.resolve("README.md");
		Files.writeString(readme, """
				Text.

				<!-- snippet: named -->
				```java
				int a = 1;
				```

				```json
				{}
				```
				""");
		assertThat(Documents.blocks(List.of(readme))).containsExactly(
				new Documents.Block("README.md:4", "java", "named", "int a = 1;\n"),
				new Documents.Block("README.md:8", "json", null, "{}\n"));
	}

	// Written in upper case here, so that this file's own regions are only the real ones
	private static String markers(String source) {
		return source.replace("// TAG::", "// tag::").replace("// END::", "// end::");
	}

	private List<Documents.Block> javaBlocks() {
		return this.blocks.stream().filter((block) -> block.language().equals("java")).toList();
	}

}
