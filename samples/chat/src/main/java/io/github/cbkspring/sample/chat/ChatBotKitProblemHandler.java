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

package io.github.cbkspring.sample.chat;

import java.time.Duration;

import io.github.cbkspring.client.ChatBotKitAuthenticationException;
import io.github.cbkspring.client.ChatBotKitConnectionException;
import io.github.cbkspring.client.ChatBotKitException;
import io.github.cbkspring.client.ChatBotKitHttpException;
import io.github.cbkspring.client.ChatBotKitNotFoundException;
import io.github.cbkspring.client.ChatBotKitPermissionException;
import io.github.cbkspring.client.ChatBotKitRateLimitException;
import io.github.cbkspring.client.ChatBotKitTimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns failed ChatBotKit calls into RFC 9457 problem responses for the browser. The
 * detail is a sentence of ours: the browser learns what went wrong upstream, but never
 * the secret, the upstream body or a stack trace. The full exception is logged.
 *
 * @author cbkspring contributors
 */
@RestControllerAdvice
class ChatBotKitProblemHandler {

	private static final Log logger = LogFactory.getLog(ChatBotKitProblemHandler.class);

	@ExceptionHandler({ ChatBotKitAuthenticationException.class, ChatBotKitPermissionException.class })
	ResponseEntity<ProblemDetail> credentialsRejected(ChatBotKitException ex) {
		return problem(HttpStatus.BAD_GATEWAY, "ChatBotKit rejected this application's credentials.", ex);
	}

	// The browser asked for a session, which exists; the bot id is server configuration
	@ExceptionHandler
	ResponseEntity<ProblemDetail> botNotFound(ChatBotKitNotFoundException ex) {
		return problem(HttpStatus.BAD_GATEWAY, "ChatBotKit does not know the bot this application is configured for.",
				ex);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> rateLimited(ChatBotKitRateLimitException ex) {
		ResponseEntity<ProblemDetail> response = problem(HttpStatus.TOO_MANY_REQUESTS,
				"ChatBotKit is limiting requests; try again later.", ex);
		return ex.retryAfter()
			.map((retryAfter) -> ResponseEntity.status(response.getStatusCode())
				.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)))
				.body(response.getBody()))
			.orElse(response);
	}

	// Before ChatBotKitConnectionException: a timeout is one
	@ExceptionHandler
	ResponseEntity<ProblemDetail> timedOut(ChatBotKitTimeoutException ex) {
		return problem(HttpStatus.GATEWAY_TIMEOUT, "ChatBotKit did not answer in time.", ex);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreachable(ChatBotKitConnectionException ex) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "ChatBotKit could not be reached.", ex);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> failed(ChatBotKitException ex) {
		return problem(HttpStatus.BAD_GATEWAY, "ChatBotKit could not create a chat session.", ex);
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, ChatBotKitException ex) {
		logger.warn("Creating a ChatBotKit session failed: " + ex.getMessage(), ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		if (ex instanceof ChatBotKitHttpException http) {
			problem.setProperty("code", http.code());
			setIfPresent(problem, "requestId", http.requestId());
		}
		return ResponseEntity.status(status).body(problem);
	}

	private static void setIfPresent(ProblemDetail problem, String name, @Nullable String value) {
		if (value != null) {
			problem.setProperty(name, value);
		}
	}

	private static long seconds(Duration duration) {
		return Math.max(1, duration.toSeconds() + ((duration.toNanosPart() > 0) ? 1 : 0));
	}

}
