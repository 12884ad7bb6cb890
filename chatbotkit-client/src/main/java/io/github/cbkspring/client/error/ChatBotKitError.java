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

package io.github.cbkspring.client.error;

import org.jspecify.annotations.Nullable;

/**
 * What the ChatBotKit API said about a failed call.
 *
 * @param status the HTTP status code
 * @param code the API error code, such as {@code NOT_FOUND}; {@code CONTENT_TOO_LARGE}
 * for a 413 and {@code GENERIC_ERROR} otherwise when the body was not the API's JSON
 * error
 * @param message the API error message, or a bounded excerpt of a body that was not the
 * API's JSON error
 * @param requestId the request id the API sent in {@code X-Request-Id}, if any
 * @param call the call that was answered as messages name it, its method and URL with the
 * endpoint's path template, such as {@code GET
 * https://api.chatbotkit.com/v1/bot/{botId}/fetch} (never the ids or the query), or
 * {@code null} when not known
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record ChatBotKitError(int status, String code, String message, @Nullable String requestId,
		@Nullable String call) {

	/**
	 * What the API said, without the call it answered.
	 * @param status the HTTP status code
	 * @param code the API error code
	 * @param message the API error message
	 * @param requestId the request id the API sent, if any
	 */
	public ChatBotKitError(int status, String code, String message, @Nullable String requestId) {
		this(status, code, message, requestId, null);
	}

}
