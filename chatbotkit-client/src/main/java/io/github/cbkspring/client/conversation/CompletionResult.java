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

package io.github.cbkspring.client.conversation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The bot's complete reply to a message: the whole answer of a completion or a receive,
 * and the last event of their streams.
 *
 * @param id the id of the reply message, or {@code null} for a stateless completion,
 * which stores no message
 * @param text the text of the reply; empty, never {@code null}, when the API sent
 * {@code "text": null} (as for a reply that only calls a function), so that a caller can
 * use it as it is
 * @param tokens the tokens the reply used, or {@code 0} if the API did not say
 * @param endReason why the bot stopped writing; {@link EndReason#ACTIVITY} when it called
 * a function that the caller runs (see {@link FunctionCall}), and
 * {@link EndReason#UNKNOWN} when the API did not say (a receive never does) or sent a
 * reason this client does not know yet
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record CompletionResult(@Nullable String id, String text, long tokens, EndReason endReason) {

	/**
	 * Validate the result.
	 * @param id the id of the reply message
	 * @param text the text of the reply
	 * @param tokens the tokens the reply used
	 * @param endReason why the bot stopped writing
	 */
	public CompletionResult {
		Assert.notNull(text, "text must not be null");
		Assert.notNull(endReason, "endReason must not be null");
	}

	@JsonCreator
	static CompletionResult fromWire(@JsonProperty("id") @Nullable String id,
			@JsonProperty(value = "text", required = true) @Nullable String text,
			@JsonProperty("usage") @Nullable Usage usage, @JsonProperty("end") @Nullable End end) {
		EndReason reason = (end != null && end.reason() != null) ? end.reason() : EndReason.UNKNOWN;
		// required means present: a null text is a reply without text, not a broken one
		return new CompletionResult(id, (text != null) ? text : "", (usage != null) ? usage.token() : 0, reason);
	}

	record Usage(@JsonProperty("token") long token) {
	}

	record End(@JsonProperty("reason") @Nullable EndReason reason) {
	}

}
