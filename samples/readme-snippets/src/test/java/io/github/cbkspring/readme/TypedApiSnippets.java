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

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.bot.Bot;
import io.github.cbkspring.client.bot.BotClient;
import io.github.cbkspring.client.bot.BotRequest;
import io.github.cbkspring.client.bot.SessionCreateResponse;
import io.github.cbkspring.client.contact.ContactRequest;
import io.github.cbkspring.client.conversation.BotConfig;
import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.conversation.CompletionRequest;
import io.github.cbkspring.client.conversation.CompletionResult;
import io.github.cbkspring.client.conversation.ConversationClient;
import io.github.cbkspring.client.conversation.ModelDefinition;
import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.Message;
import io.github.cbkspring.client.core.Page;
import io.github.cbkspring.client.dataset.DatasetClient;
import io.github.cbkspring.client.dataset.DatasetRequest;
import io.github.cbkspring.client.dataset.SearchMatch;
import io.github.cbkspring.client.dataset.SearchResult;
import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.client.file.FileClient;
import io.github.cbkspring.client.file.FileContent;
import io.github.cbkspring.client.file.FileRequest;
import io.github.cbkspring.client.partner.PartnerUserLimits;
import io.github.cbkspring.client.partner.PartnerUserRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static io.github.cbkspring.client.dataset.SearchFilter.eq;

/**
 * The README's examples of the typed clients, compiled as they are printed.
 *
 * @author cbkspring contributors
 */
@SuppressWarnings("unused")
class TypedApiSnippets {

	String statelessCompletion(ConversationClient conversations, String ticketText) {
		// tag::stateless-completion[]
		CompletionResult reply = conversations.complete(CompletionRequest
			.withConfig(BotConfig.ofModel(ModelDefinition.of("gpt-5.4").temperature(0.2))
				.withBackstory("You sort support tickets into billing, bug or other. Answer with one word."))
			.message(Message.user(ticketText))
			.build());
		String category = reply.text();
		// end::stateless-completion[]
		return category;
	}

	// tag::relay-controller[]
	@RestController
	class ReplyController {

		private static final Log logger = LogFactory.getLog(ReplyController.class);

		private final ConversationClient conversations;

		private final AsyncTaskExecutor executor;

		ReplyController(ConversationClient conversations, AsyncTaskExecutor applicationTaskExecutor) {
			this.conversations = conversations;
			this.executor = applicationTaskExecutor;
		}

		@PostMapping(path = "/api/reply", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		SseEmitter reply(@RequestBody List<Message> history) {
			SseEmitter emitter = new SseEmitter(300_000L);
			this.executor.execute(() -> {
				try {
					CompletionRequest request = CompletionRequest.withBot("my-bot-id").messages(history).build();
					try (Stream<CompletionEvent> events = this.conversations.completeStream(request)) {
						for (CompletionEvent event : (Iterable<CompletionEvent>) events::iterator) {
							if (event instanceof CompletionEvent.Token token) {
								// JSON keeps a token's leading space
								emitter.send(SseEmitter.event().name("token").data(Map.of("token", token.token())));
							}
						}
					}
					emitter.complete();
				}
				catch (ChatBotKitException ex) {
					// failed, perhaps half-way: say so, or the browser sees a normal
					// end. In your words: ChatBotKit's message is for the log
					logger.warn("The reply failed: " + ex.getMessage());
					send(emitter, SseEmitter.event().name("error").data(Map.of("message", "The reply failed.")));
				}
				catch (IOException | RuntimeException ex) {
					// a bad history or a lost browser: the stream is closed (aborting the
					// call) and the answer ends
					emitter.completeWithError(ex);
				}
			});
			return emitter;
		}

		private static void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
			try {
				emitter.send(event);
				emitter.complete();
			}
			catch (IOException ex) {
				emitter.completeWithError(ex); // the browser went away
			}
		}

	}
	// end::relay-controller[]

	void datasetIngestion(DatasetClient datasets, FileClient files) {
		// tag::dataset-ingestion[]
		String datasetId = datasets.create(DatasetRequest.builder().name("Employee handbook").build());

		// a file of any size: up to 4 MiB in the request, larger ones streamed straight
		// to storage. FileContent.of(path) names it after the file and types it by its
		// extension; see also of(bytes, name[, contentType]), of(inputStream, size,
		// name[, contentType]) and of(resource)
		Path handbook = Path.of("docs", "handbook.pdf");
		String fileId = files.create(FileRequest.builder().name("handbook.pdf").build());
		files.upload(fileId, FileContent.of(handbook));
		// ChatBotKit turns the file into records
		datasets.files().attach(datasetId, fileId);

		SearchResult result = datasets.search(datasetId, "How many days of leave?", eq("lang", "en"));
		for (SearchMatch match : result.records()) {
			System.out.println(match.score() + " " + match.text());
		}
		// end::dataset-ingestion[]
	}

	void multiTenant(ChatBotKitClient client, String customerId, String userEmail) {
		// tag::multi-tenant[]
		// once, when a customer signs up: a partner user with its own limits
		String userId = client.partnerUsers()
			.create(PartnerUserRequest.builder()
				.name("Acme Ltd")
				.meta("customerId", customerId)
				.limits(PartnerUserLimits.empty().withConversations(500))
				.build());

		// act for that customer: a copy that sends X-RunAs-User-Id, sharing the pool
		ChatBotKitClient acme = client.withOptions((options) -> options.runAsUserId(userId));
		String botId = acme.bots().create(BotRequest.builder().name("Support").model("gpt-5.4").build());
		String contactId = acme.contacts().ensure(ContactRequest.forFingerprint(userEmail).email(userEmail).build());
		// Acme's bot, Acme's conversation
		SessionCreateResponse session = acme.sessions().create(botId);
		// `client` itself still acts for your own account
		// end::multi-tenant[]
	}

	void listsAndEndpoints(BotClient bots, ChatBotKitClient client, String skillsetId) {
		// tag::lists-and-endpoints[]
		// one page, then the next with the cursor the page ended on
		Page<Bot> firstPage = bots.list(ListQuery.defaults().withTake(20));
		if (firstPage.hasNext()) {
			Page<Bot> secondPage = bots.list(ListQuery.defaults().withTake(20).withCursor(firstPage.cursor()));
		}
		// or every item lazily, page after page
		try (Stream<Bot> all = bots.listAll(ListQuery.defaults().withMeta("team", "support"))) {
			all.forEach((bot) -> System.out.println(bot.id() + " " + bot.name()));
		}

		// an endpoint without a typed method: the same URL rule, encoding, headers,
		// retries and errors
		Map<?, ?> skillset = client.request(ApiEndpoint.get("/skillset/{skillsetId}/fetch"), skillsetId)
			.retrieve(Map.class);
		// end::lists-and-endpoints[]
	}

}
