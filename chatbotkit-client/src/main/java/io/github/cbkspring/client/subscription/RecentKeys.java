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

package io.github.cbkspring.client.subscription;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The keys of the most recently delivered events, at most a fixed number of them, so that
 * an event replayed after a reconnect is recognised while memory stays bounded.
 *
 * @author cbkspring contributors
 */
final class RecentKeys {

	private final Map<String, Boolean> keys;

	RecentKeys(int capacity) {
		this.keys = new LinkedHashMap<>(16, 0.75f, false) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
				return size() > capacity;
			}

		};
	}

	/**
	 * Remember a key.
	 * @param key the key of an event, or {@code null} when it has none
	 * @return whether the event is new: always for an event without a key
	 */
	boolean firstTime(@Nullable String key) {
		return key == null || this.keys.put(key, Boolean.TRUE) == null;
	}

	int size() {
		return this.keys.size();
	}

}
