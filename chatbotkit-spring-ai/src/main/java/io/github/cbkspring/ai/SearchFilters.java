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

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.cbkspring.client.dataset.SearchFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.vectorstore.filter.Filter;
import org.springframework.ai.vectorstore.filter.Filter.Expression;
import org.springframework.ai.vectorstore.filter.Filter.ExpressionType;

/**
 * Translates Spring AI filter expressions to the filter of a dataset search: one
 * condition per metadata key, all of which must hold. {@code ==} and {@code !=} take a
 * text, a number or a boolean, {@code >}, {@code >=}, {@code <} and {@code <=} a number;
 * {@code AND} joins conditions on different keys, and groups are read through. Anything
 * else ({@code OR}, {@code NOT}, {@code IN}, {@code NIN}, {@code IS NULL},
 * {@code IS NOT NULL}, two conditions on one key, other values) fails, naming the part,
 * rather than searching more widely than asked.
 *
 * @author cbkspring contributors
 */
final class SearchFilters {

	private SearchFilters() {
	}

	/**
	 * The dataset search filter that selects what the expression selects.
	 * @throws IllegalArgumentException if the search filter cannot express it
	 */
	static SearchFilter translate(Expression expression) {
		Map<String, Object> conditions = new LinkedHashMap<>();
		add(expression, conditions);
		return new SearchFilter(conditions);
	}

	/**
	 * Whether metadata meets every condition of a filter this class made: a check of what
	 * a search returned before it is acted upon. A missing key meets {@code $ne} only.
	 */
	static boolean matches(SearchFilter filter, Map<String, @Nullable Object> meta) {
		return filter.conditions().entrySet().stream().allMatch((condition) -> {
			Map.Entry<?, ?> test = ((Map<?, ?>) condition.getValue()).entrySet().iterator().next();
			return meets(meta.get(condition.getKey()), (String) test.getKey(), test.getValue());
		});
	}

	private static boolean meets(@Nullable Object actual, String operator, Object expected) {
		boolean numbers = actual instanceof Number && expected instanceof Number;
		int order = (actual instanceof Number number && expected instanceof Number bound)
				? Double.compare(number.doubleValue(), bound.doubleValue()) : 0;
		boolean equal = numbers ? order == 0 : expected.equals(actual);
		return switch (operator) {
			case "$eq" -> equal;
			case "$ne" -> !equal;
			case "$gt" -> numbers && order > 0;
			case "$gte" -> numbers && order >= 0;
			case "$lt" -> numbers && order < 0;
			default -> numbers && order <= 0;
		};
	}

	private static void add(Expression expression, Map<String, Object> conditions) {
		switch (expression.type()) {
			case AND -> {
				add(operand(expression.left(), expression), conditions);
				add(operand(expression.right(), expression), conditions);
			}
			case EQ, NE, GT, GTE, LT, LTE -> {
				String key = key(expression);
				Object value = value(expression);
				if (conditions.putIfAbsent(key, Map.of(operator(expression.type()), value)) != null) {
					throw unsupported(expression,
							"a dataset search takes one condition per metadata key, and '" + key + "' has another");
				}
			}
			default -> throw unsupported(expression,
					"a dataset search filter has no " + expression.type() + "; it takes ==, !=, >, >=, <, <= and AND");
		}
	}

	private static Expression operand(Filter.@Nullable Operand operand, Expression parent) {
		if (operand instanceof Filter.Group group) {
			return group.content();
		}
		if (operand instanceof Expression expression) {
			return expression;
		}
		throw unsupported(parent, "AND joins conditions");
	}

	private static String key(Expression expression) {
		if (!(expression.left() instanceof Filter.Key key)) {
			throw unsupported(expression, "a condition compares a metadata key with a value, key first");
		}
		return unquoted(key.key());
	}

	private static Object value(Expression expression) {
		Object value = (expression.right() instanceof Filter.Value operand) ? operand.value() : null;
		boolean equality = expression.type() == ExpressionType.EQ || expression.type() == ExpressionType.NE;
		if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
			return value;
		}
		if (equality && (value instanceof String || value instanceof Boolean)) {
			return value;
		}
		throw unsupported(expression, equality ? "== and != take a text, a finite number or a boolean"
				: "a comparison takes a finite number");
	}

	private static String operator(ExpressionType type) {
		return switch (type) {
			case EQ -> "$eq";
			case NE -> "$ne";
			case GT -> "$gt";
			case GTE -> "$gte";
			case LT -> "$lt";
			default -> "$lte";
		};
	}

	/**
	 * The key as the parser leaves a quoted key ({@code "'my key' == 1"}), without its
	 * quotes.
	 */
	private static String unquoted(String key) {
		if (key.length() > 1 && (key.charAt(0) == '\'' || key.charAt(0) == '"')
				&& key.charAt(key.length() - 1) == key.charAt(0)) {
			return key.substring(1, key.length() - 1);
		}
		return key;
	}

	private static IllegalArgumentException unsupported(Expression part, String reason) {
		return new IllegalArgumentException(
				"A ChatBotKit dataset search cannot express '" + text(part) + "': " + reason);
	}

	/**
	 * An operand as the filter text writes it, for messages.
	 */
	private static String text(Filter.@Nullable Operand operand) {
		if (operand instanceof Filter.Key key) {
			return key.key();
		}
		if (operand instanceof Filter.Value value) {
			return (value.value() instanceof String string) ? "'" + string + "'" : String.valueOf(value.value());
		}
		if (operand instanceof Filter.Group group) {
			return "(" + text(group.content()) + ")";
		}
		if (operand instanceof Expression expression) {
			return switch (expression.type()) {
				case NOT -> "NOT " + text(expression.left());
				case ISNULL -> text(expression.left()) + " IS NULL";
				case ISNOTNULL -> text(expression.left()) + " IS NOT NULL";
				default -> text(expression.left()) + " " + symbol(expression.type()) + " " + text(expression.right());
			};
		}
		return String.valueOf(operand);
	}

	private static String symbol(ExpressionType type) {
		return switch (type) {
			case EQ -> "==";
			case NE -> "!=";
			case GT -> ">";
			case GTE -> ">=";
			case LT -> "<";
			case LTE -> "<=";
			default -> type.name();
		};
	}

}
