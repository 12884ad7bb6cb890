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

package io.github.cbkspring.ai.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the configuration metadata of {@code spring.ai.chatbotkit.chat.*}: what an
 * IDE shows.
 *
 * @author cbkspring contributors
 */
class ChatBotKitChatConfigurationMetadataTests {

	private static JsonNode metadata;

	@BeforeAll
	static void readMetadata() throws IOException {
		try (InputStream in = ChatBotKitChatProperties.class.getClassLoader()
			.getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
			metadata = JsonMapper.builder().build().readTree(in);
		}
	}

	@Test
	void describesEveryPropertyAndOnlyOurs() {
		assertThat(names("properties")).containsExactlyInAnyOrder("spring.ai.chatbotkit.chat.bot-id",
				"spring.ai.chatbotkit.chat.model", "spring.ai.chatbotkit.chat.backstory",
				"spring.ai.chatbotkit.chat.dataset-id", "spring.ai.chatbotkit.chat.skillset-id",
				"spring.ai.chatbotkit.chat.privacy", "spring.ai.chatbotkit.chat.moderation",
				"spring.ai.chatbotkit.chat.temperature", "spring.ai.chatbotkit.chat.max-tokens",
				"spring.ai.chatbotkit.chat.frequency-penalty", "spring.ai.chatbotkit.chat.presence-penalty",
				"spring.ai.chatbotkit.chat.seed", "spring.ai.chatbotkit.chat.interaction-max-messages",
				"spring.ai.chatbotkit.chat.region", "spring.ai.vectorstore.chatbotkit.dataset-id",
				"spring.ai.vectorstore.chatbotkit.top-k", "spring.ai.vectorstore.chatbotkit.similarity-threshold",
				"spring.ai.chat.memory.repository.chatbotkit.enabled",
				"spring.ai.chat.memory.repository.chatbotkit.bot-id");
	}

	@Test
	void everyPropertyHasADescriptionAndTheChatOnesNoDefault() {
		metadata.get("properties").forEach((property) -> {
			String name = property.get("name").asString();
			assertThat(property.path("description").asString("")).as(name).isNotBlank();
			if (name.startsWith("spring.ai.chatbotkit.chat.")) {
				// unset means "the API's or the bot's own value"
				assertThat(property.has("defaultValue")).as(name).isFalse();
			}
		});
	}

	@Test
	void theVectorStoreAndMemoryPropertiesShowTheirDefaults() {
		Map<String, String> defaults = new LinkedHashMap<>();
		metadata.get("properties").forEach((property) -> {
			if (property.has("defaultValue")) {
				defaults.put(property.get("name").asString(), property.get("defaultValue").asString());
			}
		});
		assertThat(defaults).containsOnly(Map.entry("spring.ai.vectorstore.chatbotkit.top-k", "4"),
				Map.entry("spring.ai.vectorstore.chatbotkit.similarity-threshold", "0"),
				Map.entry("spring.ai.chat.memory.repository.chatbotkit.enabled", "false"));
	}

	@Test
	void hintsSuggestTheRegionsAndTheChatModelAndVectorStoreNames() {
		assertThat(names("hints")).containsExactly("spring.ai.chatbotkit.chat.region", "spring.ai.model.chat",
				"spring.ai.vectorstore.type");
		List<String> values = new ArrayList<>();
		metadata.get("hints")
			.forEach((hint) -> hint.get("values").forEach((value) -> values.add(value.get("value").asString())));
		assertThat(values).containsExactly("us", "eu", "chatbotkit", "chatbotkit");
	}

	private static List<String> names(String kind) {
		List<String> names = new ArrayList<>();
		metadata.get(kind).forEach((item) -> names.add(item.get("name").asString()));
		return names;
	}

}
