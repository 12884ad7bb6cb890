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
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A record to create, or the fields of a record to change in an update: only the fields
 * that are set are sent. Creating a record takes its text ({@link #of(String)}); an
 * update may change any field ({@link #empty()} and the {@code with...} methods).
 * Immutable: the {@code with...} methods return copies. <pre class="code">
 * records.create(datasetId, DatasetRecordRequest.of(chunk).withSource("handbook.pdf").withMeta("lang", "en"));
 * records.update(datasetId, recordId, DatasetRecordRequest.empty().withMeta("reviewed", true));
 * </pre>
 *
 * @param text the text of the record; required to create one
 * @param source where the text comes from, such as a URL or a file name
 * @param meta free-form metadata that a search can filter on ({@link SearchFilter}); not
 * sent when empty
 * @author cbkspring contributors
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetRecordRequest(@Nullable String text, @Nullable String source,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> meta) {

	private static final DatasetRecordRequest EMPTY = new DatasetRecordRequest(null, null, Map.of());

	/**
	 * Validate the request and copy its metadata.
	 * @param text the text, if set
	 * @param source the source, if set
	 * @param meta free-form metadata
	 */
	public DatasetRecordRequest {
		Assert.notNull(meta, "meta must not be null (use an empty map)");
		meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
	}

	/**
	 * A record with a text, as a record is created.
	 * @param text the text
	 * @return the request
	 * @throws IllegalArgumentException if {@code text} is null
	 */
	public static DatasetRecordRequest of(String text) {
		Assert.notNull(text, "text must not be null");
		return new DatasetRecordRequest(text, null, Map.of());
	}

	/**
	 * A request that sets nothing yet, to start an update with.
	 * @return the empty request
	 */
	public static DatasetRecordRequest empty() {
		return EMPTY;
	}

	/**
	 * A copy with a text.
	 * @param text the text
	 * @return the copy
	 */
	public DatasetRecordRequest withText(String text) {
		Assert.notNull(text, "text must not be null");
		return new DatasetRecordRequest(text, this.source, this.meta);
	}

	/**
	 * A copy with a source.
	 * @param source where the text comes from, such as a URL or a file name
	 * @return the copy
	 */
	public DatasetRecordRequest withSource(String source) {
		Assert.notNull(source, "source must not be null");
		return new DatasetRecordRequest(this.text, source, this.meta);
	}

	/**
	 * A copy with one more metadata entry.
	 * @param key the key
	 * @param value the value, written as JSON
	 * @return the copy
	 */
	public DatasetRecordRequest withMeta(String key, Object value) {
		Assert.hasText(key, "Meta key must not be empty");
		Map<String, Object> meta = new LinkedHashMap<>(this.meta);
		meta.put(key, value);
		return new DatasetRecordRequest(this.text, this.source, meta);
	}

}
