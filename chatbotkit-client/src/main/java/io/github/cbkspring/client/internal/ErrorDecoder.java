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

package io.github.cbkspring.client.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import io.github.cbkspring.client.error.ChatBotKitAuthenticationException;
import io.github.cbkspring.client.error.ChatBotKitError;
import io.github.cbkspring.client.error.ChatBotKitHttpException;
import io.github.cbkspring.client.error.ChatBotKitNotFoundException;
import io.github.cbkspring.client.error.ChatBotKitPermissionException;
import io.github.cbkspring.client.error.ChatBotKitRateLimitException;
import io.github.cbkspring.client.error.ChatBotKitServerException;
import io.github.cbkspring.client.internal.util.Redaction;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/**
 * Turns an error answer of the API into the matching {@link ChatBotKitHttpException}. The
 * API's errors are JSON {@code {"message": "...", "code": "..."}}; an RFC 9457 problem
 * ({@code application/problem+json}) gives its {@code detail}, or else its {@code title},
 * as the message; any other body falls back to code {@code CONTENT_TOO_LARGE} for 413 and
 * {@code GENERIC_ERROR} otherwise, as the Node SDK does, with a bounded excerpt of the
 * body as message.
 *
 * @author cbkspring contributors
 */
public final class ErrorDecoder {

	/** The most bytes of an error body that are read. */
	static final int MAX_ERROR_BODY = 64 * 1024;

	/**
	 * The longest {@code Retry-After} reported: longer values, however large, are clamped
	 * to it. About 292 years, the longest {@link Duration} whose
	 * {@link Duration#toNanos()} does not overflow.
	 */
	public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L);

	private static final String REQUEST_ID_HEADER = "X-Request-Id";

	/** The fields that carry the message, in order: the API's, then RFC 9457's. */
	private static final String[] MESSAGE_FIELDS = { "message", "detail", "title" };

	private static final Pattern DELAY_SECONDS = Pattern.compile("\\d+(\\.\\d+)?");

	private ErrorDecoder() {
	}

	/**
	 * Decode an error answer.
	 * @param call the call answered, as messages name it (method and URI template)
	 * @param clock the wall clock a {@code Retry-After} date counts from when the answer
	 * has no {@code Date}
	 */
	static ChatBotKitHttpException decode(HttpStatusCode status, HttpHeaders headers, BoundedBody body, String secret,
			String call, Clock clock) {
		int code = status.value();
		JsonNode json = json(body);
		ChatBotKitError error = new ChatBotKitError(code, errorCode(code, json),
				errorMessage(status, headers, json, body, secret), headers.getFirst(REQUEST_ID_HEADER), call);
		Duration retryAfter = retryAfter(headers, clock);
		return switch (code) {
			case 401 -> new ChatBotKitAuthenticationException(error);
			case 403 -> new ChatBotKitPermissionException(error);
			case 404 -> new ChatBotKitNotFoundException(error);
			case 429 -> new ChatBotKitRateLimitException(error, retryAfter);
			default -> status.is5xxServerError() ? new ChatBotKitServerException(error, retryAfter)
					: new ChatBotKitHttpException(error);
		};
	}

	private static String errorCode(int status, @Nullable JsonNode json) {
		String code = field(json, "code");
		if (code != null) {
			return code;
		}
		return (status == 413) ? "CONTENT_TOO_LARGE" : "GENERIC_ERROR";
	}

	private static String errorMessage(HttpStatusCode status, HttpHeaders headers, @Nullable JsonNode json,
			BoundedBody body, String secret) {
		for (String name : MESSAGE_FIELDS) {
			String message = field(json, name);
			if (message != null) {
				return Redaction.mask(message, secret);
			}
		}
		if (status.is3xxRedirection()) {
			return "redirect to " + headers.getLocation() + " not followed (the secret is never sent to another URL)";
		}
		String coding = ContentCodings.unsupported(headers);
		if (coding != null && !body.isEmpty()) {
			return "(a body coded with '" + coding + "', which the client cannot decode)";
		}
		return body.isEmpty() ? "(empty body)" : body.excerpt(secret);
	}

	private static @Nullable JsonNode json(BoundedBody body) {
		if (body.isEmpty() || body.truncated()) {
			return null;
		}
		try {
			return JsonCodec.INSTANCE.readTree(body.bytes());
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static @Nullable String field(@Nullable JsonNode json, String name) {
		JsonNode field = (json != null) ? json.get(name) : null;
		return (field != null && field.isString() && !field.asString().isBlank()) ? field.asString() : null;
	}

	/**
	 * The wait a {@code Retry-After} header asks for, in seconds or as an HTTP date in
	 * any of the three forms of RFC 9110 ({@link HttpDates}), clamped to
	 * {@link #MAX_RETRY_AFTER}. A date counts from the answer's {@code Date}, so that a
	 * skewed local clock does not change the wait, or from the clock's now without one.
	 * @return the wait, or {@code null} when there is no header or it is neither a number
	 * nor a date
	 */
	static @Nullable Duration retryAfter(HttpHeaders headers, Clock clock) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		if (DELAY_SECONDS.matcher(trimmed).matches()) {
			BigDecimal seconds = new BigDecimal(trimmed);
			return (seconds.compareTo(BigDecimal.valueOf(MAX_RETRY_AFTER.toSeconds())) >= 0) ? MAX_RETRY_AFTER
					: Duration.ofMillis(seconds.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact());
		}
		Instant date = HttpDates.parse(trimmed, clock);
		if (date == null) {
			return null;
		}
		String answeredValue = headers.getFirst(HttpHeaders.DATE);
		Instant answered = (answeredValue != null) ? HttpDates.parse(answeredValue, clock) : null;
		Duration wait = Duration.between((answered != null) ? answered : clock.instant(), date);
		return wait.isNegative() ? Duration.ZERO : (wait.compareTo(MAX_RETRY_AFTER) > 0) ? MAX_RETRY_AFTER : wait;
	}

}
