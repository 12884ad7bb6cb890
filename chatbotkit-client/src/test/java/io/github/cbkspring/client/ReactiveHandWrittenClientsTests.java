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

package io.github.cbkspring.client;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cbkspring.client.bot.BotRequest;
import io.github.cbkspring.client.bot.SessionCreateRequest;
import io.github.cbkspring.client.contact.ContactRequest;
import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.conversation.CompletionOptions;
import io.github.cbkspring.client.conversation.CompletionRequest;
import io.github.cbkspring.client.conversation.CompletionResult;
import io.github.cbkspring.client.conversation.ConversationMessageRequest;
import io.github.cbkspring.client.conversation.ConversationRequest;
import io.github.cbkspring.client.conversation.ConversationTurn;
import io.github.cbkspring.client.conversation.Entity;
import io.github.cbkspring.client.conversation.Limits;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.Message;
import io.github.cbkspring.client.core.Page;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.dataset.DatasetRecordRequest;
import io.github.cbkspring.client.dataset.DatasetRequest;
import io.github.cbkspring.client.dataset.SearchFilter;
import io.github.cbkspring.client.error.ChatBotKitNotFoundException;
import io.github.cbkspring.client.file.FileClient;
import io.github.cbkspring.client.partner.PartnerUserRequest;
import io.github.cbkspring.client.partner.PartnerUserSessionRequest;
import io.github.cbkspring.client.partner.PartnerUserTokenRequest;
import io.github.cbkspring.testsupport.ApiStub;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.ClassUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The non-blocking twins of the hand-written clients against the blocking ones on
 * WireMock, over real sockets: each case calls an operation with the same arguments on
 * both clients, which must send the same request (method, path with its ids encoded,
 * query, body, headers), read the same answer, fail with the same typed error, and refuse
 * the same arguments with the same message.
 *
 * @author cbkspring contributors
 */
class ReactiveHandWrittenClientsTests {

	private static final Duration HANG_GUARD = Duration.ofMinutes(2);

	private static final String OTHER_ID = "m/2 ü";

	private static final Instant FROM = Instant.ofEpochMilli(1767225600000L);

	private static final ListQuery QUERY = ListQuery.defaults().withTake(2).withCursor("c 1");

	private static final ListQuery WITH_META = QUERY.withMeta("team", "a&b");

	/**
	 * An item with what every answer of these clients but usage requires, each read into
	 * the fields its type has.
	 */
	private static final String ITEM = """
			{"id":"x-1","name":"n","text":"Hi","type":"user","createdAt":1767225600000,"updatedAt":1767225600000,\
			"conversationId":"c-1","token":"tok","expiresAt":1767225600000,"entities":[],"store":"ada",\
			"records":[],"fingerprint":"f-1"}""";

	private static final String USAGE = """
			{"tokens":1,"conversations":2,"messages":3,\
			"database":{"datasets":1,"records":2,"skillsets":3,"abilities":4,"files":5,"users":6}}""";

	private static final String RESULT = """
			{"id":"m-1","text":"Done","usage":{"token":2},"end":{"reason":"stop"}}""";

