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

package io.github.cbkspring.client.dataset;

import io.github.cbkspring.client.core.ListQuery;

import org.springframework.util.Assert;

/**
 * Helpers shared by the dataset types.
 *
 * @author cbkspring contributors
 */
final class DatasetSupport {

	private DatasetSupport() {
	}

	/**
	 * Refuse a list query with a metadata filter for a list that the API cannot filter.
	 * @param query the query
	 * @param list the list, for the message
	 * @return the query
	 * @throws IllegalArgumentException if the query has a metadata filter
	 */
	static ListQuery withoutMeta(ListQuery query, String list) {
		Assert.notNull(query, "ListQuery must not be null");
		Assert.isTrue(query.meta().isEmpty(), () -> "The API cannot filter " + list + " by metadata");
		return query;
	}

}
