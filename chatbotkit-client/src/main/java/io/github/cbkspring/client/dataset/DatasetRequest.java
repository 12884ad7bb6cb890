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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.cbkspring.client.core.ResourceBuilder;
import io.github.cbkspring.client.core.Visibility;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The settings of a dataset to create, or to change in an update: only the fields that
 * are set (not {@code null}) are sent, so an update leaves the others as they are; an
 * empty string is sent, to clear a text. The {@link #store()} is chosen once, when the
 * dataset is created: {@link DatasetClient#update} refuses a request that sets it. Build
 * one with {@link #builder()}: <pre class="code">
 * String datasetId = datasets.create(DatasetRequest.builder().name("Handbook").searchMaxRecords(5).build());
 * </pre>
 *
 * @param alias the dataset's alias
 * @param name the dataset's name
 * @param description the dataset's description
 * @param meta free-form metadata; not sent when empty
 * @param blueprintId the blueprint the dataset belongs to
 * @param store the storage class to keep the records in; create only
 * @param reranker the reranker class that orders search results
 * @param recordMaxTokens how many tokens a record holds at most
 * @param searchMinScore the score below which search results are dropped
 * @param searchMaxRecords how many records a search returns at most
 * @param searchMaxTokens how many tokens of records a search returns at most
 * @param matchInstruction the instruction put before the records found
 * @param mismatchInstruction the instruction used when no record is found
 * @param separators the separators text is split at into records
 * @param visibility who may see the dataset
 * @author cbkspring contributors
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetRequest(@Nullable String alias, @Nullable String name, @Nullable String description,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> meta, @Nullable String blueprintId,
		@Nullable String store, @Nullable String reranker, @Nullable Integer recordMaxTokens,
		@Nullable Double searchMinScore, @Nullable Integer searchMaxRecords, @Nullable Integer searchMaxTokens,
		@Nullable String matchInstruction, @Nullable String mismatchInstruction, @Nullable String separators,
		@Nullable Visibility visibility) {

	/**
	 * Validate the request and copy its metadata.
	 * @param alias the dataset's alias
	 * @param name the dataset's name
	 * @param description the dataset's description
	 * @param meta free-form metadata
	 * @param blueprintId the blueprint
	 * @param store the storage class; create only
	 * @param reranker the reranker class
	 * @param recordMaxTokens the most tokens a record holds, positive
	 * @param searchMinScore the lowest score a search returns, a finite number
	 * @param searchMaxRecords the most records a search returns, positive
	 * @param searchMaxTokens the most tokens a search returns, positive
	 * @param matchInstruction the instruction before the records found
	 * @param mismatchInstruction the instruction when nothing is found
	 * @param separators the separators text is split at
	 * @param visibility who may see the dataset
	 */
	public DatasetRequest {
		Assert.notNull(meta, "meta must not be null (use an empty map)");
		Assert.isTrue(visibility != Visibility.UNKNOWN, "Visibility UNKNOWN cannot be sent");
		Assert.isTrue(recordMaxTokens == null || recordMaxTokens > 0, "recordMaxTokens must be positive");
		Assert.isTrue(searchMaxRecords == null || searchMaxRecords > 0, "searchMaxRecords must be positive");
		Assert.isTrue(searchMaxTokens == null || searchMaxTokens > 0, "searchMaxTokens must be positive");
		Assert.isTrue(searchMinScore == null || Double.isFinite(searchMinScore), "searchMinScore must be finite");
		meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
	}

	/**
	 * Start building a request that sets nothing yet.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builder for {@link DatasetRequest}.
	 */
	public static final class Builder extends ResourceBuilder<Builder> {

		private @Nullable String alias;

		private @Nullable String blueprintId;

		private @Nullable String store;

		private @Nullable String reranker;

		private @Nullable Integer recordMaxTokens;

		private @Nullable Double searchMinScore;

		private @Nullable Integer searchMaxRecords;

		private @Nullable Integer searchMaxTokens;

		private @Nullable String matchInstruction;

		private @Nullable String mismatchInstruction;

		private @Nullable String separators;

		private @Nullable Visibility visibility;

		private Builder() {
		}

		/**
		 * Set the alias.
		 * @param alias the alias
		 * @return this builder
		 */
		public Builder alias(String alias) {
			this.alias = alias;
			return this;
		}

		/**
		 * Set the blueprint the dataset belongs to.
		 * @param blueprintId the blueprint
		 * @return this builder
		 */
		public Builder blueprintId(String blueprintId) {
			this.blueprintId = blueprintId;
			return this;
		}

		/**
		 * Set the storage class to keep the records in. The API takes it only when the
		 * dataset is created: a request with a store cannot update a dataset.
		 * @param store the storage class
		 * @return this builder
		 */
		public Builder store(String store) {
			this.store = store;
			return this;
		}

		/**
		 * Set the reranker class that orders search results.
		 * @param reranker the reranker class
		 * @return this builder
		 */
		public Builder reranker(String reranker) {
			this.reranker = reranker;
			return this;
		}

		/**
		 * Set how many tokens a record holds at most.
		 * @param recordMaxTokens the number of tokens, positive
		 * @return this builder
		 */
		public Builder recordMaxTokens(int recordMaxTokens) {
			this.recordMaxTokens = recordMaxTokens;
			return this;
		}

		/**
		 * Set the score below which search results are dropped.
		 * @param searchMinScore the score
		 * @return this builder
		 */
		public Builder searchMinScore(double searchMinScore) {
			this.searchMinScore = searchMinScore;
			return this;
		}

		/**
		 * Set how many records a search returns at most.
		 * @param searchMaxRecords the number of records, positive
		 * @return this builder
		 */
		public Builder searchMaxRecords(int searchMaxRecords) {
			this.searchMaxRecords = searchMaxRecords;
			return this;
		}

		/**
		 * Set how many tokens of records a search returns at most.
		 * @param searchMaxTokens the number of tokens, positive
		 * @return this builder
		 */
		public Builder searchMaxTokens(int searchMaxTokens) {
			this.searchMaxTokens = searchMaxTokens;
			return this;
		}

		/**
		 * Set the instruction put before the records found.
		 * @param matchInstruction the instruction
		 * @return this builder
		 */
		public Builder matchInstruction(String matchInstruction) {
			this.matchInstruction = matchInstruction;
			return this;
		}

		/**
		 * Set the instruction used when no record is found.
		 * @param mismatchInstruction the instruction
		 * @return this builder
		 */
		public Builder mismatchInstruction(String mismatchInstruction) {
			this.mismatchInstruction = mismatchInstruction;
			return this;
		}

		/**
		 * Set the separators text is split at into records.
		 * @param separators the separators, as the API takes them in one string
		 * @return this builder
		 */
		public Builder separators(String separators) {
			this.separators = separators;
			return this;
		}

		/**
		 * Set who may see the dataset.
		 * @param visibility the visibility
		 * @return this builder
		 */
		public Builder visibility(Visibility visibility) {
			this.visibility = visibility;
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 * @throws IllegalArgumentException if a value is not acceptable
		 */
		public DatasetRequest build() {
			return new DatasetRequest(this.alias, getName(), getDescription(), getMeta(), this.blueprintId, this.store,
					this.reranker, this.recordMaxTokens, this.searchMinScore, this.searchMaxRecords,
					this.searchMaxTokens, this.matchInstruction, this.mismatchInstruction, this.separators,
					this.visibility);
		}

	}

}
