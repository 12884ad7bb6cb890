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

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.cbkspring.sample.chat.demo.DemoApiController.ApiError;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The demo API's dataset search ({@code POST /dataset/{datasetId}/search}), which the
 * Spring AI retriever calls: with the secret, over a few records about this sample, any
 * dataset id. A record's score is the share of the search's words (of three letters or
 * more) that it holds; records that hold none are not found.
 *
 * @author cbkspring contributors
 */
@RestController
@ConditionalOnBooleanProperty(DemoModeConfiguration.ENABLED_PROPERTY)
@RequestMapping(DemoModeConfiguration.API_PATH)
class DemoDatasetController {

	static final List<SearchMatch> RECORDS = List.of(
			record("demo-record-1",
					"Demo mode serves a stand-in ChatBotKit API from the sample itself,"
							+ " so the sample runs without a ChatBotKit account.",
					"README.md"),
			record("demo-record-2",
					"The ChatBotKit document retriever searches a dataset and hands the best"
							+ " records to Spring AI's RetrievalAugmentationAdvisor.",
					"docs/spring-ai.md"),
			record("demo-record-3",
					"ChatBotKit embeds and searches dataset records itself,"
							+ " so a Spring AI application needs no embedding model.",
					"docs/spring-ai.md"),
			record("demo-record-4", "Set CHATBOTKIT_SECRET, CHATBOTKIT_BOT_ID and CHATBOTKIT_DATASET_ID"
					+ " to answer from a real ChatBotKit dataset.", "README.md"));

	private final String secret;

	DemoDatasetController(@Value("${chatbotkit.secret}") String secret) {
		this.secret = secret;
	}

	@PostMapping(path = "/dataset/{datasetId}/search", produces = MediaType.APPLICATION_JSON_VALUE)
	SearchResult search(@PathVariable String datasetId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestBody Search search) {
		if (authorization == null || !DemoSessions.matches("Bearer " + this.secret, authorization)) {
			throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "The secret is not valid.");
		}
		Set<String> words = words(search.search());
		List<SearchMatch> found = words.isEmpty() ? List.of()
				: RECORDS.stream()
					.map((match) -> match
						.scored(words.stream().filter(words(match.text())::contains).count() / (double) words.size()))
					.filter((match) -> match.score() > 0)
					.sorted(Comparator.comparingDouble(SearchMatch::score).reversed())
					.toList();
		return new SearchResult(datasetId, found);
	}

	@ExceptionHandler
	ResponseEntity<ApiError> refused(ResponseStatusException ex) {
		HttpStatus status = HttpStatus.valueOf(ex.getStatusCode().value());
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ApiError(String.valueOf(ex.getReason()), status.name()));
	}

	private static Set<String> words(String text) {
		return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
			.filter((word) -> word.length() >= 3)
			.collect(Collectors.toSet());
	}

	private static SearchMatch record(String id, String text, String source) {
		return new SearchMatch(id, text, source, Map.of(), 0);
	}

	record Search(String search) {
	}

	record SearchResult(String id, List<SearchMatch> records) {
	}

	record SearchMatch(String id, String text, String source, Map<String, Object> meta, double score) {

		SearchMatch scored(double score) {
			return new SearchMatch(this.id, this.text, this.source, this.meta, score);
		}

	}

}
