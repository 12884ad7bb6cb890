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

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.util.ReflectionUtils;

/**
 * Reflection hints for a native image: the client's JSON mapper reads and writes these
 * records through their accessors, constructors and {@code @JsonCreator} factories.
 *
 * @author cbkspring contributors
 */
class ChatBotKitRuntimeHints implements RuntimeHintsRegistrar {

	private static final Class<?>[] JSON_TYPES = { SessionCreateRequest.class, SessionCreateResponse.class,
			Message.class, MessageType.class, ConversationSession.class, CompletionResult.class,
			CompletionResult.Usage.class, CompletionResult.End.class, EndReason.class };

	private final BindingReflectionHintsRegistrar bindingRegistrar = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		this.bindingRegistrar.registerReflectionHints(hints.reflection(), JSON_TYPES);
		for (Class<?> type : JSON_TYPES) {
			ReflectionUtils.doWithLocalMethods(type, (method) -> {
				if (method.getName().equals("fromWire") || method.getName().equals("durationInSeconds")) {
					hints.reflection().registerMethod(method, ExecutableMode.INVOKE);
				}
			});
		}
	}

}
