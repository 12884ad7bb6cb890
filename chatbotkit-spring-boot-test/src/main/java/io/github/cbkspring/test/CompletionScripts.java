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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The fake's scripted completions, for {@code /conversation/complete} and
 * {@code /conversation/{id}/complete}, whole and streamed. A script answers every request
 * it matches; the script added last wins over earlier ones, so that a test can override a
 * default. A request that no script matches is answered {@value #DEFAULT_REPLY}.
 *
 * <pre class="code">
 * fake.completions().whenUserSays("Hi").reply("Hel", "lo");
 * fake.completions().when((request) -&gt; request.path().contains("c1")).answer((request) -&gt; Completion.reply("..."));
 * </pre>
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public final class CompletionScripts {

	/**
	 * The reply to a request that no script matches.
	 */
	public static final String DEFAULT_REPLY = "This is the ChatBotKit fake.";

	private final List<Script> scripts = new CopyOnWriteArrayList<>();

	CompletionScripts() {
	}

	/**
	 * Script the answer to requests whose user message is this text: the last
	 * {@code user} message of a stateless completion, or the {@code text} of a
	 * conversation's.
	 * @param text the user's message, matched exactly
	 * @return the answer to script
	 */
	public Answer whenUserSays(String text) {
		Objects.requireNonNull(text, "text must not be null");
		return when((request) -> text.equals(request.userMessage()));
	}

	/**
	 * Script the answer to requests that match a condition.
	 * @param condition whether a completion request is answered by this script
	 * @return the answer to script
	 */
	public Answer when(Predicate<RecordedRequest> condition) {
		Objects.requireNonNull(condition, "condition must not be null");
		return new Answer(condition);
	}

	/**
	 * Script the answer to requests that no other script matches.
	 * @return the answer to script
	 */
	public Answer otherwise() {
		return new Answer((request) -> true);
	}

	/**
	 * Forget every script.
	 */
	void reset() {
		this.scripts.clear();
	}

	/**
	 * The answer to a completion request: a fault, or a completion.
	 */
	Object answer(RecordedRequest request) {
		for (int i = this.scripts.size() - 1; i >= 0; i--) {
			Script script = this.scripts.get(i);
			if (script.condition().test(request)) {
				return script.answer().apply(request);
			}
		}
		return Completion.reply(DEFAULT_REPLY);
	}

	private record Script(Predicate<RecordedRequest> condition, Function<RecordedRequest, Object> answer) {

	}

	/**
	 * The answer a script gives.
	 *
	 * @since 0.1.0
	 */
	public final class Answer {

		private final Predicate<RecordedRequest> condition;

		private Answer(Predicate<RecordedRequest> condition) {
			this.condition = condition;
		}

		/**
		 * Reply with these tokens.
		 * @param tokens the reply's tokens
		 * @see Completion#reply(String...)
		 */
		public void reply(String... tokens) {
			reply(Completion.reply(tokens));
		}

		/**
		 * Reply with a completion.
		 * @param completion the completion
		 */
		public void reply(Completion completion) {
			Objects.requireNonNull(completion, "completion must not be null");
			answer((request) -> completion);
		}

		/**
		 * Reply with a completion made from the request.
		 * @param answer the completion for a request
		 */
		public void answer(Function<RecordedRequest, Completion> answer) {
			Objects.requireNonNull(answer, "answer must not be null");
			add(answer::apply);
		}

		/**
		 * Fail with a status and the API's error body.
		 * @param fault the failure
		 */
		public void fail(Fault fault) {
			Objects.requireNonNull(fault, "fault must not be null");
			add((request) -> fault);
		}

		private void add(Function<RecordedRequest, @Nullable Object> answer) {
			CompletionScripts.this.scripts.add(new Script(this.condition,
					(request) -> Objects.requireNonNull(answer.apply(request), "A scripted answer must not be null")));
		}

	}

}
