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

package io.github.cbkspring.client.conversation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Defensive copies for the records of this package: lists without nulls, and maps of JSON
 * values, which may hold {@code null}s ({@code Map.copyOf} refuses them).
 *
 * @author cbkspring contributors
 */
final class Copies {

	private Copies() {
	}

	static <T> List<T> list(List<T> list, String what) {
		Assert.notNull(list, () -> what + " must not be null (use an empty list)");
		Assert.noNullElements(list, () -> what + " must not contain null");
		return List.copyOf(list);
	}

	static <T> List<T> plus(List<T> list, T element) {
		Assert.notNull(element, "Element must not be null");
		List<T> copy = new ArrayList<>(list);
		copy.add(element);
		return copy;
	}

	static Map<String, Object> map(@Nullable Map<String, Object> map) {
		return (map != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(map)) : Map.of();
	}

}
