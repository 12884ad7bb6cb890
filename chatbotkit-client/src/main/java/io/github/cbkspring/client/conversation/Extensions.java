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

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What a completion adds to the bot for this call only: more backstory, inline datasets
 * to answer from, inline skillsets to act with, and features to turn on. Only what is set
 * is sent. Immutable: the {@code with...} methods return copies. <pre class="code">
 * Extensions extensions = Extensions.none()
 *     .withBackstory("The customer is on the premium plan.")
 *     .withDataset(new Extensions.Dataset("FAQ", null, List.of(Extensions.DatasetRecord.of("We open at 9."))));
 * </pre>
 *
 * @param backstory backstory added to the bot's
 * @param datasets inline datasets
 * @param skillsets inline skillsets
 * @param features features to turn on
 * @author cbkspring contributors
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Extensions(@Nullable String backstory, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Dataset> datasets,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<Skillset> skillsets,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<Feature> features) {

	private static final Extensions NONE = new Extensions(null, List.of(), List.of(), List.of());

	/**
	 * Validate the extensions and copy their lists.
	 * @param backstory backstory added to the bot's
	 * @param datasets inline datasets
	 * @param skillsets inline skillsets
	 * @param features features to turn on
	 */
	public Extensions {
		datasets = Copies.list(datasets, "Datasets");
		skillsets = Copies.list(skillsets, "Skillsets");
		features = Copies.list(features, "Features");
	}

	/**
	 * Extensions that add nothing.
	 * @return the extensions
	 */
	public static Extensions none() {
		return NONE;
	}

	/**
	 * A copy with backstory added to the bot's.
	 * @param backstory the backstory
	 * @return the copy
	 */
	public Extensions withBackstory(String backstory) {
		Assert.notNull(backstory, "Backstory must not be null");
		return new Extensions(backstory, this.datasets, this.skillsets, this.features);
	}

	/**
	 * A copy with one more inline dataset.
	 * @param dataset the dataset
	 * @return the copy
	 */
	public Extensions withDataset(Dataset dataset) {
		return new Extensions(this.backstory, Copies.plus(this.datasets, dataset), this.skillsets, this.features);
	}

	/**
	 * A copy with one more inline skillset.
	 * @param skillset the skillset
	 * @return the copy
	 */
	public Extensions withSkillset(Skillset skillset) {
		return new Extensions(this.backstory, this.datasets, Copies.plus(this.skillsets, skillset), this.features);
	}

	/**
	 * A copy with one more feature turned on.
	 * @param feature the feature
	 * @return the copy
	 */
	public Extensions withFeature(Feature feature) {
		return new Extensions(this.backstory, this.datasets, this.skillsets, Copies.plus(this.features, feature));
	}

	/**
	 * A dataset given in the request.
	 *
	 * @param name the dataset's name, if any
	 * @param description what the dataset holds, if said
	 * @param records the records, at least one
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Dataset(@Nullable String name, @Nullable String description, List<DatasetRecord> records) {

		/**
		 * Validate the dataset and copy its records.
		 * @param name the dataset's name
		 * @param description what the dataset holds
		 * @param records the records
		 */
		public Dataset {
			records = Copies.list(records, "Records");
			Assert.notEmpty(records, "An inline dataset needs at least one record");
		}

	}

	/**
	 * A record of an inline dataset.
	 *
	 * @param text the text
	 * @param meta free-form metadata; not sent when empty
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record DatasetRecord(String text, @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> meta) {

		/**
		 * Validate the record and copy its metadata.
		 * @param text the text
		 * @param meta free-form metadata
		 */
		public DatasetRecord {
			Assert.notNull(text, "Record text must not be null");
			meta = Copies.map(meta);
		}

		/**
		 * A record without metadata.
		 * @param text the text
		 * @return the record
		 */
		public static DatasetRecord of(String text) {
			return new DatasetRecord(text, Map.of());
		}

	}

	/**
	 * A skillset given in the request.
	 *
	 * @param name the skillset's name, if any
	 * @param description what the skillset does, if said
	 * @param abilities the abilities, at least one
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Skillset(@Nullable String name, @Nullable String description, List<Ability> abilities) {

		/**
		 * Validate the skillset and copy its abilities.
		 * @param name the skillset's name
		 * @param description what the skillset does
		 * @param abilities the abilities
		 */
		public Skillset {
			abilities = Copies.list(abilities, "Abilities");
			Assert.notEmpty(abilities, "An inline skillset needs at least one ability");
		}

	}

	/**
	 * An ability of an inline skillset.
	 *
	 * @param name the ability's name
	 * @param description what the ability does
	 * @param instruction how the ability is performed, in ChatBotKit's instruction form
	 * @param secretId the secret the ability uses, if any
	 * @param meta free-form metadata; not sent when empty
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Ability(String name, String description, String instruction, @Nullable String secretId,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> meta) {

		/**
		 * Validate the ability and copy its metadata.
		 * @param name the ability's name
		 * @param description what the ability does
		 * @param instruction how the ability is performed
		 * @param secretId the secret, if any
		 * @param meta free-form metadata
		 */
		public Ability {
			Assert.notNull(name, "Ability name must not be null");
			Assert.notNull(description, "Ability description must not be null");
			Assert.notNull(instruction, "Ability instruction must not be null");
			meta = Copies.map(meta);
		}

		/**
		 * An ability without secret and metadata.
		 * @param name the ability's name
		 * @param description what the ability does
		 * @param instruction how the ability is performed
		 * @return the ability
		 */
		public static Ability of(String name, String description, String instruction) {
			return new Ability(name, description, instruction, null, Map.of());
		}

	}

	/**
	 * A feature to turn on, with its options.
	 *
	 * @param name the feature's name
	 * @param options the feature's options; not sent when empty
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Feature(String name, @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> options) {

		/**
		 * Validate the feature and copy its options.
		 * @param name the feature's name
		 * @param options the feature's options
		 */
		public Feature {
			Assert.hasText(name, "Feature name must not be empty");
			options = Copies.map(options);
		}

		/**
		 * A feature without options.
		 * @param name the feature's name
		 * @return the feature
		 */
		public static Feature of(String name) {
			return new Feature(name, Map.of());
		}

	}

}
