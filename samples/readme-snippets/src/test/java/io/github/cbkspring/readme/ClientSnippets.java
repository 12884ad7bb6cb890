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

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.cbkspring.autoconfigure.ChatBotKitRestClientCustomizer;
import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.bot.SessionClient;
import io.github.cbkspring.client.bot.SessionCreateResponse;
import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.conversation.ConversationClient;
import io.github.cbkspring.client.core.Cancellation;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.FileUpload;
import io.github.cbkspring.client.core.Page;
import io.github.cbkspring.client.core.RawResponse;
import io.github.cbkspring.client.core.RetryOptions;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;

/**
 * The README's and docs' examples of the client, compiled as they are printed. Each
 * method declares what its example takes as given.
 *
 * @author cbkspring contributors
 */
@SuppressWarnings("unused")
class ClientSnippets {

	record Skillset(String id, String name) {
	}

	Future<String> cancellableReply(ConversationClient conversations, String conversationId, ExecutorService executor) {
		// tag::cancellation[]
		Cancellation cancellation = new Cancellation();
		Future<String> reply = executor.submit(() -> cancellation.call(() -> {
			try (Stream<CompletionEvent> events = conversations.completeStream(conversationId, "Hi")) {
				return events.filter(CompletionEvent.Token.class::isInstance)
					.map((event) -> ((CompletionEvent.Token) event).token())
					.collect(Collectors.joining());
			}
		}));
		// on any thread, when the user goes away: the call or the read ends at once
		cancellation.cancel();
		// end::cancellation[]
		return reply;
	}

	void genericCalls(ChatBotKitClient client, String skillsetId, String fileId, byte[] bytes) {
		// tag::generic-calls[]
		// GET, JSON mapped into your record (unknown fields ignored)
		Skillset skillset = client.get("/skillset/{skillsetId}/fetch", Skillset.class, skillsetId);
		Page<Skillset> skillsets = client.get("/skillset/list", new ParameterizedTypeReference<Page<Skillset>>() {
		});

		// POST any object or map as JSON
		Map<?, ?> created = client.post("/skillset/create", Map.of("name", "Lookups"), Map.class);

		// a call made for its effect: any answer is accepted, even an empty one or 204
		client.post("/skillset/{skillsetId}/delete", Map.of(), Void.class, skillsetId);

		// anything that is not JSON: ask for RawResponse (bytes and headers, bounded)
		RawResponse pdf = client.get("/file/{fileId}/download", RawResponse.class, fileId);

		// multipart upload: a part named "file" from bytes or any Spring Resource
		client.upload("/file/{fileId}/upload", FileUpload.of(bytes, "notes.txt", MediaType.TEXT_PLAIN), Map.class,
				fileId);
		// end::generic-calls[]
	}

	void streaming(ChatBotKitClient client, SessionCreateResponse session) {
		// tag::streaming[]
		// acts with the session token, as a browser would
		ConversationClient chat = client.withSecret(session.token()).conversations();
		try (Stream<CompletionEvent> events = chat.completeStream(session.conversationId(), "Hello!")) {
			events.forEach((event) -> {
				if (event instanceof CompletionEvent.Token token) {
					System.out.print(token.token());
				}
				else if (event instanceof CompletionEvent.Result result) {
					System.out.println(" [" + result.result().endReason() + "]");
				}
			});
		}
		// end::streaming[]
	}

	void perTenant(SessionClient sessionClient, ChatBotKitClient client, String tenantSecret, String traceId,
			String sessionToken) {
		// tag::per-tenant[]
		SessionClient tenant = sessionClient.withOptions((options) -> {
			options.secret(tenantSecret); // another account
			options.runAsUserId("user-7"); // X-RunAs-User-Id (partner accounts)
			options.timezone(ZoneId.of("Europe/Sofia")); // X-Timezone
			options.header("X-Trace", traceId); // any extra header
			options.retry(RetryOptions.disabled()); // another retry policy
		});
		ConversationClient asUser = client.withSecret(sessionToken).conversations();
		// end::per-tenant[]
	}

	void withoutSpringBoot(RestClient.Builder restClientBuilder) {
		// tag::without-spring-boot[]
		ChatBotKitOptions options = ChatBotKitOptions.builder().secret(System.getenv("CHATBOTKIT_SECRET")).build();
		ChatBotKitClient client = ChatBotKitClient.create(options);
		SessionCreateResponse session = client.sessions().create("my-bot-id");

		// or on your own RestClient.Builder, with its interceptors and observations
		ChatBotKitClient onYourBuilder = ChatBotKitClient.create(restClientBuilder, options);

		// per tenant or user: a copy that shares the connection pool
		SessionClient tenant = client.sessions().withOptions((o) -> o.secret("tenant-secret").runAsUserId("user-7"));
		// end::without-spring-boot[]
	}

	Mono<SessionCreateResponse> webflux(SessionClient sessionClient) {
		// tag::webflux[]
		// the client blocks: run it on a thread that may block, never on the event loop
		Mono<SessionCreateResponse> session = Mono.fromCallable(() -> sessionClient.create("my-bot-id"))
			.subscribeOn(Schedulers.boundedElastic());
		// end::webflux[]
		return session;
	}

	static class TracingConfiguration {

		// tag::rest-client-customizer[]
		@Bean
		ChatBotKitRestClientCustomizer chatBotKitTracing() {
			// only the ChatBotKit client gets this interceptor
			return (builder) -> builder.requestInterceptor(new MyTracingInterceptor());
		}
		// end::rest-client-customizer[]

	}

	static class MyTracingInterceptor implements ClientHttpRequestInterceptor {

		@Override
		public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
				throws java.io.IOException {
			return execution.execute(request, body);
		}

	}

}
