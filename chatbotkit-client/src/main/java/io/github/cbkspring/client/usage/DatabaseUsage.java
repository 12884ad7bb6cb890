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

package io.github.cbkspring.client.usage;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What an account holds in its database: how many of each kind of resource it created.
 *
 * @param datasets the datasets created
 * @param records the dataset records created
 * @param skillsets the skillsets created
 * @param abilities the skillset abilities created
 * @param files the files created
 * @param users the (partner) users created
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record DatabaseUsage(@JsonProperty(value = "datasets", required = true) long datasets,
		@JsonProperty(value = "records", required = true) long records,
		@JsonProperty(value = "skillsets", required = true) long skillsets,
		@JsonProperty(value = "abilities", required = true) long abilities,
		@JsonProperty(value = "files", required = true) long files,
		@JsonProperty(value = "users", required = true) long users) {

}
