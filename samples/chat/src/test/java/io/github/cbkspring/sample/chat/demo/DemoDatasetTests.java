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

package io.github.cbkspring.sample.chat.demo;

import io.github.cbkspring.client.dataset.DatasetClient;
import io.github.cbkspring.client.dataset.SearchMatch;
import io.github.cbkspring.client.dataset.SearchResult;
import io.github.cbkspring.client.error.ChatBotKitAuthenticationException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the demo API's dataset search, called through the starter's client as the
 * Spring AI retriever calls it.
 *
 * @author cbkspring contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "chatbotkit.secret=")
class DemoDatasetTests {

	@Autowired
	private DatasetClient datasets;

	@Test
	void searchRanksTheRecordsByTheShareOfTheSearchsWordsTheyHold() {
		SearchResult result = this.datasets.search("demo-dataset", "Which embedding model does ChatBotKit need?");
		assertThat(result.datasetId()).isEqualTo("demo-dataset");
		// of "which", "embedding", "model", "does", "chatbotkit", "need": record 3 holds
		// "embedding", "model" and "chatbotkit" ("needs" is another word), records 1, 2
		// and 4 "chatbotkit" alone, and keep their order
		assertThat(result.records()).extracting(SearchMatch::id)
			.containsExactly("demo-record-3", "demo-record-1", "demo-record-2", "demo-record-4");
		assertThat(result.records().get(0).score()).isEqualTo(3 / 6.0);
		assertThat(result.records().get(0).source()).isEqualTo("docs/spring-ai.md");
		assertThat(result.records().get(1).score()).isEqualTo(1 / 6.0);
	}

	@Test
	void aSearchNoRecordMatchesFindsNothing() {
		assertThat(this.datasets.search("demo-dataset", "Wie spät ist es?").records()).isEmpty();
		assertThat(this.datasets.search("demo-dataset", "a b").records()).isEmpty();
	}

	@Test
	void searchRejectsAnotherSecret() {
		DatasetClient impostor = this.datasets.withOptions((options) -> options.secret("demo-guess"));
		assertThatExceptionOfType(ChatBotKitAuthenticationException.class)
			.isThrownBy(() -> impostor.search("demo-dataset", "model"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("UNAUTHORIZED"));
	}

}
