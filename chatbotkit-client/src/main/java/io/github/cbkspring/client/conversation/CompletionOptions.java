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

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What a completion may use beyond the bot, for one call: functions the bot may call,
 * extensions, and limits. The same options go with a stateless completion, a completion
 * in a conversation, and (without limits, which those endpoints do not take) a send or a
 * receive. Only what is set is sent. Immutable: the {@code with...} methods return
 * copies. <pre class="code">
 * CompletionOptions options = CompletionOptions.none()
 *     .withFunction(weather)
 *     .withLimits(Limits.none().withCalls(3));
 * </pre>
 *
 * @param functions the functions the bot may call
 * @param extensions what is added to the bot, if anything
 * @param limits bounds on the completion's work, if any
 * @author cbkspring contributors
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompletionOptions(@JsonInclude(JsonInclude.Include.NON_EMPTY) List<FunctionDefinition> functions,
		@Nullable Extensions extensions, @Nullable Limits limits) {

	private static final CompletionOptions NONE = new CompletionOptions(List.of(), null, null);

	/**
	 * Validate the options and copy the functions.
	 * @param functions the functions the bot may call
	 * @param extensions what is added to the bot
	 * @param limits bounds on the completion's work
	 */
	public CompletionOptions {
		functions = Copies.list(functions, "Functions");
		Assert.isTrue(functions.stream().map(FunctionDefinition::name).distinct().count() == functions.size(),
				"Function names must be unique");
	}

	/**
	 * Options that set nothing.
	 * @return the options
	 */
	public static CompletionOptions none() {
		return NONE;
	}

	/**
	 * A copy with one more function.
	 * @param function the function
	 * @return the copy
	 */
	public CompletionOptions withFunction(FunctionDefinition function) {
		return new CompletionOptions(Copies.plus(this.functions, function), this.extensions, this.limits);
	}

	/**
	 * A copy with these functions instead of the ones set before.
	 * @param functions the functions
	 * @return the copy
	 */
	public CompletionOptions withFunctions(List<FunctionDefinition> functions) {
		return new CompletionOptions(functions, this.extensions, this.limits);
	}

	/**
	 * A copy with extensions.
	 * @param extensions the extensions
	 * @return the copy
	 */
	public CompletionOptions withExtensions(Extensions extensions) {
		Assert.notNull(extensions, "Extensions must not be null");
		return new CompletionOptions(this.functions, extensions, this.limits);
	}

	/**
	 * A copy with limits.
	 * @param limits the limits
	 * @return the copy
	 */
	public CompletionOptions withLimits(Limits limits) {
		Assert.notNull(limits, "Limits must not be null");
		return new CompletionOptions(this.functions, this.extensions, limits);
	}

	void assertNoLimits(String operation) {
		Assert.isNull(this.limits, () -> operation + " takes no limits (only completions do)");
	}

}
