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

package io.github.cbkspring.sample.chat.demo;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * A small stand-in for the two ChatBotKit endpoints the sample uses: creating a bot
 * session (with the secret) and completing a conversation (with the session's token), as
 * JSON or streamed as JSON Lines. The bot echoes what it is told, one word at a time;
 * told {@value Reply#FAILING_MESSAGE}, it fails half-way through a streamed reply, to
 * show what a page sees then.
 *
 * @author cbkspring contributors
 */
@RestController
@ConditionalOnBooleanProperty(DemoModeConfiguration.ENABLED_PROPERTY)
@RequestMapping(DemoModeConfiguration.API_PATH)
class DemoApiController {

	static final String JSON_LINES = "application/jsonl";

	private static final MediaType JSON_LINES_TYPE = MediaType.parseMediaType(JSON_LINES);

	private static final Duration DEFAULT_SESSION_DURATION = Duration.ofMinutes(10);

	private static final Duration MAX_SESSION_DURATION = Duration.ofHours(1);

	// However long the message, the echo finishes within this, writing faster if need be
	static final Duration MAX_REPLY_DURATION = Duration.ofSeconds(10);

	// Beyond the reply's own time, for a slow network or a busy machine
	private static final Duration REPLY_TIMEOUT_MARGIN = Duration.ofSeconds(30);

	private final DemoSessions sessions;

	private final String secret;

	private final JsonMapper jsonMapper;

	private final AsyncTaskExecutor executor;

	private final Duration wordDelay;

	DemoApiController(DemoSessions sessions, @Value("${chatbotkit.secret}") String secret, JsonMapper jsonMapper,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) AsyncTaskExecutor executor,
			@Value("${sample.demo.word-delay:60ms}") Duration wordDelay) {
		this.sessions = sessions;
		this.secret = secret;
		this.jsonMapper = jsonMapper;
		this.executor = executor;
		this.wordDelay = wordDelay;
	}

	@PostMapping("/bot/{botId}/session/create")
	SessionCreated createSession(@PathVariable String botId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestBody(required = false) @Nullable SessionCreate request) {
		if (authorization == null || !DemoSessions.matches("Bearer " + this.secret, authorization)) {
			throw new DemoApiException(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "The secret is not valid.");
		}
		DemoSessions.Session session = this.sessions.create(duration(request));
		return new SessionCreated(botId, session.conversationId(), session.token(), session.expiresAt().toEpochMilli(),
				List.of());
	}

	@PostMapping(path = "/conversation/{conversationId}/complete", produces = MediaType.APPLICATION_JSON_VALUE)
	Result complete(@PathVariable String conversationId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestBody Complete request) {
		return reply(conversationId, authorization, request).result();
	}

	@PostMapping(path = "/conversation/{conversationId}/complete", produces = JSON_LINES)
	ResponseEntity<ResponseBodyEmitter> completeStreaming(@PathVariable String conversationId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestBody Complete request) {
		Reply reply = reply(conversationId, authorization, request);
		Duration delay = reply.wordDelay(this.wordDelay, MAX_REPLY_DURATION);
		// An emitter, not a StreamingResponseBody: Spring Framework 7 ignores flush() on
		// the latter's stream by default, which would deliver the whole reply at once.
		// Its timeout is the reply's own: the server's default async timeout (30 s on
		// Tomcat) would cut a long reply short
		ResponseBodyEmitter emitter = new ResponseBodyEmitter(
				delay.multipliedBy(reply.tokens().size()).plus(REPLY_TIMEOUT_MARGIN).toMillis());
		this.executor.execute(() -> stream(reply, delay, emitter));
		return ResponseEntity.ok().contentType(JSON_LINES_TYPE).body(emitter);
	}

	@ExceptionHandler
	ResponseEntity<ApiError> apiError(DemoApiException ex) {
		return ResponseEntity.status(ex.status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ApiError(ex.message, ex.code));
	}

	private Reply reply(String conversationId, @Nullable String authorization, Complete request) {
		String token = (authorization != null && authorization.startsWith("Bearer ")) ? authorization.substring(7)
				: null;
		if (!this.sessions.isValid(conversationId, token)) {
			throw new DemoApiException(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED",
					"The session token is not valid for this conversation, or has expired.");
		}
		if (!StringUtils.hasText(request.text())) {
			throw new DemoApiException(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "The text must not be empty.");
		}
		return Reply.to(request.text());
	}

	void stream(Reply reply, Duration delay, ResponseBodyEmitter emitter) {
		try {
			for (Event event : reply.events()) {
				send(emitter, event);
				if (event.data() instanceof TokenData) {
					Thread.sleep(delay.toMillis());
				}
			}
			emitter.complete();
		}
		catch (IOException ex) {
			// The browser went away
			emitter.completeWithError(ex);
		}
		catch (IllegalStateException ex) {
			// The response has already ended (timed out or failed): nobody to write to
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			emitter.completeWithError(ex);
		}
	}

	private void send(ResponseBodyEmitter emitter, Event event) throws IOException {
		byte[] json = this.jsonMapper.writeValueAsBytes(event);
		byte[] line = Arrays.copyOf(json, json.length + 1);
		line[json.length] = '\n';
		emitter.send(line, JSON_LINES_TYPE);
	}

	private static Duration duration(@Nullable SessionCreate request) {
		Long seconds = (request != null) ? request.durationInSeconds() : null;
		if (seconds == null || seconds < 1) {
			return DEFAULT_SESSION_DURATION;
		}
		Duration requested = Duration.ofSeconds(seconds);
		return (requested.compareTo(MAX_SESSION_DURATION) > 0) ? MAX_SESSION_DURATION : requested;
	}

	/**
	 * A reply and the tokens it streams as: its words, each with the space before it.
	 *
	 * @param text the whole reply
	 * @param failing whether streaming it fails half-way
	 */
	record Reply(String text, boolean failing) {

		/**
		 * The message that makes a streamed reply fail half-way.
		 */
		static final String FAILING_MESSAGE = "/fail";

		/**
		 * What ChatBotKit's error event would carry: a message for the developer, with
		 * details that an application must not pass on to its users.
		 */
		static final ApiError FAILURE = new ApiError(
				"The model stopped answering (demo failure; upstream node demo-7 reset)", "DEMO_FAILURE");

		static Reply to(String message) {
			String text = message.strip();
			return new Reply("Demo bot: you said \"" + text + "\"", text.equalsIgnoreCase(FAILING_MESSAGE));
		}

		/**
		 * The events a streamed reply sends: a token per word, then its result; or, when
		 * failing, the first half of the tokens, then an {@code error} event.
		 */
		List<Event> events() {
			List<String> tokens = tokens();
			List<Event> events = new ArrayList<>();
			tokens.subList(0, this.failing ? tokens.size() / 2 : tokens.size())
				.forEach((token) -> events.add(new Event("token", new TokenData(token))));
			events.add(this.failing ? new Event("error", FAILURE) : new Event("result", result()));
			return events;
		}

		List<String> tokens() {
			return Arrays.asList(this.text.split("(?=\\s)"));
		}

		/**
		 * The pause after each word: the usual one, or shorter for a reply so long that
		 * it would take more than {@code maxDuration} in all.
		 */
		Duration wordDelay(Duration usual, Duration maxDuration) {
			Duration longest = maxDuration.dividedBy(tokens().size());
			return (usual.compareTo(longest) > 0) ? longest : usual;
		}

		Result result() {
			return new Result("demo-message-" + DemoSessions.randomToken(), this.text, new Usage(tokens().size()),
					new End("stop"));
		}

	}

	record SessionCreate(@Nullable Long durationInSeconds) {
	}

	record SessionCreated(String id, String conversationId, String token, long expiresAt, List<Object> messages) {
	}

	record Complete(@Nullable String text) {
	}

	record Event(String type, Object data) {
	}

	record TokenData(String token) {
	}

	record Result(String id, String text, Usage usage, End end) {
	}

	record Usage(int token) {
	}

	record End(String reason) {
	}

	record ApiError(String message, String code) {
	}

	static final class DemoApiException extends RuntimeException {

		private final HttpStatus status;

		private final String code;

		private final String message;

		DemoApiException(HttpStatus status, String code, String message) {
			super(message);
			this.status = status;
			this.code = code;
			this.message = message;
		}

	}

}
