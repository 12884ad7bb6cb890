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

package io.github.cbkspring.client.conversation;

import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.TestClients;
import io.github.cbkspring.client.core.Message;
import io.github.cbkspring.client.core.MessageType;
import io.github.cbkspring.client.error.ChatBotKitAuthenticationException;
import io.github.cbkspring.client.error.ChatBotKitDecodingException;
import io.github.cbkspring.client.error.ChatBotKitStreamException;
import io.github.cbkspring.testsupport.ApiStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for stateless completions ({@code POST /conversation/complete}) with
 * {@link ConversationClient}, against WireMock over real sockets.
 *
 * @author cbkspring contributors
 */
class StatelessCompletionTests {

	private static final String PATH = "/conversation/complete";

	private static final String REPLY = "{\"text\":\"Hello\",\"usage\":{\"token\":3},\"end\":{\"reason\":\"stop\"},\"x\":1}";

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	private final ConversationClient conversations = TestClients.client(api).conversations();

	@Test
	void completeWithABotSendsTheBotIdAndTheMessagesOnly() {
		ApiStub.stubPost(api, PATH, REPLY);
		CompletionResult result = this.conversations
			.complete(CompletionRequest.withBot("bot-1").message(Message.user("Hi")).build());
		assertThat(result).isEqualTo(new CompletionResult(null, "Hello", 3, EndReason.STOP));
		ApiStub.verifyPost(api, PATH, "{\"botId\":\"bot-1\",\"messages\":[{\"type\":\"user\",\"text\":\"Hi\"}]}");
	}

	@Test
	void completeWithAConfigurationSendsEveryField() {
		ApiStub.stubPost(api, PATH, REPLY);
		CompletionRequest request = CompletionRequest
			.withConfig(BotConfig.ofModel(ModelDefinition.of("gpt-5.4").temperature(0.7).maxTokens(512))
				.withBackstory("You help.")
				.withDatasetId("ds-1")
				.withSkillsetId("sk-1")
				.withPrivacy(false)
				.withModeration(true))
			.messages(List.of(new Message(MessageType.CONTEXT, "Plan: premium", Map.of("source", "crm")),
					Message.user("Hi")))
			.attachment(URI.create("https://files.example.com/a.pdf"))
			.contact(ContactRef.byFingerprint("user-42")
				.withName("Ada")
				.withDescription("VIP")
				.withEmail("ada@example.com")
				.withPhone("+4712345678")
				.withNick("ada")
				.withMeta(Map.of("tier", "gold")))
			.options(CompletionOptions.none()
				.withFunction(FunctionDefinition.ofJson("getTime", "The time in a zone",
						"{\"type\":\"object\",\"properties\":{\"zone\":{\"type\":\"string\"}},\"required\":[\"zone\"]}")
					.withResult(FunctionResult.data(Map.of("time", "10:30"))))
				.withFunction(FunctionDefinition.of("getWeather", "The weather", Map.of())
					.withResult(FunctionResult.channel("weather-0123456789abcdef")))
				.withFunction(
						FunctionDefinition.of("greet", "Greets", Map.of()).withCall(FunctionDefinition.Call.atStart()))
				.withExtensions(Extensions.none()
					.withBackstory("Be brief.")
					.withDataset(new Extensions.Dataset("FAQ", "Answers",
							List.of(Extensions.DatasetRecord.of("We open at 9."),
									new Extensions.DatasetRecord("Closed Sundays.", Map.of("page", 2)))))
					.withSkillset(new Extensions.Skillset("Tools", null,
							List.of(Extensions.Ability.of("fetch", "Fetches a page", "template: fetch/url"),
									new Extensions.Ability("mail", "Sends mail", "template: mail", "sec-1",
											Map.of("k", "v")))))
					.withFeature(new Extensions.Feature("search", Map.of("depth", 2))))
				.withLimits(Limits.none().withIterations(4)))
			.build();
		this.conversations.complete(request);
		ApiStub.verifyPost(api, PATH,
				"""
						{"model":"gpt-5.4/temperature=0.7/maxTokens=512","backstory":"You help.","datasetId":"ds-1",
						 "skillsetId":"sk-1","privacy":false,"moderation":true,
						 "messages":[{"type":"context","text":"Plan: premium","meta":{"source":"crm"}},{"type":"user","text":"Hi"}],
						 "attachments":[{"url":"https://files.example.com/a.pdf"}],
						 "contactId":{"fingerprint":"user-42","name":"Ada","description":"VIP","email":"ada@example.com",
						              "phone":"+4712345678","nick":"ada","meta":{"tier":"gold"}},
						 "functions":[
						   {"name":"getTime","description":"The time in a zone",
						    "parameters":{"type":"object","properties":{"zone":{"type":"string"}},"required":["zone"]},
						    "result":{"data":{"time":"10:30"}}},
						   {"name":"getWeather","description":"The weather","parameters":{"type":"object","properties":{}},
						    "result":{"channel":"weather-0123456789abcdef"}},
						   {"name":"greet","description":"Greets","parameters":{"type":"object","properties":{}},
						    "call":{"start":true}}],
						 "extensions":{"backstory":"Be brief.",
						   "datasets":[{"name":"FAQ","description":"Answers",
						                "records":[{"text":"We open at 9."},{"text":"Closed Sundays.","meta":{"page":2}}]}],
						   "skillsets":[{"name":"Tools","abilities":[
						     {"name":"fetch","description":"Fetches a page","instruction":"template: fetch/url"},
						     {"name":"mail","description":"Sends mail","instruction":"template: mail","secretId":"sec-1",
						      "meta":{"k":"v"}}]}],
						   "features":[{"name":"search","options":{"depth":2}}]},
						 "limits":{"iterations":4}}
						""");
	}

