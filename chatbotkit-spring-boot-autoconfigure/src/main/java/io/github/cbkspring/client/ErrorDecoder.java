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

package io.github.cbkspring.client;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/**
 * Turns an error answer of the API into the matching {@link ChatBotKitHttpException}. The
 * API's errors are JSON {@code {"message": "...", "code": "..."}}; any other body falls
 * back to code {@code CONTENT_TOO_LARGE} for 413 and {@code GENERIC_ERROR} otherwise, as
 * the Node SDK does, with a bounded excerpt of the body as message.
 *
 * @author cbkspring contributors
 */
final class ErrorDecoder {

	/** The most bytes of an error body that are read. */
	static final int MAX_ERROR_BODY = 64 * 1024;

	private static final String REQUEST_ID_HEADER = "X-Request-Id";

	private ErrorDecoder() {
	}

	static ChatBotKitHttpException decode(HttpStatusCode status, HttpHeaders headers, BoundedBody body, String secret) {
		int code = status.value();
		ChatBotKitError error = new ChatBotKitError(code, errorCode(code, body),
				errorMessage(status, headers, body, secret), headers.getFirst(REQUEST_ID_HEADER));
		Duration retryAfter = retryAfter(headers);
		return switch (code) {
			case 401 -> new ChatBotKitAuthenticationException(error);
			case 403 -> new ChatBotKitPermissionException(error);
			case 404 -> new ChatBotKitNotFoundException(error);
			case 429 -> new ChatBotKitRateLimitException(error, retryAfter);
			default -> status.is5xxServerError() ? new ChatBotKitServerException(error, retryAfter)
					: new ChatBotKitHttpException(error);
		};
	}

	private static String errorCode(int status, BoundedBody body) {
		String code = jsonField(body, "code");
		if (code != null) {
			return code;
		}
		return (status == 413) ? "CONTENT_TOO_LARGE" : "GENERIC_ERROR";
	}

	private static String errorMessage(HttpStatusCode status, HttpHeaders headers, BoundedBody body, String secret) {
		String message = jsonField(body, "message");
		if (message != null) {
			return Redaction.mask(message, secret);
		}
		if (status.is3xxRedirection()) {
			return "redirect to " + headers.getLocation() + " not followed (the secret is never sent to another URL)";
		}
		return body.isEmpty() ? "(empty body)" : body.excerpt(secret);
	}

	private static @Nullable String jsonField(BoundedBody body, String name) {
		if (body.isEmpty() || body.truncated()) {
			return null;
		}
		try {
			JsonNode field = JsonCodec.INSTANCE.readTree(body.bytes()).get(name);
			return (field != null && field.isString() && !field.asString().isBlank()) ? field.asString() : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * The wait a {@code Retry-After} header asks for, in seconds or as an HTTP date.
	 */
	static @Nullable Duration retryAfter(HttpHeaders headers) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		try {
			long seconds = Long.parseLong(trimmed);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException ex) {
			try {
				Duration wait = Duration.between(ZonedDateTime.now(ZoneOffset.UTC),
						ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME));
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

}
