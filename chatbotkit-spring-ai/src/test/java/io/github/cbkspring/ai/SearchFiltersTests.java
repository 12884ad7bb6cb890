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

import io.github.cbkspring.client.dataset.SearchFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.ai.vectorstore.filter.Filter;
import org.springframework.ai.vectorstore.filter.Filter.Expression;
import org.springframework.ai.vectorstore.filter.Filter.ExpressionType;
import org.springframework.ai.vectorstore.filter.FilterExpressionBuilder;
import org.springframework.ai.vectorstore.filter.FilterExpressionTextParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SearchFilters}: every operator the dataset search knows, and every
 * form it does not, which must fail rather than widen the search.
 *
 * @author cbkspring contributors
 */
class SearchFiltersTests {

	private final FilterExpressionBuilder b = new FilterExpressionBuilder();

	@Test
	void equalityTakesTextsNumbersAndBooleans() {
		assertThat(translate(this.b.eq("lang", "en").build())).isEqualTo(Map.of("lang", Map.of("$eq", "en")));
		assertThat(translate(this.b.eq("year", 2024).build())).isEqualTo(Map.of("year", Map.of("$eq", 2024)));
		assertThat(translate(this.b.ne("draft", true).build())).isEqualTo(Map.of("draft", Map.of("$ne", true)));
		assertThat(translate(this.b.ne("lang", "de").build())).isEqualTo(Map.of("lang", Map.of("$ne", "de")));
	}

	@Test
	void comparisonsTakeNumbers() {
		assertThat(translate(this.b.gt("year", 2020).build())).isEqualTo(Map.of("year", Map.of("$gt", 2020)));
		assertThat(translate(this.b.gte("score", 0.5).build())).isEqualTo(Map.of("score", Map.of("$gte", 0.5)));
		assertThat(translate(this.b.lt("pages", 10L).build())).isEqualTo(Map.of("pages", Map.of("$lt", 10L)));
		assertThat(translate(this.b.lte("size", 3).build())).isEqualTo(Map.of("size", Map.of("$lte", 3)));
	}

	@Test
	void andJoinsConditionsOnDifferentKeysThroughGroups() {
		Expression expression = this.b
			.and(this.b.group(this.b.and(this.b.eq("lang", "en"), this.b.gte("year", 2020))), this.b.ne("draft", true))
			.build();
		assertThat(translate(expression)).containsExactly(Map.entry("lang", Map.of("$eq", "en")),
				Map.entry("year", Map.of("$gte", 2020)), Map.entry("draft", Map.of("$ne", true)));
	}

	@Test
	void theTextFormIsTranslatedWithQuotedKeysUnquoted() {
		Expression expression = new FilterExpressionTextParser()
			.parse("lang == 'en' && year >= 2020 && 'page count' < 10");
		assertThat(translate(expression)).containsExactly(Map.entry("lang", Map.of("$eq", "en")),
				Map.entry("year", Map.of("$gte", 2020)), Map.entry("page count", Map.of("$lt", 10)));
	}