	@Test
	void anExistingContactIsSentAsItsId() {
		ApiStub.stubPost(api, PATH, REPLY);
		this.conversations.complete(
				CompletionRequest.withBot("b").message(Message.user("Hi")).contact(ContactRef.byId("ct-1")).build());
		ApiStub.verifyPost(api, PATH,
				"{\"botId\":\"b\",\"messages\":[{\"type\":\"user\",\"text\":\"Hi\"}],\"contactId\":\"ct-1\"}");
	}

	@Test
	void theRequiredMessagesAreSentEvenWhenEmpty() {
		ApiStub.stubPost(api, PATH, REPLY);
		this.conversations.complete(CompletionRequest.withConfig(BotConfig.defaults()).build());
		ApiStub.verifyPost(api, PATH, "{\"messages\":[]}");
	}

	@Test
	void aCopyWithATimezoneSendsItAsXTimezoneAndTheOriginalDoesNot() {
		ApiStub.stubPost(api, PATH, REPLY);
		CompletionRequest request = CompletionRequest.withBot("b").message(Message.user("What day is it?")).build();
		this.conversations.withOptions((options) -> options.timezone(ZoneId.of("Europe/Oslo"))).complete(request);
		this.conversations.complete(request);
		api.verify(1, postRequestedFor(urlEqualTo("/api/v1" + PATH)).withHeader("X-Timezone", equalTo("Europe/Oslo")));
		api.verify(1, postRequestedFor(urlEqualTo("/api/v1" + PATH)).withHeader("X-Timezone", absent()));
	}

	@Test
	void aReplyWithoutTextIsDecodingException() {
		ApiStub.stubPost(api, PATH, "{\"usage\":{\"token\":3},\"end\":{\"reason\":\"stop\"}}");
		assertThatExceptionOfType(ChatBotKitDecodingException.class).isThrownBy(
				() -> this.conversations.complete(CompletionRequest.withBot("b").message(Message.user("Hi")).build()))
			.withMessageContaining("text");
	}

