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

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Bounds on the work of one completion; each is optional and at least one when set.
 * Immutable: the {@code with...} methods return copies. <pre class="code">
 * Limits limits = Limits.none().withIterations(1).withCalls(3);
 * </pre>
 *
 * @param iterations how many agentic iterations (a model turn and the function calls it
 * makes) at most
 * @param continuations how many times at most the model may go on writing after it
 * stopped
 * @param calls how many function calls at most
 * @author cbkspring contributors
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Limits(@Nullable Integer iterations, @Nullable Integer continuations, @Nullable Integer calls) {

	private static final Limits NONE = new Limits(null, null, null);

	/**
	 * Validate the limits.
	 * @param iterations how many iterations at most
	 * @param continuations how many continuations at most
	 * @param calls how many function calls at most
	 */
	public Limits {
		Assert.isTrue(iterations == null || iterations >= 1, "iterations must be at least 1");
		Assert.isTrue(continuations == null || continuations >= 1, "continuations must be at least 1");
		Assert.isTrue(calls == null || calls >= 1, "calls must be at least 1");
	}

	/**
	 * No limits: the API's defaults.
	 * @return limits that set nothing
	 */
	public static Limits none() {
		return NONE;
	}

	/**
	 * A copy with a limit on agentic iterations.
	 * @param iterations how many iterations at most, at least one
	 * @return the copy
	 */
	public Limits withIterations(int iterations) {
		return new Limits(iterations, this.continuations, this.calls);
	}

	/**
	 * A copy with a limit on continuations.
	 * @param continuations how many continuations at most, at least one
	 * @return the copy
	 */
	public Limits withContinuations(int continuations) {
		return new Limits(this.iterations, continuations, this.calls);
	}

	/**
	 * A copy with a limit on function calls.
	 * @param calls how many function calls at most, at least one
	 * @return the copy
	 */
	public Limits withCalls(int calls) {
		return new Limits(this.iterations, this.continuations, calls);
	}

}
