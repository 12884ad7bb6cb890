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

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the fake answers to a call.
 *
 * @author cbkspring contributors
 */
sealed interface Answer {

	/**
	 * A JSON answer.
	 */
	record JsonAnswer(int status, Object body, Map<String, String> headers) implements Answer {

	}

	/**
	 * An answer of bytes, such as a file's content.
	 */
	@SuppressWarnings("ArrayRecordComponent") // never compared or hashed
	record BytesAnswer(int status, byte[] body, @Nullable String contentType) implements Answer {

	}

	/**
	 * A completion, whole or streamed as JSON Lines; {@code done} runs once it was sent
	 * in full; a streamed one that goes on after its channel calls takes their messages
	 * from {@code channels}.
	 */
	record CompletionAnswer(Completion completion, boolean streamed, Runnable done,
			ChannelMessages channels) implements Answer {

	}

	static Answer ok(Object body) {
		return new JsonAnswer(200, body, Map.of());
	}

	static Answer id(Object id) {
		return ok(Map.of("id", id));
	}

	/**
	 * The API's error shape: {@code {"message": ..., "code": ...}}.
	 */
	static Answer error(int status, String code, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", message);
		body.put("code", code);
		return new JsonAnswer(status, body, Map.of());
	}

	static Answer fault(Fault fault) {
		Answer error = error(fault.statusCode(), fault.code(), fault.message());
		if (fault.retryAfter() == null) {
			return error;
		}
		long seconds = (fault.retryAfter().toMillis() + 999) / 1000;
		return new JsonAnswer(fault.statusCode(), ((JsonAnswer) error).body(),
				Map.of("Retry-After", Long.toString(seconds)));
	}

	static Answer notFound(String what) {
		return error(404, "NOT_FOUND", what + " not found");
	}

	static Answer badRequest(String message) {
		return error(400, "BAD_REQUEST", message);
	}

}
