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

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a dataset search found.
 *
 * @param datasetId the dataset searched
 * @param records the records found, in the order the API ranked them
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record SearchResult(@JsonProperty(value = "id", required = true) String datasetId,
		@JsonProperty(value = "records", required = true) List<SearchMatch> records) {

	/**
	 * Copy the records.
	 * @param datasetId the dataset searched
	 * @param records the records found
	 */
	public SearchResult {
		records = List.copyOf(records);
	}

}
