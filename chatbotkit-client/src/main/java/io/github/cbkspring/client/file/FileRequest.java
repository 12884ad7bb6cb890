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

package io.github.cbkspring.client.file;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.cbkspring.client.core.ResourceBuilder;
import io.github.cbkspring.client.core.Visibility;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The record of a file to create, or the fields to change in an update: only the fields
 * that are set are sent, so an update leaves the others as they are (set a text to
 * {@code ""} to clear it). The content is sent apart, with
 * {@link FileClient#upload(String, FileContent)}. <pre class="code">
 * String fileId = files.create(FileRequest.builder().name("handbook.pdf").meta("team", "support").build());
 * </pre>
 *
 * @param alias the file's alias
 * @param name the file's name
 * @param description the file's description
 * @param meta free-form metadata; not sent when empty
 * @param blueprintId the blueprint the file belongs to
 * @param visibility who may see the file
 * @author cbkspring contributors
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileRequest(@Nullable String alias, @Nullable String name, @Nullable String description,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> meta, @Nullable String blueprintId,
		@Nullable Visibility visibility) {

	/**
	 * Validate the request and copy its metadata.
	 * @param alias the file's alias
	 * @param name the file's name
	 * @param description the file's description
	 * @param meta free-form metadata
	 * @param blueprintId the blueprint
	 * @param visibility who may see the file
	 */
	public FileRequest {
		Assert.notNull(meta, "meta must not be null (use an empty map)");
		Assert.isTrue(visibility != Visibility.UNKNOWN, "Visibility UNKNOWN cannot be sent");
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
	 * Builder for {@link FileRequest}.
	 */
	public static final class Builder extends ResourceBuilder<Builder> {

		private @Nullable String alias;

		private @Nullable String blueprintId;

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
		 * Set the blueprint the file belongs to.
		 * @param blueprintId the blueprint
		 * @return this builder
		 */
		public Builder blueprintId(String blueprintId) {
			this.blueprintId = blueprintId;
			return this;
		}

		/**
		 * Set who may see the file.
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
		 */
		public FileRequest build() {
			return new FileRequest(this.alias, getName(), getDescription(), getMeta(), this.blueprintId,
					this.visibility);
		}

	}

}
