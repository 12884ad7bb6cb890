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

package io.github.cbkspring.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.palantir.javapoet.ClassName;
import org.jspecify.annotations.Nullable;

/**
 * What the overlays' hand-written clients already do, read from their sources: the
 * endpoints they declare ({@code ApiEndpoint.get("/bot/list")}), which the generator then
 * leaves to them, and which resources have a hand-written client
 * ({@code bot/BotClient.java} for {@code /bot}), which then gets the rest of its
 * resource's operations from a generated interface instead of a generated client.
 *
 * @param sources the source directory
 * @param endpoints the declared endpoints, each as {@code METHOD /path}
 * @author cbkspring contributors
 */
record HandWritten(Path sources, Set<String> endpoints) {

	private static final Pattern ENDPOINT = Pattern
		.compile("ApiEndpoint\\s*\\.\\s*(?:(get|post)\\(\\s*|of\\(\\s*HttpMethod\\.(\\w+)\\s*,\\s*)\"([^\"]+)\"");

	/**
	 * Read the hand-written clients of the overlays under a source directory.
	 * @param sources the source directory
	 * @param overlays the overlays' resource words
	 * @return what they do
	 * @throws IOException if a source cannot be read
	 */
	static HandWritten scan(Path sources, List<String> overlays) throws IOException {
		Set<String> endpoints = new HashSet<>();
		for (String overlay : overlays) {
			Path directory = sources.resolve(ClientWriter.BASE.replace('.', '/')).resolve(overlay);
			if (!Files.isDirectory(directory)) {
				continue;
			}
			try (var files = Files.list(directory)) {
				for (Path file : files.filter((path) -> path.toString().endsWith("Client.java")).toList()) {
					String source = Files.readString(file);
					if (source.contains(Generator.MARKER)) {
						continue;
					}
					Matcher matcher = ENDPOINT.matcher(source);
					while (matcher.find()) {
						String method = (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
						endpoints.add(method.toUpperCase(Locale.ROOT) + " " + matcher.group(3));
					}
				}
			}
		}
		return new HandWritten(sources, Set.copyOf(endpoints));
	}

	/**
	 * Whether a hand-written client declares an operation's endpoint.
	 * @param operation the operation
	 * @return whether it is hand-written
	 */
	boolean covers(Operation operation) {
		return this.endpoints.contains(operation.method() + " " + operation.path());
	}

	/**
	 * The hand-written client of a resource of an overlay: {@code PartnerUserClient} in
	 * the package {@code partner} for {@code /partner/user}.
	 * @param chain the resource's words
	 * @return the client, or {@code null} if there is none
	 */
	@Nullable ClassName client(List<String> chain) {
		ClassName client = ClassName.get(ClientWriter.BASE + "." + chain.get(0), Names.prefix(chain) + "Client");
		Path file = this.sources.resolve(client.packageName().replace('.', '/')).resolve(client.simpleName() + ".java");
		try {
			return (Files.exists(file) && !Files.readString(file).contains(Generator.MARKER)) ? client : null;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
