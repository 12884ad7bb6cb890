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

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.cbkspring.client.error.ChatBotKitDecodingException;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
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
	 * The items of every page, lazily: a page is fetched only when the subscriber asks
	 * for an item beyond those of the pages before (nothing before the first request),
	 * and cancelling stops the walk.
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
			}).concatMap((query) -> itemsOf(query, fetch, (page) -> next.set(trail.after(query, page))), 0);
		});
	}

	/**
	 * The items of one page, fetched once the first of them is asked for: concatMap
	 * subscribes to the next page as soon as the page before ends, with demand or
	 * without, and a fetch would start at that subscription.
	 */
	private static <T> Flux<T> itemsOf(ListQuery query, Function<ListQuery, Mono<Page<T>>> fetch,
			Consumer<Page<T>> followed) {
		return Flux.create((sink) -> {
			AtomicBoolean asked = new AtomicBoolean();
			Disposable.Swap fetching = Disposables.swap();
			sink.onDispose(fetching);
			sink.onRequest((demand) -> {
				if (asked.compareAndSet(false, true)) {
					fetching.update(Mono.defer(() -> fetch.apply(query)).subscribe((page) -> {
						// the next query first: a repeated cursor fails before this
						// page's items
						followed.accept(page);
						page.items().forEach(sink::next);
					}, sink::error, sink::complete));
				}
			});
		});
	}

}
