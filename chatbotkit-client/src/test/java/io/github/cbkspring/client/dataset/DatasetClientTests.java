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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.TestClients;
import io.github.cbkspring.client.core.ApiTransport;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.Page;
import io.github.cbkspring.client.core.SortOrder;
import io.github.cbkspring.client.core.Visibility;
import io.github.cbkspring.client.error.ChatBotKitDecodingException;
import io.github.cbkspring.client.error.ChatBotKitHttpException;
import io.github.cbkspring.client.error.ChatBotKitNotFoundException;
import io.github.cbkspring.testsupport.ApiStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.github.cbkspring.client.dataset.SearchFilter.eq;
import static io.github.cbkspring.client.dataset.SearchFilter.gte;
import static io.github.cbkspring.client.dataset.SearchFilter.lt;
import static io.github.cbkspring.client.dataset.SearchFilter.ne;
import static io.github.cbkspring.testsupport.ApiStub.ENCODED_ID;
import static io.github.cbkspring.testsupport.ApiStub.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link DatasetClient} against WireMock over real sockets.
 *
 * @author cbkspring contributors
 */
class DatasetClientTests {

	static final String DATASET_JSON = """
			{"id":"ds-1","alias":"handbook","name":"Handbook","description":"HR","meta":{"team":"hr"},
			 "blueprintId":"bp-1","store":"ada-loretta","reranker":"rr-1","recordMaxTokens":300,
			 "searchMinScore":0.25,"searchMaxRecords":5,"searchMaxTokens":2000,"matchInstruction":"Use these:",
			 "mismatchInstruction":"Say you do not know.","separators":"\\n\\n","visibility":"private",
			 "createdAt":1767225600000,"updatedAt":1767225601000,"newField":{"x":1}}
			""";

	static final Dataset DATASET = new Dataset("ds-1", "handbook", "Handbook", "HR", Map.of("team", "hr"), "bp-1",
			"ada-loretta", "rr-1", 300, 0.25, 5, 2000, "Use these:", "Say you do not know.", "\n\n", Visibility.PRIVATE,
			Instant.ofEpochMilli(1767225600000L), Instant.ofEpochMilli(1767225601000L));

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	private final DatasetClient datasets = TestClients.client(api).datasets();

	@Test
	void listSendsEveryQueryParameterAndMapsThePage() {
		String path = "/dataset/list?cursor=c+1&order=desc&take=3&meta.team=h%26r";
		ApiStub.stubGet(api, path, "{\"items\":[" + DATASET_JSON + "],\"cursor\":\"c2\",\"extra\":1}");
		Page<Dataset> page = this.datasets
			.list(ListQuery.defaults().withCursor("c 1").withOrder(SortOrder.DESC).withTake(3).withMeta("team", "h&r"));
		assertThat(page).isEqualTo(new Page<>(List.of(DATASET), "c2"));
		ApiStub.verifyGet(api, path);
	}

	@Test
	void listAllWalksThreePagesUntilTheApiSignalsTheEnd() {
		ApiStub.stubGet(api, "/dataset/list?take=1&meta.team=hr",
				"{\"items\":[" + DATASET_JSON + "],\"cursor\":\"p2\"}");
		ApiStub.stubGet(api, "/dataset/list?cursor=p2&take=1&meta.team=hr",
				"{\"items\":[" + DATASET_JSON + "],\"cursor\":\"p3\"}");
		ApiStub.stubGet(api, "/dataset/list?cursor=p3&take=1&meta.team=hr", "{\"items\":[],\"cursor\":\"p4\"}");
		assertThat(this.datasets.listAll(ListQuery.defaults().withTake(1).withMeta("team", "hr")))
			.containsExactly(DATASET, DATASET);
		assertThat(api.getAllServeEvents()).hasSize(3);
	}

	@Test
	void fetchEncodesTheIdAndMapsEveryField() {
		ApiStub.stubGet(api, "/dataset/" + ENCODED_ID + "/fetch", DATASET_JSON);
		assertThat(this.datasets.fetch(ID)).isEqualTo(DATASET);
		ApiStub.verifyGet(api, "/dataset/" + ENCODED_ID + "/fetch");
	}

	@Test
	void fetchOfAMinimalDatasetLeavesOptionalFieldsEmpty() {
		ApiStub.stubGet(api, "/dataset/d/fetch", "{\"id\":\"d\",\"store\":\"s\",\"createdAt\":1,\"updatedAt\":2}");
		Dataset dataset = this.datasets.fetch("d");
		assertThat(dataset.name()).isNull();
		assertThat(dataset.meta()).isEmpty();
		assertThat(dataset.recordMaxTokens()).isNull();
		assertThat(dataset.searchMinScore()).isNull();
		assertThat(dataset.visibility()).isNull();
	}

