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

import java.time.Duration;
import java.util.List;

import io.github.cbkspring.sample.chat.demo.DemoApiController.ApiError;
import io.github.cbkspring.sample.chat.demo.DemoApiController.Reply;
import io.github.cbkspring.sample.chat.demo.DemoApiController.Result;
import io.github.cbkspring.sample.chat.demo.DemoApiController.TokenData;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * The demo API's stateless completion ({@code POST /conversation/complete}), which the
 * Spring AI chat model calls: with the secret, the whole history in the request, as JSON
 * or streamed as JSON Lines. The bot echoes the last user message, one word at a time,
 * and fails half-way through a streamed reply to {@value Reply#FAILING_MESSAGE}.
 *
 * @author cbkspring contributors
 */
@RestController
@ConditionalOnBooleanProperty(DemoModeConfiguration.ENABLED_PROPERTY)
@RequestMapping(DemoModeConfiguration.API_PATH)
class DemoCompletionController {

	private static final MediaType JSON_LINES = MediaType.parseMediaType(DemoApiController.JSON_LINES);

	private static final Duration WORD_DELAY = Duration.ofMillis(60);

	// Beyond the reply's own time, for a slow network or a busy machine
	private static final Duration TIMEOUT_MARGIN = Duration.ofSeconds(30);

	private final String secret;

	private final JsonMapper jsonMapper;

	DemoCompletionController(@Value("${chatbotkit.secret}") String secret, JsonMapper jsonMapper) {
		this.secret = secret;
		this.jsonMapper = jsonMapper;
	}

	@PostMapping(path = "/conversation/complete", produces = MediaType.APPLICATION_JSON_VALUE)
	Result complete(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestBody Completion completion) {
		return reply(authorization, completion).result();
	}

	@PostMapping(path = "/conversation/complete", produces = DemoApiController.JSON_LINES)
	ResponseEntity<ResponseBodyEmitter> completeStreaming(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestBody Completion completion) {
		Reply reply = reply(authorization, completion);
		ResponseBodyEmitter emitter = new ResponseBodyEmitter(
				WORD_DELAY.multipliedBy(reply.tokens().size()).plus(TIMEOUT_MARGIN).toMillis());
		Flux.fromIterable(reply.events())
			.delayUntil((event) -> (event.data() instanceof TokenData) ? Mono.delay(WORD_DELAY) : Mono.empty())
			// a failed write (the caller went away) ends the reply
			.concatMap((event) -> Mono.fromCallable(() -> {
				emitter.send(this.jsonMapper.writeValueAsString(event) + "\n", JSON_LINES);
				return event;
			}))
			.subscribe(null, emitter::completeWithError, emitter::complete);
		return ResponseEntity.ok().contentType(JSON_LINES).body(emitter);
	}

	@ExceptionHandler
	ResponseEntity<ApiError> refused(ResponseStatusException ex) {
		HttpStatus status = HttpStatus.valueOf(ex.getStatusCode().value());
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ApiError(String.valueOf(ex.getReason()), status.name()));
	}

	private Reply reply(@Nullable String authorization, Completion completion) {
		if (authorization == null || !DemoSessions.matches("Bearer " + this.secret, authorization)) {
			throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "The secret is not valid.");
		}
		String question = completion.messages()
			.stream()
			.filter((message) -> "user".equals(message.type()))
			.reduce((first, second) -> second)
			.map(Message::text)
			.filter((text) -> !text.isBlank())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "There is no user message."));
		return Reply.to(question);
	}

	record Completion(List<Message> messages) {
	}

	record Message(String type, String text) {
	}

}
