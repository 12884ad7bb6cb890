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

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChatBotKitFailureAnalyzer}.
 *
 * @author cbkspring contributors
 */
class ChatBotKitFailureAnalyzerTests {

	@Test
	void missingSecretNamesPropertyEnvironmentVariableAndExample() {
		InvalidChatBotKitPropertyException failure = new InvalidChatBotKitPropertyException("chatbotkit.secret",
				"No ChatBotKit secret is configured.", "Set 'chatbotkit.secret'.", null);
		FailureAnalysis analysis = new ChatBotKitFailureAnalyzer()
			.analyze(new IllegalStateException("wrapped", failure));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("chatbotkit.secret", "No ChatBotKit secret");
		assertThat(analysis.getAction()).contains("CHATBOTKIT_SECRET", "chatbotkit.secret=");
	}

}
