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

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.cbkspring.client.core.Visibility;
import org.jspecify.annotations.Nullable;

/**
 * A dataset: records of text that a bot or a search finds answers in, and the settings
 * that shape how they are split and searched.
 *
 * @param id the dataset's id
 * @param alias the dataset's alias, if any
 * @param name the dataset's name, if any
 * @param description the dataset's description, if any
 * @param meta free-form metadata; empty if none
 * @param blueprintId the blueprint the dataset belongs to, if any
 * @param store the storage class the records are kept in, chosen when the dataset was
 * created
 * @param reranker the reranker class that orders search results, if set
 * @param recordMaxTokens how many tokens a record holds at most, if set
 * @param searchMinScore the score below which search results are dropped, if set
 * @param searchMaxRecords how many records a search returns at most, if set
 * @param searchMaxTokens how many tokens of records a search returns at most, if set
 * @param matchInstruction the instruction put before the records found, if set
 * @param mismatchInstruction the instruction used when no record is found, if set
 * @param separators the separators text is split at into records, if set
 * @param visibility who may see the dataset, if the API said
 * @param createdAt when the dataset was created
 * @param updatedAt when the dataset was last changed
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record Dataset(@JsonProperty(value = "id", required = true) String id, @Nullable String alias,
		@Nullable String name, @Nullable String description, Map<String, Object> meta, @Nullable String blueprintId,
		@JsonProperty(value = "store", required = true) String store, @Nullable String reranker,
		@Nullable Integer recordMaxTokens, @Nullable Double searchMinScore, @Nullable Integer searchMaxRecords,
		@Nullable Integer searchMaxTokens, @Nullable String matchInstruction, @Nullable String mismatchInstruction,
		@Nullable String separators, @Nullable Visibility visibility,
		@JsonProperty(value = "createdAt", required = true) Instant createdAt,
		@JsonProperty(value = "updatedAt", required = true) Instant updatedAt) {

	/**
	 * Copy the metadata (a key may hold {@code null}, as JSON allows).
	 * @param id the dataset's id
	 * @param alias the dataset's alias
	 * @param name the dataset's name
	 * @param description the dataset's description
	 * @param meta free-form metadata
	 * @param blueprintId the blueprint
	 * @param store the storage class
	 * @param reranker the reranker class
	 * @param recordMaxTokens the most tokens a record holds
	 * @param searchMinScore the lowest score a search returns
	 * @param searchMaxRecords the most records a search returns
	 * @param searchMaxTokens the most tokens a search returns
	 * @param matchInstruction the instruction before the records found
	 * @param mismatchInstruction the instruction when nothing is found
	 * @param separators the separators text is split at
	 * @param visibility who may see the dataset
	 * @param createdAt when the dataset was created
	 * @param updatedAt when the dataset was last changed
	 */
	public Dataset {
		meta = (meta != null) ? Map.copyOf(meta) : Map.of();
	}

}
