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

import java.util.HashSet;
import java.util.Set;

import io.github.cbkspring.client.error.ChatBotKitDecodingException;
import org.jspecify.annotations.Nullable;

/**
 * The rule of a walk over pages, blocking ({@link Page#walk}) or reactive
 * ({@link ReactivePages#walk}): the next query takes the page's cursor, and a cursor the
 * walk has seen (the first query's included) is a cycle that fails the walk.
 *
 * @author cbkspring contributors
 */
final class PageTrail {

	/** Every cursor of this walk so far: one more page with one of them is a cycle. */
	private final Set<String> seen = new HashSet<>();

	PageTrail(ListQuery first) {
		String cursor = first.cursor();
		if (cursor != null) {
			this.seen.add(cursor);
		}
	}

	/**
	 * The query of the page after this one, or {@code null} when this is the last.
	 * @throws ChatBotKitDecodingException if the page's cursor was seen before
	 */
	@Nullable ListQuery after(ListQuery query, Page<?> page) {
		String cursor = page.cursor();
		// hasNext() means a cursor with text; the null check is for the compiler
		return (page.hasNext() && cursor != null) ? query.withCursor(unseen(cursor)) : null;
	}

	private String unseen(String cursor) {
		if (!this.seen.add(cursor)) {
			// the cursor itself stays out: it is the API's opaque token, of any length
			throw new ChatBotKitDecodingException("The API repeated a cursor it had already sent in this walk (after "
					+ this.seen.size() + " distinct cursors): the list would never end", null);
		}
		return cursor;
	}

}
