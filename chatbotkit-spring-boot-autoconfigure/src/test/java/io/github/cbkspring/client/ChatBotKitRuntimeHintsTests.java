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

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChatBotKitRuntimeHints}.
 *
 * @author cbkspring contributors
 */
class ChatBotKitRuntimeHintsTests {

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
	void registersTheRecordsTheMapperBinds() {
		for (Class<?> type : new Class<?>[] { SessionCreateRequest.class, SessionCreateResponse.class, Message.class,
				MessageType.class, ConversationSession.class, CompletionResult.class, EndReason.class }) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(this.hints);
		}
	}

	@Test
	void registersTheJsonCreatorFactoriesAndWireAccessors() throws NoSuchMethodException {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(SessionCreateResponse.class, "fromWire"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(CompletionResult.class, "fromWire"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(ConversationSession.class, "fromWire"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(SessionCreateRequest.class.getDeclaredMethod("durationInSeconds"))).accepts(this.hints);
	}

	@Test
	void registersRecordAccessorsForWriting() throws NoSuchMethodException {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Message.class.getMethod("text")))
			.accepts(this.hints);
	}

}
