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

package io.github.cbkspring.client.bot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.TestClients;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.Page;
import io.github.cbkspring.client.core.SortOrder;
import io.github.cbkspring.client.core.Visibility;
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
 * Tests for {@link BotClient} against WireMock over real sockets.
 *
 * @author cbkspring contributors
 */
class BotClientTests {

	static final String BOT_JSON = """
			{"id":"bot-1","alias":"support","name":"Support","description":"Helps","meta":{"team":"a"},
			 "model":"gpt-5.4/temperature=0.2","backstory":"You help.","datasetId":"ds-1","skillsetId":"sk-1",
			 "privacy":true,"moderation":false,"blueprintId":"bp-1","visibility":"protected",
			 "createdAt":1767225600000,"updatedAt":1767225601000,"newField":{"x":1}}
			""";

	static final Bot BOT = new Bot("bot-1", "support", "Support", "Helps", Map.of("team", "a"),
			"gpt-5.4/temperature=0.2", "You help.", "ds-1", "sk-1", true, false, "bp-1", Visibility.PROTECTED,
			Instant.ofEpochMilli(1767225600000L), Instant.ofEpochMilli(1767225601000L));

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	private final BotClient bots = TestClients.client(api).bots();

	@Test
	void listSendsEveryQueryParameterAndMapsThePage() {
		ApiStub.stubGet(api, "/bot/list?cursor=c+1&order=asc&take=2&meta.team=a%26b",
				"{\"items\":[" + BOT_JSON + "],\"cursor\":\"c2\",\"extra\":1}");
		Page<Bot> page = this.bots
			.list(ListQuery.defaults().withCursor("c 1").withOrder(SortOrder.ASC).withTake(2).withMeta("team", "a&b"));
		assertThat(page).isEqualTo(new Page<>(List.of(BOT), "c2"));
		ApiStub.verifyGet(api, "/bot/list?cursor=c+1&order=asc&take=2&meta.team=a%26b");
	}

	@Test
	void listWithDefaultsSendsNoQuery() {
		ApiStub.stubGet(api, "/bot/list", "{\"items\":[],\"cursor\":\"\"}");
		assertThat(this.bots.list(ListQuery.defaults()).items()).isEmpty();
		ApiStub.verifyGet(api, "/bot/list");
	}

	@Test
	void fetchEncodesTheIdAndMapsEveryField() {
		ApiStub.stubGet(api, "/bot/" + ENCODED_ID + "/fetch", BOT_JSON);
		assertThat(this.bots.fetch(ID)).isEqualTo(BOT);
		ApiStub.verifyGet(api, "/bot/" + ENCODED_ID + "/fetch");
	}

	@Test
	void fetchOfAMinimalBotLeavesOptionalFieldsEmpty() {
		ApiStub.stubGet(api, "/bot/b/fetch", "{\"id\":\"b\",\"createdAt\":1,\"updatedAt\":2}");
		Bot bot = this.bots.fetch("b");
		assertThat(bot.name()).isNull();
		assertThat(bot.meta()).isEmpty();
		assertThat(bot.visibility()).isNull();
	}

	@Test
	void metadataKeysTheApiSendsAsNullReadAsAbsent() {
		ApiStub.stubGet(api, "/bot/b/fetch",
				"{\"id\":\"b\",\"createdAt\":1,\"updatedAt\":2,\"meta\":{\"a\":null,\"b\":{\"c\":null}}}");
		assertThat(this.bots.fetch("b").meta()).containsOnlyKeys("b");
	}

	@Test
	void updateSendsAnEmptyTextToClearIt() {
		ApiStub.stubPost(api, "/bot/b/update", "{\"id\":\"b\"}");
		this.bots.update("b", BotRequest.builder().description("").build());
		ApiStub.verifyPost(api, "/bot/b/update", "{\"description\":\"\"}");
	}

	@Test
	void fetchWithoutARequiredFieldIsDecodingException() {
		ApiStub.stubGet(api, "/bot/b/fetch", "{\"id\":\"b\",\"updatedAt\":2}");
		assertThatExceptionOfType(ChatBotKitDecodingException.class).isThrownBy(() -> this.bots.fetch("b"))
			.withMessageContaining("createdAt");
	}

