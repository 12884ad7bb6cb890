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

package io.github.cbkspring.client.dataset;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.TestClients;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.Page;
import io.github.cbkspring.client.core.SortOrder;
import io.github.cbkspring.client.error.ChatBotKitDecodingException;
import io.github.cbkspring.client.error.ChatBotKitNotFoundException;
import io.github.cbkspring.testsupport.ApiStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.github.cbkspring.testsupport.ApiStub.ENCODED_ID;
import static io.github.cbkspring.testsupport.ApiStub.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link DatasetRecordClient} against WireMock over real sockets.
 *
 * @author cbkspring contributors
 */
class DatasetRecordClientTests {

	static final String RECORD_JSON = """
			{"id":"r-1","text":"Leave is 25 days.","source":"handbook.pdf",
			 "createdAt":1767225600000,"updatedAt":1767225601000,"meta":{"ignored":true},"newField":1}
			""";

	static final DatasetRecord RECORD = new DatasetRecord("r-1", "Leave is 25 days.", "handbook.pdf",
			Instant.ofEpochMilli(1767225600000L), Instant.ofEpochMilli(1767225601000L));

	/**
	 * Both ids of a record path, each needing its own encoding.
	 */
	static final String RECORD_PATH = "/dataset/" + ENCODED_ID + "/record/" + ENCODED_ID;

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	private final DatasetRecordClient records = TestClients.client(api).datasets().records();

	@Test
	void listEncodesTheDatasetIdSendsThePageQueryAndMapsThePage() {
		String path = "/dataset/" + ENCODED_ID + "/record/list?cursor=c+1&order=asc&take=2";
		ApiStub.stubGet(api, path, "{\"items\":[" + RECORD_JSON + "],\"cursor\":\"c2\",\"extra\":1}");
		Page<DatasetRecord> page = this.records.list(ID,
				ListQuery.defaults().withCursor("c 1").withOrder(SortOrder.ASC).withTake(2));
		assertThat(page).isEqualTo(new Page<>(List.of(RECORD), "c2"));
		ApiStub.verifyGet(api, path);
	}

	@Test
	void listAllWalksThreePagesUntilTheApiSignalsTheEnd() {
		ApiStub.stubGet(api, "/dataset/d/record/list?take=1", "{\"items\":[" + RECORD_JSON + "],\"cursor\":\"p2\"}");
		ApiStub.stubGet(api, "/dataset/d/record/list?cursor=p2&take=1",
				"{\"items\":[" + RECORD_JSON + "],\"cursor\":\"p3\"}");
		ApiStub.stubGet(api, "/dataset/d/record/list?cursor=p3&take=1", "{\"items\":[" + RECORD_JSON + "]}");
		assertThat(this.records.listAll("d", ListQuery.defaults().withTake(1))).containsExactly(RECORD, RECORD, RECORD);
		assertThat(api.getAllServeEvents()).hasSize(3);
	}

