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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The check that CI runs: the committed sources of chatbotkit-client are exactly what the
 * committed model generates.
 *
 * @author cbkspring contributors
 */
class GeneratedSourcesTests {

	static final Path MODEL = Path.of("..", "chatbotkit-client", "src", "main", "api", "chatbotkit-api.json");

	static final Path SOURCES = Path.of("..", "chatbotkit-client", "src", "main", "java");

	@Test
	void committedSourcesAreWhatTheCommittedModelGenerates() throws IOException {
		List<String> differences = Generator.differences(Generator.generate(MODEL, SOURCES), SOURCES);
		assertThat(differences).as("Generated sources that differ from the model; regenerate with " + Generator.COMMAND)
			.isEmpty();
	}

	@Test
	void aModelChangeTheSourcesDoNotFollowIsADifference() throws IOException {
		ObjectNode model = (ObjectNode) JsonMapper.builder().build().readTree(Files.readString(MODEL));
		JsonNode operation = operation(model, "createSecret");
		((ObjectNode) operation.get("request")).withArray("fields")
			.addObject()
			.put("name", "rotation")
			.put("required", false)
			.putObject("type")
			.put("kind", "integer");
		assertThat(Generator.differences(Generator.generate(model, SOURCES), SOURCES))
			.containsExactly("io/github/cbkspring/client/secret/SecretCreateRequest.java");
	}

	@Test
	void anUploadOfBytesSendsThemAsTheFilePartBesideItsJsonTwinAndAnotherPartFailsTheGeneration() throws IOException {
		ObjectNode model = (ObjectNode) JsonMapper.builder().build().readTree(Files.readString(MODEL));
		String storage = Generator.generate(model, SOURCES)
			.get("io/github/cbkspring/client/space/storage/SpaceStorageClient.java");
		assertThat(storage).contains(
				"public SpaceStorageUploadResponse upload(String spaceId, String path, SpaceStorageUploadRequest request)",
				"public SpaceStorageUploadResponse upload(String spaceId, String path, FileUpload file)",
				".file(file).retrieve(SpaceStorageUploadResponse.class)");
		((ObjectNode) operation(model, "uploadSpaceStoragePath")).put("filePart", "attachment");
		assertThatIllegalStateException().isThrownBy(() -> Generator.generate(model, SOURCES))
			.withMessageContaining("uploadSpaceStoragePath takes its file as the part attachment");
	}

	@Test
	void anOperationTheModelDropsLeavesAFileToDelete() throws IOException {
		ObjectNode model = (ObjectNode) JsonMapper.builder().build().readTree(Files.readString(MODEL));
		JsonNode operations = model.get("operations");
		for (int i = operations.size() - 1; i >= 0; i--) {
			if (operations.get(i).path("path").asString().startsWith("/team/")) {
				((tools.jackson.databind.node.ArrayNode) operations).remove(i);
			}
		}
		assertThat(Generator.differences(Generator.generate(model, SOURCES), SOURCES)).contains(
				"io/github/cbkspring/client/ChatBotKitResources.java",
				"io/github/cbkspring/client/team/TeamClient.java");
	}

	@Test
	void mainWritesTheSourcesAndRemovesWhatItNoLongerGenerates(@TempDir Path sources) throws IOException {
		Path stale = sources.resolve("io/github/cbkspring/client/gone/Gone.java");
		Files.createDirectories(stale.getParent());
		Files.writeString(stale, "// " + Generator.MARKER + "\nclass Gone {\n}\n");
		Path handWritten = sources.resolve("io/github/cbkspring/client/bot/Bot.java");
		Files.createDirectories(handWritten.getParent());
		Files.writeString(handWritten, "class Bot {\n}\n");
		copyHandWrittenClients(sources);
		Generator.main(new String[] { MODEL.toString(), sources.toString() });
		assertThat(stale).doesNotExist();
		assertThat(handWritten).hasContent("class Bot {\n}");
		Map<String, String> generated = Generator.generate(MODEL, sources);
		assertThat(Generator.differences(generated, sources)).isEmpty();
		assertThat(sources.resolve("io/github/cbkspring/client/secret/package-info.java")).content()
			.contains("@NullMarked", Generator.MARKER, Generator.COMMAND);
	}

	@Test
	void theOperationsAHandWrittenClientDeclaresAreLeftToItAndTheRestCompleteIt() throws IOException {
		Map<String, String> generated = Generator.generate(MODEL, SOURCES);
		String bot = generated.get("io/github/cbkspring/client/bot/GeneratedBotOperations.java");
		assertThat(bot).contains("public interface GeneratedBotOperations", "default String clone(",
				"default BotMemoryClient memories()");
		assertThat(bot).doesNotContain(" list(", " fetch(", " create(");
		assertThat(generated).doesNotContainKey("io/github/cbkspring/client/bot/package-info.java")
			.containsKey("io/github/cbkspring/client/bot/memory/package-info.java");
	}

