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

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The fake's resources, one collection per path of the API ({@code bot},
 * {@code dataset/d1/record}, ...), each item a JSON object with its {@code id},
 * {@code createdAt} and {@code updatedAt}, in the order they were made. Every method
 * holds the store's lock: requests arrive on several threads.
 *
 * @author cbkspring contributors
 */
final class ResourceStore {

	/** How many items a page holds when the request names no {@code take}. */
	static final int DEFAULT_TAKE = 25;

	private final Map<String, Map<String, Map<String, Object>>> collections = new HashMap<>();

	private final AtomicLong ids;

	private final Clock clock;

	/**
	 * A store.
	 * @param ids the numbers of new ids, shared by the stores of one fake so that an id
	 * names one item
	 * @param clock the fake's clock, which items are stamped by
	 */
	ResourceStore(AtomicLong ids, Clock clock) {
		this.ids = ids;
		this.clock = clock;
	}

	/**
	 * A new id: the collection's last segment and a number unique in this fake, such as
	 * {@code bot-3}.
	 */
	String newId(String collection) {
		return collection.substring(collection.lastIndexOf('/') + 1) + "-" + this.ids.incrementAndGet();
	}

	synchronized Map<String, Object> create(String collection, Map<String, Object> fields) {
		Map<String, Object> item = new LinkedHashMap<>(fields);
		long now = this.clock.millis();
		item.put("id", newId(collection));
		item.put("createdAt", now);
		item.put("updatedAt", now);
		this.collections.computeIfAbsent(collection, (name) -> new LinkedHashMap<>())
			.put((String) item.get("id"), item);
		return copy(item);
	}

	synchronized @Nullable Map<String, Object> fetch(String collection, String id) {
		Map<String, Object> item = items(collection).get(id);
		return (item != null) ? copy(item) : null;
	}

	synchronized @Nullable Map<String, Object> update(String collection, String id, Map<String, Object> fields) {
		Map<String, Object> item = items(collection).get(id);
		if (item == null) {
			return null;
		}
		item.putAll(fields);
		item.put("updatedAt", this.clock.millis());
		return copy(item);
	}

	synchronized boolean delete(String collection, String id) {
		Map<String, Map<String, Object>> items = this.collections.get(collection);
		return items != null && items.remove(id) != null;
	}

	/**
	 * The items that match, oldest first.
	 */
	synchronized List<Map<String, Object>> find(String collection, Predicate<Map<String, Object>> filter) {
		List<Map<String, Object>> found = new ArrayList<>();
		for (Map<String, Object> item : items(collection).values()) {
			if (filter.test(item)) {
				found.add(copy(item));
			}
		}
		return found;
	}

	/**
	 * A page of the items that match, as the API pages: newest first unless {@code asc},
	 * continuing after the item whose id is the cursor. The page's cursor is the id of
	 * its last item, sent while more items follow.
	 */
	synchronized Map<String, Object> page(String collection, Predicate<Map<String, Object>> filter,
			@Nullable String cursor, @Nullable String take, @Nullable String order) {
		List<Map<String, Object>> items = find(collection, filter);
		if (!"asc".equals(order)) {
			java.util.Collections.reverse(items);
		}
		int from = 0;
		if (cursor != null) {
			from = items.size();
			for (int i = 0; i < items.size(); i++) {
				if (cursor.equals(items.get(i).get("id"))) {
					from = i + 1;
				}
			}
		}
		int size = (take != null) ? Integer.parseInt(take) : DEFAULT_TAKE;
		int to = Math.min(items.size(), from + Math.max(size, 1));
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("items", items.subList(Math.min(from, to), to));
		if (to < items.size()) {
			page.put("cursor", items.get(to - 1).get("id"));
		}
		return page;
	}

	private Map<String, Map<String, Object>> items(String collection) {
		return this.collections.getOrDefault(collection, Map.of());
	}

	private static Map<String, Object> copy(Map<String, Object> item) {
		return new LinkedHashMap<>(item);
	}

}
