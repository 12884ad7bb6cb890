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

package io.github.cbkspring.ai;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.cbkspring.client.dataset.DatasetClient;
import io.github.cbkspring.client.error.ChatBotKitServerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.content.Media;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.filter.FilterExpressionBuilder;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.MimeTypeUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ChatBotKitVectorStore} on WireMock: adds (what each record carries,
 * partial failures), searches, and deletes by id and by filter.
 *
 * @author cbkspring contributors
 */
class ChatBotKitVectorStoreTests {

	private static final String CREATE = "/api/v1/dataset/ds-1/record/create";

	@RegisterExtension
	static WireMockExtension api = CompletionApi.server();

	private final FilterExpressionBuilder b = new FilterExpressionBuilder();

	@Test
	void addWritesEachDocumentAsARecordWithItsIdAndMetadata() {
		api.stubFor(post(urlEqualTo(CREATE)).willReturn(okJson("{\"id\":\"rec-1\"}")));
		store().add(List.of(new Document("doc-1", "Leave is 25 days.", Map.of("source", "handbook.pdf", "year", 2024)),
				new Document("doc-2", "Bare.", Map.of())));
		api.verify(1,
				postRequestedFor(urlEqualTo(CREATE))
					.withHeader("Authorization", equalTo("Bearer " + CompletionApi.SECRET))
					.withRequestBody(equalToJson("""
							{"text":"Leave is 25 days.","source":"handbook.pdf",
							 "meta":{"source":"handbook.pdf","year":2024,"documentId":"doc-1"}}""", false, false)));
		api.verify(1, postRequestedFor(urlEqualTo(CREATE)).withRequestBody(equalToJson("""
				{"text":"Bare.","meta":{"documentId":"doc-2"}}""", false, false)));
		api.verify(2, anyRequestedFor(anyUrl()));
	}

