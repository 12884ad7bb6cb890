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

package io.github.cbkspring.client.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Which page of a list to fetch: the cursor to continue from, how many items, the order,
 * and a metadata filter. Every field is optional; {@link #defaults()} asks for the first
 * page as the API chooses it. Immutable: the {@code with...} methods return copies.
 * <pre class="code">
 * Page&lt;Bot&gt; page = bots.list(ListQuery.defaults().withTake(50).withMeta("team", "support"));
 * </pre>
 *
 * @param cursor the cursor of the page to fetch, from {@link Page#cursor()}; {@code null}
 * for the first page
 * @param take how many items to fetch, or {@code null} for the API's default
 * @param order the order, or {@code null} for the API's default (newest first)
 * @param meta only items whose metadata holds these keys and values; sent as
 * {@code meta.<key>=<value>}, encoded as {@link ApiRequest#query(String, Object)} says
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record ListQuery(@Nullable String cursor, @Nullable Integer take, @Nullable SortOrder order,
		Map<String, String> meta) {

	private static final ListQuery DEFAULTS = new ListQuery(null, null, null, Map.of());

	/**
	 * Validate the query and copy its filter.
	 * @param cursor the cursor, if any
	 * @param take how many items, if set
	 * @param order the order, if set
	 * @param meta the metadata filter
	 */
	public ListQuery {
		Assert.isTrue(take == null || take > 0, "take must be positive");
		Assert.notNull(meta, "meta must not be null (use an empty map)");
		meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
	}

	/**
	 * The first page, as the API chooses it.
	 * @return a query that sets nothing
	 */
	public static ListQuery defaults() {
		return DEFAULTS;
	}

	/**
	 * A copy that continues from a cursor.
	 * @param cursor the cursor of the page to fetch, or {@code null} for the first page
	 * @return the copy
	 */
	public ListQuery withCursor(@Nullable String cursor) {
		return new ListQuery(cursor, this.take, this.order, this.meta);
	}

	/**
	 * A copy that fetches a number of items.
	 * @param take how many items to fetch, at least one
	 * @return the copy
	 */
	public ListQuery withTake(int take) {
		return new ListQuery(this.cursor, take, this.order, this.meta);
	}

	/**
	 * A copy with an order.
	 * @param order the order
	 * @return the copy
	 */
	public ListQuery withOrder(SortOrder order) {
		return new ListQuery(this.cursor, this.take, order, this.meta);
	}

	/**
	 * A copy that also filters on a metadata entry.
	 * @param key the metadata key
	 * @param value the value the item's metadata must hold
	 * @return the copy
	 */
	public ListQuery withMeta(String key, String value) {
		Assert.hasText(key, "Meta key must not be empty");
		Assert.notNull(value, "Meta value must not be null");
		Map<String, String> meta = new LinkedHashMap<>(this.meta);
		meta.put(key, value);
		return new ListQuery(this.cursor, this.take, this.order, meta);
	}

}
