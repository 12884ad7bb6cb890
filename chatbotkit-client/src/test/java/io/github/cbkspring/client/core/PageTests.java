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
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.cbkspring.client.error.ChatBotKitDecodingException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Page}: the lazy walk over every page, without HTTP.
 *
 * @author cbkspring contributors
 */
class PageTests {

	private final List<@Nullable String> fetched = new ArrayList<>();

	@Test
	void walkFetchesEachPageOnlyWhenItsItemsAreNeededAndKeepsTheQuery() {
		Map<String, Page<String>> pages = Map.of("", new Page<>(List.of("a", "b"), "c1"), "c1",
				new Page<>(List.of("c"), "c2"), "c2", new Page<>(List.of(), "c3"));
		try (Stream<String> all = Page.walk(ListQuery.defaults().withTake(2).withMeta("team", "x"), (query) -> {
			assertThat(query.take()).isEqualTo(2);
			assertThat(query.meta()).containsEntry("team", "x");
			return fetch(pages, query);
		})) {
			Iterator<String> items = all.iterator();
			assertThat(this.fetched).isEmpty();
			assertThat(items.next()).isEqualTo("a");
			assertThat(items.next()).isEqualTo("b");
			assertThat(this.fetched).containsExactly((String) null);
			assertThat(items.next()).isEqualTo("c");
			// an empty page is the end, whatever its cursor
			assertThat(items.hasNext()).isFalse();
			assertThat(this.fetched).containsExactly(null, "c1", "c2");
		}
	}

	@Test
	void walkEndsAtAPageWithoutACursor() {
		Map<String, Page<String>> pages = Map.of("", new Page<>(List.of("a"), "c1"), "c1",
				new Page<>(List.of("b"), null));
		assertThat(Page.walk(ListQuery.defaults(), (query) -> fetch(pages, query)).toList()).containsExactly("a", "b");
		assertThat(this.fetched).containsExactly(null, "c1");
	}

	@Test
	void walkThatIsAnsweredTheCursorItAskedForFailsInsteadOfLoopingForever() {
		Map<String, Page<String>> pages = Map.of("", new Page<>(List.of("a"), "c1"), "c1",
				new Page<>(List.of("b"), "c1"));
		Iterator<String> items = Page.walk(ListQuery.defaults(), (query) -> fetch(pages, query)).iterator();
		assertThat(items.next()).isEqualTo("a");
		assertThatExceptionOfType(ChatBotKitDecodingException.class).isThrownBy(items::next)
			.withMessageContaining("repeated a cursor")
			.withMessageContaining("would never end");
		assertThat(this.fetched).containsExactly(null, "c1");
	}

	@ParameterizedTest(name = "cycle of {0}")
	@ValueSource(ints = { 1, 2, 3 })
	void walkThatComesBackToAnyCursorItSawFailsAfterOneRound(int length) {
		// "" -> c0 -> c1 -> ... -> c(length-1) -> c0 again
		Map<String, Page<String>> pages = new HashMap<>();
		pages.put("", new Page<>(List.of("first"), "c0"));
		for (int i = 0; i < length; i++) {
			pages.put("c" + i, new Page<>(List.of("item" + i), "c" + ((i + 1) % length)));
		}
		Iterator<String> items = Page.walk(ListQuery.defaults(), (query) -> fetch(pages, query)).iterator();
		List<String> read = new ArrayList<>();
		assertThatExceptionOfType(ChatBotKitDecodingException.class).isThrownBy(() -> items.forEachRemaining(read::add))
			.withMessageContaining("repeated a cursor")
			.withMessageNotContaining("c0");
		List<String> expected = new ArrayList<>(List.of("first"));
		for (int i = 0; i < length - 1; i++) {
			expected.add("item" + i);
		}
		// each page is fetched once; the one that sends a cursor back fails, unread
		assertThat(read).containsExactlyElementsOf(expected);
		assertThat(this.fetched).hasSize(length + 1).doesNotHaveDuplicates();
	}

	@Test
	void walkThatIsSentTheCursorOfItsFirstQueryFails() {
		Map<String, Page<String>> pages = Map.of("start", new Page<>(List.of("a"), "c1"), "c1",
				new Page<>(List.of("b"), "start"));
		Iterator<String> items = Page.walk(ListQuery.defaults().withCursor("start"), (query) -> fetch(pages, query))
			.iterator();
		assertThat(items.next()).isEqualTo("a");
		assertThatExceptionOfType(ChatBotKitDecodingException.class).isThrownBy(items::next)
			.withMessageContaining("repeated a cursor");
		assertThat(this.fetched).containsExactly("start", "c1");
	}

	@Test
	void longWalkWithoutARepeatedCursorReadsEveryPage() {
		int pageCount = 10_000;
		Function<ListQuery, Page<Integer>> fetch = (query) -> {
			int index = (query.cursor() != null) ? Integer.parseInt(query.cursor()) : 0;
			return new Page<>(List.of(index), (index + 1 < pageCount) ? Integer.toString(index + 1) : null);
		};
		try (Stream<Integer> all = Page.walk(ListQuery.defaults(), fetch)) {
			assertThat(all.toList()).hasSize(pageCount).isEqualTo(IntStream.range(0, pageCount).boxed().toList());
		}
	}

	private Page<String> fetch(Map<String, Page<String>> pages, ListQuery query) {
		this.fetched.add(query.cursor());
		return pages.get((query.cursor() != null) ? query.cursor() : "");
	}

}
