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

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.agent.AgentEvent;
import io.github.cbkspring.client.agent.AgentTool;
import io.github.cbkspring.client.agent.AgentToolException;
import io.github.cbkspring.client.agent.ChatBotKitAgent;
import io.github.cbkspring.client.channel.ChannelPublishRequest;
import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.conversation.CompletionOptions;
import io.github.cbkspring.client.conversation.CompletionRequest;
import io.github.cbkspring.client.conversation.CompletionResult;
import io.github.cbkspring.client.conversation.ConversationMessage;
import io.github.cbkspring.client.conversation.EndReason;
import io.github.cbkspring.client.conversation.FunctionCall;
import io.github.cbkspring.client.conversation.FunctionDefinition;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.Message;
import io.github.cbkspring.client.core.MessageType;
import io.github.cbkspring.client.core.SortOrder;
import io.github.cbkspring.client.bot.SessionCreateResponse;
import io.github.cbkspring.client.error.ChatBotKitAuthenticationException;
import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.client.error.ChatBotKitHttpException;
import io.github.cbkspring.client.error.ChatBotKitRateLimitException;
import io.github.cbkspring.client.error.ChatBotKitServerException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Scripted completions through the real client: whole and streamed, stateless and of a
 * conversation, with function calls, usage, end reasons and faults.
 *
 * @author cbkspring contributors
 */
class CompletionTests {

	@AutoClose
	static ChatBotKitFake fake = ChatBotKitFake.start();

	@AutoClose
	static ChatBotKitClient client = Clients.client(fake);

	@AfterEach
	void reset() {
		fake.reset();
	}

	@Test
	void scriptedReplyAnswersTheUsersMessageWhole() {
		fake.completions().whenUserSays("Hi").reply("Hel", "lo");
		CompletionResult result = client.conversations().complete(ask("Hi"));
		assertThat(result.text()).isEqualTo("Hello");
		assertThat(result.endReason()).isEqualTo(EndReason.STOP);
		assertThat(result.tokens()).isEqualTo(4);
	}

	@Test
	void scriptedReplyIsStreamedTokenByTokenThenUsageAndResult() {
		fake.completions().whenUserSays("Hi").reply(Completion.reply("Hel", "lo").withUsage(7, 2));
		try (Stream<CompletionEvent> events = client.conversations().completeStream(ask("Hi"))) {
			assertThat(events.toList()).containsExactly(new CompletionEvent.Token("Hel"),
					new CompletionEvent.Token("lo"), new CompletionEvent.Usage("fake", 7, 2),
					new CompletionEvent.Result(new CompletionResult(null, "Hello", 9, EndReason.STOP)));
		}
	}

	@Test
	void pacedReplyStreamsTheSameEvents() {
		fake.completions()
			.whenUserSays("Hi")
			.reply(Completion.reply("Hel", "lo").withUsage(7, 2).withTokenDelay(Duration.ofMillis(1)));
		try (Stream<CompletionEvent> events = client.conversations().completeStream(ask("Hi"))) {
			assertThat(events.toList()).containsExactly(new CompletionEvent.Token("Hel"),
					new CompletionEvent.Token("lo"), new CompletionEvent.Usage("fake", 7, 2),
					new CompletionEvent.Result(new CompletionResult(null, "Hello", 9, EndReason.STOP)));
		}
	}

