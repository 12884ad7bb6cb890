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

package io.github.cbkspring.test;

import java.util.Map;
import java.util.function.IntPredicate;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The metadata filter of a dataset search, as the API reads it: each key of the filter
 * holds a value that the record's metadata must equal, or one condition {@code {"$eq" |
 * "$ne" | "$gt" | "$gte" | "$lt" | "$lte": value}}. Every key must hold. Numbers compare
 * as numbers; a comparison with a missing or non-numeric value fails, and {@code $ne}
 * holds for a missing one.
 *
 * @author cbkspring contributors
 */
final class SearchFilters {

	private SearchFilters() {
	}

	static boolean matches(JsonNode filter, @Nullable Object meta) {
		if (!filter.isObject()) {
			return true;
		}
		Map<?, ?> values = (meta instanceof Map<?, ?> map) ? map : Map.of();
		for (Map.Entry<String, JsonNode> condition : filter.properties()) {
			if (!holds(condition.getValue(), values.get(condition.getKey()))) {
				return false;
			}
		}
		return true;
	}

	private static boolean holds(JsonNode condition, @Nullable Object value) {
		if (!condition.isObject()) {
			return equal(condition, value);
		}
		for (Map.Entry<String, JsonNode> operator : condition.properties()) {
			JsonNode operand = operator.getValue();
			boolean holds = switch (operator.getKey()) {
				case "$eq" -> equal(operand, value);
				case "$ne" -> !equal(operand, value);
				case "$gt" -> compare(operand, value, (order) -> order > 0);
				case "$gte" -> compare(operand, value, (order) -> order >= 0);
				case "$lt" -> compare(operand, value, (order) -> order < 0);
				case "$lte" -> compare(operand, value, (order) -> order <= 0);
				default -> false;
			};
			if (!holds) {
				return false;
			}
		}
		return true;
	}

	private static boolean equal(JsonNode operand, @Nullable Object value) {
		if (value == null) {
			return false;
		}
		if (operand.isNumber() && value instanceof Number number) {
			return operand.asDouble() == number.doubleValue();
		}
		if (operand.isBoolean() && value instanceof Boolean bool) {
			return operand.asBoolean() == bool;
		}
		return operand.isString() && operand.asString().equals(value);
	}

	/**
	 * Whether the value compares with the operand as wanted; a value that is no number
	 * fails every comparison.
	 */
	private static boolean compare(JsonNode operand, @Nullable Object value, IntPredicate wanted) {
		return value instanceof Number number && operand.isNumber()
				&& wanted.test(Double.compare(number.doubleValue(), operand.asDouble()));
	}

}