	@Test
	void aDocumentWithoutTextFailsBeforeAnyWrite() {
		Document image = new Document("doc-2",
				new Media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(new byte[] { 1 })), Map.of());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> store().add(List.of(new Document("doc-1", "text", Map.of()), image)))
			.withMessageContaining("'doc-2' has no text");
		api.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aFailureAfterSomeWritesSaysWhichWereWritten() {
		api.stubFor(post(urlEqualTo(CREATE)).inScenario("add")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson("{\"id\":\"rec-1\"}"))
			.willSetStateTo("one written"));
		api.stubFor(post(urlEqualTo(CREATE)).inScenario("add")
			.whenScenarioStateIs("one written")
			.willReturn(aResponse().withStatus(500)));
		List<Document> documents = List.of(new Document("doc-1", "a", Map.of()), new Document("doc-2", "b", Map.of()),
				new Document("doc-3", "c", Map.of()));
		assertThatExceptionOfType(ChatBotKitVectorStoreWriteException.class).isThrownBy(() -> store().add(documents))
			.satisfies((ex) -> {
				assertThat(ex.getWritten()).containsExactly(Map.entry("doc-1", "rec-1"));
				assertThat(ex.getNotWritten()).containsExactly("doc-2", "doc-3");
				assertThat(ex).hasCauseInstanceOf(ChatBotKitServerException.class)
					.hasMessageStartingWith("Wrote 1 of 3 documents to the ChatBotKit dataset; "
							+ "the first not written is 'doc-2': ");
			});
		api.verify(2, postRequestedFor(urlEqualTo(CREATE)));
	}

	@Test
	void aFailureOfTheFirstWriteIsTheClients() {
		api.stubFor(post(urlEqualTo(CREATE)).willReturn(aResponse().withStatus(500)));
		assertThatExceptionOfType(ChatBotKitServerException.class)
			.isThrownBy(() -> store().add(List.of(new Document("doc-1", "a", Map.of()))));
	}

	@Test
	void similaritySearchFindsTheDocumentsAsTheyWereAdded() {
		DatasetApi.answerSearch(api, DatasetApi.match("rec-1", "a", 0.9, "{\"documentId\":\"doc-1\",\"year\":2024}"),
				DatasetApi.match("rec-2", "b", 0.6, "{\"documentId\":\"doc-2\"}"),
				DatasetApi.match("rec-3", "c", 0.5, "{\"documentId\":\"doc-3\"}"));
		List<Document> found = store().similaritySearch(SearchRequest.builder()
			.query("leave")
			.topK(2)
			.similarityThreshold(0.55)
			.filterExpression(this.b.gte("year", 2020).build())
			.build());
		DatasetApi.verifySearched(api, "{\"search\":\"leave\",\"filter\":{\"year\":{\"$gte\":2020}}}");
		assertThat(found).extracting(Document::getId).containsExactly("doc-1", "doc-2");
		assertThat(found.get(0).getMetadata())
			.containsExactlyInAnyOrderEntriesOf(Map.of("year", 2024, "recordId", "rec-1"));
		assertThat(found.get(0).getScore()).isEqualTo(0.9);
	}

	@Test
	void deleteByIdFindsTheRecordsBySearchingAndDeletesThemUntilNoneIsLeft() {
		api.stubFor(
				post(urlEqualTo(DatasetApi.SEARCH)).inScenario("delete")
					.whenScenarioStateIs(Scenario.STARTED)
					.willReturn(okJson("{\"id\":\"ds-1\",\"records\":["
							+ DatasetApi.match("rec-1", "a", 0.9, "{\"documentId\":\"doc-1\"}") + ","
							+ DatasetApi.match("rec-9", "z", 0.8, "{\"documentId\":\"x\"}") + "]}"))
					.willSetStateTo("deleted"));
		api.stubFor(post(urlEqualTo(DatasetApi.SEARCH)).inScenario("delete")
			.whenScenarioStateIs("deleted")
			.willReturn(okJson("{\"id\":\"ds-1\",\"records\":[]}")));
		api.stubFor(post(urlMatching("/api/v1/dataset/ds-1/record/.*/delete")).willReturn(okJson("{\"id\":\"x\"}")));
		store().delete(List.of("doc-1"));
		api.verify(2, postRequestedFor(urlEqualTo(DatasetApi.SEARCH)).withRequestBody(
				equalToJson("{\"search\":\"doc-1\",\"filter\":{\"documentId\":{\"$eq\":\"doc-1\"}}}", false, false)));
		api.verify(1, postRequestedFor(urlEqualTo("/api/v1/dataset/ds-1/record/rec-1/delete")));
		// the search's answer ignored the filter for rec-9: it is not deleted
		api.verify(0, postRequestedFor(urlEqualTo("/api/v1/dataset/ds-1/record/rec-9/delete")));
	}

	@Test
	void deleteByFilterSendsTheTranslatedFilterAndDeletesOnlyWhatMeetsIt() {
		api.stubFor(post(urlEqualTo(DatasetApi.SEARCH)).inScenario("filter")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson("{\"id\":\"ds-1\",\"records\":["
					+ DatasetApi.match("rec-1", "a", 0.9, "{\"lang\":\"en\",\"year\":2021}") + ","
					+ DatasetApi.match("rec-2", "b", 0.8, "{\"lang\":\"en\",\"year\":2019}") + "]}"))
			.willSetStateTo("deleted"));
		api.stubFor(post(urlEqualTo(DatasetApi.SEARCH)).inScenario("filter")
			.whenScenarioStateIs("deleted")
			.willReturn(okJson("{\"id\":\"ds-1\",\"records\":["
					+ DatasetApi.match("rec-2", "b", 0.8, "{\"lang\":\"en\",\"year\":2019}") + "]}")));
		api.stubFor(post(urlMatching("/api/v1/dataset/ds-1/record/.*/delete")).willReturn(okJson("{\"id\":\"x\"}")));
		store().delete(this.b.and(this.b.eq("lang", "en"), this.b.gt("year", 2020)).build());
		api.verify(2, postRequestedFor(urlEqualTo(DatasetApi.SEARCH)).withRequestBody(equalToJson(
				"{\"search\":\"*\",\"filter\":{\"lang\":{\"$eq\":\"en\"},\"year\":{\"$gt\":2020}}}", false, false)));
		api.verify(1, postRequestedFor(urlEqualTo("/api/v1/dataset/ds-1/record/rec-1/delete")));
		api.verify(0, postRequestedFor(urlEqualTo("/api/v1/dataset/ds-1/record/rec-2/delete")));
	}

	@Test
	void aSearchThatStillReturnsADeletedRecordEndsTheDelete() {
		DatasetApi.answerSearch(api, DatasetApi.match("rec-1", "a", 0.9, "{\"documentId\":\"doc-1\"}"));
		api.stubFor(post(urlMatching("/api/v1/dataset/ds-1/record/.*/delete")).willReturn(okJson("{\"id\":\"x\"}")));
		store().delete(List.of("doc-1"));
		api.verify(2, postRequestedFor(urlEqualTo(DatasetApi.SEARCH)));
		api.verify(1, postRequestedFor(urlEqualTo("/api/v1/dataset/ds-1/record/rec-1/delete")));
	}

	@Test
	void aFilterTheSearchCannotExpressDeletesNothing() {
		assertThatIllegalArgumentException().isThrownBy(() -> store().delete(this.b.in("lang", "en", "de").build()))
			.withMessageContaining("has no IN");
		api.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aFailedDeleteIsTheClients() {
		DatasetApi.answerSearch(api, DatasetApi.match("rec-1", "a", 0.9, "{\"documentId\":\"doc-1\"}"));
		api.stubFor(post(urlMatching("/api/v1/dataset/ds-1/record/.*/delete")).willReturn(aResponse().withStatus(500)));
		assertThatExceptionOfType(ChatBotKitServerException.class).isThrownBy(() -> store().delete(List.of("doc-1")));
	}

	@Test
	void theNativeClientIsTheDatasetClientAndTheBuilderRefusesWhatCannotWork() {
		DatasetClient datasets = DatasetApi.client(api).datasets();
		ChatBotKitVectorStore store = ChatBotKitVectorStore.builder().datasetClient(datasets).datasetId("ds-1").build();
		assertThat(store.<DatasetClient>getNativeClient()).isEqualTo(Optional.of(datasets));
		assertThat(store).hasToString("ChatBotKitVectorStore[datasetId=ds-1]");
		assertThat(store.getName()).isEqualTo("ChatBotKitVectorStore");
		assertThatIllegalArgumentException().isThrownBy(() -> ChatBotKitVectorStore.builder().build())
			.withMessageContaining("DatasetClient");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatBotKitVectorStore.builder().datasetClient(datasets).build())
			.withMessageContaining("Dataset id");
		assertThatIllegalArgumentException().isThrownBy(() -> store.delete(List.of("")));
	}

	private static ChatBotKitVectorStore store() {
		return ChatBotKitVectorStore.builder()
			.datasetClient(DatasetApi.client(api).datasets())
			.datasetId("ds-1")
			.build();
	}

}
