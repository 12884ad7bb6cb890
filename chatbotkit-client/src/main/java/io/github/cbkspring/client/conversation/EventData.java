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

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The {@code data} objects of stream events as they are on the wire, which the public
 * {@link CompletionEvent} records flatten.
 *
 * @author cbkspring contributors
 */
final class EventData {

	private EventData() {
	}

	record Token(@JsonProperty(value = "token", required = true) String token) {

	}

	record Usage(@JsonProperty(value = "model", required = true) String model,
			@JsonProperty("inputTokensUsed") long inputTokensUsed,
			@JsonProperty("outputTokensUsed") long outputTokensUsed) {

	}

	record Abort(@JsonProperty("reason") @Nullable Object reason,
			@JsonProperty("functionName") @Nullable String functionName) {

	}

}
