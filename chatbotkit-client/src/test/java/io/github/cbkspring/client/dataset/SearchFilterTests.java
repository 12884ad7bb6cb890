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

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.github.cbkspring.client.dataset.SearchFilter.eq;
import static io.github.cbkspring.client.dataset.SearchFilter.gt;
import static io.github.cbkspring.client.dataset.SearchFilter.gte;
import static io.github.cbkspring.client.dataset.SearchFilter.lt;
import static io.github.cbkspring.client.dataset.SearchFilter.lte;
import static io.github.cbkspring.client.dataset.SearchFilter.ne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SearchFilter}: what each factory builds and what is refused. The JSON
 * it is sent as is tested in {@link DatasetClientTests}.
 *
 * @author cbkspring contributors
 */
class SearchFilterTests {

	@Test
	void eachFactoryBuildsOneConditionWithItsOperator() {
		assertThat(eq("k", "v").conditions()).isEqualTo(Map.of("k", Map.of("$eq", "v")));
		assertThat(eq("k", 1).conditions()).isEqualTo(Map.of("k", Map.of("$eq", 1)));
		assertThat(eq("k", false).conditions()).isEqualTo(Map.of("k", Map.of("$eq", false)));
		assertThat(ne("k", "v").conditions()).isEqualTo(Map.of("k", Map.of("$ne", "v")));
		assertThat(ne("k", 2L).conditions()).isEqualTo(Map.of("k", Map.of("$ne", 2L)));
		assertThat(ne("k", true).conditions()).isEqualTo(Map.of("k", Map.of("$ne", true)));
		assertThat(gt("k", 1.5).conditions()).isEqualTo(Map.of("k", Map.of("$gt", 1.5)));
		assertThat(gte("k", new BigDecimal("2.50")).conditions())
			.isEqualTo(Map.of("k", Map.of("$gte", new BigDecimal("2.50"))));
		assertThat(lt("k", 3).conditions()).isEqualTo(Map.of("k", Map.of("$lt", 3)));
		assertThat(lte("k", 4).conditions()).isEqualTo(Map.of("k", Map.of("$lte", 4)));
	}

	@Test
	void andKeepsTheOrderOfTheConditions() {
		SearchFilter filter = eq("c", "1").and(gt("a", 2)).and(new SearchFilter(Map.of("b", true)));
		assertThat(List.copyOf(filter.conditions().keySet())).containsExactly("c", "a", "b");
	}

	@Test
	void andRefusesASecondConditionOnAKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> gte("year", 2020).and(lte("year", 2024)))
			.withMessageContaining("'year'");
	}

	@Test
	void filtersAreValuesAndImmutable() {
		Map<String, Object> raw = new LinkedHashMap<>();
		raw.put("lang", "en");
		SearchFilter filter = new SearchFilter(raw);
		raw.put("team", "hr");
		assertThat(filter).isEqualTo(new SearchFilter(Map.of("lang", "en")));
		assertThat(filter.conditions()).hasSize(1);
		assertThatIllegalArgumentException().isThrownBy(() -> filter.and(eq("lang", "de")));
	}

	@Test
	void refusesWhatTheApiCannotRead() {
		assertThatIllegalArgumentException().isThrownBy(() -> gt("year", Double.NaN));
		assertThatIllegalArgumentException().isThrownBy(() -> lte("year", Double.POSITIVE_INFINITY));
		assertThatIllegalArgumentException().isThrownBy(() -> eq("", "x"));
		assertThatIllegalArgumentException().isThrownBy(() -> new SearchFilter(Map.of()));
		Map<String, Object> nullValue = new LinkedHashMap<>();
		nullValue.put("lang", null);
		assertThatIllegalArgumentException().isThrownBy(() -> new SearchFilter(nullValue));
	}

}
