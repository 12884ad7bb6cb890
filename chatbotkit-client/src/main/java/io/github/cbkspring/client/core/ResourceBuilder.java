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

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Base of the builders of request records: the settings most ChatBotKit resources share,
 * a name, a description and free-form metadata. Each typed client's request builder adds
 * the settings of its resource.
 *
 * @param <B> the builder type, returned by every setter
 * @author cbkspring contributors
 * @since 0.1.0
 */
public abstract class ResourceBuilder<B extends ResourceBuilder<B>> {

	private @Nullable String name;

	private @Nullable String description;

	private final Map<String, Object> meta = new LinkedHashMap<>();

	/**
	 * Create a builder that sets nothing yet.
	 */
	protected ResourceBuilder() {
	}

	/**
	 * Set the name.
	 * @param name the name
	 * @return this builder
	 */
	public B name(String name) {
		this.name = name;
		return self();
	}

	/**
	 * Set the description.
	 * @param description the description
	 * @return this builder
	 */
	public B description(String description) {
		this.description = description;
		return self();
	}

	/**
	 * Add a metadata entry.
	 * @param key the key
	 * @param value the value, written as JSON
	 * @return this builder
	 */
	public B meta(String key, Object value) {
		Assert.hasText(key, "Meta key must not be empty");
		this.meta.put(key, value);
		return self();
	}

	/**
	 * The name set, if any.
	 * @return the name or {@code null}
	 */
	protected @Nullable String getName() {
		return this.name;
	}

	/**
	 * The description set, if any.
	 * @return the description or {@code null}
	 */
	protected @Nullable String getDescription() {
		return this.description;
	}

	/**
	 * The metadata added so far.
	 * @return the live map of entries, in the order they were added
	 */
	protected Map<String, Object> getMeta() {
		return this.meta;
	}

	@SuppressWarnings("unchecked")
	private B self() {
		return (B) this;
	}

}
