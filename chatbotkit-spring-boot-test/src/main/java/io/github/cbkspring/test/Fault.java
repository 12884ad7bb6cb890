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

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A failure the fake answers instead of a call's normal answer: a status with the API's
 * error body {@code {"message": ..., "code": ...}}, and a {@code Retry-After} header for
 * {@link #tooManyRequests(Duration)}.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 * @see ChatBotKitFake#failNext(Fault)
 * @see CompletionScripts.Answer#fail(Fault)
 */
public final class Fault {

	private final int status;

	private final String code;

	private final String message;

	private final @Nullable Duration retryAfter;

	private Fault(int status, String code, String message, @Nullable Duration retryAfter) {
		this.status = status;
		this.code = code;
		this.message = message;
		this.retryAfter = retryAfter;
	}

	/**
	 * A {@code 401}, as for a revoked secret.
	 * @return the fault
	 */
	public static Fault unauthorized() {
		return new Fault(401, "UNAUTHORIZED", "Invalid secret", null);
	}

	/**
	 * A {@code 429} with a {@code Retry-After} header.
	 * @param retryAfter the wait the header names, in whole seconds (rounded up)
	 * @return the fault
	 * @throws IllegalArgumentException if the wait is negative, which no
	 * {@code Retry-After} header can name
	 */
	public static Fault tooManyRequests(Duration retryAfter) {
		Objects.requireNonNull(retryAfter, "retryAfter must not be null");
		if (retryAfter.isNegative()) {
			throw new IllegalArgumentException("retryAfter must not be negative, not " + retryAfter);
		}
		return new Fault(429, "TOO_MANY_REQUESTS", "Too many requests", retryAfter);
	}

	/**
	 * A server error.
	 * @param status a status from 500 to 599
	 * @return the fault
	 * @throws IllegalArgumentException if the status is not a server error
	 */
	public static Fault serverError(int status) {
		if (status < 500 || status > 599) {
			throw new IllegalArgumentException("A server error is a status from 500 to 599, not " + status);
		}
		return new Fault(status, "INTERNAL_SERVER_ERROR", "Internal server error", null);
	}

	/**
	 * Any status with the API's error body.
	 * @param status the status, 400 or more
	 * @param code the body's {@code code}
	 * @param message the body's {@code message}
	 * @return the fault
	 * @throws IllegalArgumentException if the status is not an error
	 */
	public static Fault status(int status, String code, String message) {
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("A fault is a status from 400 to 599, not " + status);
		}
		return new Fault(status, Objects.requireNonNull(code, "code must not be null"),
				Objects.requireNonNull(message, "message must not be null"), null);
	}

	int statusCode() {
		return this.status;
	}

	String code() {
		return this.code;
	}

	String message() {
		return this.message;
	}

	@Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	@Override
	public String toString() {
		return this.status + " " + this.code;
	}

}
