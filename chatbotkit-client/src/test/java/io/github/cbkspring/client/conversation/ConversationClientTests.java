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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.TestClients;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.Message;
import io.github.cbkspring.client.core.MessageType;
import io.github.cbkspring.client.core.Page;
import io.github.cbkspring.client.core.SortOrder;
import io.github.cbkspring.client.error.ChatBotKitDecodingException;
import io.github.cbkspring.client.error.ChatBotKitNotFoundException;
import io.github.cbkspring.testsupport.ApiStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.cbkspring.testsupport.ApiStub.ENCODED_ID;
import static io.github.cbkspring.testsupport.ApiStub.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the stored-conversation operations of {@link ConversationClient} against
 * WireMock over real sockets.
 *
 * @author cbkspring contributors
 */
class ConversationClientTests {

	static final String CONVERSATION_JSON = """
			{"id":"conv-1","name":"Support","description":"Ticket 7","meta":{"ticket":7},"contactId":"ct-1",
			 "taskId":"t-1","spaceId":"sp-1","botId":"bot-1","model":"gpt-5.4/temperature=0.2","backstory":"You help.",
			 "datasetId":"ds-1","skillsetId":"sk-1","privacy":true,"moderation":false,
			 "createdAt":1767225600000,"updatedAt":1767225601000,"newField":{"x":1}}
			""";

	static final Conversation CONVERSATION = new Conversation("conv-1", "Support", "Ticket 7", Map.of("ticket", 7),
			"ct-1", "t-1", "sp-1", "bot-1", "gpt-5.4/temperature=0.2", "You help.", "ds-1", "sk-1", true, false,
			Instant.ofEpochMilli(1767225600000L), Instant.ofEpochMilli(1767225601000L));

	static final FunctionDefinition LOOKUP = FunctionDefinition.of("lookup", "Looks an order up",
			Map.of("properties", Map.of("orderId", Map.of("type", "string"))));

	static final String LOOKUP_JSON = """
			{"name":"lookup","description":"Looks an order up",
			 "parameters":{"type":"object","properties":{"orderId":{"type":"string"}}}}
			""";

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	private final ConversationClient conversations = TestClients.client(api).conversations();

	@Test
	void listSendsEveryQueryParameterAndMapsThePage() {
		String path = "/conversation/list?cursor=c+1&order=asc&take=2&meta.team=a%26b";
		ApiStub.stubGet(api, path, "{\"items\":[" + CONVERSATION_JSON + "],\"cursor\":\"c2\",\"extra\":1}");
		Page<Conversation> page = this.conversations
			.list(ListQuery.defaults().withCursor("c 1").withOrder(SortOrder.ASC).withTake(2).withMeta("team", "a&b"));
		assertThat(page).isEqualTo(new Page<>(List.of(CONVERSATION), "c2"));
		ApiStub.verifyGet(api, path);
	}

	@Test
	void listAllWalksEveryPageUntilTheApiSignalsTheEnd() {
		ApiStub.stubGet(api, "/conversation/list?take=1", "{\"items\":[" + CONVERSATION_JSON + "],\"cursor\":\"p2\"}");
		ApiStub.stubGet(api, "/conversation/list?cursor=p2&take=1",
				"{\"items\":[" + CONVERSATION_JSON + "],\"cursor\":\"p3\"}");
		ApiStub.stubGet(api, "/conversation/list?cursor=p3&take=1", "{\"items\":[],\"cursor\":\"p4\"}");
		try (Stream<Conversation> all = this.conversations.listAll(ListQuery.defaults().withTake(1))) {
			assertThat(all).containsExactly(CONVERSATION, CONVERSATION);
		}
		api.verify(3, WireMock.getRequestedFor(WireMock.urlPathEqualTo("/api/v1/conversation/list")));
	}

	@Test
	void fetchEncodesTheIdAndMapsEveryField() {
		ApiStub.stubGet(api, "/conversation/" + ENCODED_ID + "/fetch", CONVERSATION_JSON);
		Conversation conversation = this.conversations.fetch(ID);
		assertThat(conversation).isEqualTo(CONVERSATION);
		assertThat(ModelDefinition.parse(conversation.model()).parameters()).containsEntry("temperature", "0.2");
		ApiStub.verifyGet(api, "/conversation/" + ENCODED_ID + "/fetch");
	}

	@Test
	void fetchOfAMinimalConversationLeavesOptionalFieldsEmpty() {
		ApiStub.stubGet(api, "/conversation/c/fetch", "{\"id\":\"c\",\"createdAt\":1,\"updatedAt\":2}");
		Conversation conversation = this.conversations.fetch("c");
		assertThat(conversation.botId()).isNull();
		assertThat(conversation.model()).isNull();
		assertThat(conversation.meta()).isEmpty();
	}