	@Test
	void aTopLevelGroupIsReadThrough() {
		Expression expression = new FilterExpressionTextParser().parse("(lang == 'en')");
		assertThat(translate(expression)).isEqualTo(Map.of("lang", Map.of("$eq", "en")));
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', textBlock = """
			lang == 'en' || lang == 'de' ; lang == 'en' OR lang == 'de'
			lang in ['en', 'de']         ; lang IN [en, de]
			lang nin ['en']              ; lang NIN [en]
			not(lang == 'en')            ; NOT (lang == 'en')
			lang is null                 ; lang IS NULL
			lang is not null             ; lang IS NOT NULL
			""")
	void operatorsTheSearchDoesNotKnowFailNamingThePart(String text, String part) {
		Expression expression = new FilterExpressionTextParser().parse(text);
		assertThatIllegalArgumentException().isThrownBy(() -> SearchFilters.translate(expression))
			.withMessage("A ChatBotKit dataset search cannot express '" + part + "': a dataset search filter has no "
					+ expression.type() + "; it takes ==, !=, >, >=, <, <= and AND");
	}

	@Test
	void anOrInsideAnAndNamesTheOrPart() {
		Expression expression = new FilterExpressionTextParser()
			.parse("year >= 2020 && (lang == 'en' || lang == 'de')");
		assertThatIllegalArgumentException().isThrownBy(() -> SearchFilters.translate(expression))
			.withMessageContaining("'lang == 'en' OR lang == 'de''")
			.withMessageContaining("has no OR");
	}

	@Test
	void twoConditionsOnOneKeyFailSinceTheSearchTakesOne() {
		Expression expression = this.b.and(this.b.gte("year", 2020), this.b.lt("year", 2025)).build();
		assertThatIllegalArgumentException().isThrownBy(() -> SearchFilters.translate(expression))
			.withMessageContaining("'year < 2025'")
			.withMessageContaining("one condition per metadata key");
	}

	@Test
	void aComparisonOfATextFails() {
		assertThatIllegalArgumentException().isThrownBy(() -> SearchFilters.translate(this.b.gt("lang", "en").build()))
			.withMessageContaining("lang > 'en'")
			.withMessageContaining("a comparison takes a finite number");
	}

	@Test
	void valuesOtherThanTextsNumbersAndBooleansFail() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SearchFilters.translate(this.b.eq("tags", List.of("a")).build()))
			.withMessageContaining("'tags == [a]': == and != take a text, a finite number or a boolean");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SearchFilters.translate(this.b.gte("score", Double.NaN).build()))
			.withMessageContaining("finite number");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SearchFilters.translate(new Expression(ExpressionType.EQ, new Filter.Key("k"))))
			.withMessageContaining("'k == null': == and != take");
	}

	@Test
	void aValueOnTheLeftFails() {
		Expression expression = new Expression(ExpressionType.EQ, new Filter.Value(1), new Filter.Value(1));
		assertThatIllegalArgumentException().isThrownBy(() -> SearchFilters.translate(expression))
			.withMessageContaining("compares a metadata key with a value, key first");
	}

	@Test
	void anAndOfAKeyFails() {
		Expression expression = new Expression(ExpressionType.AND, new Filter.Key("k"), this.b.eq("a", 1).build());
		assertThatIllegalArgumentException().isThrownBy(() -> SearchFilters.translate(expression))
			.withMessageContaining("AND joins conditions");
	}

	@Test
	void matchesChecksMetadataAgainstEveryCondition() {
		SearchFilter filter = SearchFilters.translate(new FilterExpressionTextParser()
			.parse("lang == 'en' && year >= 2020 && draft != true && pages < 10 && size <= 3 && rank > 1"));
		Map<String, Object> meta = new java.util.HashMap<>(
				Map.of("lang", "en", "year", 2020L, "pages", 9.5, "size", 3, "rank", 2));
		assertThat(SearchFilters.matches(filter, meta)).as("draft missing meets !=").isTrue();
		meta.put("draft", true);
		assertThat(SearchFilters.matches(filter, meta)).isFalse();
		meta.put("draft", false);
		assertThat(SearchFilters.matches(filter, meta)).isTrue();
		meta.put("rank", 1);
		assertThat(SearchFilters.matches(filter, meta)).isFalse();
		meta.put("rank", 2);
		meta.put("year", "2021");
		assertThat(SearchFilters.matches(filter, meta)).as("a text is no number").isFalse();
		meta.remove("year");
		assertThat(SearchFilters.matches(filter, meta)).as("a missing key meets no comparison").isFalse();
		meta.put("year", 2021);
		meta.put("lang", "de");
		assertThat(SearchFilters.matches(filter, meta)).isFalse();
		assertThat(SearchFilters.matches(SearchFilters.translate(this.b.lt("n", 1).build()), Map.of("n", 1))).isFalse();
		assertThat(SearchFilters.matches(SearchFilters.translate(this.b.lte("n", 1).build()), Map.of("n", 1.0)))
			.isTrue();
		assertThat(SearchFilters.matches(SearchFilters.translate(this.b.gt("n", 1).build()), Map.of("n", 1))).isFalse();
		assertThat(SearchFilters.matches(SearchFilters.translate(this.b.eq("n", 1).build()), Map.of("n", 1.0)))
			.isTrue();
	}

	private static Map<String, Object> translate(Expression expression) {
		SearchFilter filter = SearchFilters.translate(expression);
		return filter.conditions();
	}

}
