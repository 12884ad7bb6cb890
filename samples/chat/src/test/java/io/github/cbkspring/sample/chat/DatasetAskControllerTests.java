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

package io.github.cbkspring.sample.chat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DatasetAskController}: Spring AI's {@code ChatClient} with
 * {@code RetrievalAugmentationAdvisor} on the ChatBotKit retriever, over the demo dataset
 * and the demo bot, over HTTP as the page calls it. The demo bot echoes the question it
 * is given, so its answer shows what the advisor put into it.
 *
 * @author cbkspring contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "chatbotkit.secret=")
class DatasetAskControllerTests {

	private static final String EMBEDDING_RECORD = "ChatBotKit embeds and searches dataset records itself,"
			+ " so a Spring AI application needs no embedding model.";

	@LocalServerPort
	private int port;

	@Test
	void answersWithTheRecordsTheDatasetSearchFoundAndNamesThem() {
		Map<?, ?> answer = ask("Which embedding model?").retrieve().body(Map.class);
		assertThat((String) answer.get("text")).startsWith("Demo bot: you said \"Answer from these sources only.")
			.contains(EMBEDDING_RECORD)
			.endsWith("Question: Which embedding model?\"");
		// the only record that shares a word with the question: "embedding" and "model"
		// of "which", "embedding", "model"
		assertThat((List<?>) answer.get("sources")).hasSize(1)
			.first()
			.isEqualTo(Map.of("text", EMBEDDING_RECORD, "score", 2 / 3.0, "source", "docs/spring-ai.md"));
	}

	@Test
	void keepsTheRetrieversTopK() {
		Map<?, ?> answer = ask("What does the ChatBotKit sample do?").retrieve().body(Map.class);
		assertThat((List<?>) answer.get("sources")).hasSize(2)
			.allSatisfy((source) -> assertThat((String) ((Map<?, ?>) source).get("text")).contains("ChatBotKit"));
	}

	@Test
	void aQuestionNoRecordMatchesIsAnsweredWithoutSources() {
		Map<?, ?> answer = ask("Wie spät ist es?").retrieve().body(Map.class);
		assertThat((List<?>) answer.get("sources")).isEmpty();
		// Spring AI's advisor tells the bot that it has nothing to answer from
		assertThat((String) answer.get("text")).doesNotContain("Answer from these sources only.")
			.doesNotContain("Wie spät ist es?");
	}

	@Test
	void refusesAnEmptyQuestion() {
		HttpStatusCode status = ask(" ").exchange((request, response) -> response.getStatusCode());
		assertThat(status.value()).isEqualTo(400);
	}

	private RestClient.RequestBodySpec ask(String question) {
		return RestClient.create()
			.post()
			.uri("http://localhost:{port}/api/ask-dataset", this.port)
			.accept(MediaType.APPLICATION_JSON)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("text", question));
	}

}