	@Test
	void fetchReadsATimeWithAFractionOfAMillisecondToTheNanosecond() {
		ApiStub.stubGet(api, "/bot/b/fetch", "{\"id\":\"b\",\"createdAt\":1767225600000.5,\"updatedAt\":-1.5}");
		Bot bot = this.bots.fetch("b");
		assertThat(bot.createdAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.000500Z"));
		assertThat(bot.updatedAt()).isEqualTo(Instant.parse("1969-12-31T23:59:59.998500Z"));
	}

	@Test
	void fetchWithATimeOutsideTheRangeOfAnInstantIsDecodingException() {
		ApiStub.stubGet(api, "/bot/b/fetch", "{\"id\":\"b\",\"createdAt\":1e30,\"updatedAt\":2}");
		assertThatExceptionOfType(ChatBotKitDecodingException.class).isThrownBy(() -> this.bots.fetch("b"))
			.withMessageContaining("createdAt")
			.withMessageContaining("outside the range of an Instant");
	}

	@Test
	void unknownVisibilityIsReadAsUnknown() {
		ApiStub.stubGet(api, "/bot/b/fetch",
				"{\"id\":\"b\",\"createdAt\":1,\"updatedAt\":2,\"visibility\":\"team-only\"}");
		assertThat(this.bots.fetch("b").visibility()).isEqualTo(Visibility.UNKNOWN);
	}

	@Test
	void createSendsEverySetFieldAndReturnsTheId() {
		ApiStub.stubPost(api, "/bot/create", "{\"id\":\"bot-9\",\"extra\":true}");
		String id = this.bots.create(BotRequest.builder()
			.alias("support")
			.name("Support")
			.description("Helps")
			.meta("team", "a")
			.model("gpt-5.4")
			.backstory("You help.")
			.datasetId("ds-1")
			.skillsetId("sk-1")
			.privacy(true)
			.moderation(false)
			.blueprintId("bp-1")
			.visibility(Visibility.PUBLIC)
			.build());
		assertThat(id).isEqualTo("bot-9");
		ApiStub.verifyPost(api, "/bot/create", """
				{"alias":"support","name":"Support","description":"Helps","meta":{"team":"a"},"model":"gpt-5.4",
				 "backstory":"You help.","datasetId":"ds-1","skillsetId":"sk-1","privacy":true,"moderation":false,
				 "blueprintId":"bp-1","visibility":"public"}
				""");
	}

	@Test
	void updateSendsOnlyTheFieldsThatAreSet() {
		ApiStub.stubPost(api, "/bot/" + ENCODED_ID + "/update", "{\"id\":\"x\"}");
		this.bots.update(ID, BotRequest.builder().backstory("New").privacy(false).build());
		ApiStub.verifyPost(api, "/bot/" + ENCODED_ID + "/update", "{\"backstory\":\"New\",\"privacy\":false}");
	}

	@Test
	void deleteSendsAnEmptyObject() {
		ApiStub.stubPost(api, "/bot/" + ENCODED_ID + "/delete", "{\"id\":\"x\"}");
		this.bots.delete(ID);
		ApiStub.verifyPost(api, "/bot/" + ENCODED_ID + "/delete", "{}");
	}

	@Test
	void usageSendsThePeriodAsIsoInstants() {
		String path = "/bot/" + ENCODED_ID + "/usage/fetch?from=2026-01-01T00%3A00%3A00Z&to=2026-02-01T00%3A00%3A00Z";
		ApiStub.stubGet(api, path, "{\"tokens\":10,\"conversations\":2,\"messages\":5,\"extra\":0}");
		assertThat(this.bots.usage(ID, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")))
			.isEqualTo(new BotUsage(10, 2, 5));
		ApiStub.verifyGet(api, path);
	}

	@Test
	void usageWithoutPeriodSendsNoQuery() {
		ApiStub.stubGet(api, "/bot/b/usage/fetch", "{}");
		assertThat(this.bots.usage("b")).isEqualTo(new BotUsage(0, 0, 0));
	}

	@Test
	void listAllWalksEveryPageUntilTheApiSignalsTheEnd() {
		ApiStub.stubGet(api, "/bot/list?take=1", "{\"items\":[" + BOT_JSON + "],\"cursor\":\"p2\"}");
		ApiStub.stubGet(api, "/bot/list?cursor=p2&take=1", "{\"items\":[" + BOT_JSON + "],\"cursor\":\"p3\"}");
		ApiStub.stubGet(api, "/bot/list?cursor=p3&take=1", "{\"items\":[],\"cursor\":\"p4\"}");
		assertThat(this.bots.listAll(ListQuery.defaults().withTake(1))).containsExactly(BOT, BOT);
	}

	@Test
	void listAllSendsBackACursorAndAMetaFilterWithPlusSignsAsTheyWere() {
		// a base64 cursor and an address with a '+': RFC 3986 query encoding leaves '+'
		// as
		// it is, which the API reads as a space
		ApiStub.stubGet(api, "/bot/list?meta.email=ann%2Bnews%40example.com",
				"{\"items\":[" + BOT_JSON + "],\"cursor\":\"x+y/z==\"}");
		ApiStub.stubGet(api, "/bot/list?cursor=x%2By%2Fz%3D%3D&meta.email=ann%2Bnews%40example.com", "{\"items\":[]}");
		assertThat(this.bots.listAll(ListQuery.defaults().withMeta("email", "ann+news@example.com")))
			.containsExactly(BOT);
		assertThat(api.getAllServeEvents()).hasSize(2);
	}

	@Test
	void listAllThatTheApiSendsRoundACycleFailsWithoutTheSecretAfterOneRound() {
		ApiStub.stubGet(api, "/bot/list?take=1", "{\"items\":[" + BOT_JSON + "],\"cursor\":\"A\"}");
		ApiStub.stubGet(api, "/bot/list?cursor=A&take=1", "{\"items\":[" + BOT_JSON + "],\"cursor\":\"B\"}");
		ApiStub.stubGet(api, "/bot/list?cursor=B&take=1", "{\"items\":[" + BOT_JSON + "],\"cursor\":\"A\"}");
		List<Bot> read = new ArrayList<>();
		assertThatExceptionOfType(ChatBotKitDecodingException.class)
			.isThrownBy(() -> this.bots.listAll(ListQuery.defaults().withTake(1)).forEach(read::add))
			.withMessageContaining("repeated a cursor")
			.withMessageNotContaining(ApiStub.SECRET);
		assertThat(read).containsExactly(BOT, BOT);
		assertThat(api.getAllServeEvents()).hasSize(3);
	}

	@Test
	void requestsRefuseUnknownVisibilityBeforeAnyCall() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BotRequest.builder().visibility(Visibility.UNKNOWN).build());
	}

	@Test
	void dotSegmentIdsAreRefusedBeforeAnyCall() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.bots.fetch(".."));
		assertThat(api.getAllServeEvents()).isEmpty();
	}

}