	@Test
	void listAllFailsWhereTheFailingPageWouldStart() {
		ApiStub.stubGet(api, "/dataset/d/record/list?take=1", "{\"items\":[" + RECORD_JSON + "],\"cursor\":\"p2\"}");
		api.stubFor(get("/api/v1/dataset/d/record/list?cursor=p2&take=1").willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"message\":\"Dataset not found\",\"code\":\"NOT_FOUND\"}")));
		var all = this.records.listAll("d", ListQuery.defaults().withTake(1)).iterator();
		assertThat(all.next()).isEqualTo(RECORD);
		assertThatExceptionOfType(ChatBotKitNotFoundException.class).isThrownBy(all::hasNext);
	}

	@Test
	void listsRefuseAMetadataFilterTheApiCannotApplyBeforeAnyCall() {
		ListQuery filtered = ListQuery.defaults().withMeta("lang", "en");
		assertThatIllegalArgumentException().isThrownBy(() -> this.records.list("d", filtered))
			.withMessageContaining("metadata");
		assertThatIllegalArgumentException().isThrownBy(() -> this.records.listAll("d", filtered));
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void fetchEncodesBothIdsAndMapsEveryField() {
		ApiStub.stubGet(api, RECORD_PATH + "/fetch", RECORD_JSON);
		assertThat(this.records.fetch(ID, ID)).isEqualTo(RECORD);
		ApiStub.verifyGet(api, RECORD_PATH + "/fetch");
	}

	@Test
	void fetchOfAMinimalRecordHasNoSource() {
		ApiStub.stubGet(api, "/dataset/d/record/r/fetch",
				"{\"id\":\"r\",\"text\":\"t\",\"createdAt\":1,\"updatedAt\":2}");
		assertThat(this.records.fetch("d", "r").source()).isNull();
	}

	@Test
	void fetchWithoutTheTextIsDecodingException() {
		ApiStub.stubGet(api, "/dataset/d/record/r/fetch", "{\"id\":\"r\",\"createdAt\":1,\"updatedAt\":2}");
		assertThatExceptionOfType(ChatBotKitDecodingException.class).isThrownBy(() -> this.records.fetch("d", "r"))
			.withMessageContaining("text");
	}

	@Test
	void createSendsTextSourceAndMetaAndReturnsTheId() {
		ApiStub.stubPost(api, "/dataset/" + ENCODED_ID + "/record/create", "{\"id\":\"r-9\",\"extra\":true}");
		String id = this.records.create(ID,
				DatasetRecordRequest.of("Leave is 25 days.")
					.withSource("handbook.pdf")
					.withMeta("lang", "en")
					.withMeta("year", 2024));
		assertThat(id).isEqualTo("r-9");
		ApiStub.verifyPost(api, "/dataset/" + ENCODED_ID + "/record/create", """
				{"text":"Leave is 25 days.","source":"handbook.pdf","meta":{"lang":"en","year":2024}}
				""");
	}

	@Test
	void createOfATextAloneSendsTheTextAlone() {
		ApiStub.stubPost(api, "/dataset/d/record/create", "{\"id\":\"r-9\"}");
		this.records.create("d", DatasetRecordRequest.of("Only text"));
		ApiStub.verifyPost(api, "/dataset/d/record/create", "{\"text\":\"Only text\"}");
	}

	@Test
	void createRefusesARequestWithoutTextBeforeAnyCall() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.records.create("d", DatasetRecordRequest.empty().withSource("x")))
			.withMessageContaining("text");
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void updateEncodesBothIdsAndSendsOnlyTheFieldsThatAreSet() {
		ApiStub.stubPost(api, RECORD_PATH + "/update", "{\"id\":\"x\"}");
		this.records.update(ID, ID, DatasetRecordRequest.empty().withMeta("reviewed", true));
		ApiStub.verifyPost(api, RECORD_PATH + "/update", "{\"meta\":{\"reviewed\":true}}");
	}

	@Test
	void updateMayChangeTheTextAndClearTheSource() {
		ApiStub.stubPost(api, "/dataset/d/record/r/update", "{\"id\":\"x\"}");
		this.records.update("d", "r", DatasetRecordRequest.empty().withText("New").withSource(""));
		ApiStub.verifyPost(api, "/dataset/d/record/r/update", "{\"text\":\"New\",\"source\":\"\"}");
	}

	@Test
	void deleteEncodesBothIdsAndSendsAnEmptyObject() {
		ApiStub.stubPost(api, RECORD_PATH + "/delete", "{\"id\":\"x\"}");
		this.records.delete(ID, ID);
		ApiStub.verifyPost(api, RECORD_PATH + "/delete", "{}");
	}

	@Test
	void dotSegmentIdsAreRefusedBeforeAnyCall() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.records.fetch("d", ".."));
		assertThatIllegalArgumentException().isThrownBy(() -> this.records.delete("..", "r"));
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void requestsCopyTheirMetadataAndRefuseANullTextOrEmptyKey() {
		DatasetRecordRequest request = DatasetRecordRequest.of("t");
		assertThat(request.withMeta("a", 1).meta()).isEqualTo(Map.of("a", 1));
		assertThat(request.meta()).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> DatasetRecordRequest.of(null));
		assertThatIllegalArgumentException().isThrownBy(() -> request.withMeta("", 1));
	}

}
