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

package io.github.cbkspring.ai;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.github.cbkspring.ai.autoconfigure.ChatBotKitChatAutoConfiguration;
import io.github.cbkspring.ai.autoconfigure.ChatBotKitChatMemoryAutoConfiguration;
import io.github.cbkspring.ai.autoconfigure.ChatBotKitChatMemoryProperties;
import io.github.cbkspring.ai.autoconfigure.ChatBotKitChatProperties;
import io.github.cbkspring.ai.autoconfigure.ChatBotKitVectorStoreAutoConfiguration;
import io.github.cbkspring.ai.autoconfigure.ChatBotKitVectorStoreProperties;
import io.github.cbkspring.testsupport.PublicApi;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layering of the Spring AI module: the model stands on the ChatBotKit client and
 * Spring AI, only the auto-configuration uses Spring Boot, and the public API is exactly
 * the model, its options, the retriever, vector store and memory repository, the agent
 * tools of Spring AI tools, and the auto-configurations.
 *
 * @author cbkspring contributors
 */
class ArchitectureTests {

	private static final Class<?>[] PUBLIC_API = { ChatBotKitChatModel.class, ChatBotKitChatModel.Builder.class,
			ChatBotKitChatOptions.class, ChatBotKitChatOptions.Builder.class, ChatBotKitChatAutoConfiguration.class,
			ChatBotKitChatProperties.class, ChatBotKitDocumentRetriever.class,
			ChatBotKitDocumentRetriever.Builder.class, ChatBotKitChatMemoryRepository.class,
			ChatBotKitChatMemoryRepository.Builder.class, ChatBotKitVectorStore.class,
			ChatBotKitVectorStore.Builder.class, ChatBotKitVectorStoreWriteException.class,
			ToolCallbackAgentTools.class };

	private static final JavaClasses MAIN = new ClassFileImporter().importPath(Path.of("target", "classes"));

	@Test
	void theModelUsesNeitherSpringBootNorTheAutoConfigurations() {
		noClasses().that()
			.resideInAPackage("io.github.cbkspring.ai")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.boot..", "io.github.cbkspring.autoconfigure..",
					"io.github.cbkspring.ai.autoconfigure..")
			.check(MAIN);
	}

	@Test
	void publicApiHasNoJacksonTypes() {
		for (Class<?> type : PUBLIC_API) {
			for (Method method : type.getMethods()) {
				Stream.concat(Stream.of(method.getReturnType()), Stream.of(method.getParameterTypes()))
					.map(Class::getName)
					.forEach((used) -> assertThat(used).as(method.toString())
						.doesNotStartWith("tools.jackson.")
						.doesNotStartWith("com.fasterxml.jackson."));
			}
		}
	}

	/**
	 * The public API, member by member, is the baseline in
	 * {@code src/test/resources/public-api.txt} (the model, its options, the retriever,
	 * vector store and memory repository, the agent tools, and the auto-configurations;
	 * everything else is package-private): a removed or changed line breaks callers, an
	 * added one must be meant. After a deliberate change, rewrite the baseline with
	 * {@code -Dpublic-api.update=true} and review its diff.
	 */
	@Test
	void publicApiIsTheBaseline() throws IOException {
		PublicApi.assertIsTheBaseline(MAIN, Path.of("src", "test", "resources", "public-api.txt"));
	}

}