	@Test
	void fetchWithoutARequiredFieldIsDecodingException() {
		ApiStub.stubGet(api, "/conversation/c/fetch", "{\"createdAt\":1,\"updatedAt\":2}");
		assertThatExceptionOfType(ChatBotKitDecodingException.class).isThrownBy(() -> this.conversations.fetch("c"))
			.withMessageContaining("id");
	}

	@Test
	void fetchOfAMissingConversationIsNotFound() {
		api.stubFor(WireMock.get(WireMock.urlEqualTo("/api/v1/conversation/gone/fetch"))
			.willReturn(WireMock.aResponse()
				.withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"message\":\"Not found\",\"code\":\"NOT_FOUND\"}")));
		assertThatExceptionOfType(ChatBotKitNotFoundException.class).isThrownBy(() -> this.conversations.fetch("gone"));
	}

	@Test
	void createWithABotSendsEverySetFieldAndReturnsTheId() {
		ApiStub.stubPost(api, "/conversation/create", "{\"id\":\"conv-9\",\"messages\":[],\"extra\":true}");
		String id = this.conversations.create(ConversationRequest.builder()
			.name("Support")
			.description("Ticket 7")
			.meta("ticket", 7)
			.contactId("ct-1")
			.taskId("t-1")
			.spaceId("sp-1")
			.botId("bot-1")
			.message(Message.bot("Hello!"))
			.message(new Message(MessageType.CONTEXT, "Plan: premium", Map.of("k", "v")))
			.build());
		assertThat(id).isEqualTo("conv-9");
		ApiStub.verifyPost(api, "/conversation/create", """
				{"name":"Support","description":"Ticket 7","meta":{"ticket":7},"contactId":"ct-1","taskId":"t-1",
				 "spaceId":"sp-1","botId":"bot-1",
				 "messages":[{"type":"bot","text":"Hello!"},{"type":"context","text":"Plan: premium","meta":{"k":"v"}}]}
				""");
	}

	@Test
	void createWithAConfigurationSendsItsFieldsInPlace() {
		ApiStub.stubPost(api, "/conversation/create", "{\"id\":\"conv-9\"}");
		this.conversations.create(ConversationRequest.builder()
			.config(BotConfig.ofModel(ModelDefinition.of("gpt-5.4").maxTokens(256))
				.withBackstory("You help.")
				.withDatasetId("ds-1")
				.withSkillsetId("sk-1")
				.withPrivacy(true)
				.withModeration(false))
			.build());
		ApiStub.verifyPost(api, "/conversation/create", """
				{"model":"gpt-5.4/maxTokens=256","backstory":"You help.","datasetId":"ds-1","skillsetId":"sk-1",
				 "privacy":true,"moderation":false}
				""");
	}

	@Test
	void aConversationWithBothABotAndAConfigurationIsRefused() {
		ConversationRequest.Builder builder = ConversationRequest.builder()
			.botId("bot-1")
			.config(BotConfig.ofModel("gpt-5.4"));
		assertThatIllegalArgumentException().isThrownBy(builder::build);
	}

	@Test
	void updateSendsOnlyTheFieldsThatAreSet() {
		ApiStub.stubPost(api, "/conversation/" + ENCODED_ID + "/update", "{\"id\":\"x\"}");
		this.conversations.update(ID,
				ConversationRequest.builder()
					.name("Renamed")
					.config(BotConfig.defaults().withBackstory("New"))
					.build());
		ApiStub.verifyPost(api, "/conversation/" + ENCODED_ID + "/update",
				"{\"name\":\"Renamed\",\"backstory\":\"New\"}");
	}

	@Test
	void updateSendsAnEmptyTextToClearIt() {
		ApiStub.stubPost(api, "/conversation/c/update", "{\"id\":\"c\"}");
		this.conversations.update("c", ConversationRequest.builder().description("").build());
		ApiStub.verifyPost(api, "/conversation/c/update", "{\"description\":\"\"}");
	}

	@Test
	void updateWithMessagesIsRefusedBeforeAnyCall() {
		ConversationRequest request = ConversationRequest.builder().message(Message.user("Hi")).build();
		assertThatIllegalArgumentException().isThrownBy(() -> this.conversations.update("c", request));
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void deleteSendsAnEmptyObject() {
		ApiStub.stubPost(api, "/conversation/" + ENCODED_ID + "/delete", "{\"id\":\"x\"}");
		this.conversations.delete(ID);
		ApiStub.verifyPost(api, "/conversation/" + ENCODED_ID + "/delete", "{}");
	}

	@Test
	void usageSendsThePeriodAsIsoInstants() {
		String path = "/conversation/" + ENCODED_ID
				+ "/usage/fetch?from=2026-01-01T00%3A00%3A00Z&to=2026-02-01T00%3A00%3A00Z";
		ApiStub.stubGet(api, path, "{\"tokens\":10,\"messages\":5,\"extra\":0}");
		assertThat(this.conversations.usage(ID, Instant.parse("2026-01-01T00:00:00Z"),
				Instant.parse("2026-02-01T00:00:00Z")))
			.isEqualTo(new ConversationUsage(10, 5));
		ApiStub.verifyGet(api, path);
	}

	@Test
	void usageWithoutPeriodSendsNoQuery() {
		ApiStub.stubGet(api, "/conversation/c/usage/fetch", "{}");
		assertThat(this.conversations.usage("c")).isEqualTo(new ConversationUsage(0, 0));
		ApiStub.verifyGet(api, "/conversation/c/usage/fetch");
	}

	@Test
	void completeSendsTheTurnWithEntitiesAndOptions() {
		ApiStub.stubPost(api, "/conversation/" + ENCODED_ID + "/complete",
				"{\"id\":\"m-2\",\"text\":\"Done\",\"usage\":{\"token\":12},\"end\":{\"reason\":\"stop\"},\"extra\":1}");
		CompletionResult result = this.conversations.complete(ID,
				ConversationTurn.of("Mail ada@example.com")
					.withEntity(Entity.of("email", 5, 20, "ada@example.com")
						.withReplacement(new Entity.Replacement(5, 12, "[EMAIL]")))
					.withOptions(CompletionOptions.none()
						.withFunction(LOOKUP)
						.withExtensions(Extensions.none().withBackstory("More."))
						.withLimits(Limits.none().withIterations(2).withContinuations(1).withCalls(3))));
		assertThat(result).isEqualTo(new CompletionResult("m-2", "Done", 12, EndReason.STOP));
		ApiStub.verifyPost(api, "/conversation/" + ENCODED_ID + "/complete", """
				{"text":"Mail ada@example.com",
				 "entities":[{"type":"email","begin":5,"end":20,"text":"ada@example.com",
				              "replacement":{"begin":5,"end":12,"text":"[EMAIL]"}}],
				 "functions":[%s],"extensions":{"backstory":"More."},
				 "limits":{"iterations":2,"continuations":1,"calls":3}}
				""".formatted(LOOKUP_JSON));
	}

	@Test
	void completeWithTextOnlySendsTheTextAlone() {
		ApiStub.stubPost(api, "/conversation/c/complete",
				"{\"id\":\"m\",\"text\":\"Hi\",\"usage\":{\"token\":1},\"end\":{\"reason\":\"stop\"}}");
		this.conversations.complete("c", "");
		ApiStub.verifyPost(api, "/conversation/c/complete", "{\"text\":\"\"}");
	}

	@Test
	void completeWithoutTextSendsAnEmptyObject() {
		ApiStub.stubPost(api, "/conversation/c/complete",
				"{\"id\":\"m\",\"text\":\"Hi\",\"usage\":{\"token\":1},\"end\":{\"reason\":\"stop\"}}");
		this.conversations.complete("c", ConversationTurn.withoutText());
		ApiStub.verifyPost(api, "/conversation/c/complete", "{}");
	}

	@Test
	void completeStreamSendsTheTurnAndYieldsTypedEvents() {
		JsonLines.stubPost(api, "/conversation/" + ENCODED_ID + "/complete", """
				{"type":"token","data":{"token":"Do"}}
				{"type":"token","data":{"token":"ne"}}
				{"type":"result","data":{"id":"m-2","text":"Done","usage":{"token":2},"end":{"reason":"length"}}}
				""");
		try (Stream<CompletionEvent> events = this.conversations.completeStream(ID,
				ConversationTurn.of("Go").withOptions(CompletionOptions.none().withFunction(LOOKUP)))) {
			assertThat(events.toList()).containsExactly(new CompletionEvent.Token("Do"),
					new CompletionEvent.Token("ne"),
					new CompletionEvent.Result(new CompletionResult("m-2", "Done", 2, EndReason.LENGTH)));
		}
		JsonLines.verifyPost(api, "/conversation/" + ENCODED_ID + "/complete",
				"{\"text\":\"Go\",\"functions\":[" + LOOKUP_JSON + "]}");
	}

	@Test
	void sendStoresTheMessageAndMapsTheReceipt() {
		ApiStub.stubPost(api, "/conversation/" + ENCODED_ID + "/send", """
				{"id":"m-3","entities":[{"type":"email","begin":0,"end":3,"text":"a@b","extra":1}],"extra":true}
				""");
		MessageReceipt receipt = this.conversations.send(ID,
				ConversationTurn.of("a@b")
					.withEntity(Entity.of("email", 0, 3, "a@b"))
					.withOptions(CompletionOptions.none()
						.withFunction(LOOKUP)
						.withExtensions(Extensions.none().withFeature(Extensions.Feature.of("search")))));
		assertThat(receipt).isEqualTo(new MessageReceipt("m-3", List.of(Entity.of("email", 0, 3, "a@b"))));
		ApiStub.verifyPost(api, "/conversation/" + ENCODED_ID + "/send", """
				{"text":"a@b","entities":[{"type":"email","begin":0,"end":3,"text":"a@b"}],
				 "functions":[%s],"extensions":{"features":[{"name":"search"}]}}
				""".formatted(LOOKUP_JSON));
	}

	@Test
	void sendWithoutReceiptIdIsDecodingException() {
		ApiStub.stubPost(api, "/conversation/c/send", "{\"entities\":[]}");
		assertThatExceptionOfType(ChatBotKitDecodingException.class)
			.isThrownBy(() -> this.conversations.send("c", "Hi"));
	}

	@Test
	void sendWithoutTextOrWithLimitsIsRefusedBeforeAnyCall() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.conversations.send("c", ConversationTurn.withoutText()));
		assertThatIllegalArgumentException().isThrownBy(() -> this.conversations.send("c", ConversationTurn.of("Hi")
			.withOptions(CompletionOptions.none().withLimits(Limits.none().withCalls(1)))));
		assertThatIllegalArgumentException().isThrownBy(
				() -> this.conversations.receive("c", CompletionOptions.none().withLimits(Limits.none().withCalls(1))));
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void receiveSendsAnEmptyObjectAndMapsAReplyWithoutEndReason() {
		ApiStub.stubPost(api, "/conversation/" + ENCODED_ID + "/receive",
				"{\"id\":\"m-4\",\"text\":\"Hello\",\"usage\":{\"token\":5},\"extra\":1}");
		assertThat(this.conversations.receive(ID))
			.isEqualTo(new CompletionResult("m-4", "Hello", 5, EndReason.UNKNOWN));
		ApiStub.verifyPost(api, "/conversation/" + ENCODED_ID + "/receive", "{}");
	}

	@Test
	void receiveWithOptionsSendsFunctionsAndExtensions() {
		ApiStub.stubPost(api, "/conversation/c/receive", "{\"id\":\"m-4\",\"text\":\"Hello\",\"usage\":{\"token\":5}}");
		this.conversations.receive("c",
				CompletionOptions.none().withFunction(LOOKUP).withExtensions(Extensions.none().withBackstory("B")));
		ApiStub.verifyPost(api, "/conversation/c/receive",
				"{\"functions\":[" + LOOKUP_JSON + "],\"extensions\":{\"backstory\":\"B\"}}");
	}

	@Test
	void receiveStreamYieldsTokensThenTheResult() {
		JsonLines.stubPost(api, "/conversation/" + ENCODED_ID + "/receive", """
				{"type":"token","data":{"token":"Hel"}}
				{"type":"result","data":{"id":"m-4","text":"Hello","usage":{"token":5}}}
				""");
		try (Stream<CompletionEvent> events = this.conversations.receiveStream(ID)) {
			assertThat(events.toList()).containsExactly(new CompletionEvent.Token("Hel"),
					new CompletionEvent.Result(new CompletionResult("m-4", "Hello", 5, EndReason.UNKNOWN)));
		}
		JsonLines.verifyPost(api, "/conversation/" + ENCODED_ID + "/receive", "{}");
	}

	@Test
	void createSessionEncodesTheIdAndSendsTheDuration() {
		ApiStub.stubPost(api, "/conversation/" + ENCODED_ID + "/session/create",
				"{\"id\":\"conv-1\",\"token\":\"tok\",\"expiresAt\":1767225600000,\"extra\":1}");
		assertThat(this.conversations.createSession(ID, Duration.ofMinutes(5)))
			.isEqualTo(new ConversationSession("conv-1", "tok", Instant.ofEpochMilli(1767225600000L)));
		ApiStub.verifyPost(api, "/conversation/" + ENCODED_ID + "/session/create", "{\"durationInSeconds\":300}");
	}

	@Test
	void dotSegmentIdsAreRefusedBeforeAnyCall() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.conversations.fetch(".."));
		assertThatIllegalArgumentException().isThrownBy(() -> this.conversations.complete(".", "Hi"));
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void copiesKeepTheTypeAndShareTheClient() {
		ConversationClient copy = this.conversations.withOptions((options) -> options.runAsUserId("u-1"));
		assertThat(copy.transport().options().runAsUserId()).isEqualTo("u-1");
		assertThat(copy.messages().transport().options().runAsUserId()).isEqualTo("u-1");
		assertThat(copy.toString()).doesNotContain(ApiStub.SECRET);
	}

}
