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

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A record that a dataset search found, with its score.
 *
 * @param id the record's id
 * @param text the record's text
 * @param source where the text comes from, if set
 * @param meta the record's metadata; empty if none
 * @param score how well the record matches the search; higher is better
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record SearchMatch(@JsonProperty(value = "id", required = true) String id,
		@JsonProperty(value = "text", required = true) String text, @Nullable String source, Map<String, Object> meta,
		@JsonProperty(value = "score", required = true) double score) {

	/**
	 * Copy the metadata (a key may hold {@code null}, as JSON allows).
	 * @param id the record's id
	 * @param text the record's text
	 * @param source the source
	 * @param meta the metadata
	 * @param score the score
	 */
	public SearchMatch {
		meta = (meta != null) ? Map.copyOf(meta) : Map.of();
	}

}
