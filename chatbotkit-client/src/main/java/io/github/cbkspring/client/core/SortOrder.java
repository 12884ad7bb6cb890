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

package io.github.cbkspring.client.core;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The order of a list: by creation time, newest first ({@link #DESC}, the API's default)
 * or oldest first.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public enum SortOrder {

	/**
	 * Oldest first.
	 */
	ASC,

	/**
	 * Newest first.
	 */
	DESC;

	/**
	 * The name of this order on the wire.
	 * @return {@code asc} or {@code desc}
	 */
	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
