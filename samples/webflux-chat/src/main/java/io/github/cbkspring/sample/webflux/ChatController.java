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

package io.github.cbkspring.sample.webflux;

import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.conversation.CompletionRequest;
import io.github.cbkspring.client.conversation.ReactiveConversationClient;
import io.github.cbkspring.client.core.Message;
import io.github.cbkspring.client.error.ChatBotKitException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Relays the bot's reply as Server-Sent Events, token by token, on the reactive client:
 * {@code GET /chat?message=Hi} streams a {@code token} event per token
 * ({@code {"token":"Hel"}}), then one {@code done} event with the whole text and the end
 * reason ({@code {"text":"Hello","endReason":"stop"}}), or one {@code error} event
 * ({@code {"message":...}}) if ChatBotKit fails. The data are JSON, since an SSE client
 * drops the leading space of a plain-text token. No thread waits on either connection,
 * and a browser that goes away cancels the call to ChatBotKit.
 *
 * @author cbkspring contributors
 */
@RestController
class ChatController {

	private final ReactiveConversationClient conversations;

	private final String botId;

	ChatController(ReactiveConversationClient conversations, @Value("${sample.bot-id}") String botId) {
		this.conversations = conversations;
		this.botId = botId;
	}

	@GetMapping(path = "/chat", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> chat(@RequestParam String message) {
		CompletionRequest request = CompletionRequest.withBot(this.botId).message(Message.user(message)).build();
		return this.conversations.completeStream(request).<ServerSentEvent<Object>>handle((event, sink) -> {
			if (event instanceof CompletionEvent.Token token) {
				sink.next(event("token", new TokenData(token.token())));
			}
			else if (event instanceof CompletionEvent.Result result) {
				sink.next(event("done", new DoneData(result.result().text(), result.result().endReason().wireName())));
			}
		})
			// the exception's message is ChatBotKit's, never the secret; the browser
			// needs
			// only to know that the reply ended badly
			.onErrorResume(ChatBotKitException.class,
					(ex) -> Mono.just(event("error", new ErrorData("The bot could not answer. Please try again."))));
	}

	private static ServerSentEvent<Object> event(String name, Object data) {
		return ServerSentEvent.builder(data).event(name).build();
	}

	record TokenData(String token) {
	}

	record DoneData(String text, String endReason) {
	}

	record ErrorData(String message) {
	}

}
