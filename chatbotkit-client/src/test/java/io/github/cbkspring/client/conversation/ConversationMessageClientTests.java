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

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.TestClients;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.Message;
import io.github.cbkspring.client.core.MessageType;
import io.github.cbkspring.client.core.Page;
import io.github.cbkspring.client.core.SortOrder;
import io.github.cbkspring.client.error.ChatBotKitDecodingException;
import io.github.cbkspring.testsupport.ApiStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.cbkspring.testsupport.ApiStub.ENCODED_ID;
import static io.github.cbkspring.testsupport.ApiStub.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ConversationMessageClient} against WireMock over real sockets.
 *
 * @author cbkspring contributors
 */
class ConversationMessageClientTests {

	private static final String MESSAGES = "/conversation/" + ENCODED_ID + "/message";

	static final String MESSAGE_JSON = """
			{"id":"m-1","type":"activity","text":"looked up","name":"n","description":"d",
			 "meta":{"activity":{"type":"request","function":{"name":"lookup","arguments":{"q":"x"}}}},
			 "createdAt":1767225600000,"updatedAt":1767225601000,"newField":[1]}
			""";

	static final ConversationMessage MESSAGE = new ConversationMessage("m-1", MessageType.ACTIVITY, "looked up", "n",
			"d",
			Map.of("activity",
					Map.of("type", "request", "function", Map.of("name", "lookup", "arguments", Map.of("q", "x")))),
			Instant.ofEpochMilli(1767225600000L), Instant.ofEpochMilli(1767225601000L));

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	private final ConversationMessageClient messages = TestClients.client(api).conversations().messages();

	@Test
	void listEncodesTheConversationSendsTheQueryAndMapsThePage() {
		String path = MESSAGES + "/list?cursor=c1&order=asc&take=2";
		ApiStub.stubGet(api, path, "{\"items\":[" + MESSAGE_JSON + "],\"cursor\":\"c2\",\"extra\":1}");
		Page<ConversationMessage> page = this.messages.list(ID,
				ListQuery.defaults().withCursor("c1").withOrder(SortOrder.ASC).withTake(2));
		assertThat(page).isEqualTo(new Page<>(List.of(MESSAGE), "c2"));
		ApiStub.verifyGet(api, path);
	}

