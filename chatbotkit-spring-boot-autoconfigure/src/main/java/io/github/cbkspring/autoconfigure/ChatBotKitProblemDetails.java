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

package io.github.cbkspring.autoconfigure;

import java.net.URI;
import java.time.Duration;

import io.github.cbkspring.client.error.ChatBotKitAuthenticationException;
import io.github.cbkspring.client.error.ChatBotKitConnectionException;
import io.github.cbkspring.client.error.ChatBotKitDecodingException;
import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.client.error.ChatBotKitHttpException;
import io.github.cbkspring.client.error.ChatBotKitNotFoundException;
import io.github.cbkspring.client.error.ChatBotKitPermissionException;
import io.github.cbkspring.client.error.ChatBotKitRateLimitException;
import io.github.cbkspring.client.error.ChatBotKitTimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;

/**
 * Turns a {@link ChatBotKitException} into an RFC 9457 problem
 * ({@code application/problem+json}): a status that says what failed upstream, a sentence
 * of ours as {@code detail}, and the API's {@code code} and {@code requestId} when there
 * are any. Never the secret, the API's message or body, or a stack trace.
 * <p>
 * Each failure is logged as one WARN line that says what to check, with the secret masked
 * should the message hold it; the stack trace is logged at DEBUG. A failure after the
 * answer has started (a streamed reply, such as Server-Sent Events) cannot become a
 * problem: it is logged the same way and thrown on, so that the server aborts the answer
 * (closes the connection without ending the body) and no client takes half an answer for
 * a whole one; the server logs it then as any failure it could not answer. Shared by the
 * controller advice of Spring MVC ({@link ChatBotKitProblemDetailsExceptionHandler}) and
 * of WebFlux ({@link ChatBotKitReactiveProblemDetailsExceptionHandler}).
 *
 * @author cbkspring contributors
 */
final class ChatBotKitProblemDetails {

	private static final Log logger = LogFactory.getLog(ChatBotKitProblemDetails.class);

	private static final String MASK = "******";

	private final URI url;

	private final @Nullable String secret;

	ChatBotKitProblemDetails(URI url, @Nullable String secret) {
		this.url = url;
		this.secret = StringUtils.hasText(secret) ? secret.trim() : null;
	}

	/**
	 * The problem that answers a failure, logged.
	 * @param ex the failure
	 * @param committed whether the answer has started, so that it can only be aborted
	 * @return the problem
	 * @throws ChatBotKitException {@code ex}, when the answer had started
	 */
	ResponseEntity<ProblemDetail> answer(ChatBotKitException ex, boolean committed) {
		if (ex instanceof ChatBotKitAuthenticationException || ex instanceof ChatBotKitPermissionException) {
			return problem(committed, HttpStatus.BAD_GATEWAY, "ChatBotKit rejected this application's credentials.", ex,
					ex.getMessage(), "chatbotkit.secret");
		}
		if (ex instanceof ChatBotKitNotFoundException) {
			// the message names the URL called: the URL or the API path may be wrong
			return problem(committed, HttpStatus.BAD_GATEWAY,
					"ChatBotKit does not know what this application asked for.", ex, ex.getMessage(),
					"chatbotkit.url and chatbotkit.api-path (they make the URL called),"
							+ " and the ids this application sends, such as its bot id");
		}
		if (ex instanceof ChatBotKitRateLimitException rateLimited) {
			return rateLimited(committed, rateLimited);
		}
		// a timeout is a connection failure too: it is told apart first
		if (ex instanceof ChatBotKitTimeoutException timedOut) {
			String what = timedOut.requestSent() ? "ChatBotKit at " + this.url + " did not answer in time"
					: "Timed out connecting to ChatBotKit at " + this.url;
			return problem(committed, HttpStatus.GATEWAY_TIMEOUT, "ChatBotKit did not answer in time.", ex, what,
					"chatbotkit.url, the network and chatbotkit.read-timeout");
		}
		if (ex instanceof ChatBotKitConnectionException unreachable) {
			String what = unreachable.requestSent() ? "The connection to ChatBotKit at " + this.url + " failed"
					: "Could not reach ChatBotKit at " + this.url;
			return problem(committed, HttpStatus.SERVICE_UNAVAILABLE, "ChatBotKit could not be reached.", ex,
					what + " (" + rootCause(ex) + ")", "chatbotkit.url and the network");
		}
		if (ex instanceof ChatBotKitDecodingException) {
			// no request id to quote: the answer came, but not as this client reads it
			return problem(committed, HttpStatus.BAD_GATEWAY, "ChatBotKit could not complete the request.", ex,
					ex.getMessage(), "that chatbotkit.url points at the ChatBotKit API (and"
							+ " chatbotkit.max-response-size if the answer was refused as too large)");
		}
		return problem(committed, HttpStatus.BAD_GATEWAY, "ChatBotKit could not complete the request.", ex,
				ex.getMessage(), "the request id with ChatBotKit");
	}

	private ResponseEntity<ProblemDetail> rateLimited(boolean committed, ChatBotKitRateLimitException ex) {
		ResponseEntity<ProblemDetail> problem = problem(committed, HttpStatus.TOO_MANY_REQUESTS,
				"ChatBotKit is limiting requests; try again later.", ex, ex.getMessage(),
				"how often this application calls ChatBotKit");
		return ex.retryAfter()
			.map((retryAfter) -> ResponseEntity.status(problem.getStatusCode())
				.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)))
				.body(problem.getBody()))
			.orElse(problem);
	}

	private ResponseEntity<ProblemDetail> problem(boolean committed, HttpStatus status, String detail,
			ChatBotKitException ex, @Nullable String what, String check) {
		logger.debug("ChatBotKit call failed", ex);
		if (committed) {
			// a streamed answer has started: a problem can no longer be written, and an
			// answer that ended normally would pass for a whole one
			logger.warn(mask(what) + "; the answer had already started and is aborted. Check " + check + ".");
			throw ex;
		}
		logger.warn(mask(what) + "; answered " + status.value() + ". Check " + check + ".");
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		if (ex instanceof ChatBotKitHttpException http) {
			problem.setProperty("code", http.code());
			setIfPresent(problem, "requestId", http.requestId());
		}
		return ResponseEntity.status(status).body(problem);
	}

	private String mask(@Nullable String text) {
		String value = String.valueOf(text);
		return (this.secret != null) ? value.replace(this.secret, MASK) : value;
	}

	private static void setIfPresent(ProblemDetail problem, String name, @Nullable String value) {
		if (value != null) {
			problem.setProperty(name, value);
		}
	}

	private static String rootCause(Throwable ex) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		String message = cause.getMessage();
		return cause.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	private static long seconds(Duration duration) {
		return Math.max(1, duration.toSeconds() + ((duration.toNanosPart() > 0) ? 1 : 0));
	}

}
