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

package io.github.cbkspring.test.autoconfigure;

import io.github.cbkspring.client.conversation.CompletionRequest;
import io.github.cbkspring.client.conversation.ConversationClient;
import io.github.cbkspring.client.core.Message;

import org.springframework.stereotype.Service;

/**
 * Asks the support bot.
 *
 * @author cbkspring contributors
 */
@Service
class SupportService {

	private final ConversationClient conversations;

	SupportService(ConversationClient conversations) {
		this.conversations = conversations;
	}

	String ask(String question) {
		return this.conversations
			.complete(CompletionRequest.withBot("support-bot").message(Message.user(question)).build())
			.text();
	}

}
