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

package io.github.cbkspring.test;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the completion requests a {@link ChatBotKitFake} received. Each
 * {@code with} method asserts that at least one of the requests still in view matches,
 * and keeps only those in view: {@code withBotId("b1").withUserMessage("Hi")} holds if
 * one request has both.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public final class CompletionRequestAssert extends AbstractAssert<CompletionRequestAssert, List<RecordedRequest>> {

	CompletionRequestAssert(List<RecordedRequest> requests) {
		super(requests, CompletionRequestAssert.class);
	}

	/**
	 * Narrow to the completions with a bot id.
	 * @param botId the {@code botId} of a stateless completion
	 * @return assertions on the requests that have it
	 */
	public CompletionRequestAssert withBotId(String botId) {
		Objects.requireNonNull(botId, "botId must not be null");
		return matching((request) -> botId.equals(request.json().get("botId")), "bot id <" + botId + ">");
	}

	/**
	 * Narrow to the completions whose user message is a text: the last {@code user}
	 * message of a stateless completion, the {@code text} of a conversation's.
	 * @param text the message, exactly
	 * @return assertions on the requests that have it
	 */
	public CompletionRequestAssert withUserMessage(String text) {
		Objects.requireNonNull(text, "text must not be null");
		return matching((request) -> text.equals(request.userMessage()), "user message <" + text + ">");
	}

	/**
	 * Narrow to the completions of a conversation.
	 * @param conversationId the conversation
	 * @return assertions on the requests for it
	 */
	public CompletionRequestAssert withConversationId(String conversationId) {
		Objects.requireNonNull(conversationId, "conversationId must not be null");
		return matching((request) -> request.path().equals("/conversation/" + conversationId + "/complete"),
				"conversation <" + conversationId + ">");
	}

	/**
	 * Narrow to the completions that offer the model a function.
	 * @param name the function's name
	 * @return assertions on the requests that offer it
	 */
	public CompletionRequestAssert withFunction(String name) {
		Objects.requireNonNull(name, "name must not be null");
		return matching(
				(request) -> request.jsonNode() != null && request.jsonNode()
					.path("functions")
					.valueStream()
					.anyMatch((function) -> name.equals(function.path("name").asString(""))),
				"function <" + name + ">");
	}

	/**
	 * Narrow to the completions that match a condition.
	 * @param condition the condition
	 * @param description what it asks for, for the failure message
	 * @return assertions on the requests that match
	 */
	public CompletionRequestAssert matching(Predicate<RecordedRequest> condition, String description) {
		isNotNull();
		List<RecordedRequest> matching = this.actual.stream().filter(condition).toList();
		if (matching.isEmpty()) {
			failWithMessage("Expected a completion request with %s, but received: %s", description, this.actual);
		}
		return new CompletionRequestAssert(matching);
	}

}
