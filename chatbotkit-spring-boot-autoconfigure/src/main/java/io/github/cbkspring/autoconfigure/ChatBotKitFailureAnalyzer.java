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

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a missing or invalid {@code chatbotkit.*} property at start-up with the
 * property's name and how to set it, as Boot does for a missing DataSource URL.
 *
 * @author cbkspring contributors
 */
class ChatBotKitFailureAnalyzer extends AbstractFailureAnalyzer<InvalidChatBotKitPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidChatBotKitPropertyException cause) {
		String description = "The ChatBotKit client could not be configured.\n\n" + "    Property: "
				+ cause.getProperty() + "\n    Problem:  " + cause.getProblem();
		String action = cause.getAction() + "\n\nFor example, in application.properties:\n\n"
				+ "    chatbotkit.secret=${CHATBOTKIT_SECRET}\n    chatbotkit.url=https://api.chatbotkit.com\n\n"
				+ "or in the environment: export CHATBOTKIT_SECRET=<your secret>";
		return new FailureAnalysis(description, action, cause);
	}

}
