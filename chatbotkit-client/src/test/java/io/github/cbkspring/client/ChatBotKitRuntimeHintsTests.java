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

package io.github.cbkspring.client;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.github.cbkspring.client.bot.SessionCreateResponse;
import io.github.cbkspring.client.core.Message;
import io.github.cbkspring.client.internal.StorageTransfer;
import io.github.cbkspring.client.internal.util.UserAgent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChatBotKitRuntimeHints}: every type the JSON mapper binds, found from
 * the compiled classes rather than from a list, has its hints.
 *
 * @author cbkspring contributors
 */
class ChatBotKitRuntimeHintsTests {

	private static final List<Class<?>> JSON_TYPES = new ClassFileImporter()
		.importPath(Path.of("target", "classes", "io", "github", "cbkspring", "client"))
		.stream()
		.filter((type) -> type.isRecord() || type.isEnum() || type.isAnnotatedWith(JsonDeserialize.class))
		.<Class<?>>map(JavaClass::reflect)
		.toList();

	private final RuntimeHints hints = new RuntimeHints();

	ChatBotKitRuntimeHintsTests() {
		SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(this.hints, getClass().getClassLoader()));
	}

	@Test
	void isRegisteredInAotFactories() {
		assertThat(RuntimeHintsPredicates.reflection().onType(SessionCreateResponse.class)).accepts(this.hints);
	}

	@Test
	void registersTheRequestFactoryFieldThatTheStorageTransferReads() {
		assertThat(StorageTransfer.REQUEST_FACTORY).isNotNull();
		assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(StorageTransfer.REQUEST_FACTORY))
			.accepts(this.hints);
	}

	@Test
	void registersEveryRecordEnumAndCustomDeserializedTypeOfTheClientPackages() {
		assertThat(JSON_TYPES).hasSizeGreaterThan(10);
		for (Class<?> type : JSON_TYPES) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(this.hints);
		}
	}

	@Test
	void registersEveryJsonCreatorFactoryAndWireAccessor() {
		for (Class<?> type : JSON_TYPES) {
			for (Method method : type.getDeclaredMethods()) {
				if (method.isAnnotationPresent(JsonCreator.class) || method.isAnnotationPresent(JsonProperty.class)) {
					assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(method)).as(method.toString())
						.accepts(this.hints);
				}
			}
		}
	}

	@Test
	void registersCustomDeserializersForJacksonToCreate() {
		List<Class<?>> deserialized = JSON_TYPES.stream()
			.filter((type) -> type.isAnnotationPresent(JsonDeserialize.class))
			.toList();
		assertThat(deserialized).isNotEmpty();
		for (Class<?> type : deserialized) {
			Class<?> deserializer = type.getAnnotation(JsonDeserialize.class).using();
			assertThat(RuntimeHintsPredicates.reflection()
				.onType(deserializer)
				.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).as(deserializer.getName())
				.accepts(this.hints);
		}
	}

	@Test
	void registersTheJdkClientsShutdownForTheJdkEngine() {
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(java.net.http.HttpClient.class)
			.withMemberCategory(MemberCategory.INVOKE_PUBLIC_METHODS)).accepts(this.hints);
	}

	@Test
	void registersTheVersionResourceOfTheUserAgent() {
		assertThat(RuntimeHintsPredicates.resource().forResource(UserAgent.VERSION_RESOURCE)).accepts(this.hints);
	}

	@Test
	void registersRecordAccessorsForWriting() throws NoSuchMethodException {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Message.class.getMethod("text")))
			.accepts(this.hints);
	}

}
