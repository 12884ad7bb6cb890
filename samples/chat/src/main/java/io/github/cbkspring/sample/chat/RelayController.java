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

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.conversation.ConversationClient;
import io.github.cbkspring.client.conversation.EndReason;
import io.github.cbkspring.client.error.ChatBotKitAuthenticationException;
import io.github.cbkspring.client.error.ChatBotKitException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The relay ({@code sample.transport=relay}): the page sends its message here with the
 * session token, and this application calls ChatBotKit with that token through the
 * starter's {@link ConversationClient#completeStream streaming call} and passes the reply
 * on as Server-Sent Events ({@code token}, then {@code result}, or {@code error}). The
 * browser calls only its own origin, so this works with any API base. The token, not the
 * secret, authorizes the call: a page can only write to its own conversation.
 *
 * @author cbkspring contributors
 */
@RestController
@ConditionalOnProperty(name = "sample.transport", havingValue = "relay")
class RelayController {

	static final int MAX_MESSAGE_LENGTH = 4000;

	private static final Log logger = LogFactory.getLog(RelayController.class);

	private static final String BEARER = "Bearer ";

	private final ConversationClient conversationClient;

	private final ChatSampleProperties properties;

	private final AsyncTaskExecutor executor;

	RelayController(ConversationClient conversationClient, ChatSampleProperties properties,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) AsyncTaskExecutor executor) {
		this.conversationClient = conversationClient;
		this.properties = properties;
		this.executor = executor;
	}

	@PostMapping(path = SessionController.RELAY_API_BASE + "/conversation/{conversationId}/complete",
			produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter complete(@PathVariable String conversationId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestBody Message message) {
		String text = message.text();
		if (text == null || text.isBlank() || text.length() > MAX_MESSAGE_LENGTH) {
			throw new InvalidMessageException();
		}
		if (authorization == null || !authorization.startsWith(BEARER)) {
			throw new MissingTokenException();
		}
		String token = authorization.substring(BEARER.length());
		// Opened here, so that a rejected token is still an HTTP status the page can act
		// on
		Stream<CompletionEvent> events = this.conversationClient.withOptions((options) -> options.secret(token))
			.completeStream(conversationId, text.strip());
		// A reply may stream for longer than the server's default async timeout
		SseEmitter emitter = new SseEmitter(this.properties.replyTimeout().toMillis());
		AtomicBoolean ended = new AtomicBoolean();
		emitter.onTimeout(() -> ended.set(true));
		emitter.onError((ex) -> ended.set(true));
		this.executor.execute(() -> relay(events, emitter, ended));
		return emitter;
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.UNAUTHORIZED)
	ProblemDetail tokenRejected(ChatBotKitAuthenticationException ex) {
		// The page starts a new session on 401: not a failure of this application
		logger.debug("ChatBotKit rejected a session token", ex);
		return ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				"The session token is not valid for this conversation, or has expired.");
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.UNAUTHORIZED)
	ProblemDetail missingToken(MissingTokenException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "A session token is required.");
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	ProblemDetail invalidMessage(InvalidMessageException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"A message must have text, at most " + MAX_MESSAGE_LENGTH + " characters.");
	}

	private void relay(Stream<CompletionEvent> events, SseEmitter emitter, AtomicBoolean ended) {
		try (events) {
			for (CompletionEvent event : (Iterable<CompletionEvent>) events::iterator) {
				if (ended.get()) {
					return;
				}
				if (event instanceof CompletionEvent.Token token) {
					emitter.send(SseEmitter.event().name("token").data(new TokenData(token.token())));
				}
				else if (event instanceof CompletionEvent.Result result) {
					emitter.send(SseEmitter.event()
						.name("result")
						.data(new ResultData(result.result().text(), result.result().endReason())));
				}
			}
			emitter.complete();
		}
		catch (ChatBotKitException ex) {
			logger.warn("Relaying a ChatBotKit reply failed: " + ex.getMessage());
			logger.debug("Relaying a ChatBotKit reply failed", ex);
			sendError(emitter);
		}
		catch (IOException | IllegalStateException ex) {
			// The page went away or the reply timed out: closing the stream aborts the
			// call
			logger.debug("The page stopped listening to a relayed reply", ex);
		}
	}

	private static void sendError(SseEmitter emitter) {
		try {
			emitter
				.send(SseEmitter.event().name("error").data(new ErrorData("ChatBotKit could not finish the reply.")));
			emitter.complete();
		}
		catch (IOException | IllegalStateException ex) {
			logger.debug("The page stopped listening before the error", ex);
		}
	}

	/**
	 * A message from the page.
	 *
	 * @param text what the user wrote
	 */
	record Message(@Nullable String text) {
	}

	record TokenData(String token) {
	}

	record ResultData(String text, EndReason endReason) {
	}

	record ErrorData(String detail) {
	}

	static final class MissingTokenException extends RuntimeException {

	}

	static final class InvalidMessageException extends RuntimeException {

	}

}
