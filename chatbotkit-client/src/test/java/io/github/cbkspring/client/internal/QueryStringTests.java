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

import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.SortOrder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QueryString}'s mapping of a {@link ListQuery}, which the blocking and
 * the reactive request share.
 *
 * @author cbkspring contributors
 */
class QueryStringTests {

	@Test
	void listQueryWithEveryFieldSetWritesEachInTheSdkOrderAndForm() {
		ListQuery listQuery = ListQuery.defaults()
			.withMeta("team", "a&b")
			.withTake(25)
			.withOrder(SortOrder.DESC)
			.withCursor("c 1+/=?#")
			.withMeta("e mail", "ann+news@example.com")
			.withMeta("naïve", "ü%");
		assertThat(query(listQuery)).isEqualTo("cursor=c+1%2B%2F%3D%3F%23&order=desc&take=25&meta.team=a%26b"
				+ "&meta.e+mail=ann%2Bnews%40example.com&meta.na%C3%AFve=%C3%BC%25");
	}

	@Test
	void listQueryDefaultsWriteNothing() {
		assertThat(query(ListQuery.defaults())).isNull();
	}

	@Test
	void listQueryWritesOnlyTheFieldsItSets() {
		assertThat(query(ListQuery.defaults().withCursor("c2"))).isEqualTo("cursor=c2");
		assertThat(query(ListQuery.defaults().withTake(1))).isEqualTo("take=1");
		assertThat(query(ListQuery.defaults().withMeta("k", "v"))).isEqualTo("meta.k=v");
	}

	@ParameterizedTest
	@EnumSource(SortOrder.class)
	void listQueryWritesTheWireNameOfEveryOrder(SortOrder order) {
		assertThat(query(ListQuery.defaults().withOrder(order))).isEqualTo("order=" + order.wireName());
	}

	@Test
	void listQueryFollowsParametersAddedBefore() {
		QueryString query = new QueryString();
		query.add("ids", new String[] { "x", "y" });
		query.add(ListQuery.defaults().withTake(2));
		assertThat(query.build()).isEqualTo("ids.0=x&ids.1=y&take=2");
	}

	private static @Nullable String query(ListQuery listQuery) {
		QueryString query = new QueryString();
		query.add(listQuery);
		return query.build();
	}

}