	@Test
	void negativeTokenDelayIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Completion.reply("Hi").withTokenDelay(Duration.ofMillis(-1)))
			.withMessage("delay must not be negative, not PT-0.001S");
	}

	@Test
	void unscriptedMessageGetsTheDefaultReply() {
		fake.completions().whenUserSays("Hi").reply("Hello");
		assertThat(client.conversations().complete(ask("Something else")).text())
			.isEqualTo(CompletionScripts.DEFAULT_REPLY);
	}

	@Test
	void laterScriptWinsAndOtherwiseAnswersTheRest() {
		fake.completions().otherwise().reply("fallback");
		fake.completions().whenUserSays("Hi").reply("first");
		fake.completions().whenUserSays("Hi").reply("second");
		assertThat(client.conversations().complete(ask("Hi")).text()).isEqualTo("second");
		assertThat(client.conversations().complete(ask("Bye")).text()).isEqualTo("fallback");
	}

	@Test
	void answerIsMadeFromTheRequest() {
		fake.completions()
			.when((request) -> "b2".equals(request.json().get("botId")))
			.answer((request) -> Completion.reply("You said " + request.userMessage()));
		assertThat(client.conversations().complete(ask("Hi")).text()).isEqualTo(CompletionScripts.DEFAULT_REPLY);
		CompletionRequest toB2 = CompletionRequest.withBot("b2").message(Message.user("Yo")).build();
		assertThat(client.conversations().complete(toB2).text()).isEqualTo("You said Yo");
	}

	@Test
	void functionCallIsAnActivityMessageAndEndsWithActivity() {
		fake.completions()
			.whenUserSays("Weather in Paris?")
			.reply(Completion.reply().withFunctionCall("getWeather", Map.of("city", "Paris")));
		CompletionRequest request = CompletionRequest.withBot("b1")
			.message(Message.user("Weather in Paris?"))
			.options(CompletionOptions.none()
				.withFunction(FunctionDefinition.of("getWeather", "The weather of a city",
						Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string"))))))
			.build();
		try (Stream<CompletionEvent> events = client.conversations().completeStream(request)) {
			List<CompletionEvent> all = events.toList();
			assertThat(all.stream().flatMap((event) -> FunctionCall.of(event).stream()))
				.containsExactly(new FunctionCall("getWeather", Map.of("city", "Paris"), null));
			assertThat(all.get(all.size() - 1)).isInstanceOfSatisfying(CompletionEvent.Result.class,
					(result) -> assertThat(result.result().endReason()).isEqualTo(EndReason.ACTIVITY));
		}
		assertThat(fake).satisfies((f) -> ChatBotKitFakeAssert.assertThat(f)
			.receivedCompletion()
			.withFunction("getWeather")
			.withUserMessage("Weather in Paris?"));
	}

	@Test
	void channelCallIsAWaitForChannelMessageBeginEvent() {
		fake.completions()
			.otherwise()
			.reply(Completion.reply("Checking").withChannelCall("lookup", Map.of("id", 7), "channel-1"));
		try (Stream<CompletionEvent> events = client.conversations().completeStream(ask("Hi"))) {
			List<CompletionEvent> all = events.toList();
			assertThat(all.stream().flatMap((event) -> FunctionCall.of(event).stream()))
				.containsExactly(new FunctionCall("lookup", Map.of("id", 7), "channel-1"));
			assertThat(all.get(all.size() - 1)).isInstanceOfSatisfying(CompletionEvent.Result.class,
					(result) -> assertThat(result.result().endReason()).isEqualTo(EndReason.ACTIVITY));
		}
		assertThat(client.conversations().complete(ask("Hi")).text()).isEqualTo("Checking");
	}

	@Test
	void channelCallGoesOnWithThePublishedResult() {
		fake.completions()
			.otherwise()
			.answer((request) -> Completion.reply("Checking. ")
				.withChannelCall("lookup", Map.of("id", "42"), channelOf(request))
				.thenReply((messages) -> Completion.reply("Order 42 is ",
						String.valueOf(messages.get(channelOf(request))))));
		ChatBotKitAgent agent = ChatBotKitAgent.builder(client)
			.tool(AgentTool.of("lookup", "An order's status", Lookup.class, (args) -> "shipped"))
			.build();
		try (Stream<AgentEvent> events = agent.complete(ask("Where is order 42?"))) {
			List<AgentEvent> all = events.toList();
			assertThat(all).contains(new AgentEvent.ToolCallEnd("lookup", "shipped"));
			assertThat(all).noneMatch(AgentEvent.ToolCallError.class::isInstance);
			assertThat(tokens(all)).isEqualTo("Checking. Order 42 is {data=shipped}");
			assertThat(all.get(all.size() - 1)).isInstanceOfSatisfying(AgentEvent.Completion.class,
					(completion) -> assertThat(completion.event()).isInstanceOfSatisfying(CompletionEvent.Result.class,
							(result) -> assertThat(result.result().endReason()).isEqualTo(EndReason.STOP)));
		}
		String channel = channelOf(fake.requests().get(0));
		ChatBotKitFakeAssert.assertThat(fake).receivedRequest("POST", "/channel/" + channel + "/publish");
	}

	@Test
	void channelCallGoesOnWithTheErrorOfAFailedTool() {
		fake.completions()
			.otherwise()
			.answer((request) -> Completion.reply()
				.withChannelCall("lookup", Map.of("id", "7"), channelOf(request))
				.thenReply((messages) -> Completion.reply(String.valueOf(messages.get(channelOf(request))))));
		ChatBotKitAgent agent = ChatBotKitAgent.builder(client)
			.tool(AgentTool.of("lookup", "An order's status", Lookup.class, (args) -> {
				throw new AgentToolException("No order " + args.id());
			}))
			.build();
		try (Stream<AgentEvent> events = agent.complete(ask("Where is order 7?"))) {
			List<AgentEvent> all = events.toList();
			assertThat(all).contains(new AgentEvent.ToolCallError("lookup", "No order 7"));
			assertThat(tokens(all)).isEqualTo("{error=No order 7}");
		}
	}

	@Test
	void publishedMessageWaitsForItsAnswer() {
		fake.completions()
			.otherwise()
			.reply(Completion.reply("Checking")
				.withChannelCall("lookup", Map.of(), "channel-2")
				.thenReply((messages) -> Completion.reply("Got ", String.valueOf(messages))));
		assertThat(client.channels().publish("channel-2", new ChannelPublishRequest(Map.of("data", 1))))
			.isEqualTo("channel-2");
		try (Stream<CompletionEvent> events = client.conversations().completeStream(ask("Hi"))) {
			assertThat(events.filter(CompletionEvent.Token.class::isInstance)
				.map((event) -> ((CompletionEvent.Token) event).token()))
				.containsExactly("Checking", "Got ", "{channel-2={data=1}}");
		}
		// whole, the answer does not wait
		assertThat(client.conversations().complete(ask("Hi")).text()).isEqualTo("Checking");
	}

	@Test
	void closingTheFakeEndsAnAnswerThatWaitsForAChannel() {
		try (ChatBotKitFake closing = ChatBotKitFake.start();
				ChatBotKitClient closingClient = Clients.client(closing)) {
			closing.completions()
				.otherwise()
				.reply(Completion.reply("Checking")
					.withChannelCall("lookup", Map.of(), "channel-3")
					.thenReply((messages) -> Completion.reply("never")));
			try (Stream<CompletionEvent> events = closingClient.conversations().completeStream(ask("Hi"))) {
				Iterator<CompletionEvent> iterator = events.iterator();
				// the call is sent: the answer now waits for its channel
				assertThat(iterator.next()).isEqualTo(new CompletionEvent.Token("Checking"));
				assertThat(FunctionCall.of(iterator.next())).isPresent();
				closing.close();
				assertThatExceptionOfType(ChatBotKitException.class)
					.isThrownBy(() -> iterator.forEachRemaining((event) -> {
					}));
			}
		}
	}

	@Test
	void endReasonIsScripted() {
		fake.completions().otherwise().reply(Completion.reply("Long").withEndReason("length"));
		assertThat(client.conversations().complete(ask("Hi")).endReason()).isEqualTo(EndReason.LENGTH);
	}

	@Test
	void conversationCompletionKeepsBothMessages() {
		SessionCreateResponse session = client.sessions().create("b1");
		fake.completions().whenUserSays("Hi").reply("Hello");
		assertThat(client.conversations().complete(session.conversationId(), "Hi").text()).isEqualTo("Hello");
		assertThat(client.conversations()
			.messages()
			.list(session.conversationId(), ListQuery.defaults().withOrder(SortOrder.ASC))
			.items()).extracting(ConversationMessage::type, ConversationMessage::text)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(MessageType.USER, "Hi"),
					org.assertj.core.groups.Tuple.tuple(MessageType.BOT, "Hello"));
		ChatBotKitFakeAssert.assertThat(fake)
			.receivedCompletion()
			.withConversationId(session.conversationId())
			.withUserMessage("Hi");
	}

	@Test
	void completionOfAConversationThatDoesNotExistIsNotFound() {
		assertThatExceptionOfType(ChatBotKitHttpException.class)
			.isThrownBy(() -> client.conversations().complete("nope", "Hi"))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(404));
	}

	@Test
	void scriptedUnauthorized() {
		fake.completions().whenUserSays("Hi").fail(Fault.unauthorized());
		assertThatExceptionOfType(ChatBotKitAuthenticationException.class)
			.isThrownBy(() -> client.conversations().complete(ask("Hi")));
	}

	@Test
	void tooManyRequestsNamesWhenToRetry() {
		fake.failNext(Fault.tooManyRequests(Duration.ofMillis(1500)));
		assertThatExceptionOfType(ChatBotKitRateLimitException.class)
			.isThrownBy(() -> client.conversations().complete(ask("Hi")))
			.satisfies((ex) -> assertThat(ex.retryAfter()).contains(Duration.ofSeconds(2)));
		assertThat(client.conversations().complete(ask("Hi")).text()).isEqualTo(CompletionScripts.DEFAULT_REPLY);
	}

	@Test
	void serverErrorOnceThenTheAnswer() {
		fake.failNext(Fault.serverError(503));
		assertThatExceptionOfType(ChatBotKitServerException.class)
			.isThrownBy(() -> client.conversations().complete(ask("Hi")))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(503));
		assertThat(fake.requests()).hasSize(1);
		assertThat(client.conversations().complete(ask("Hi")).text()).isEqualTo(CompletionScripts.DEFAULT_REPLY);
	}

	@Test
	void retryingClientGetsThroughAServerError() {
		fake.failNext(Fault.serverError(502));
		try (ChatBotKitClient retrying = ChatBotKitClient
			.create(io.github.cbkspring.client.core.ChatBotKitOptions.builder()
				.secret(fake.secret())
				.url(fake.url())
				.build())) {
			assertThat(retrying.bots().list(ListQuery.defaults()).items()).isEmpty();
		}
		assertThat(fake.requests()).extracting(RecordedRequest::path).containsExactly("/bot/list", "/bot/list");
	}

	@Test
	void streamCutMidWayFailsTheStreamAfterTheFirstTokens() {
		fake.completions().otherwise().reply(Completion.reply("Hel", "lo", " there").cutAfter(1));
		try (Stream<CompletionEvent> events = client.conversations().completeStream(ask("Hi"))) {
			java.util.Iterator<CompletionEvent> iterator = events.iterator();
			assertThat(iterator.next()).isEqualTo(new CompletionEvent.Token("Hel"));
			assertThatExceptionOfType(ChatBotKitException.class).isThrownBy(() -> {
				while (iterator.hasNext()) {
					iterator.next();
				}
			});
		}
	}

	@Test
	void wholeAnswerCutMidWayFails() {
		fake.completions().otherwise().reply(Completion.reply("Hel", "lo").cutAfter(1));
		assertThatExceptionOfType(ChatBotKitException.class)
			.isThrownBy(() -> client.conversations().complete(ask("Hi")));
	}

	@Test
	void errorEventEndsTheStreamWithItsMessage() {
		fake.completions().otherwise().reply(Completion.reply("Hel", "lo").errorAfter(1, "Model overloaded"));
		try (Stream<CompletionEvent> events = client.conversations().completeStream(ask("Hi"))) {
			java.util.Iterator<CompletionEvent> iterator = events.iterator();
			assertThat(iterator.next()).isEqualTo(new CompletionEvent.Token("Hel"));
			assertThatExceptionOfType(ChatBotKitException.class).isThrownBy(iterator::hasNext)
				.withMessageContaining("Model overloaded");
		}
	}

	@Test
	void cutAfterMoreTokensThanTheAnswerHasStillEndsWithoutTheResult() {
		fake.completions().otherwise().reply(Completion.reply("Hel", "lo").cutAfter(5));
		try (Stream<CompletionEvent> events = client.conversations().completeStream(ask("Hi"))) {
			java.util.Iterator<CompletionEvent> iterator = events.iterator();
			assertThat(iterator.next()).isEqualTo(new CompletionEvent.Token("Hel"));
			assertThat(iterator.next()).isEqualTo(new CompletionEvent.Token("lo"));
			assertThatExceptionOfType(ChatBotKitException.class).isThrownBy(iterator::hasNext);
		}
	}

	@Test
	void errorAfterMoreTokensThanTheAnswerHasComesBeforeTheResult() {
		fake.completions().otherwise().reply(Completion.reply("Hel", "lo").errorAfter(5, "Model overloaded"));
		try (Stream<CompletionEvent> events = client.conversations().completeStream(ask("Hi"))) {
			java.util.Iterator<CompletionEvent> iterator = events.iterator();
			assertThat(iterator.next()).isEqualTo(new CompletionEvent.Token("Hel"));
			assertThat(iterator.next()).isEqualTo(new CompletionEvent.Token("lo"));
			assertThatExceptionOfType(ChatBotKitException.class).isThrownBy(iterator::hasNext)
				.withMessageContaining("Model overloaded");
		}
	}

	@Test
	void scriptsRefuseWhatNoAnswerCanSay() {
		Completion reply = Completion.reply("Hel", "lo");
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> reply.cutAfter(-1));
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> reply.errorAfter(-1, "Model overloaded"));
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> reply.errorAfter(1, null))
			.withMessage("message must not be null");
	}

	@Test
	void faultsRefuseWhatNoAnswerCanSay() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> Fault.tooManyRequests(Duration.ofSeconds(-5)))
			.withMessageContaining("negative");
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> Fault.tooManyRequests(null));
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> Fault.status(409, null, "Taken"));
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> Fault.status(409, "CONFLICT", null));
	}

	@Test
	void noWaitIsARetryAfterOfZero() {
		fake.failNext(Fault.tooManyRequests(Duration.ZERO));
		assertThatExceptionOfType(ChatBotKitRateLimitException.class)
			.isThrownBy(() -> client.conversations().complete(ask("Hi")))
			.satisfies((ex) -> assertThat(ex.retryAfter()).contains(Duration.ZERO));
	}

	@Test
	void errorWholeIsAServerError() {
		fake.completions().otherwise().reply(Completion.reply("Hel").errorAfter(0, "Model overloaded"));
		assertThatExceptionOfType(ChatBotKitServerException.class)
			.isThrownBy(() -> client.conversations().complete(ask("Hi")))
			.satisfies((ex) -> assertThat(ex.apiMessage()).isEqualTo("Model overloaded"));
	}

	@Test
	void slowFirstTokenIsHeldUntilReleased() throws Exception {
		Gate gate = new Gate();
		fake.completions().whenUserSays("Hi").reply(Completion.reply("Hel", "lo").heldBy(gate));
		CompletableFuture<List<CompletionEvent>> reply = CompletableFuture.supplyAsync(() -> {
			try (Stream<CompletionEvent> events = client.conversations().completeStream(ask("Hi"))) {
				return events.toList();
			}
		});
		assertThat(gate.awaitHeld(Duration.ofMinutes(2))).isTrue();
		assertThat(reply).isNotDone();
		// another call is not held behind it
		assertThat(client.conversations().complete(ask("Other")).text()).isEqualTo(CompletionScripts.DEFAULT_REPLY);
		assertThat(reply).isNotDone();
		gate.release();
		assertThat(reply.get(2, TimeUnit.MINUTES)).startsWith(new CompletionEvent.Token("Hel"));
	}

	@Test
	void heldAnswerEndsWhenTheFakeCloses() throws Exception {
		ChatBotKitFake closing = ChatBotKitFake.start();
		Gate gate = new Gate();
		closing.completions().otherwise().reply(Completion.reply("Hel").heldBy(gate));
		try (ChatBotKitClient closingClient = Clients.client(closing)) {
			CompletableFuture<CompletionResult> reply = CompletableFuture
				.supplyAsync(() -> closingClient.conversations().complete(ask("Hi")));
			assertThat(gate.awaitHeld(Duration.ofMinutes(2))).isTrue();
			closing.close();
			assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
				.isThrownBy(() -> reply.get(2, TimeUnit.MINUTES))
				.withCauseInstanceOf(ChatBotKitException.class);
		}
	}

	@Test
	void faultsAreCheckedForTheirStatus() {
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.serverError(404));
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.status(302, "FOUND", "Moved"));
		assertThat(Fault.status(409, "CONFLICT", "Taken")).hasToString("409 CONFLICT");
	}

	@SuppressWarnings("unchecked")
	private static String channelOf(RecordedRequest request) {
		List<Map<String, Object>> functions = (List<Map<String, Object>>) request.json().get("functions");
		return (String) ((Map<String, Object>) functions.get(0).get("result")).get("channel");
	}

	private static String tokens(List<AgentEvent> events) {
		StringBuilder text = new StringBuilder();
		events.forEach((event) -> {
			if (event instanceof AgentEvent.Completion completion
					&& completion.event() instanceof CompletionEvent.Token token) {
				text.append(token.token());
			}
		});
		return text.toString();
	}

	record Lookup(String id) {
	}

	private static CompletionRequest ask(String text) {
		return CompletionRequest.withBot("b1").message(Message.user(text)).build();
	}

}