	private static final List<String> HEADERS = List.of("Authorization", "Accept", "Accept-Encoding", "User-Agent",
			"X-RunAs-User-Id", "X-Timezone", "X-Extra", "Content-Type", "Content-Length");

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	/**
	 * One call of every operation of the hand-written clients but their accessors.
	 */
	static Stream<Case> calls() {
		ConversationTurn turn = ConversationTurn.of("Hi Ada").withEntity(Entity.of("person", 3, 6, "Ada"));
		return Stream.of(new Case("bots", "list", QUERY), new Case("bots", "listAll", QUERY),
				new Case("bots", "fetch", ApiStub.ID),
				new Case("bots", "create", BotRequest.builder().name("Support").model("gpt-5.4").build()),
				new Case("bots", "update", ApiStub.ID, BotRequest.builder().backstory("Shop").build()),
				new Case("bots", "delete", ApiStub.ID), new Case("bots", "usage", ApiStub.ID),
				new Case("bots", "usage", ApiStub.ID, FROM, FROM.plusSeconds(60)),
				new Case("bots.sessions", "create", ApiStub.ID),
				new Case("bots.sessions", "create", ApiStub.ID,
						SessionCreateRequest.builder().duration(Duration.ofMinutes(5)).build()),
				new Case("conversations", "list", QUERY), new Case("conversations", "listAll", QUERY),
				new Case("conversations", "fetch", ApiStub.ID),
				new Case("conversations", "create",
						ConversationRequest.builder().name("c").message(Message.user("Hi")).build()),
				new Case("conversations", "update", ApiStub.ID, ConversationRequest.builder().name("d").build()),
				new Case("conversations", "delete", ApiStub.ID), new Case("conversations", "usage", ApiStub.ID),
				new Case("conversations", "usage", ApiStub.ID, null, FROM),
				new Case("conversations", "complete",
						CompletionRequest.withBot("b-1").message(Message.user("Hi")).build()),
				new Case("conversations", "completeStream",
						CompletionRequest.withBot("b-1").message(Message.user("Hi")).build()),
				new Case("conversations", "complete", ApiStub.ID, "Hi"),
				new Case("conversations", "complete", ApiStub.ID, turn),
				new Case("conversations", "completeStream", ApiStub.ID, "Hi"),
				new Case("conversations", "completeStream", ApiStub.ID, turn),
				new Case("conversations", "send", ApiStub.ID, "Hi"),
				new Case("conversations", "send", ApiStub.ID, turn), new Case("conversations", "receive", ApiStub.ID),
				new Case("conversations", "receive", ApiStub.ID, CompletionOptions.none()),
				new Case("conversations", "receiveStream", ApiStub.ID),
				new Case("conversations", "receiveStream", ApiStub.ID, CompletionOptions.none()),
				new Case("conversations", "createSession", ApiStub.ID),
				new Case("conversations", "createSession", ApiStub.ID, Duration.ofMinutes(10)),
				new Case("conversations.messages", "list", ApiStub.ID, QUERY),
				new Case("conversations.messages", "listAll", ApiStub.ID, QUERY),
				new Case("conversations.messages", "fetch", ApiStub.ID, OTHER_ID),
				new Case("conversations.messages", "create", ApiStub.ID,
						ConversationMessageRequest.of(Message.user("Hi"))),
				new Case("conversations.messages", "update", ApiStub.ID, OTHER_ID,
						ConversationMessageRequest.builder().text("Hello").build()),
				new Case("conversations.messages", "delete", ApiStub.ID, OTHER_ID),
				new Case("datasets", "list", WITH_META), new Case("datasets", "listAll", WITH_META),
				new Case("datasets", "fetch", ApiStub.ID),
				new Case("datasets", "create", DatasetRequest.builder().name("d").store("ada").build()),
				new Case("datasets", "update", ApiStub.ID, DatasetRequest.builder().name("e").build()),
				new Case("datasets", "delete", ApiStub.ID), new Case("datasets", "search", ApiStub.ID, "shoes"),
				new Case("datasets", "search", ApiStub.ID, "shoes", SearchFilter.eq("size", 42)),
				new Case("datasets.records", "list", ApiStub.ID, QUERY),
				new Case("datasets.records", "listAll", ApiStub.ID, QUERY),
				new Case("datasets.records", "fetch", ApiStub.ID, OTHER_ID),
				new Case("datasets.records", "create", ApiStub.ID, DatasetRecordRequest.of("A fact")),
				new Case("datasets.records", "update", ApiStub.ID, OTHER_ID, DatasetRecordRequest.of("Another")),
				new Case("datasets.records", "delete", ApiStub.ID, OTHER_ID),
				new Case("datasets.files", "list", ApiStub.ID, QUERY),
				new Case("datasets.files", "listAll", ApiStub.ID, QUERY),
				new Case("datasets.files", "attach", ApiStub.ID, OTHER_ID),
				new Case("datasets.files", "detach", ApiStub.ID, OTHER_ID, true),
				new Case("datasets.files", "sync", ApiStub.ID, OTHER_ID), new Case("contacts", "list", WITH_META),
				new Case("contacts", "listAll", WITH_META), new Case("contacts", "fetch", ApiStub.ID),
				new Case("contacts", "create", ContactRequest.builder().email("a@example.com").build()),
				new Case("contacts", "ensure", ContactRequest.forFingerprint("user-1").nick("Al").build()),
				new Case("contacts", "ensure", "user-1"),
				new Case("contacts", "update", ApiStub.ID, ContactRequest.builder().nick("Bo").build()),
				new Case("contacts", "delete", ApiStub.ID), new Case("partnerUsers", "list", WITH_META),
				new Case("partnerUsers", "listAll", WITH_META), new Case("partnerUsers", "fetch", ApiStub.ID),
				new Case("partnerUsers", "create", PartnerUserRequest.builder().name("u").build()),
				new Case("partnerUsers", "update", ApiStub.ID,
						PartnerUserRequest.builder().email("u@example.com").build()),
				new Case("partnerUsers", "delete", ApiStub.ID), new Case("partnerUsers", "createSession", ApiStub.ID),
				new Case("partnerUsers", "createSession", ApiStub.ID,
						PartnerUserSessionRequest.builder().duration(Duration.ofHours(1)).build()),
				new Case("partnerUsers", "listTokens", ApiStub.ID, QUERY),
				new Case("partnerUsers", "listAllTokens", ApiStub.ID, QUERY),
				new Case("partnerUsers", "createToken", ApiStub.ID,
						PartnerUserTokenRequest.builder().name("t").build()),
				new Case("partnerUsers", "deleteToken", ApiStub.ID, OTHER_ID), new Case("usage", "fetch"));
	}

