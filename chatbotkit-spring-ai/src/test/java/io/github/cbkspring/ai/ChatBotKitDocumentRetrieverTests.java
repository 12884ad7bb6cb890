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

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.error.ChatBotKitNotFoundException;
import io.github.cbkspring.client.error.ChatBotKitServerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.document.Document;
import org.springframework.ai.rag.Query;
import org.springframework.ai.rag.retrieval.search.VectorStoreDocumentRetriever;
import org.springframework.ai.vectorstore.filter.FilterExpressionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ChatBotKitDocumentRetriever} on WireMock: what a search sends, how
 * records become documents, top k, the threshold, filters and failures.
 *
 * @author cbkspring contributors
 */
class ChatBotKitDocumentRetrieverTests {

	@RegisterExtension
	static WireMockExtension api = CompletionApi.server();

	private final FilterExpressionBuilder b = new FilterExpressionBuilder();

	@Test
	void recordsBecomeDocumentsWithTextScoreAndMetadata() {
		DatasetApi.answerSearch(api,
				"{\"id\":\"rec-1\",\"text\":\"Leave is 25 days.\",\"source\":\"handbook.pdf\",\"score\":0.9,"
						+ "\"meta\":{\"lang\":\"en\",\"year\":2024,\"gone\":null}}",
				"{\"id\":\"rec-2\",\"text\":\"Kept.\",\"score\":0.8,"
						+ "\"meta\":{\"documentId\":\"doc-7\",\"source\":\"own\"}}",
				"{\"id\":\"rec-3\",\"text\":\"Bare.\",\"score\":0.7}");
		List<Document> documents = retriever().build().retrieve(new Query("How much leave?"));
		DatasetApi.verifySearched(api, "{\"search\":\"How much leave?\"}");
		assertThat(documents).extracting(Document::getId).containsExactly("rec-1", "doc-7", "rec-3");
		assertThat(documents).extracting(Document::getText).containsExactly("Leave is 25 days.", "Kept.", "Bare.");
		assertThat(documents).extracting(Document::getScore).containsExactly(0.9, 0.8, 0.7);
		assertThat(documents.get(0).getMetadata()).containsExactlyInAnyOrderEntriesOf(
				Map.of("lang", "en", "year", 2024, "source", "handbook.pdf", "recordId", "rec-1"));
		assertThat(documents.get(1).getMetadata())
			.containsExactlyInAnyOrderEntriesOf(Map.of("source", "own", "recordId", "rec-2"));
		assertThat(documents.get(2).getMetadata()).containsExactlyInAnyOrderEntriesOf(Map.of("recordId", "rec-3"));
	}

	@Test
	void topKKeepsTheBestRecordsInTheApisOrder() {
		DatasetApi.answerSearch(api, DatasetApi.match("r1", "a", 0.9, "{}"), DatasetApi.match("r2", "b", 0.8, "{}"),
				DatasetApi.match("r3", "c", 0.7, "{}"));
		List<Document> documents = retriever().topK(2).build().retrieve(new Query("q"));
		assertThat(documents).extracting(Document::getId).containsExactly("r1", "r2");
	}

	@Test
	void theThresholdDropsRecordsScoringLessAndKeepsThoseScoringExactlyIt() {
		DatasetApi.answerSearch(api, DatasetApi.match("r1", "a", 0.9, "{}"), DatasetApi.match("r2", "b", 0.5, "{}"),
				DatasetApi.match("r3", "c", 0.49, "{}"));
		List<Document> documents = retriever().similarityThreshold(0.5).build().retrieve(new Query("q"));
		assertThat(documents).extracting(Document::getId).containsExactly("r1", "r2");
	}

	@Test
	void aFilterOfTheBuilderIsSentAsTheSearchFilter() {
		DatasetApi.answerSearch(api);
		retriever().filterExpression(this.b.and(this.b.eq("lang", "en"), this.b.gte("year", 2020)).build())
			.build()
			.retrieve(new Query("q"));
		DatasetApi.verifySearched(api,
				"{\"search\":\"q\",\"filter\":{\"lang\":{\"$eq\":\"en\"},\"year\":{\"$gte\":2020}}}");
	}

