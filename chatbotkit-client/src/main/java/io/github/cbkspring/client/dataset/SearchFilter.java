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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

import org.springframework.util.Assert;

/**
 * Which records a dataset search may return, by their metadata: one condition per
 * metadata key, all of which must hold. Build conditions with the static factories, one
 * per operator the API knows ({@code $eq}, {@code $ne}, {@code $gt}, {@code $gte},
 * {@code $lt}, {@code $lte}), and join them with {@link #and(SearchFilter)}; best read
 * with static imports: <pre class="code">
 * SearchResult result = datasets.search(datasetId, "refund policy", eq("lang", "en").and(gte("year", 2020)));
 * </pre> The API takes a single condition per key, so a range on one key cannot be
 * expressed and {@code and} refuses a key twice. For a form this class does not build,
 * such as a plain value or an operator the API added later, the canonical constructor
 * sends a map as it is: {@code new SearchFilter(Map.of("lang", "en"))}.
 *
 * @param conditions the conditions by metadata key, written as the JSON object itself: a
 * string, number or boolean, or an object with one operator, such as {@code {"$gt":
 * 2020}}
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record SearchFilter(@JsonValue Map<String, Object> conditions) {

	/**
	 * Validate the conditions and copy them, keeping their order.
	 * @param conditions the conditions by metadata key
	 */
	public SearchFilter {
		Assert.notNull(conditions, "conditions must not be null");
		Assert.isTrue(!conditions.isEmpty(), "A filter needs at least one condition");
		conditions.forEach((key, value) -> {
			Assert.hasText(key, "Metadata key must not be empty");
			Assert.notNull(value, () -> "Condition on '" + key + "' must not be null");
		});
		conditions = Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
	}

	/**
	 * Records whose metadata value equals a text ({@code $eq}).
	 * @param key the metadata key
	 * @param value the text
	 * @return the filter
	 */
	public static SearchFilter eq(String key, String value) {
		return condition(key, "$eq", value);
	}

	/**
	 * Records whose metadata value equals a number ({@code $eq}).
	 * @param key the metadata key
	 * @param value the number, finite
	 * @return the filter
	 */
	public static SearchFilter eq(String key, Number value) {
		return condition(key, "$eq", finite(value));
	}

	/**
	 * Records whose metadata value equals a boolean ({@code $eq}).
	 * @param key the metadata key
	 * @param value the boolean
	 * @return the filter
	 */
	public static SearchFilter eq(String key, boolean value) {
		return condition(key, "$eq", value);
	}

	/**
	 * Records whose metadata value is not a text ({@code $ne}).
	 * @param key the metadata key
	 * @param value the text
	 * @return the filter
	 */
	public static SearchFilter ne(String key, String value) {
		return condition(key, "$ne", value);
	}

	/**
	 * Records whose metadata value is not a number ({@code $ne}).
	 * @param key the metadata key
	 * @param value the number, finite
	 * @return the filter
	 */
	public static SearchFilter ne(String key, Number value) {
		return condition(key, "$ne", finite(value));
	}

	/**
	 * Records whose metadata value is not a boolean ({@code $ne}).
	 * @param key the metadata key
	 * @param value the boolean
	 * @return the filter
	 */
	public static SearchFilter ne(String key, boolean value) {
		return condition(key, "$ne", value);
	}

	/**
	 * Records whose metadata value is greater than a number ({@code $gt}).
	 * @param key the metadata key
	 * @param value the number, finite
	 * @return the filter
	 */
	public static SearchFilter gt(String key, Number value) {
		return condition(key, "$gt", finite(value));
	}

	/**
	 * Records whose metadata value is greater than or equal to a number ({@code $gte}).
	 * @param key the metadata key
	 * @param value the number, finite
	 * @return the filter
	 */
	public static SearchFilter gte(String key, Number value) {
		return condition(key, "$gte", finite(value));
	}

	/**
	 * Records whose metadata value is less than a number ({@code $lt}).
	 * @param key the metadata key
	 * @param value the number, finite
	 * @return the filter
	 */
	public static SearchFilter lt(String key, Number value) {
		return condition(key, "$lt", finite(value));
	}

	/**
	 * Records whose metadata value is less than or equal to a number ({@code $lte}).
	 * @param key the metadata key
	 * @param value the number, finite
	 * @return the filter
	 */
	public static SearchFilter lte(String key, Number value) {
		return condition(key, "$lte", finite(value));
	}

	/**
	 * A filter that holds this filter's conditions and another's.
	 * @param other the other filter, on other keys
	 * @return the joined filter
	 * @throws IllegalArgumentException if both filters have a condition on the same key
	 */
	public SearchFilter and(SearchFilter other) {
		Assert.notNull(other, "SearchFilter must not be null");
		Map<String, Object> conditions = new LinkedHashMap<>(this.conditions);
		other.conditions.forEach((key, value) -> Assert.isTrue(conditions.putIfAbsent(key, value) == null,
				() -> "The API takes one condition per metadata key: '" + key + "' has two"));
		return new SearchFilter(conditions);
	}

	private static SearchFilter condition(String key, String operator, Object value) {
		Assert.hasText(key, "Metadata key must not be empty");
		Assert.notNull(value, "Value must not be null");
		return new SearchFilter(Map.of(key, Map.of(operator, value)));
	}

	private static Number finite(Number value) {
		Assert.notNull(value, "Value must not be null");
		Assert.isTrue(Double.isFinite(value.doubleValue()), "Value must be a finite number");
		return value;
	}

}
