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

import io.github.cbkspring.client.error.ChatBotKitException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a {@link ChatBotKitException} that reaches a WebFlux controller, or fails the
 * {@code Mono} or {@code Flux} it returned, with an RFC 9457 problem, as
 * {@link ChatBotKitProblemDetails} says. Last in order among controller advice, so an
 * application's own handler for these exceptions wins.
 *
 * @author cbkspring contributors
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ChatBotKitReactiveProblemDetailsExceptionHandler {

	private final ChatBotKitProblemDetails problemDetails;

	ChatBotKitReactiveProblemDetailsExceptionHandler(ChatBotKitProblemDetails problemDetails) {
		this.problemDetails = problemDetails;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handle(ChatBotKitException ex, ServerHttpResponse response) {
		return this.problemDetails.answer(ex, response.isCommitted());
	}

}
