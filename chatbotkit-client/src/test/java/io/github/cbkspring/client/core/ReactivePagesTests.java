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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.cbkspring.client.error.ChatBotKitDecodingException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReactivePages}: a page is fetched only on demand, the walk keeps the
 * query, a repeated cursor fails it as {@link Page#walk} does, and a long walk runs in
 * constant depth. No HTTP: the pages are answered at once.
 */
class ReactivePagesTests {

	private final List<@Nullable String> fetched = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final Map<String, Page<String>> pages = Map.of("", new Page<>(List.of("a", "b"), "c1"), "c1",
			new Page<>(List.of("c"), "c2"), "c2", new Page<>(List.of(), "c3"));

	@Test
	void fetchesEachPageOnlyWhenItsItemsAreAskedFor() {
		Flux<String> all = ReactivePages.walk(ListQuery.defaults().withTake(2).withMeta("team", "x"), (query) -> {
			assertThat(query.take()).isEqualTo(2);
			assertThat(query.meta()).containsEntry("team", "x");
			return fetch(this.pages, query);
		});
		StepVerifier.create(all, 0)
			.then(() -> assertThat(this.fetched).isEmpty())
			.thenRequest(2)
			.expectNext("a", "b")
			.then(() -> assertThat(this.fetched).containsExactly((String) null))
			.thenRequest(1)
			.expectNext("c")
			.thenRequest(1)
			// an empty page is the end, whatever its cursor
			.verifyComplete();
		assertThat(this.fetched).containsExactly(null, "c1", "c2");
	}

	/**
	 * A page that arrives after the subscriber asked for exactly its items (as an HTTP
	 * answer does, later and on another thread) leaves the next page unfetched until more
	 * is asked for.
	 */
	@Test
	void aPageThatArrivesLaterLeavesTheNextOneUnfetchedUntilMoreIsAskedFor() {
		List<Sinks.One<Page<String>>> answers = new ArrayList<>();
		Flux<String> all = ReactivePages.walk(ListQuery.defaults(), (query) -> {
			this.fetched.add(query.cursor());
			Sinks.One<Page<String>> answer = Sinks.one();
			answers.add(answer);
			return answer.asMono();
		});
		List<String> taken = new ArrayList<>();
		BaseSubscriber<String> subscriber = new BaseSubscriber<>() {

			@Override
			protected void hookOnSubscribe(Subscription subscription) {
			}

			@Override
			protected void hookOnNext(String item) {
				taken.add(item);
			}

		};
		all.subscribe(subscriber);
		subscriber.request(2);
		assertThat(this.fetched).containsExactly((String) null);
		answers.get(0).tryEmitValue(this.pages.get(""));
		assertThat(taken).containsExactly("a", "b");
		assertThat(this.fetched).containsExactly((String) null);
		subscriber.request(1);
		assertThat(this.fetched).containsExactly(null, "c1");
		subscriber.cancel();
	}

	@Test
	void cancellingStopsTheWalk() {
		StepVerifier.create(ReactivePages.walk(ListQuery.defaults(), (query) -> fetch(this.pages, query)).take(2))
			.expectNext("a", "b")
			.verifyComplete();
		assertThat(this.fetched).containsExactly((String) null);
	}

	@Test
	void aRepeatedCursorFailsTheWalkAfterTheItemsBefore() {
		Map<String, Page<String>> cycle = Map.of("start", new Page<>(List.of("a"), "c1"), "c1",
				new Page<>(List.of("b"), "start"));
		StepVerifier
			.create(ReactivePages.walk(ListQuery.defaults().withCursor("start"), (query) -> fetch(cycle, query)))
			.expectNext("a")
			.expectErrorSatisfies((failure) -> assertThat(failure).isInstanceOf(ChatBotKitDecodingException.class)
				.hasMessageContaining("repeated a cursor")
				.hasMessageNotContaining("start"))
			.verify();
		assertThat(this.fetched).containsExactly("start", "c1");
	}

	@Test
	void aLongWalkReadsEveryPage() {
		int pageCount = 10_000;
		Function<ListQuery, Mono<Page<Integer>>> fetch = (query) -> {
			int index = (query.cursor() != null) ? Integer.parseInt(query.cursor()) : 0;
			return Mono.just(new Page<>(List.of(index), (index + 1 < pageCount) ? Integer.toString(index + 1) : null));
		};
		StepVerifier.create(ReactivePages.walk(ListQuery.defaults(), fetch).count())
			.expectNext((long) pageCount)
			.verifyComplete();
	}

	private Mono<Page<String>> fetch(Map<String, Page<String>> pages, ListQuery query) {
		return Mono.fromSupplier(() -> {
			this.fetched.add(query.cursor());
			return pages.get((query.cursor() != null) ? query.cursor() : "");
		});
	}

}
