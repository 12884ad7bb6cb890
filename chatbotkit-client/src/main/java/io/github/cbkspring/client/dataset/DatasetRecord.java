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

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A record of a dataset: one piece of text that a search can find. The API does not
 * return a record's metadata when it is fetched or listed; a search does
 * ({@link SearchMatch#meta()}).
 *
 * @param id the record's id
 * @param text the text
 * @param source where the text comes from, such as a URL or a file name, if set
 * @param createdAt when the record was created
 * @param updatedAt when the record was last changed
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record DatasetRecord(@JsonProperty(value = "id", required = true) String id,
		@JsonProperty(value = "text", required = true) String text, @Nullable String source,
		@JsonProperty(value = "createdAt", required = true) Instant createdAt,
		@JsonProperty(value = "updatedAt", required = true) Instant updatedAt) {

}