	@Test
	void aFilterInTheQueryContextReplacesTheBuilders() {
		DatasetApi.answerSearch(api);
		ChatBotKitDocumentRetriever retriever = retriever().filterExpression(this.b.eq("lang", "en").build()).build();
		retriever.retrieve(Query.builder()
			.text("q")
			.context(Map.of(VectorStoreDocumentRetriever.FILTER_EXPRESSION, "lang == 'de'"))
			.build());
		DatasetApi.verifySearched(api, "{\"search\":\"q\",\"filter\":{\"lang\":{\"$eq\":\"de\"}}}");
		api.resetRequests();
		retriever.retrieve(Query.builder()
			.text("q")
			.context(Map.of(VectorStoreDocumentRetriever.FILTER_EXPRESSION, this.b.ne("draft", true).build()))
			.build());
		DatasetApi.verifySearched(api, "{\"search\":\"q\",\"filter\":{\"draft\":{\"$ne\":true}}}");
	}

	@Test
	void theSuppliedFilterIsAskedOnEachQuery() {
		DatasetApi.answerSearch(api);
		String[] tenant = { "a" };
		ChatBotKitDocumentRetriever retriever = retriever()
			.filterExpression(() -> this.b.eq("tenant", tenant[0]).build())
			.build();
		retriever.retrieve(new Query("q"));
		DatasetApi.verifySearched(api, "{\"search\":\"q\",\"filter\":{\"tenant\":{\"$eq\":\"a\"}}}");
		api.resetRequests();
		tenant[0] = "b";
		retriever.retrieve(new Query("q"));
		DatasetApi.verifySearched(api, "{\"search\":\"q\",\"filter\":{\"tenant\":{\"$eq\":\"b\"}}}");
	}

	@Test
	void aFilterTheSearchCannotExpressFailsBeforeAnyCall() {
		DatasetApi.answerSearch(api);
		ChatBotKitDocumentRetriever retriever = retriever()
			.filterExpression(this.b.or(this.b.eq("lang", "en"), this.b.eq("lang", "de")).build())
			.build();
		assertThatIllegalArgumentException().isThrownBy(() -> retriever.retrieve(new Query("q")))
			.withMessageContaining("'lang == 'en' OR lang == 'de''");
		api.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void failuresOfTheSearchAreTheClients() {
		api.stubFor(post(urlEqualTo(DatasetApi.SEARCH)).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"message\":\"Dataset not found\",\"code\":\"NOT_FOUND\"}")));
		assertThatExceptionOfType(ChatBotKitNotFoundException.class)
			.isThrownBy(() -> retriever().build().retrieve(new Query("q")));
		api.stubFor(post(urlEqualTo(DatasetApi.SEARCH)).willReturn(aResponse().withStatus(500)));
		assertThatExceptionOfType(ChatBotKitServerException.class)
			.isThrownBy(() -> retriever().build().retrieve(new Query("q")));
	}

	@Test
	void theBuilderRefusesWhatCannotWork() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChatBotKitDocumentRetriever.builder().build())
			.withMessageContaining("DatasetClient");
		assertThatIllegalArgumentException().isThrownBy(
				() -> ChatBotKitDocumentRetriever.builder().datasetClient(DatasetApi.client(api).datasets()).build())
			.withMessageContaining("Dataset id");
		assertThatIllegalArgumentException().isThrownBy(() -> ChatBotKitDocumentRetriever.builder().topK(0));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatBotKitDocumentRetriever.builder().similarityThreshold(-0.1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatBotKitDocumentRetriever.builder().similarityThreshold(Double.NaN));
	}

	@Test
	void toStringNamesTheDatasetAndTheSettings() {
		assertThat(retriever().topK(3).build())
			.hasToString("ChatBotKitDocumentRetriever[datasetId=ds-1, topK=3, similarityThreshold=0.0]");
	}

	private static ChatBotKitDocumentRetriever.Builder retriever() {
		return ChatBotKitDocumentRetriever.builder().datasetClient(DatasetApi.client(api).datasets()).datasetId("ds-1");
	}

}