	@Test
	void fetchWithoutTheStoreIsDecodingException() {
		ApiStub.stubGet(api, "/dataset/d/fetch", "{\"id\":\"d\",\"createdAt\":1,\"updatedAt\":2}");
		assertThatExceptionOfType(ChatBotKitDecodingException.class).isThrownBy(() -> this.datasets.fetch("d"))
			.withMessageContaining("store");
	}

	@Test
	void metadataKeysSentAsNullReadAsAbsentAndUnknownVisibilityIsUnknown() {
		ApiStub.stubGet(api, "/dataset/d/fetch", """
				{"id":"d","store":"s","createdAt":1,"updatedAt":2,"meta":{"a":null,"b":1},"visibility":"team-only"}
				""");
		Dataset dataset = this.datasets.fetch("d");
		assertThat(dataset.meta()).isEqualTo(Map.of("b", 1));
		assertThat(dataset.visibility()).isEqualTo(Visibility.UNKNOWN);
	}

	@Test
	void fetchOfAMissingDatasetIsNotFoundException() {
		api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(anyUrl())
			.willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"message\":\"Dataset not found\",\"code\":\"NOT_FOUND\"}")));
		assertThatExceptionOfType(ChatBotKitNotFoundException.class).isThrownBy(() -> this.datasets.fetch("nope"))
			.satisfies((ex) -> assertThat(ex.apiMessage()).isEqualTo("Dataset not found"));
	}

	@Test
	void createSendsEverySetFieldAndReturnsTheId() {
		ApiStub.stubPost(api, "/dataset/create", "{\"id\":\"ds-9\",\"extra\":true}");
		String id = this.datasets.create(DatasetRequest.builder()
			.alias("handbook")
			.name("Handbook")
			.description("HR")
			.meta("team", "hr")
			.blueprintId("bp-1")
			.store("ada-loretta")
			.reranker("rr-1")
			.recordMaxTokens(300)
			.searchMinScore(0.25)
			.searchMaxRecords(5)
			.searchMaxTokens(2000)
			.matchInstruction("Use these:")
			.mismatchInstruction("Say you do not know.")
			.separators("\n\n")
			.visibility(Visibility.PUBLIC)
			.build());
		assertThat(id).isEqualTo("ds-9");
		ApiStub.verifyPost(api, "/dataset/create", """
				{"alias":"handbook","name":"Handbook","description":"HR","meta":{"team":"hr"},"blueprintId":"bp-1",
				 "store":"ada-loretta","reranker":"rr-1","recordMaxTokens":300,"searchMinScore":0.25,
				 "searchMaxRecords":5,"searchMaxTokens":2000,"matchInstruction":"Use these:",
				 "mismatchInstruction":"Say you do not know.","separators":"\\n\\n","visibility":"public"}
				""");
	}

	@Test
	void createWithNothingSetSendsAnEmptyObject() {
		ApiStub.stubPost(api, "/dataset/create", "{\"id\":\"ds-9\"}");
		assertThat(this.datasets.create(DatasetRequest.builder().build())).isEqualTo("ds-9");
		ApiStub.verifyPost(api, "/dataset/create", "{}");
	}

	@Test
	void createWithoutAnIdInTheAnswerIsDecodingException() {
		ApiStub.stubPost(api, "/dataset/create", "{}");
		assertThatExceptionOfType(ChatBotKitDecodingException.class)
			.isThrownBy(() -> this.datasets.create(DatasetRequest.builder().name("x").build()));
	}

	@Test
	void updateSendsOnlyTheFieldsThatAreSetAndAnEmptyTextToClearOne() {
		ApiStub.stubPost(api, "/dataset/" + ENCODED_ID + "/update", "{\"id\":\"x\"}");
		this.datasets.update(ID, DatasetRequest.builder().description("").searchMaxRecords(8).build());
		ApiStub.verifyPost(api, "/dataset/" + ENCODED_ID + "/update", "{\"description\":\"\",\"searchMaxRecords\":8}");
	}

	@Test
	void updateRefusesAStoreBeforeAnyCall() {
		DatasetRequest request = DatasetRequest.builder().name("x").store("ada-loretta").build();
		assertThatIllegalArgumentException().isThrownBy(() -> this.datasets.update("d", request))
			.withMessageContaining("store");
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void deleteSendsAnEmptyObject() {
		ApiStub.stubPost(api, "/dataset/" + ENCODED_ID + "/delete", "{\"id\":\"x\"}");
		this.datasets.delete(ID);
		ApiStub.verifyPost(api, "/dataset/" + ENCODED_ID + "/delete", "{}");
	}

	@Test
	void searchWithoutFilterSendsTheTextOnlyAndMapsTheMatches() {
		ApiStub.stubPost(api, "/dataset/" + ENCODED_ID + "/search", """
				{"id":"ds-1","records":[
				  {"id":"r-1","text":"Leave is 25 days.","source":"handbook.pdf","meta":{"lang":"en","year":2024},
				   "score":0.91,"newField":true},
				  {"id":"r-2","text":"Ask HR.","score":0.5}],"extra":1}
				""");
		SearchResult result = this.datasets.search(ID, "How many days of leave?");
		assertThat(result)
			.isEqualTo(new SearchResult("ds-1",
					List.of(new SearchMatch("r-1", "Leave is 25 days.", "handbook.pdf",
							Map.of("lang", "en", "year", 2024), 0.91),
							new SearchMatch("r-2", "Ask HR.", null, Map.of(), 0.5))));
		ApiStub.verifyPost(api, "/dataset/" + ENCODED_ID + "/search", "{\"search\":\"How many days of leave?\"}");
	}

	@Test
	void searchSendsTheFilterWithEveryKindOfCondition() {
		ApiStub.stubPost(api, "/dataset/d/search", "{\"id\":\"d\",\"records\":[]}");
		SearchFilter filter = eq("lang", "en").and(ne("draft", true))
			.and(gte("year", 2020))
			.and(lt("pages", 10.5))
			.and(new SearchFilter(Map.of("team", "hr")));
		assertThat(this.datasets.search("d", "leave", filter).records()).isEmpty();
		ApiStub.verifyPost(api, "/dataset/d/search", """
				{"search":"leave","filter":{"lang":{"$eq":"en"},"draft":{"$ne":true},"year":{"$gte":2020},
				 "pages":{"$lt":10.5},"team":"hr"}}
				""");
	}

	@Test
	void searchAnswerWithoutAScoreIsDecodingException() {
		ApiStub.stubPost(api, "/dataset/d/search", "{\"id\":\"d\",\"records\":[{\"id\":\"r\",\"text\":\"t\"}]}");
		assertThatExceptionOfType(ChatBotKitDecodingException.class).isThrownBy(() -> this.datasets.search("d", "q"))
			.withMessageContaining("score");
	}

	@Test
	void searchAnswerWithoutRecordsIsDecodingException() {
		ApiStub.stubPost(api, "/dataset/d/search", "{\"id\":\"d\"}");
		assertThatExceptionOfType(ChatBotKitDecodingException.class).isThrownBy(() -> this.datasets.search("d", "q"))
			.withMessageContaining("records");
	}

	@Test
	void searchErrorStatusIsHttpExceptionWithTheApiCode() {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"message\":\"Invalid filter\",\"code\":\"BAD_REQUEST\"}")));
		assertThatExceptionOfType(ChatBotKitHttpException.class)
			.isThrownBy(() -> this.datasets.search("d", "q", eq("lang", "en")))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(400);
				assertThat(ex.code()).isEqualTo("BAD_REQUEST");
			});
	}

	@Test
	void searchRefusesBlankTextBeforeAnyCall() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.datasets.search("d", " "));
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void requestsRefuseUnknownVisibilityAndNonPositiveLimits() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DatasetRequest.builder().visibility(Visibility.UNKNOWN).build());
		assertThatIllegalArgumentException().isThrownBy(() -> DatasetRequest.builder().searchMaxRecords(0).build());
		assertThatIllegalArgumentException().isThrownBy(() -> DatasetRequest.builder().recordMaxTokens(-1).build());
		assertThatIllegalArgumentException().isThrownBy(() -> DatasetRequest.builder().searchMaxTokens(0).build());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DatasetRequest.builder().searchMinScore(Double.NaN).build());
	}

	@Test
	void dotSegmentIdsAreRefusedBeforeAnyCall() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.datasets.fetch(".."));
		assertThatIllegalArgumentException().isThrownBy(() -> this.datasets.delete("."));
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void recordAndFileClientsShareTheClientAndItsOptionCopies() {
		ApiTransport client = this.datasets.transport();
		assertThat(this.datasets.records().transport()).isSameAs(client);
		assertThat(this.datasets.files().transport()).isSameAs(client);
		DatasetClient copy = this.datasets.withOptions((options) -> options.secret("other"));
		assertThat(copy.transport()).isNotSameAs(client);
		assertThat(copy.transport().options().secret()).isEqualTo("other");
		assertThat(copy).hasToString("DatasetClient[" + copy.transport() + "]");
	}

}