	@Test
	void aReplyWhoseTextIsNullIsReadAsEmptyText() {
		ApiStub.stubPost(api, PATH, "{\"text\":null,\"usage\":{\"token\":3},\"end\":{\"reason\":\"activity\"}}");
		assertThat(this.conversations.complete(CompletionRequest.withBot("b").message(Message.user("Hi")).build()))
			.isEqualTo(new CompletionResult(null, "", 3, EndReason.ACTIVITY));
	}

	@Test
	void aStreamedResultWhoseTextIsNullEndsTheStreamWithEmptyText() {
		JsonLines.stubPost(api, PATH, """
				{"type":"token","data":{"token":"a"}}
				{"type":"result","data":{"text":null,"usage":{"token":4},"end":{"reason":"activity"}}}
				""");
		try (Stream<CompletionEvent> events = this.conversations
			.completeStream(CompletionRequest.withBot("b").message(Message.user("Hi")).build())) {
			assertThat(events.toList()).containsExactly(new CompletionEvent.Token("a"),
					new CompletionEvent.Result(new CompletionResult(null, "", 4, EndReason.ACTIVITY)));
		}
	}

	@Test
	void aRefusedCredentialIsAuthenticationException() {
		api.stubFor(WireMock.post(urlEqualTo("/api/v1" + PATH))
			.willReturn(WireMock.aResponse()
				.withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"message\":\"Bad token\",\"code\":\"UNAUTHORIZED\"}")));
		assertThatExceptionOfType(ChatBotKitAuthenticationException.class).isThrownBy(
				() -> this.conversations.complete(CompletionRequest.withBot("b").message(Message.user("Hi")).build()));
	}

	@Test
	void completeStreamYieldsTypedEventsEndingWithTheResult() {
		JsonLines.stubPost(api, PATH, """
				{"type":"completeBegin","data":{}}
				{"type":"reasoningToken","data":{"token":"hmm"}}
				{"type":"token","data":{"token":"Hel"}}
				{"type":"token","data":{"token":"lo"}}
				{"type":"usage","data":{"model":"gpt-5.4","inputTokensUsed":10,"outputTokensUsed":2}}
				{"type":"brandNew","data":{"n":1}}
				{"type":"result","data":{"text":"Hello","usage":{"token":12},"end":{"reason":"stop"}}}
				""");
		try (Stream<CompletionEvent> events = this.conversations
			.completeStream(CompletionRequest.withBot("b").message(Message.user("Hi")).build())) {
			assertThat(events.toList()).containsExactly(new CompletionEvent.Marker("completeBegin", Map.of()),
					new CompletionEvent.ReasoningToken("hmm"), new CompletionEvent.Token("Hel"),
					new CompletionEvent.Token("lo"), new CompletionEvent.Usage("gpt-5.4", 10, 2),
					new CompletionEvent.Unknown("brandNew", Map.of("n", 1)),
					new CompletionEvent.Result(new CompletionResult(null, "Hello", 12, EndReason.STOP)));
		}
		JsonLines.verifyPost(api, PATH, "{\"botId\":\"b\",\"messages\":[{\"type\":\"user\",\"text\":\"Hi\"}]}");
	}

	@Test
	void aStreamEndingBeforeItsResultFailsAfterTheEventsThatArrived() {
		JsonLines.stubPost(api, PATH, "{\"type\":\"token\",\"data\":{\"token\":\"a\"}}\n");
		List<CompletionEvent> delivered = new ArrayList<>();
		try (Stream<CompletionEvent> events = this.conversations
			.completeStream(CompletionRequest.withBot("b").message(Message.user("Hi")).build())) {
			assertThatExceptionOfType(ChatBotKitStreamException.class).isThrownBy(() -> events.forEach(delivered::add));
		}
		assertThat(delivered).containsExactly(new CompletionEvent.Token("a"));
	}

	@Test
	void aFunctionCallIsReadFromTheStreamAndItsResultSentBackInTheNextRequest() {
		JsonLines.stubPost(api, PATH, """
				{"type":"message","data":{"type":"activity","text":"",\
				"meta":{"activity":{"type":"request","function":{"name":"lookup","arguments":{"orderId":"o-7"}}}}}}
				{"type":"result","data":{"text":"","usage":{"token":4},"end":{"reason":"activity"}}}
				""");
		FunctionDefinition lookup = FunctionDefinition.of("lookup", "Looks an order up",
				Map.of("properties", Map.of("orderId", Map.of("type", "string"))));
		List<Message> history = new ArrayList<>(List.of(Message.user("Where is order o-7?")));
		CompletionRequest first = CompletionRequest.withBot("b")
			.messages(history)
			.options(CompletionOptions.none().withFunction(lookup))
			.build();
		List<FunctionCall> calls = new ArrayList<>();
		EndReason[] end = new EndReason[1];
		try (Stream<CompletionEvent> events = this.conversations.completeStream(first)) {
			events.forEach((event) -> {
				if (event instanceof CompletionEvent.MessageAdded added) {
					history.add(added.message());
					FunctionCall.of(added.message()).ifPresent(calls::add);
				}
				if (event instanceof CompletionEvent.Result result) {
					end[0] = result.result().endReason();
				}
			});
		}
		assertThat(end[0]).isEqualTo(EndReason.ACTIVITY);
		assertThat(calls).containsExactly(new FunctionCall("lookup", Map.of("orderId", "o-7"), null));
		history.add(calls.get(0).response("{\"status\":\"shipped\"}"));

		api.resetAll();
		ApiStub.stubPost(api, PATH, REPLY);
		this.conversations.complete(CompletionRequest.withBot("b")
			.messages(history)
			.options(CompletionOptions.none().withFunction(lookup))
			.build());
		ApiStub.verifyPost(api, PATH,
				"""
						{"botId":"b","messages":[
						  {"type":"user","text":"Where is order o-7?"},
						  {"type":"activity","text":"",
						   "meta":{"activity":{"type":"request","function":{"name":"lookup","arguments":{"orderId":"o-7"}}}}},
						  {"type":"activity","text":"",
						   "meta":{"activity":{"type":"response",
						           "function":{"name":"lookup","arguments":{"orderId":"o-7"},"result":"{\\"status\\":\\"shipped\\"}"}}}}],
						 "functions":[{"name":"lookup","description":"Looks an order up",
						               "parameters":{"type":"object","properties":{"orderId":{"type":"string"}}}}]}
						""");
	}

	@Test
	void aChannelFunctionCallIsReadFromTheWaitMarker() {
		JsonLines.stubPost(api, PATH, """
				{"type":"waitForChannelMessageBegin","data":{"channel":"weather-0123456789abcdef",\
				"function":{"name":"getWeather","args":{"city":"Oslo"}}}}
				{"type":"waitForChannelMessageEnd","data":{}}
				{"type":"result","data":{"text":"Sunny","usage":{"token":4},"end":{"reason":"stop"}}}
				""");
		try (Stream<CompletionEvent> events = this.conversations
			.completeStream(CompletionRequest.withBot("b").message(Message.user("Weather?")).build())) {
			assertThat(events.map(FunctionCall::of).flatMap(Optional::stream).toList())
				.containsExactly(new FunctionCall("getWeather", Map.of("city", "Oslo"), "weather-0123456789abcdef"));
		}
	}

	@Test
	void aRequestHasExactlyOneBotAndSendableMessages() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CompletionRequest("b", BotConfig.defaults(),
				List.of(), List.of(), null, CompletionOptions.none()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CompletionRequest(null, null, List.of(), List.of(), null, CompletionOptions.none()));
		assertThatIllegalArgumentException().isThrownBy(() -> CompletionRequest.withBot(""));
		CompletionRequest.Builder unknown = CompletionRequest.withBot("b")
			.message(new Message(MessageType.UNKNOWN, "?"));
		assertThatIllegalArgumentException().isThrownBy(unknown::build);
		assertThatIllegalArgumentException().isThrownBy(() -> this.conversations.complete((CompletionRequest) null));
		assertThat(api.getAllServeEvents()).isEmpty();
	}

}
