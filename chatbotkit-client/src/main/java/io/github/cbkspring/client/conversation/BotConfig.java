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

package io.github.cbkspring.client.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A bot configured in place, without a bot resource: the alternative to a bot id for a
 * stateless completion and for a conversation. Only the fields that are set are sent.
 * Immutable: the {@code with...} methods return copies. <pre class="code">
 * BotConfig config = BotConfig.ofModel(ModelDefinition.of("gpt-5.4").temperature(0.2))
 *     .withBackstory("You answer questions about our shop.");
 * </pre>
 *
 * @param model the model definition, such as {@code gpt-5.4/temperature=0.2}
 * @param backstory the backstory (system instructions)
 * @param datasetId the dataset to answer from
 * @param skillsetId the skillset to act with
 * @param privacy whether privacy mode is on
 * @param moderation whether moderation is on
 * @author cbkspring contributors
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BotConfig(@Nullable String model, @Nullable String backstory, @Nullable String datasetId,
		@Nullable String skillsetId, @Nullable Boolean privacy, @Nullable Boolean moderation) {

	private static final BotConfig DEFAULTS = new BotConfig(null, null, null, null, null, null);

	/**
	 * A configuration that sets nothing: the API's defaults.
	 * @return the configuration
	 */
	public static BotConfig defaults() {
		return DEFAULTS;
	}

	/**
	 * A configuration with a model.
	 * @param model the model definition
	 * @return the configuration
	 */
	public static BotConfig ofModel(ModelDefinition model) {
		return DEFAULTS.withModel(model);
	}

	/**
	 * A configuration with a model given as a model string, sent as it is.
	 * @param model the model string, such as {@code gpt-5.4}
	 * @return the configuration
	 */
	public static BotConfig ofModel(String model) {
		return DEFAULTS.withModel(model);
	}

	/**
	 * A copy with a model.
	 * @param model the model definition
	 * @return the copy
	 */
	public BotConfig withModel(ModelDefinition model) {
		Assert.notNull(model, "Model must not be null");
		return withModel(model.toString());
	}

	/**
	 * A copy with a model given as a model string, sent as it is.
	 * @param model the model string, such as {@code gpt-5.4}
	 * @return the copy
	 */
	public BotConfig withModel(String model) {
		Assert.hasText(model, "Model must not be empty");
		return new BotConfig(model, this.backstory, this.datasetId, this.skillsetId, this.privacy, this.moderation);
	}

	/**
	 * A copy with a backstory.
	 * @param backstory the backstory (system instructions)
	 * @return the copy
	 */
	public BotConfig withBackstory(String backstory) {
		Assert.notNull(backstory, "Backstory must not be null");
		return new BotConfig(this.model, backstory, this.datasetId, this.skillsetId, this.privacy, this.moderation);
	}

	/**
	 * A copy with a dataset to answer from.
	 * @param datasetId the dataset
	 * @return the copy
	 */
	public BotConfig withDatasetId(String datasetId) {
		Assert.hasText(datasetId, "Dataset id must not be empty");
		return new BotConfig(this.model, this.backstory, datasetId, this.skillsetId, this.privacy, this.moderation);
	}

	/**
	 * A copy with a skillset to act with.
	 * @param skillsetId the skillset
	 * @return the copy
	 */
	public BotConfig withSkillsetId(String skillsetId) {
		Assert.hasText(skillsetId, "Skillset id must not be empty");
		return new BotConfig(this.model, this.backstory, this.datasetId, skillsetId, this.privacy, this.moderation);
	}

	/**
	 * A copy with privacy mode on or off.
	 * @param privacy whether privacy mode is on
	 * @return the copy
	 */
	public BotConfig withPrivacy(boolean privacy) {
		return new BotConfig(this.model, this.backstory, this.datasetId, this.skillsetId, privacy, this.moderation);
	}

	/**
	 * A copy with moderation on or off.
	 * @param moderation whether moderation is on
	 * @return the copy
	 */
	public BotConfig withModeration(boolean moderation) {
		return new BotConfig(this.model, this.backstory, this.datasetId, this.skillsetId, this.privacy, moderation);
	}

}