	/**
	 * Calls that both clients refuse before anything is sent.
	 */
	static Stream<Case> refusedCalls() {
		return Stream.of(new Case("bots", "fetch", ".."), new Case("bots", "create", (Object) null),
				new Case("conversations", "update", ApiStub.ID,
						ConversationRequest.builder().message(Message.user("Hi")).build()),
				new Case("conversations", "send", ApiStub.ID, ConversationTurn.withoutText()),
				new Case("conversations", "receiveStream", ApiStub.ID,
						CompletionOptions.none().withLimits(Limits.none().withCalls(3))),
				new Case("conversations", "createSession", ApiStub.ID, Duration.ZERO),
				new Case("conversations.messages", "listAll", ApiStub.ID, WITH_META),
				new Case("conversations.messages", "create", ApiStub.ID,
						ConversationMessageRequest.builder().text("Hi").build()),
				new Case("datasets", "update", ApiStub.ID, DatasetRequest.builder().store("ada").build()),
				new Case("datasets", "search", ApiStub.ID, " "),
				new Case("datasets.records", "create", ApiStub.ID, DatasetRecordRequest.empty()),
				new Case("datasets.records", "listAll", ApiStub.ID, WITH_META),
				new Case("datasets.files", "list", ApiStub.ID, WITH_META),
				new Case("contacts", "ensure", ContactRequest.builder().nick("Al").build()),
				new Case("partnerUsers", "listAllTokens", ApiStub.ID, WITH_META));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("calls")
	void sendsTheRequestOfTheBlockingTwinAndReadsTheSameAnswer(Case call) throws Exception {
		api.stubFor(any(anyUrl()).willReturn(answer(call.blockingMethod())));
		try (Clients clients = new Clients()) {
			Outcome blocking = call.onBlocking(clients.blocking);
			Outcome reactive = call.onReactive(clients.reactive);
			assertThat(blocking.failure()).as("blocking").isNull();
			assertThat(reactive.failure()).as("reactive").isNull();
			assertThat(reactive.value()).isEqualTo(blocking.value());
			if (call.blockingMethod().getReturnType() != void.class) {
				assertThat(blocking.value()).isNotNull();
			}
		}
		List<LoggedRequest> requests = api.findAll(anyRequestedFor(anyUrl()));
		assertThat(requests).hasSize(2);
		LoggedRequest sent = requests.get(0);
		LoggedRequest reactiveSent = requests.get(1);
		assertThat(reactiveSent.getMethod()).isEqualTo(sent.getMethod());
		assertThat(reactiveSent.getUrl()).isEqualTo(sent.getUrl());
		if (Arrays.asList(call.arguments()).contains(ApiStub.ID)) {
			assertThat(sent.getUrl()).contains("/" + ApiStub.ENCODED_ID + "/");
		}
		if (Arrays.asList(call.arguments()).contains(OTHER_ID)) {
			assertThat(sent.getUrl()).contains("/m%2F2%20%C3%BC/");
		}
		assertThat(reactiveSent.getBodyAsString()).isEqualTo(sent.getBodyAsString());
		for (String header : HEADERS) {
			assertThat(reactiveSent.getHeader(header)).as(header).isEqualTo(sent.getHeader(header));
		}
		assertThat(sent.getHeader("X-RunAs-User-Id")).isEqualTo("user-1");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("calls")
	void failsWithTheTypedErrorOfTheBlockingTwin(Case call) throws Exception {
		api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"message\":\"No such thing\",\"code\":\"NOT_FOUND\"}")));
		try (Clients clients = new Clients()) {
			Outcome blocking = call.onBlocking(clients.blocking);
			Outcome reactive = call.onReactive(clients.reactive);
			assertThat(blocking.failure()).isInstanceOf(ChatBotKitNotFoundException.class);
			assertThat(reactive.failure()).isInstanceOf(ChatBotKitNotFoundException.class)
				.hasMessage(blocking.failure().getMessage());
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedCalls")
	void refusesTheArgumentsTheBlockingTwinRefusesWithTheSameMessage(Case call) throws Exception {
		try (Clients clients = new Clients()) {
			Outcome blocking = call.onBlocking(clients.blocking);
			Outcome reactive = call.onReactive(clients.reactive);
			assertThat(blocking.failure()).isInstanceOf(IllegalArgumentException.class);
			assertThat(reactive.failure()).isInstanceOf(IllegalArgumentException.class)
				.hasMessage(blocking.failure().getMessage());
		}
		assertThat(api.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void theCasesCallEveryOperationOfTheHandWrittenClients() {
		Set<String> operations = new TreeSet<>();
		HandWrittenTwins.clients().keySet().forEach((client) -> {
			// FileClientTests and FileStorageTests run the file client's cases on both
			if (client != ChatBotKitClient.class && client != FileClient.class) {
				HandWrittenTwins.operations(client)
					.stream()
					.filter((method) -> !method.getReturnType().getSimpleName().endsWith("Client"))
					.forEach((method) -> operations.add(name(method)));
			}
		});
		Set<String> called = new TreeSet<>();
		calls().forEach((call) -> called.add(name(call.blockingMethod())));
		assertThat(called).containsExactlyElementsOf(operations);
	}

	/**
	 * Each walk of a list asks for a page only when its subscriber asks for an item the
	 * pages before did not hold: nothing before the first request, and not the next page
	 * while an item of this one is still to be taken.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("calls")
	void aWalkFetchesAPageOnlyOnDemand(Case call) throws Exception {
		if (!call.method().startsWith("listAll")) {
			return;
		}
		api.stubFor(any(anyUrl()).atPriority(5)
			.willReturn(okJson("{\"items\":[" + item("a1") + "," + item("a2") + "],\"cursor\":\"c2\"}")));
		api.stubFor(any(anyUrl()).atPriority(1)
			.withQueryParam("cursor", equalTo("c2"))
			.willReturn(okJson("{\"items\":[" + item("b") + "]}")));
		try (Clients clients = new Clients()) {
			Flux<?> items = (Flux<?>) call.reactiveMethod(clients.reactive)
				.invoke(call.target(clients.reactive), call.arguments());
			OneAtATime subscriber = new OneAtATime();
			items.subscribe(subscriber);
			assertThat(api.findAll(anyRequestedFor(anyUrl()))).isEmpty();
			subscriber.request(1);
			assertThat(id(subscriber.next())).isEqualTo("a1");
			assertThat(api.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
			subscriber.request(2);
			assertThat(id(subscriber.next())).isEqualTo("a2");
			assertThat(id(subscriber.next())).isEqualTo("b");
			assertThat(subscriber.completed.await(HANG_GUARD.toMinutes(), TimeUnit.MINUTES)).isTrue();
			List<LoggedRequest> requests = api.findAll(anyRequestedFor(anyUrl()));
			assertThat(requests).hasSize(2);
			assertThat(requests.get(1).getUrl()).contains("cursor=c2");
		}
	}

	private static String item(String id) {
		return ITEM.replace("x-1", id);
	}

	private static Object id(Object item) throws ReflectiveOperationException {
		return item.getClass().getMethod("id").invoke(item);
	}

	private static String name(Method method) {
		return method.getDeclaringClass().getSimpleName() + "." + HandWrittenTwins.signature(method);
	}

	/**
	 * An answer of the shape the blocking method reads.
	 */
	private static ResponseDefinitionBuilder answer(Method method) {
		Class<?> type = method.getReturnType();
		if (type == Stream.class) {
			Object element = ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
			if (element == CompletionEvent.class) {
				return aResponse().withHeader("Content-Type", "application/jsonl")
					.withBody("{\"type\":\"token\",\"data\":{\"token\":\"Do\"}}\n{\"type\":\"result\",\"data\":"
							+ RESULT + "}\n");
			}
			return okJson("{\"items\":[" + ITEM + "]}");
		}
		if (type == Page.class) {
			return okJson("{\"items\":[" + ITEM + "],\"cursor\":\"next\"}");
		}
		if (type.getSimpleName().endsWith("Usage")) {
			return okJson(USAGE);
		}
		return okJson((type == CompletionResult.class) ? RESULT : ITEM);
	}

	/**
	 * An operation called with the same arguments on both clients.
	 *
	 * @param accessors the accessors from the entry point to the client, separated by
	 * dots
	 * @param method the operation's name
	 * @param arguments its arguments, which choose among overloads
	 */
	record Case(String accessors, String method, @Nullable Object... arguments) {

		Object target(Object entryPoint) throws ReflectiveOperationException {
			Object client = entryPoint;
			for (String accessor : this.accessors.split("\\.")) {
				client = client.getClass().getMethod(accessor).invoke(client);
			}
			return client;
		}

		Method blockingMethod() {
			try (ChatBotKitClient client = TestClients.client("http://localhost:1")) {
				Class<?> type = target(client).getClass();
				List<Method> candidates = new ArrayList<>();
				for (Method candidate : type.getMethods()) {
					if (candidate.getName().equals(this.method) && accepts(candidate)) {
						candidates.add(candidate);
					}
				}
				assertThat(candidates).as(toString()).hasSize(1);
				return candidates.get(0);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}

		Method reactiveMethod(ChatBotKitReactiveClient client) throws ReflectiveOperationException {
			Method twin = HandWrittenTwins.twinOf(blockingMethod(), target(client).getClass());
			assertThat(twin).as(toString()).isNotNull();
			return twin;
		}

		private boolean accepts(Method candidate) {
			Class<?>[] types = candidate.getParameterTypes();
			if (types.length != this.arguments.length) {
				return false;
			}
			for (int i = 0; i < types.length; i++) {
				if (!ClassUtils.isAssignableValue(types[i], this.arguments[i])) {
					return false;
				}
			}
			return true;
		}

		Outcome onBlocking(ChatBotKitClient client) throws ReflectiveOperationException {
			try {
				Object value = blockingMethod().invoke(target(client), this.arguments);
				if (value instanceof Stream<?> stream) {
					try (stream) {
						return new Outcome(stream.toList(), null);
					}
				}
				return new Outcome(value, null);
			}
			catch (InvocationTargetException ex) {
				return new Outcome(null, ex.getCause());
			}
			catch (RuntimeException ex) {
				return new Outcome(null, ex);
			}
		}

		Outcome onReactive(ChatBotKitReactiveClient client) throws ReflectiveOperationException {
			try {
				Object value = reactiveMethod(client).invoke(target(client), this.arguments);
				Mono<?> answer = (value instanceof Flux<?> flux) ? flux.collectList() : (Mono<?>) value;
				return new Outcome(answer.toFuture().get(HANG_GUARD.toMinutes(), TimeUnit.MINUTES), null);
			}
			catch (InvocationTargetException | ExecutionException ex) {
				return new Outcome(null, ex.getCause());
			}
			catch (InterruptedException | TimeoutException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public String toString() {
			return this.accessors + "." + this.method + Arrays.toString(this.arguments);
		}

	}

	/**
	 * What a call answered, or how it failed.
	 */
	record Outcome(@Nullable Object value, @Nullable Throwable failure) {

	}

	/**
	 * Both clients, with the same options: a run-as user, a time zone and a header of
	 * their own.
	 */
	private static final class Clients implements AutoCloseable {

		final ChatBotKitClient blocking;

		final ChatBotKitReactiveClient reactive;

		Clients() {
			ChatBotKitOptions options = ChatBotKitOptions.builder()
				.secret(ApiStub.SECRET)
				.url(api.baseUrl())
				.retry(RetryOptions.disabled())
				.runAsUserId("user-1")
				.timezone(ZoneId.of("Europe/Vienna"))
				.header("X-Extra", "1")
				.build();
			this.blocking = ChatBotKitClient.create(options);
			this.reactive = ChatBotKitReactiveClient.create(options);
		}

		@Override
		public void close() {
			this.blocking.close();
			this.reactive.close();
		}

	}

	/**
	 * Asks for one item at a time, when told.
	 */
	private static final class OneAtATime extends BaseSubscriber<Object> {

		private final BlockingQueue<Object> items = new LinkedBlockingQueue<>();

		private final CountDownLatch completed = new CountDownLatch(1);

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			// nothing until the test asks
		}

		@Override
		protected void hookOnNext(Object item) {
			this.items.add(item);
		}

		@Override
		protected void hookOnError(Throwable failure) {
			this.items.add(failure);
		}

		@Override
		protected void hookOnComplete() {
			this.completed.countDown();
		}

		Object next() throws InterruptedException {
			Object item = this.items.poll(HANG_GUARD.toMinutes(), TimeUnit.MINUTES);
			assertThat(item).as("an item").isNotNull().isNotInstanceOf(Throwable.class);
			return item;
		}

	}

}
