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
 * A file attached to a dataset, as the dataset's file list shows it.
 *
 * @param id the file's id
 * @param name the file's name, if any
 * @param description the file's description, if any
 * @param meta free-form metadata; empty if none
 * @param visibility who may see the file, if the API said
 * @param createdAt when the file was created
 * @param updatedAt when the file was last changed
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record DatasetFile(@JsonProperty(value = "id", required = true) String id, @Nullable String name,
		@Nullable String description, Map<String, Object> meta, @Nullable Visibility visibility,
		@JsonProperty(value = "createdAt", required = true) Instant createdAt,
		@JsonProperty(value = "updatedAt", required = true) Instant updatedAt) {

	/**
	 * Copy the metadata (a key may hold {@code null}, as JSON allows).
	 * @param id the file's id
	 * @param name the file's name
	 * @param description the file's description
	 * @param meta free-form metadata
	 * @param visibility who may see the file
	 * @param createdAt when the file was created
	 * @param updatedAt when the file was last changed
	 */
	public DatasetFile {
		meta = (meta != null) ? Map.copyOf(meta) : Map.of();
	}

}