	@Test
	void listWithAMetadataFilterIsRefusedBeforeAnyCall() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.messages.list("c", ListQuery.defaults().withMeta("k", "v")));
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void listAllWalksEveryPageUntilTheApiSignalsTheEnd() {
		ApiStub.stubGet(api, MESSAGES + "/list?take=1", "{\"items\":[" + MESSAGE_JSON + "],\"cursor\":\"p2\"}");
		ApiStub.stubGet(api, MESSAGES + "/list?cursor=p2&take=1",
				"{\"items\":[" + MESSAGE_JSON + "],\"cursor\":\"p3\"}");
		ApiStub.stubGet(api, MESSAGES + "/list?cursor=p3&take=1", "{\"items\":[" + MESSAGE_JSON + "]}");
		try (Stream<ConversationMessage> all = this.messages.listAll(ID, ListQuery.defaults().withTake(1))) {
			assertThat(all).containsExactly(MESSAGE, MESSAGE, MESSAGE);
		}
	}

	@Test
	void fetchEncodesBothIdsAndMapsEveryField() {
		ApiStub.stubGet(api, MESSAGES + "/" + ENCODED_ID + "/fetch", MESSAGE_JSON);
		ConversationMessage message = this.messages.fetch(ID, ID);
		assertThat(message).isEqualTo(MESSAGE);
		assertThat(FunctionCall.of(message.toMessage())).contains(new FunctionCall("lookup", Map.of("q", "x"), null));
		ApiStub.verifyGet(api, MESSAGES + "/" + ENCODED_ID + "/fetch");
	}

	@Test
	void fetchOfAnUnknownTypeReadsItAsUnknown() {
		ApiStub.stubGet(api, "/conversation/c/message/m/fetch",
				"{\"id\":\"m\",\"type\":\"hologram\",\"text\":\"?\",\"createdAt\":1,\"updatedAt\":2}");
		ConversationMessage message = this.messages.fetch("c", "m");
		assertThat(message.type()).isEqualTo(MessageType.UNKNOWN);
		assertThat(message.meta()).isEmpty();
		assertThat(message.name()).isNull();
	}

	@Test
	void fetchWithoutARequiredFieldIsDecodingException() {
		ApiStub.stubGet(api, "/conversation/c/message/m/fetch",
				"{\"id\":\"m\",\"type\":\"user\",\"createdAt\":1,\"updatedAt\":2}");
		assertThatExceptionOfType(ChatBotKitDecodingException.class).isThrownBy(() -> this.messages.fetch("c", "m"))
			.withMessageContaining("text");
	}

	@Test
	void createSendsEverySetFieldAndMapsTheReceipt() {
		ApiStub.stubPost(api, MESSAGES + "/create", """
				{"id":"m-9","entities":[{"type":"email","begin":4,"end":7,"text":"a@b",
				 "replacement":{"begin":4,"end":9,"text":"[MAIL]"}}],"extra":1}
				""");
		MessageReceipt receipt = this.messages.create(ID,
				ConversationMessageRequest.builder()
					.type(MessageType.USER)
					.text("Mail a@b")
					.name("n")
					.description("d")
					.meta("k", "v")
					.entity(Entity.of("email", 5, 8, "a@b"))
					.build());
		assertThat(receipt).isEqualTo(new MessageReceipt("m-9",
				List.of(Entity.of("email", 4, 7, "a@b").withReplacement(new Entity.Replacement(4, 9, "[MAIL]")))));
		ApiStub.verifyPost(api, MESSAGES + "/create", """
				{"type":"user","text":"Mail a@b","name":"n","description":"d","meta":{"k":"v"},
				 "entities":[{"type":"email","begin":5,"end":8,"text":"a@b"}]}
				""");
	}

	@Test
	void createOfAMessageKeepsItsMetadata() {
		ApiStub.stubPost(api, "/conversation/c/message/create", "{\"id\":\"m-9\",\"entities\":[]}");
		this.messages.create("c",
				ConversationMessageRequest.of(new Message(MessageType.CONTEXT, "Plan: premium", Map.of("src", "crm"))));
		ApiStub.verifyPost(api, "/conversation/c/message/create",
				"{\"type\":\"context\",\"text\":\"Plan: premium\",\"meta\":{\"src\":\"crm\"}}");
	}

	@Test
	void createWithoutTypeOrTextOrWithAnUnknownTypeIsRefusedBeforeAnyCall() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.messages.create("c", ConversationMessageRequest.builder().text("no type").build()));
		assertThatIllegalArgumentException().isThrownBy(
				() -> this.messages.create("c", ConversationMessageRequest.builder().type(MessageType.BOT).build()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ConversationMessageRequest.builder().type(MessageType.UNKNOWN).build());
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void updateSendsOnlyTheFieldsThatAreSet() {
		ApiStub.stubPost(api, MESSAGES + "/" + ENCODED_ID + "/update", "{\"id\":\"x\"}");
		this.messages.update(ID, ID, ConversationMessageRequest.builder().text("Edited").build());
		ApiStub.verifyPost(api, MESSAGES + "/" + ENCODED_ID + "/update", "{\"text\":\"Edited\"}");
	}

	@Test
	void deleteSendsAnEmptyObject() {
		ApiStub.stubPost(api, MESSAGES + "/" + ENCODED_ID + "/delete", "{\"id\":\"x\"}");
		this.messages.delete(ID, ID);
		ApiStub.verifyPost(api, MESSAGES + "/" + ENCODED_ID + "/delete", "{}");
	}

	@Test
	void dotSegmentIdsAreRefusedBeforeAnyCall() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.messages.fetch("c", ".."));
		assertThatIllegalArgumentException().isThrownBy(() -> this.messages.delete(".", "m"));
		assertThat(api.getAllServeEvents()).isEmpty();
	}

}
