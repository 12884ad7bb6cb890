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

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.github.cbkspring.client.error.ChatBotKitDecodingException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * Walks a list page by page without blocking, the twin of {@link Page#walk}.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public final class ReactivePages {

	private ReactivePages() {
	}

	/**
	 * The items of every page, lazily: nothing is fetched before the subscriber asks for
	 * an item, the next page only once every item of the page before has been taken, and
	 * cancelling stops the walk.
	 * @param <T> the item type
	 * @param first the query of the first page; later pages take its order, size and
	 * filter with the cursor of the page before
	 * @param fetch fetches a page, such as {@code bots::list}
	 * @return the items of every page, in order; a {@link ChatBotKitDecodingException}
	 * signal if the API sends a cursor it already sent in the same walk
	 */
	public static <T> Flux<T> walk(ListQuery first, Function<ListQuery, Mono<Page<T>>> fetch) {
		Assert.notNull(first, "ListQuery must not be null");
		Assert.notNull(fetch, "Page function must not be null");
		return Flux.defer(() -> {
			PageTrail trail = new PageTrail(first);
			AtomicReference<@Nullable ListQuery> next = new AtomicReference<>(first);
			// one query at a time, asked for only when the items before are taken: no
			// prefetch at either step, and no nesting that grows with the pages
			return Flux.<ListQuery>generate((sink) -> {
				ListQuery query = next.getAndSet(null);
				if (query != null) {
					sink.next(query);
				}
				else {
					sink.complete();
				}
			})
				.concatMap((query) -> fetch.apply(query)
					.doOnNext((page) -> next.set(trail.after(query, page)))
					.flatMapIterable(Page::items), 0);
		});
	}

}
