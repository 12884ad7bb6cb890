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

package io.github.cbkspring.test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.bot.Bot;
import io.github.cbkspring.client.bot.BotRequest;
import io.github.cbkspring.client.bot.SessionCreateRequest;
import io.github.cbkspring.client.bot.SessionCreateResponse;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.Page;
import io.github.cbkspring.client.error.ChatBotKitHttpException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The fake's server: routing, credentials, the API's error shape, the check of requests
 * against the API model, and the state of bots and sessions, through the real client.
 *
 * @author cbkspring contributors
 */
class ChatBotKitFakeTests {

	@AutoClose
	static ChatBotKitFake fake = ChatBotKitFake.start();

	@AutoClose
	static ChatBotKitClient client = Clients.client(fake);

	@AfterEach
	void reset() {
		fake.reset();
	}

	@Test
	void listensOnLoopbackOnAFreePort() {
		assertThat(fake.url()).matches("http://127\\.0\\.0\\.1:\\d+");
		try (ChatBotKitFake other = ChatBotKitFake.start()) {
			assertThat(other.url()).isNotEqualTo(fake.url());
		}
	}

	@Test
	void emptySecretIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChatBotKitFake.start(" "));
	}

	@Test
	void botsAreCreatedFetchedUpdatedListedAndDeleted() {
		String id = client.bots().create(BotRequest.builder().name("Support").backstory("Be kind").build());
		assertThat(client.bots().fetch(id)).extracting(Bot::name, Bot::backstory).containsExactly("Support", "Be kind");
		client.bots().update(id, BotRequest.builder().name("Help desk").build());
		assertThat(client.bots().fetch(id)).extracting(Bot::name, Bot::backstory)
			.containsExactly("Help desk", "Be kind");
		assertThat(client.bots().list(ListQuery.defaults()).items()).extracting(Bot::id).containsExactly(id);
		client.bots().delete(id);
		assertThatExceptionOfType(ChatBotKitHttpException.class).isThrownBy(() -> client.bots().fetch(id))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(404));
	}

	@Test
	void listsPageNewestFirstWithCursors() {
		List<String> ids = java.util.stream.IntStream.range(0, 5)
			.mapToObj((i) -> client.bots().create(BotRequest.builder().name("bot " + i).build()))
			.toList();
		Page<Bot> first = client.bots().list(ListQuery.defaults().withTake(2));
		assertThat(first.items()).extracting(Bot::id).containsExactly(ids.get(4), ids.get(3));
		Page<Bot> second = client.bots().list(ListQuery.defaults().withTake(2).withCursor(first.cursor()));
		assertThat(second.items()).extracting(Bot::id).containsExactly(ids.get(2), ids.get(1));
		assertThat(client.bots().listAll(ListQuery.defaults().withTake(2)).map(Bot::id))
			.containsExactlyElementsOf(reversed(ids));
		assertThat(client.bots()
			.list(ListQuery.defaults().withOrder(io.github.cbkspring.client.core.SortOrder.ASC))
			.items()).extracting(Bot::id).containsExactlyElementsOf(ids);
	}

	private static List<String> reversed(List<String> list) {
		List<String> copy = new java.util.ArrayList<>(list);
		java.util.Collections.reverse(copy);
		return copy;
	}

	@Test
	void listsFilterOnMetadata() {
		String kept = client.bots().create(BotRequest.builder().meta("team", "a").build());
		client.bots().create(BotRequest.builder().meta("team", "b").build());
		assertThat(client.bots().list(ListQuery.defaults().withMeta("team", "a")).items()).extracting(Bot::id)
			.containsExactly(kept);
	}

	@Test
	void sessionTokenWorksAsASecret() {
		SessionCreateResponse session = client.sessions().create("b1");
		assertThat(session.conversationId()).isNotBlank();
		try (ChatBotKitClient withToken = client.withSecret(session.token())) {
			assertThat(withToken.conversations().fetch(session.conversationId()).id())
				.isEqualTo(session.conversationId());
		}
	}

	@Test
	void wrongSecretIsRefusedWithTheApiErrorShape() {
		HttpResponse<String> answer = Clients.get(fake, "/bot/list", "sk-wrong");
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).isEqualTo("{\"message\":\"Invalid or missing secret\",\"code\":\"UNAUTHORIZED\"}");
		try (ChatBotKitClient wrong = client.withSecret("sk-wrong")) {
			assertThatExceptionOfType(ChatBotKitHttpException.class)
				.isThrownBy(() -> wrong.bots().list(ListQuery.defaults()))
				.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(401));
		}
	}

	@Test
	void unknownPathIsNotFound() {
		HttpResponse<String> answer = Clients.get(fake, "/no/such/thing", fake.secret());
		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(answer.body()).contains("\"code\":\"NOT_FOUND\"");
	}

	@Test
	void operationTheFakeDoesNotImplementIsNotImplemented() {
		HttpResponse<String> answer = Clients.post(fake, "/bot/b1/clone", "{}");
		assertThat(answer.statusCode()).isEqualTo(501);
		assertThat(answer.body()).contains("cloneBot").contains("\"code\":\"NOT_IMPLEMENTED\"");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					/bot/create               | {"name":"a","colour":"red"}                     | Unknown field 'colour'
					/contact/ensure           | {"name":"a"}                                    | Missing required field 'fingerprint'
					/bot/create               | {"name":7}                                      | Field 'name' must be a string
					/bot/create               | {"privacy":"yes"}                               | Field 'privacy' must be a boolean
					/bot/create               | {"visibility":"secret"}                         | Field 'visibility' must be one of private, protected, public, not 'secret'
					/bot/b1/session/create    | {"messages":[{"type":"user"}]}                  | Missing required field 'messages[0].text'
					/bot/b1/session/create    | {"messages":[{"type":"shout","text":"a"}]}      | Field 'messages[0].type' must be one of
					/bot/b1/session/create    | {"messages":{"type":"user"}}                    | Field 'messages' must be an array
					/dataset/d1/search        | {"search":"a","filter":{"n":{"$gt":"x"}}}       | Field 'filter.n' must be
					""")
	void requestThatDriftsFromTheModelIsABadRequestNamingTheField(String path, String body, String message) {
		HttpResponse<String> answer = Clients.post(fake, path, body);
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("\"code\":\"BAD_REQUEST\"").contains(message);
	}

	@Test
	void queryParameterOfTheWrongTypeIsABadRequest() {
		HttpResponse<String> answer = Clients.get(fake, "/bot/list?take=many", fake.secret());
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("Field 'take' must be an integer");
		assertThat(Clients.get(fake, "/bot/list?order=sideways", fake.secret()).body())
			.contains("Field 'order' must be one of asc, desc");
	}

	@Test
	void bodyThatIsNotJsonIsABadRequest() {
		HttpResponse<String> answer = Clients.post(fake, "/bot/create", "{not json");
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("not valid JSON");
	}

	@Test
	void everyRequestIsRecordedWithoutItsCredential() {
		client.bots().create(BotRequest.builder().name("Recorded").build());
		assertThat(fake.requests()).singleElement().satisfies((request) -> {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.path()).isEqualTo("/bot/create");
			assertThat(request.operationId()).isEqualTo("createBot");
			assertThat(request.json()).containsEntry("name", "Recorded");
			assertThat(request.header("authorization")).isNull();
			assertThat(request.header("Content-Type")).startsWith("application/json");
			assertThat(request.toString()).isEqualTo("POST /bot/create {\"name\":\"Recorded\"}")
				.doesNotContain(fake.secret());
		});
	}

	@Test
	void boundedFakeKeepsTheLastRequestsOnly() {
		try (ChatBotKitFake bounded = ChatBotKitFake.builder().requestsKept(2).start();
				ChatBotKitClient boundedClient = Clients.client(bounded)) {
			for (String name : List.of("first", "second", "third")) {
				boundedClient.bots().create(BotRequest.builder().name(name).build());
			}
			assertThat(bounded.requests()).extracting((request) -> request.json().get("name"))
				.containsExactly("second", "third");
		}
	}

	@Test
	void boundOfLessThanOneRequestIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChatBotKitFake.builder().requestsKept(0))
			.withMessage("requests must be at least 1, not 0");
	}

	@Test
	void sessionTokenOpensNothingOnceItExpiredByTheFakesClock() {
		MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
		try (ChatBotKitFake clocked = ChatBotKitFake.builder().secret("sk-clocked").clock(clock).start();
				ChatBotKitClient clockedClient = Clients.client(clocked)) {
			SessionCreateResponse session = clockedClient.sessions()
				.create("b1", SessionCreateRequest.builder().duration(Duration.ofMinutes(10)).build());
			assertThat(session.expiresAt()).isEqualTo(Instant.parse("2026-03-01T10:10:00Z"));
			try (ChatBotKitClient withToken = clockedClient.withSecret(session.token())) {
				clock.now = Instant.parse("2026-03-01T10:09:59Z");
				assertThat(withToken.conversations().fetch(session.conversationId()).id())
					.isEqualTo(session.conversationId());
				clock.now = Instant.parse("2026-03-01T10:10:00Z");
				assertThatExceptionOfType(ChatBotKitHttpException.class)
					.isThrownBy(() -> withToken.conversations().fetch(session.conversationId()))
					.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(401));
			}
		}
	}

	@Test
	void storedItemsAreStampedByTheFakesClock() {
		MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
		try (ChatBotKitFake clocked = ChatBotKitFake.builder().secret("sk-clocked").clock(clock).start();
				ChatBotKitClient clockedClient = Clients.client(clocked)) {
			String id = clockedClient.bots().create(BotRequest.builder().name("Stamped").build());
			clock.now = Instant.parse("2026-03-01T11:00:00Z");
			clockedClient.bots().update(id, BotRequest.builder().name("Restamped").build());
			Bot bot = clockedClient.bots().fetch(id);
			assertThat(bot.createdAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
			assertThat(bot.updatedAt()).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
		}
	}

	@Test
	void resetForgetsStateAndRequests() {
		client.bots().create(BotRequest.builder().name("Gone").build());
		fake.reset();
		assertThat(fake.requests()).isEmpty();
		assertThat(client.bots().list(ListQuery.defaults()).items()).isEmpty();
	}

	@Test
	void idsThatNeedEncodingArriveDecoded() {
		assertThatExceptionOfType(ChatBotKitHttpException.class).isThrownBy(() -> client.bots().fetch("a/b c"))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(404));
		assertThat(fake.requests()).extracting(RecordedRequest::path).containsExactly("/bot/a/b c/fetch");
		assertThat(fake.requests()).extracting(RecordedRequest::operationId).containsExactly("fetchBot");
	}

	@Test
	void pageOfAnotherOriginMayCallTheFake() {
		HttpResponse<String> preflight = Clients.send(
				java.net.http.HttpRequest.newBuilder(java.net.URI.create(fake.url() + "/api/v1/conversation/complete"))
					.method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
					.header("Origin", "http://localhost:8080")
					.header("Access-Control-Request-Method", "POST")
					.header("Access-Control-Request-Headers", "authorization,content-type")
					.build());
		assertThat(preflight.statusCode()).isEqualTo(204);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
			.contains("Authorization", "Content-Type");
		assertThat(fake.requests()).isEmpty();
		assertThat(Clients.get(fake, "/bot/list", fake.secret()).headers().firstValue("Access-Control-Allow-Origin"))
			.contains("*");
	}

	@Test
	void toStringNamesTheUrlOnly() {
		assertThat(fake).hasToString("ChatBotKitFake[" + fake.url() + "]");
		assertThat(fake.requests().stream().map(Object::toString).collect(Collectors.joining()))
			.doesNotContain(fake.secret());
	}

	private static final class MutableClock extends Clock {

		private volatile Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
