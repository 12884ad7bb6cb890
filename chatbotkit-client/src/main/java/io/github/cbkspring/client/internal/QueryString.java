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

package io.github.cbkspring.client.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.SortOrder;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ObjectUtils;

/**
 * The query string of one request, written the way ChatBotKit's Node SDK writes it
 * ({@code clientFetch} in its {@code client.js}), so that the API reads the same
 * parameters from both clients:
 * <ul>
 * <li>The SDK adds each parameter with {@code URLSearchParams.append}, whose serializer
 * is {@code application/x-www-form-urlencoded}: ASCII letters, digits and {@code *-._}
 * stay, a space becomes {@code +}, and every other character is percent-encoded in UTF-8,
 * so {@code +} goes out as {@code %2B} and {@code @} as {@code %40}. The API decodes the
 * query in that form, so a {@code +} left as it is (as RFC 3986 query encoding leaves it)
 * reaches it as a space. {@link URLEncoder} with UTF-8 writes exactly this form.</li>
 * <li>A map goes out as one parameter per entry, {@code name.key=value}, and a list or an
 * array as one per element, {@code name.0=a&name.1=b}: the SDK walks both with
 * {@code for...in}. A {@code null} value or element adds nothing (an element's index
 * still counts, as in the SDK).</li>
 * <li>One level only: the SDK would write a map or list inside one as JavaScript's
 * {@code String(value)} ({@code [object Object]}, {@code 1,2}), which the API cannot
 * read, so such a value is refused.</li>
 * </ul>
 * Any other value is written with {@code toString()}.
 *
 * @author cbkspring contributors
 */
final class QueryString {

	private @Nullable StringBuilder query;

	/**
	 * Add a parameter, or one per entry or element of a map, list or array.
	 * @param name the parameter name
	 * @param value the value; {@code null} adds nothing
	 * @throws IllegalArgumentException if a map, list or array holds a map, list or array
	 */
	void add(String name, @Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, element) -> addScalar(name + "." + key, element));
		}
		else if (value instanceof Iterable<?> elements) {
			int index = 0;
			for (Object element : elements) {
				addScalar(name + "." + index++, element);
			}
		}
		else if (ObjectUtils.isArray(value)) {
			add(name, Arrays.asList(ObjectUtils.toObjectArray(value)));
		}
		else {
			addScalar(name, value);
		}
	}

	/**
	 * Add the parameters of a list query that are set: {@code cursor}, {@code order} (its
	 * wire name), {@code take}, then {@code meta.<key>} for each metadata entry.
	 * @param listQuery the list query
	 */
	void add(ListQuery listQuery) {
		SortOrder order = listQuery.order();
		add("cursor", listQuery.cursor());
		add("order", (order != null) ? order.wireName() : null);
		add("take", listQuery.take());
		add("meta", listQuery.meta());
	}

	private void addScalar(String name, @Nullable Object value) {
		if (value == null) {
			return;
		}
		if (value instanceof Map || value instanceof Iterable || ObjectUtils.isArray(value)) {
			throw new IllegalArgumentException("Query parameter '" + name
					+ "' must not be a map, list or array: the API reads one level, such as meta.key=value or tags.0=a");
		}
		StringBuilder query = this.query;
		if (query == null) {
			query = new StringBuilder(64);
			this.query = query;
		}
		else {
			query.append('&');
		}
		query.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
	}

	/**
	 * The encoded query, without {@code ?}.
	 * @return the query, or {@code null} if no parameter was added
	 */
	@Nullable String build() {
		StringBuilder query = this.query;
		return (query != null) ? query.toString() : null;
	}

}