	@Test
	void everyGeneratedClientHasANonBlockingTwinOnItsTypesAndConstants() throws IOException {
		Map<String, String> generated = Generator.generate(MODEL, SOURCES);
		assertThat(generated.get("io/github/cbkspring/client/ReactiveChatBotKitResources.java")).contains(
				"public interface ReactiveChatBotKitResources extends ReactiveApiTransport",
				"default ReactiveSecretClient secrets()");
		assertThat(generated.get("io/github/cbkspring/client/secret/ReactiveSecretClient.java")).contains(
				"public Mono<Secret> fetch(String secretId)", "public Mono<Void> delete(String secretId)",
				"public Mono<String> create(SecretCreateRequest request)",
				"public Mono<Page<Secret>> list(ListQuery query)", "retrieve(SecretClient.LIST_TYPE)",
				"public Flux<Secret> listAll(ListQuery query)", "ReactivePages.walk(query, (page) -> list(page))");
		assertThat(generated.get("io/github/cbkspring/client/secret/SecretClient.java"))
			.contains("\n\tstatic final ApiEndpoint FETCH")
			.doesNotContain("private static final");
		assertThat(generated.get("io/github/cbkspring/client/task/ReactiveTaskClient.java"))
			.contains("public Flux<TaskSubscribeEvent> subscribe(");
		assertThat(generated
			.get("io/github/cbkspring/client/integration/skillserver/ReactiveSkillServerIntegrationClient.java"))
			.contains("public Mono<ReactiveDownload> fetchSkillServerManual(String skillserverIntegrationId)",
					".download()");
		String storage = generated.get("io/github/cbkspring/client/space/storage/ReactiveSpaceStorageClient.java");
		assertThat(storage).contains(
				"public Mono<SpaceStorageUploadResponse> upload(String spaceId, String path, FileUpload file)",
				".file(file)", "public Mono<SpaceStorageUploadResponse> upload(String spaceId, String path,"
						+ " SpaceStorageUploadRequest request)");
		// every generated client and interface, below the overlays too
		assertThat(generated.keySet()).filteredOn(
				(path) -> path.matches(".*/(Generated\\w+Operations|\\w+Client)\\.java") && !path.contains("/Reactive"))
			.hasSizeGreaterThan(60)
			.allSatisfy(
					(path) -> assertThat(generated).containsKey(path.replaceFirst("/(\\w+\\.java)$", "/Reactive$1")));
	}

	@Test
	void theInterfaceOfAHandWrittenClientHasANonBlockingTwinOnItsEndpointsAndTheTwinsBelowIt() throws IOException {
		Map<String, String> generated = Generator.generate(MODEL, SOURCES);
		assertThat(generated.get("io/github/cbkspring/client/bot/ReactiveGeneratedBotOperations.java")).contains(
				"public interface ReactiveGeneratedBotOperations {", "\tReactiveApiTransport transport();",
				"default Mono<String> clone(String botId, Map<String, Object> request)",
				"transport().request(GeneratedBotEndpoints.CLONE, botId)",
				"default ReactiveBotMemoryClient memories() {", "return new ReactiveBotMemoryClient(transport());");
		assertThat(generated.get("io/github/cbkspring/client/bot/memory/ReactiveBotMemoryClient.java"))
			.contains("public Mono<BotMemorySearchResponse> search(");
		assertThat(
				generated.get("io/github/cbkspring/client/conversation/ReactiveGeneratedConversationOperations.java"))
			.contains("default ReactiveConversationAttachmentClient attachments()");
		assertThat(generated
			.get("io/github/cbkspring/client/conversation/attachment/ReactiveConversationAttachmentClient.java"))
			.contains("FileUpload file)", ".file(file)");
		// the hand-written clients and their twins are not generated
		assertThat(generated).doesNotContainKeys("io/github/cbkspring/client/bot/ReactiveBotClient.java",
				"io/github/cbkspring/client/file/ReactiveFileClient.java");
	}

	@Test
	void anOperationNoHandWrittenClientReachesFailsTheGeneration(@TempDir Path sources) {
		assertThatIllegalStateException().isThrownBy(() -> Generator.generate(MODEL, sources))
			.withMessageContaining("No hand-written client reaches the operations of /bot");
	}

	@Test
	void aGeneratedFileNeverReplacesAHandWrittenOne(@TempDir Path sources) throws IOException {
		copyHandWrittenClients(sources);
		Path handWritten = sources.resolve("io/github/cbkspring/client/secret/SecretClient.java");
		Files.createDirectories(handWritten.getParent());
		Files.writeString(handWritten, "class SecretClient {\n}\n");
		assertThatIllegalStateException()
			.isThrownBy(() -> Generator.main(new String[] { MODEL.toString(), sources.toString() }))
			.withMessageContaining("Would overwrite a hand-written source");
	}

	/** The hand-written clients of the overlays, which the generated sources complete. */
	private static void copyHandWrittenClients(Path sources) throws IOException {
		Path base = Path.of("io", "github", "cbkspring", "client");
		for (String overlay : ModelExtractor.OVERLAYS) {
			try (Stream<Path> files = Files.list(SOURCES.resolve(base).resolve(overlay))) {
				for (Path file : files.filter((path) -> path.toString().endsWith("Client.java")).toList()) {
					if (!Files.readString(file).contains(Generator.MARKER)) {
						Path copy = sources.resolve(SOURCES.relativize(file));
						Files.createDirectories(copy.getParent());
						Files.copy(file, copy);
					}
				}
			}
		}
	}

	private static JsonNode operation(JsonNode model, String id) {
		for (JsonNode operation : model.get("operations")) {
			if (operation.path("id").asString().equals(id)) {
				return operation;
			}
		}
		throw new IllegalArgumentException(id);
	}

}
