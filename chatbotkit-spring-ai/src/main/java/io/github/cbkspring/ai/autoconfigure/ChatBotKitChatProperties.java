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

package io.github.cbkspring.ai.autoconfigure;

import io.github.cbkspring.ai.ChatBotKitChatOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the ChatBotKit chat model: the default options of its
 * calls. The connection (secret, URL, timeouts, retries) is the ChatBotKit client's, set
 * with the {@code chatbotkit.*} properties.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
@ConfigurationProperties(ChatBotKitChatProperties.PREFIX)
public class ChatBotKitChatProperties {

	/**
	 * The prefix of these properties.
	 */
	public static final String PREFIX = "spring.ai.chatbotkit.chat";

	/**
	 * Existing bot that completes, with its own model, backstory, datasets and skillsets.
	 * Leave unset to configure the bot in place with the other properties.
	 */
	private @Nullable String botId;

	/**
	 * Model of a bot configured in place, such as gpt-5.4; a model string with parameters
	 * is accepted too. Needed for the model parameters.
	 */
	private @Nullable String model;

	/**
	 * Backstory of a bot configured in place.
	 */
	private @Nullable String backstory;

	/**
	 * Dataset a bot configured in place answers from.
	 */
	private @Nullable String datasetId;

	/**
	 * Skillset a bot configured in place acts with.
	 */
	private @Nullable String skillsetId;

	/**
	 * Whether privacy mode is on for a bot configured in place.
	 */
	private @Nullable Boolean privacy;

	/**
	 * Whether moderation is on for a bot configured in place.
	 */
	private @Nullable Boolean moderation;

	/**
	 * Sampling temperature, written into the model string.
	 */
	private @Nullable Double temperature;

	/**
	 * Most tokens of a reply, written into the model string.
	 */
	private @Nullable Integer maxTokens;

	/**
	 * Frequency penalty, written into the model string.
	 */
	private @Nullable Double frequencyPenalty;

	/**
	 * Presence penalty, written into the model string.
	 */
	private @Nullable Double presencePenalty;

	/**
	 * Sampling seed for repeatable replies where the model supports it, written into the
	 * model string.
	 */
	private @Nullable Long seed;

	/**
	 * How many of the latest messages the model sees, written into the model string.
	 */
	private @Nullable Integer interactionMaxMessages;

	/**
	 * Region the model runs in, such as us or eu, written into the model string.
	 */
	private @Nullable String region;

	public @Nullable String getBotId() {
		return this.botId;
	}

	public void setBotId(@Nullable String botId) {
		this.botId = botId;
	}

	public @Nullable String getModel() {
		return this.model;
	}

	public void setModel(@Nullable String model) {
		this.model = model;
	}

	public @Nullable String getBackstory() {
		return this.backstory;
	}

	public void setBackstory(@Nullable String backstory) {
		this.backstory = backstory;
	}

	public @Nullable String getDatasetId() {
		return this.datasetId;
	}

	public void setDatasetId(@Nullable String datasetId) {
		this.datasetId = datasetId;
	}

	public @Nullable String getSkillsetId() {
		return this.skillsetId;
	}

	public void setSkillsetId(@Nullable String skillsetId) {
		this.skillsetId = skillsetId;
	}

	public @Nullable Boolean getPrivacy() {
		return this.privacy;
	}

	public void setPrivacy(@Nullable Boolean privacy) {
		this.privacy = privacy;
	}

	public @Nullable Boolean getModeration() {
		return this.moderation;
	}

	public void setModeration(@Nullable Boolean moderation) {
		this.moderation = moderation;
	}

	public @Nullable Double getTemperature() {
		return this.temperature;
	}

	public void setTemperature(@Nullable Double temperature) {
		this.temperature = temperature;
	}

	public @Nullable Integer getMaxTokens() {
		return this.maxTokens;
	}

	public void setMaxTokens(@Nullable Integer maxTokens) {
		this.maxTokens = maxTokens;
	}

	public @Nullable Double getFrequencyPenalty() {
		return this.frequencyPenalty;
	}

	public void setFrequencyPenalty(@Nullable Double frequencyPenalty) {
		this.frequencyPenalty = frequencyPenalty;
	}

	public @Nullable Double getPresencePenalty() {
		return this.presencePenalty;
	}

	public void setPresencePenalty(@Nullable Double presencePenalty) {
		this.presencePenalty = presencePenalty;
	}

	public @Nullable Long getSeed() {
		return this.seed;
	}

	public void setSeed(@Nullable Long seed) {
		this.seed = seed;
	}

	public @Nullable Integer getInteractionMaxMessages() {
		return this.interactionMaxMessages;
	}

	public void setInteractionMaxMessages(@Nullable Integer interactionMaxMessages) {
		this.interactionMaxMessages = interactionMaxMessages;
	}

	public @Nullable String getRegion() {
		return this.region;
	}

	public void setRegion(@Nullable String region) {
		this.region = region;
	}

	/**
	 * The options these properties set.
	 * @return the default options of the chat model
	 */
	ChatBotKitChatOptions toOptions() {
		return ChatBotKitChatOptions.builder()
			.botId(this.botId)
			.model(this.model)
			.backstory(this.backstory)
			.datasetId(this.datasetId)
			.skillsetId(this.skillsetId)
			.privacy(this.privacy)
			.moderation(this.moderation)
			.temperature(this.temperature)
			.maxTokens(this.maxTokens)
			.frequencyPenalty(this.frequencyPenalty)
			.presencePenalty(this.presencePenalty)
			.seed(this.seed)
			.interactionMaxMessages(this.interactionMaxMessages)
			.region(this.region)
			.build();
	}

}
