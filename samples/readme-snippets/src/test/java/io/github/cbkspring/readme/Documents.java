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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The code blocks of the project's documents ({@code README.md} and {@code docs/*.md})
 * and the tagged regions of its Java sources that they print.
 * <p>
 * A block is named by an HTML comment on the line before its fence,
 * {@code <!-- snippet: name -->}; a region by {@code // tag::name[]} and
 * {@code // end::name[]} lines around it.
 *
 * @author cbkspring contributors
 */
final class Documents {

	private static final Pattern SNIPPET = Pattern.compile("^<!-- snippet: ([\\w-]+) -->$");

	private static final Pattern TAG = Pattern.compile("^\\s*// (tag|end)::([\\w-]+)\\[]\\s*$");

	private static final String FENCE = "```";

	private Documents() {
	}

	/**
	 * The project's root directory, found from the working directory up.
	 * @return the root
	 */
	static Path root() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("README.md")) && Files.isRegularFile(dir.resolve("mvnw"))) {
				return dir;
			}
		}
		throw new IllegalStateException("No project root above " + Path.of("").toAbsolutePath());
	}

	/**
	 * The documents: {@code README.md} and every Markdown file under {@code docs}.
	 * @param root the project root
	 * @return the documents' paths
	 */
	static List<Path> documents(Path root) {
		List<Path> documents = new ArrayList<>(List.of(root.resolve("README.md")));
		documents.addAll(files(root.resolve("docs"), ".md"));
		return documents;
	}

	/**
	 * Every fenced code block of the given documents.
	 * @param documents the documents
	 * @return the blocks, in document order
	 */
	static List<Block> blocks(List<Path> documents) {
		List<Block> blocks = new ArrayList<>();
		for (Path document : documents) {
			List<String> lines = lines(document);
			for (int i = 0; i < lines.size(); i++) {
				if (lines.get(i).startsWith(FENCE) && lines.get(i).length() > FENCE.length()) {
					int start = i;
					Matcher snippet = (start > 0) ? SNIPPET.matcher(lines.get(start - 1)) : null;
					StringBuilder text = new StringBuilder();
					for (i++; i < lines.size() && !lines.get(i).equals(FENCE); i++) {
						text.append(lines.get(i)).append('\n');
					}
					blocks.add(new Block(document.getFileName() + ":" + (start + 1),
							lines.get(start).substring(FENCE.length()).strip(),
							(snippet != null && snippet.matches()) ? snippet.group(1) : null, text.toString()));
				}
			}
		}
		return blocks;
	}

	/**
	 * The block of the given name.
	 * @param name the name
	 * @return the block's text
	 */
	static String block(String name) {
		return blocks(documents(root())).stream()
			.filter((block) -> name.equals(block.name()))
			.map(Block::text)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No block named " + name));
	}

	/**
	 * Every tagged region of the Java sources under the root, with the indentation the
	 * region's lines share taken off and the tag lines of nested regions left out.
	 * @param root the project root
	 * @return the regions by name
	 */
	static Map<String, String> regions(Path root) {
		Map<String, String> regions = new LinkedHashMap<>();
		for (Path source : files(root, ".java")) {
			Map<String, List<String>> open = new LinkedHashMap<>();
			for (String line : lines(source)) {
				Matcher tag = TAG.matcher(line);
				if (tag.matches() && tag.group(1).equals("tag")) {
					open.put(tag.group(2), new ArrayList<>());
				}
				else if (tag.matches()) {
					List<String> region = open.remove(tag.group(2));
					if (region == null) {
						throw new IllegalStateException(
								source + ": end of region " + tag.group(2) + " without a start");
					}
					if (regions.put(tag.group(2), dedent(region)) != null) {
						throw new IllegalStateException(source + ": a second region named " + tag.group(2));
					}
				}
				else {
					open.values().forEach((region) -> region.add(line));
				}
			}
			if (!open.isEmpty()) {
				throw new IllegalStateException(source + ": regions without an end " + open.keySet());
			}
		}
		return regions;
	}

	private static String dedent(List<String> lines) {
		int indent = lines.stream()
			.filter((line) -> !line.isBlank())
			.mapToInt((line) -> line.length() - line.stripLeading().length())
			.min()
			.orElse(0);
		StringBuilder text = new StringBuilder();
		for (String line : lines) {
			text.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
		}
		return text.toString();
	}

	private static List<Path> files(Path dir, String suffix) {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(suffix))
				.filter((file) -> !file.toString().contains("/target/") && !file.toString().contains("/.git/"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A fenced code block.
	 *
	 * @param location the document and line of its opening fence
	 * @param language the language after the fence, such as {@code java}
	 * @param name the name of the snippet comment before it, if any
	 * @param text the text between the fences
	 */
	record Block(String location, String language, String name, String text) {

	}

}
