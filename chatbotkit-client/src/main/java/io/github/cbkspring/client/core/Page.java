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

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.github.cbkspring.client.error.ChatBotKitDecodingException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * One page of a list: its items and the cursor to fetch the next page with.
 * {@link #walk(ListQuery, Function)} reads every item lazily, page after page.
 *
 * @param <T> the item type
 * @param items the items of this page
 * @param cursor the cursor of the next page, or {@code null} if the API sent none
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record Page<T>(List<T> items, @Nullable String cursor) {

	/**
	 * Copy the items.
	 * @param items the items
	 * @param cursor the cursor of the next page, if any
	 */
	public Page {
		items = (items != null) ? List.copyOf(items) : List.of();
	}

	/**
	 * Whether a next page may hold more items: this page has items and a cursor. The API
	 * ends a list with an empty page or one without a cursor.
	 * @return whether to fetch the next page
	 */
	public boolean hasNext() {
		return !this.items.isEmpty() && StringUtils.hasText(this.cursor);
	}

	/**
	 * Read every item of a list lazily, fetching the next page only when the items of the
	 * current one are used up, so that memory holds one page of items at a time. The walk
	 * ends at the end the API signals (see {@link #hasNext()}); a failure to fetch a page
	 * is thrown from the stream where that page's first item would be.
	 * <p>
	 * A cursor that comes back (the one asked for, or any other seen earlier in the same
	 * walk, as in a cycle {@code A → B → A}) would make the walk go round for ever, so it
	 * ends the walk with an exception instead, where the items of the page that sent it
	 * would be. To tell, the walk keeps every cursor it has seen (the first query's and
	 * each page's): one string per page fetched, freed when the stream is.
	 * <pre class="code">
	 * try (Stream&lt;Bot&gt; all = Page.walk(ListQuery.defaults().withTake(100), bots::list)) {
	 *     all.filter(...).forEach(...);
	 * }
	 * </pre>
	 * @param <T> the item type
	 * @param first the query of the first page; later pages take its order, size and
	 * filter with the cursor of the page before
	 * @param fetch fetches a page, such as {@code bots::list}
	 * @return the items of every page, in order
	 * @throws ChatBotKitDecodingException (from the stream) if the API sends a cursor it
	 * already sent, or the first query's, in the same walk: the walk would never end
	 */
	public static <T> Stream<T> walk(ListQuery first, Function<ListQuery, Page<T>> fetch) {
		Assert.notNull(first, "ListQuery must not be null");
		Assert.notNull(fetch, "Page function must not be null");
		Iterator<T> items = new PageIterator<>(first, fetch);
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED), false);
	}

	private static final class PageIterator<T> implements Iterator<T> {

		private final Function<ListQuery, Page<T>> fetch;

		private final PageTrail trail;

		private @Nullable ListQuery next;

		private Iterator<T> items = List.<T>of().iterator();

		PageIterator(ListQuery first, Function<ListQuery, Page<T>> fetch) {
			this.fetch = fetch;
			this.trail = new PageTrail(first);
			this.next = first;
		}

		@Override
		public boolean hasNext() {
			while (!this.items.hasNext()) {
				ListQuery query = this.next;
				if (query == null) {
					return false;
				}
				Page<T> page = this.fetch.apply(query);
				this.next = this.trail.after(query, page);
				this.items = page.items().iterator();
			}
			return true;
		}

		@Override
		public T next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			return this.items.next();
		}

	}

}
