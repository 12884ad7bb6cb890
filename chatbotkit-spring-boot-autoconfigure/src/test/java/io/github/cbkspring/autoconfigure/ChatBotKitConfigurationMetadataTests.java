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

package io.github.cbkspring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the generated {@code META-INF/spring-configuration-metadata.json}: what an
 * IDE shows for {@code chatbotkit.*}.
 *
 * @author cbkspring contributors
 */
class ChatBotKitConfigurationMetadataTests {

	private static final String PREFIX = "chatbotkit.";

	private static List<JsonNode> properties;

	private static JsonNode metadata;

	@BeforeAll
	static void readMetadata() throws IOException {
		metadata = ours(Collections.list(ChatBotKitConfigurationMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json")));
		properties = new ArrayList<>();
		metadata.get("properties").forEach((property) -> {
			if (property.get("name").asString().startsWith(PREFIX)) {
				properties.add(property);
			}
		});
	}

	@Test
	void describesEveryBoundProperty() {
		assertThat(properties).extracting((property) -> property.get("name").asString())
			.containsExactlyInAnyOrder("chatbotkit.secret", "chatbotkit.url", "chatbotkit.api-path",
					"chatbotkit.allow-insecure-http", "chatbotkit.connect-timeout", "chatbotkit.read-timeout",
					"chatbotkit.max-response-size", "chatbotkit.max-connections", "chatbotkit.headers",
					"chatbotkit.retry.enabled", "chatbotkit.retry.max-attempts", "chatbotkit.retry.initial-backoff",
					"chatbotkit.retry.max-backoff", "chatbotkit.retry.deadline",
					"chatbotkit.retry.retry-non-idempotent", "chatbotkit.ssl.bundle",
					"chatbotkit.problem-details.enabled", "chatbotkit.application-id", "chatbotkit.webhook.enabled",
					"chatbotkit.webhook.path", "chatbotkit.webhook.secret", "chatbotkit.webhook.max-body-size",
					"chatbotkit.events.enabled", "chatbotkit.events.types", "chatbotkit.events.history-length",
					"chatbotkit.events.replay-on-reconnect", "chatbotkit.events.deduplication-window",
					"chatbotkit.events.give-up-after");
	}

	@Test
	void everyPropertyHasADescription() {
		assertThat(properties).allSatisfy(
				(property) -> assertThat(property.path("description").asString("")).as(property.get("name").asString())
					.isNotBlank());
	}

	@Test
	void everyPropertyWithADefaultInCodeDeclaresIt() {
		BeanWrapperImpl defaults = new BeanWrapperImpl(new ChatBotKitProperties());
		for (JsonNode property : properties) {
			String name = property.get("name").asString();
			Object value = defaults.getPropertyValue(javaPath(name));
			boolean hasDefault = value != null && !(value instanceof Map<?, ?> map && map.isEmpty())
					&& !(value instanceof Collection<?> collection && collection.isEmpty());
			assertThat(property.has("defaultValue")).as(name).isEqualTo(hasDefault);
		}
	}

	@Test
	void declaredDefaultsAreTheDefaultsInCode() {
		Map<String, Object> declared = new LinkedHashMap<>();
		properties.stream()
			.filter((property) -> property.has("defaultValue"))
			.forEach((property) -> declared.put(property.get("name").asString(),
					property.get("defaultValue").asString()));
		ChatBotKitProperties bound = new Binder(new MapConfigurationPropertySource(declared))
			.bind("chatbotkit", Bindable.of(ChatBotKitProperties.class))
			.get();
		assertThat(bound).usingRecursiveComparison().isEqualTo(new ChatBotKitProperties());
	}

	@Test
	void hintsSuggestTheApiPaths() {
		assertThat(hintValues("chatbotkit.api-path")).containsExactly("/v1", "/api/v1");
	}

	@Test
	void hintsSuggestHeaderNames() {
		assertThat(hintValues("chatbotkit.headers.keys")).contains("X-RunAs-User-Id", "X-Timezone");
	}

	private static List<String> hintValues(String name) {
		List<String> values = new ArrayList<>();
		metadata.get("hints").forEach((hint) -> {
			if (hint.get("name").asString().equals(name)) {
				hint.get("values").forEach((value) -> values.add(value.get("value").asString()));
			}
		});
		return values;
	}

	private static String javaPath(String property) {
		StringBuilder path = new StringBuilder();
		boolean upper = false;
		for (char c : property.substring(PREFIX.length()).toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				path.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return path.toString();
	}

	private static JsonNode ours(List<URL> candidates) throws IOException {
		JsonMapper mapper = JsonMapper.builder().build();
		for (URL candidate : candidates) {
			try (InputStream in = candidate.openStream()) {
				JsonNode json = mapper.readTree(in);
				for (JsonNode group : json.path("groups")) {
					if (group.get("type").asString().equals(ChatBotKitProperties.class.getName())) {
						return json;
					}
				}
			}
		}
		throw new AssertionError("No metadata for " + ChatBotKitProperties.class.getName() + " in " + candidates);
	}

}
