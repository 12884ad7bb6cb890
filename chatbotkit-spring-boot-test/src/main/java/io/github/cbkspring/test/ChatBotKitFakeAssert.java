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

import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * AssertJ assertions on what an application sent a {@link ChatBotKitFake}:
 *
 * <pre class="code">
 * assertThat(fake).receivedCompletion().withBotId("b1").withUserMessage("Hi");
 * assertThat(fake).receivedRequest("POST", "/contact/ensure");
 * </pre>
 *
 * A failure lists the requests received, which hold no credential.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public final class ChatBotKitFakeAssert extends AbstractAssert<ChatBotKitFakeAssert, ChatBotKitFake> {

	private ChatBotKitFakeAssert(ChatBotKitFake actual) {
		super(actual, ChatBotKitFakeAssert.class);
	}

	/**
	 * Assertions on a fake.
	 * @param fake the fake
	 * @return the assertions
	 */
	public static ChatBotKitFakeAssert assertThat(ChatBotKitFake fake) {
		return new ChatBotKitFakeAssert(fake);
	}

	/**
	 * Assert that the fake received at least one completion request, stateless or of a
	 * conversation, and narrow the assertions to those.
	 * @return assertions on the completion requests received
	 */
	public CompletionRequestAssert receivedCompletion() {
		isNotNull();
		List<RecordedRequest> completions = this.actual.requests()
			.stream()
			.filter(ChatBotKitFakeAssert::isCompletion)
			.toList();
		if (completions.isEmpty()) {
			failWithMessage("Expected a completion request, but received: %s", this.actual.requests());
		}
		return new CompletionRequestAssert(completions);
	}

	/**
	 * Assert that the fake received no completion request.
	 * @return these assertions
	 */
	public ChatBotKitFakeAssert receivedNoCompletion() {
		isNotNull();
		List<RecordedRequest> completions = this.actual.requests()
			.stream()
			.filter(ChatBotKitFakeAssert::isCompletion)
			.toList();
		if (!completions.isEmpty()) {
			failWithMessage("Expected no completion request, but received: %s", completions);
		}
		return this;
	}

	/**
	 * Assert that the fake received a request.
	 * @param method the HTTP method, such as {@code POST}
	 * @param path the path after {@code /api/v1}, decoded, without the query
	 * @return these assertions
	 */
	public ChatBotKitFakeAssert receivedRequest(String method, String path) {
		isNotNull();
		Objects.requireNonNull(method, "method must not be null");
		Objects.requireNonNull(path, "path must not be null");
		if (this.actual.requests()
			.stream()
			.noneMatch((request) -> request.method().equals(method) && request.path().equals(path))) {
			failWithMessage("Expected a request %s %s, but received: %s", method, path, this.actual.requests());
		}
		return this;
	}

	/**
	 * Assertions on every request received, oldest first.
	 * @return AssertJ's list assertions
	 */
	public ListAssert<RecordedRequest> requests() {
		isNotNull();
		return Assertions.assertThat(this.actual.requests());
	}

	static boolean isCompletion(RecordedRequest request) {
		return "completeConversation".equals(request.operationId())
				|| "completeConversationMessage".equals(request.operationId());
	}

}
