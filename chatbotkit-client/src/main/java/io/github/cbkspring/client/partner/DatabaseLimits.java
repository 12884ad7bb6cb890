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

package io.github.cbkspring.client.partner;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * How many resources of each kind a partner user may hold in its database. A limit that
 * is {@code null} is not set: in a request it is not sent, in an answer the API did not
 * say. Immutable: start from {@link #empty()} and set limits with the {@code with...}
 * methods.
 *
 * @param datasets the datasets the user may have, if set
 * @param records the dataset records the user may have, if set
 * @param skillsets the skillsets the user may have, if set
 * @param abilities the skillset abilities the user may have, if set
 * @param files the files the user may have, if set
 * @author cbkspring contributors
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatabaseLimits(@Nullable Long datasets, @Nullable Long records, @Nullable Long skillsets,
		@Nullable Long abilities, @Nullable Long files) {

	private static final DatabaseLimits EMPTY = new DatabaseLimits(null, null, null, null, null);

	/**
	 * Limits that set nothing yet.
	 * @return the empty limits
	 */
	public static DatabaseLimits empty() {
		return EMPTY;
	}

	/**
	 * A copy with a datasets limit.
	 * @param datasets the datasets the user may have
	 * @return the copy
	 */
	public DatabaseLimits withDatasets(long datasets) {
		return new DatabaseLimits(datasets, this.records, this.skillsets, this.abilities, this.files);
	}

	/**
	 * A copy with a records limit.
	 * @param records the dataset records the user may have
	 * @return the copy
	 */
	public DatabaseLimits withRecords(long records) {
		return new DatabaseLimits(this.datasets, records, this.skillsets, this.abilities, this.files);
	}

	/**
	 * A copy with a skillsets limit.
	 * @param skillsets the skillsets the user may have
	 * @return the copy
	 */
	public DatabaseLimits withSkillsets(long skillsets) {
		return new DatabaseLimits(this.datasets, this.records, skillsets, this.abilities, this.files);
	}

	/**
	 * A copy with an abilities limit.
	 * @param abilities the skillset abilities the user may have
	 * @return the copy
	 */
	public DatabaseLimits withAbilities(long abilities) {
		return new DatabaseLimits(this.datasets, this.records, this.skillsets, abilities, this.files);
	}

	/**
	 * A copy with a files limit.
	 * @param files the files the user may have
	 * @return the copy
	 */
	public DatabaseLimits withFiles(long files) {
		return new DatabaseLimits(this.datasets, this.records, this.skillsets, this.abilities, files);
	}

}
