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

import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Answers questions with Spring AI's {@link ChatClient}, as any Spring AI application
 * does: {@code chatbotkit-spring-ai-starter} makes the bot of
 * {@code spring.ai.chatbotkit.chat.bot-id} the chat model behind it. The server talks to
 * ChatBotKit here, with its secret; the reply comes whole as JSON or streamed as
 * Server-Sent Events, one per token. A failed ChatBotKit call becomes a problem response
 * (the starter's {@code chatbotkit.problem-details.enabled}) for a whole answer. A
 * streamed answer ends with an {@code error} event ({@code {"detail": "..."}}) instead,
 * as it may fail after its first tokens, once the status has been sent: without that
 * event the page would take half an answer for a whole one.
 *
 * @author cbkspring contributors
 */
@RestController
class AskController {

	static final String FAILURE_DETAIL = "ChatBotKit could not finish the answer.";

	private static final Log logger = LogFactory.getLog(AskController.class);

	private final ChatClient chatClient;

	AskController(ChatClient.Builder chatClient) {
		this.chatClient = chatClient.build();
	}

	@PostMapping(path = "/api/ask", produces = MediaType.APPLICATION_JSON_VALUE)
	Answer ask(@RequestBody Question question) {
		String answer = this.chatClient.prompt().user(text(question)).call().content();
		return new Answer(Objects.requireNonNullElse(answer, ""));
	}

	@PostMapping(path = "/api/ask", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<?>> askStreaming(@RequestBody Question question) {
		// JSON events rather than plain text: an event's data loses a leading space, a
		// token often starts with one
		return this.chatClient.prompt()
			.user(text(question))
			.stream()
			.content()
			.<ServerSentEvent<?>>map((text) -> ServerSentEvent.builder(new Answer(text)).build())
			.onErrorResume(AskController::failed);
	}

	private static Flux<ServerSentEvent<?>> failed(Throwable ex) {
		// ChatBotKit's message is for the log; the page gets this application's words
		logger.warn("Streaming a Spring AI answer failed: " + ex.getMessage());
		logger.debug("Streaming a Spring AI answer failed", ex);
		return Flux.just(ServerSentEvent.builder(new Failure(FAILURE_DETAIL)).event("error").build());
	}

	static String text(Question question) {
		if (!StringUtils.hasText(question.text())) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The question must not be empty.");
		}
		return question.text();
	}

	record Question(String text) {
	}

	record Answer(String text) {
	}

	record Failure(String detail) {
	}

}
