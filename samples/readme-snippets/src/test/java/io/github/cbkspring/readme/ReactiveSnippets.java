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
package io.github.cbkspring.readme;

import io.github.cbkspring.client.ChatBotKitReactiveClient;
import io.github.cbkspring.client.bot.SessionCreateResponse;
import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.conversation.ReactiveConversationClient;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The README's reactive client examples, compiled.
 */
class ReactiveSnippets {

	Flux<String> reply(ReactiveConversationClient conversations, String conversationId, String text) {
		// tag::webflux-reactive[]
		// no thread waits: tokens go on as they arrive, as fast as they are taken
		Flux<String> tokens = conversations.completeStream(conversationId, text)
			.ofType(CompletionEvent.Token.class)
			.map(CompletionEvent.Token::token);
		// end::webflux-reactive[]
		return tokens;
	}

	Mono<SessionCreateResponse> plain(WebClient.Builder webClientBuilder) {
		// tag::webflux-plain[]
		ChatBotKitOptions options = ChatBotKitOptions.builder().secret(System.getenv("CHATBOTKIT_SECRET")).build();
		ChatBotKitReactiveClient client = ChatBotKitReactiveClient.create(webClientBuilder, options);
		Mono<SessionCreateResponse> session = client.sessions().create("my-bot-id");
		// end::webflux-plain[]
		return session;
	}

}
