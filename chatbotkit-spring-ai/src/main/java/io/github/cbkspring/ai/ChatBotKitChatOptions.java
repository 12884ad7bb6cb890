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

package io.github.cbkspring.ai;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.model.tool.DefaultToolCallingChatOptions;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;

/**
 * Options of a {@link ChatBotKitChatModel} call: which bot completes, and the model
 * parameters and tools of the call. Immutable; {@link #mutate()} and {@link #builder()}
 * make builders. <pre class="code">
 * // a bot configured in ChatBotKit, with its model, backstory, datasets and skillsets
 * ChatBotKitChatOptions.builder().botId("bot-123").build();
 * // a bot configured in place
 * ChatBotKitChatOptions.builder().model("gpt-5.4").temperature(0.2).maxTokens(512).build();
 * // a conversation stored in ChatBotKit, answered by the bot it was created with
 * ChatBotKitChatOptions.builder().conversationId("conv-123").build();
 * </pre>
 * <p>
 * The bot is an existing bot ({@code botId}), a bot configured in place ({@code model},
 * {@code backstory}, {@code datasetId}, {@code skillsetId}, {@code privacy},
 * {@code moderation}), or the bot of a stored conversation ({@code conversationId}); the
 * API takes one of the three. A {@code conversationId} sends the call to the stateful
 * completion ({@code POST /conversation/{conversationId}/complete}), which takes no bot,
 * model or model parameters and no functions the caller runs: none of the other options
 * but the tool context may be set with it. The model parameters ({@code temperature},
 * {@code maxTokens}, {@code frequencyPenalty}, {@code presencePenalty}, {@code seed},
 * {@code interactionMaxMessages}, {@code region}) are written into the model string
 * ({@code gpt-5.4/temperature=0.2}), so they need a {@code model} and cannot be set for a
 * {@code botId}, whose model string is the bot's. A call that breaks these rules fails
 * with an {@link IllegalArgumentException} before anything is sent.
 * <p>
 * {@link Builder#combineWith merging} (how {@code ChatClient} lays per-call options over
 * the model's defaults) treats the bot as one choice: options that name a bot id or a
 * conversation id replace the default bot as a whole (its id, its configuration in place
 * and its model parameters), and options that name a model, backstory, dataset or
 * skillset replace a default bot id or conversation id. Every other value set in the
 * overriding options replaces the default one; tool callbacks and tool context are added,
 * as Spring AI does.
 * <p>
 * The API has no top-k, top-p or stop sequences: the builder accepts them, as every
 * {@link ChatOptions.Builder} must, but they are dropped, and their getters return
 * {@code null}.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public final class ChatBotKitChatOptions implements ToolCallingChatOptions {

	private final Values values;

	private ChatBotKitChatOptions(Values values) {
		this.values = values;
	}

	/**
	 * Start options that set nothing.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The existing bot that completes, with its own model, backstory, datasets and
	 * skillsets.
	 * @return the bot id, or {@code null} for a bot configured in place
	 */
	public @Nullable String getBotId() {
		return this.values.botId();
	}

	/**
	 * The stored conversation that completes, with the bot it was created with and the
	 * history ChatBotKit holds.
	 * @return the conversation id, or {@code null} for the stateless completion
	 */
	public @Nullable String getConversationId() {
		return this.values.conversationId();
	}

	/**
	 * The model of a bot configured in place: a model name such as {@code gpt-5.4}, or a
	 * model string with parameters, to which the parameters of these options are added.
	 * @return the model, or {@code null}
	 */
	@Override
	public @Nullable String getModel() {
		return this.values.model();
	}

	/**
	 * The backstory of a bot configured in place.
	 * @return the backstory, or {@code null}
	 */
	public @Nullable String getBackstory() {
		return this.values.backstory();
	}

	/**
	 * The dataset a bot configured in place answers from.
	 * @return the dataset id, or {@code null}
	 */
	public @Nullable String getDatasetId() {
		return this.values.datasetId();
	}

	/**
	 * The skillset a bot configured in place acts with.
	 * @return the skillset id, or {@code null}
	 */
	public @Nullable String getSkillsetId() {
		return this.values.skillsetId();
	}

	/**
	 * Whether privacy mode is on for a bot configured in place.
	 * @return the flag, or {@code null} for the API's default
	 */
	public @Nullable Boolean getPrivacy() {
		return this.values.privacy();
	}

	/**
	 * Whether moderation is on for a bot configured in place.
	 * @return the flag, or {@code null} for the API's default
	 */
	public @Nullable Boolean getModeration() {
		return this.values.moderation();
	}

	@Override
	public @Nullable Double getTemperature() {
		return this.values.temperature();
	}

	@Override
	public @Nullable Integer getMaxTokens() {
		return this.values.maxTokens();
	}

	@Override
	public @Nullable Double getFrequencyPenalty() {
		return this.values.frequencyPenalty();
	}

	@Override
	public @Nullable Double getPresencePenalty() {
		return this.values.presencePenalty();
	}

	/**
	 * The sampling seed, for repeatable replies where the model supports it.
	 * @return the seed, or {@code null}
	 */
	public @Nullable Long getSeed() {
		return this.values.seed();
	}

	/**
	 * How many of the latest messages the model sees.
	 * @return the number of messages, or {@code null}
	 */
	public @Nullable Integer getInteractionMaxMessages() {
		return this.values.interactionMaxMessages();
	}

	/**
	 * The region the model runs in, such as {@code us} or {@code eu}.
	 * @return the region, or {@code null}
	 */
	public @Nullable String getRegion() {
		return this.values.region();
	}

	/**
	 * Always {@code null}: the API has no stop sequences.
	 * @return {@code null}
	 */
	@Override
	public @Nullable List<String> getStopSequences() {
		return null;
	}

	/**
	 * Always {@code null}: the API has no top-k sampling parameter.
	 * @return {@code null}
	 */
	@Override
	public @Nullable Integer getTopK() {
		return null;
	}

	/**
	 * Always {@code null}: the API has no top-p sampling parameter.
	 * @return {@code null}
	 */
	@Override
	public @Nullable Double getTopP() {
		return null;
	}

	@Override
	public @Nullable List<ToolCallback> getToolCallbacks() {
		return this.values.toolCallbacks();
	}

	@Override
	public @Nullable Map<String, Object> getToolContext() {
		return this.values.toolContext();
	}

	@Override
	public Builder mutate() {
		Values v = this.values;
		return builder().botId(v.botId())
			.conversationId(v.conversationId())
			.model(v.model())
			.backstory(v.backstory())
			.datasetId(v.datasetId())
			.skillsetId(v.skillsetId())
			.privacy(v.privacy())
			.moderation(v.moderation())
			.temperature(v.temperature())
			.maxTokens(v.maxTokens())
			.frequencyPenalty(v.frequencyPenalty())
			.presencePenalty(v.presencePenalty())
			.seed(v.seed())
			.interactionMaxMessages(v.interactionMaxMessages())
			.region(v.region())
			.toolCallbacks(v.toolCallbacks())
			.toolContext(v.toolContext());
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || (other instanceof ChatBotKitChatOptions that && this.values.equals(that.values));
	}

	@Override
	public int hashCode() {
		return this.values.hashCode();
	}

	@Override
	public String toString() {
		Values v = this.values;
		return "ChatBotKitChatOptions[botId=" + v.botId() + ", conversationId=" + v.conversationId() + ", model="
				+ v.model() + ", datasetId=" + v.datasetId() + ", skillsetId=" + v.skillsetId() + ", privacy="
				+ v.privacy() + ", moderation=" + v.moderation() + ", temperature=" + v.temperature() + ", maxTokens="
				+ v.maxTokens() + ", frequencyPenalty=" + v.frequencyPenalty() + ", presencePenalty="
				+ v.presencePenalty() + ", seed=" + v.seed() + ", interactionMaxMessages=" + v.interactionMaxMessages()
				+ ", region=" + v.region() + ", tools=" + ((v.toolCallbacks() != null) ? v.toolCallbacks().size() : 0)
				+ "]";
	}

	private record Values(@Nullable String botId, @Nullable String conversationId, @Nullable String model,
			@Nullable String backstory, @Nullable String datasetId, @Nullable String skillsetId,
			@Nullable Boolean privacy, @Nullable Boolean moderation, @Nullable Double temperature,
			@Nullable Integer maxTokens, @Nullable Double frequencyPenalty, @Nullable Double presencePenalty,
			@Nullable Long seed, @Nullable Integer interactionMaxMessages, @Nullable String region,
			@Nullable List<ToolCallback> toolCallbacks, @Nullable Map<String, Object> toolContext) {

		private Values {
			toolCallbacks = (toolCallbacks != null) ? List.copyOf(toolCallbacks) : null;
			toolContext = (toolContext != null) ? Map.copyOf(toolContext) : null;
		}

	}

	/**
	 * Builder for {@link ChatBotKitChatOptions}. Portable setters come from Spring AI's
	 * {@link DefaultToolCallingChatOptions.Builder}; {@code topK}, {@code topP} and
	 * {@code stopSequences} are accepted and dropped (the API has no such parameter).
	 */
	public static final class Builder extends DefaultToolCallingChatOptions.Builder<Builder> {

		private @Nullable String botId;

		private @Nullable String conversationId;

		private @Nullable String backstory;

		private @Nullable String datasetId;

		private @Nullable String skillsetId;

		private @Nullable Boolean privacy;

		private @Nullable Boolean moderation;

		private @Nullable Long seed;

		private @Nullable Integer interactionMaxMessages;

		private @Nullable String region;

		private Builder() {
		}

		/**
		 * Complete with an existing bot.
		 * @param botId the bot id
		 * @return this builder
		 */
		public Builder botId(@Nullable String botId) {
			this.botId = botId;
			return this;
		}

		/**
		 * Complete a conversation stored in ChatBotKit, on the stateful completion
		 * ({@code POST /conversation/{conversationId}/complete}): ChatBotKit holds the
		 * history, so the prompt carries only the new user message.
		 * @param conversationId the conversation id
		 * @return this builder
		 */
		public Builder conversationId(@Nullable String conversationId) {
			this.conversationId = conversationId;
			return this;
		}

		/**
		 * Set the backstory of a bot configured in place.
		 * @param backstory the backstory
		 * @return this builder
		 */
		public Builder backstory(@Nullable String backstory) {
			this.backstory = backstory;
			return this;
		}

		/**
		 * Set the dataset a bot configured in place answers from.
		 * @param datasetId the dataset id
		 * @return this builder
		 */
		public Builder datasetId(@Nullable String datasetId) {
			this.datasetId = datasetId;
			return this;
		}

		/**
		 * Set the skillset a bot configured in place acts with.
		 * @param skillsetId the skillset id
		 * @return this builder
		 */
		public Builder skillsetId(@Nullable String skillsetId) {
			this.skillsetId = skillsetId;
			return this;
		}

		/**
		 * Turn privacy mode on or off for a bot configured in place.
		 * @param privacy the flag
		 * @return this builder
		 */
		public Builder privacy(@Nullable Boolean privacy) {
			this.privacy = privacy;
			return this;
		}

		/**
		 * Turn moderation on or off for a bot configured in place.
		 * @param moderation the flag
		 * @return this builder
		 */
		public Builder moderation(@Nullable Boolean moderation) {
			this.moderation = moderation;
			return this;
		}

		/**
		 * Set the sampling seed.
		 * @param seed the seed
		 * @return this builder
		 */
		public Builder seed(@Nullable Long seed) {
			this.seed = seed;
			return this;
		}

		/**
		 * Set how many of the latest messages the model sees.
		 * @param interactionMaxMessages the number of messages
		 * @return this builder
		 */
		public Builder interactionMaxMessages(@Nullable Integer interactionMaxMessages) {
			this.interactionMaxMessages = interactionMaxMessages;
			return this;
		}

		/**
		 * Set the region the model runs in.
		 * @param region the region, such as {@code us} or {@code eu}
		 * @return this builder
		 */
		public Builder region(@Nullable String region) {
			this.region = region;
			return this;
		}

		/**
		 * Lay {@code other} over this builder: every value it sets replaces this one,
		 * tool callbacks and tool context are added, and the bot is replaced as a whole
		 * (see {@link ChatBotKitChatOptions}).
		 * @param other the overriding options, ChatBotKit or portable
		 * @return this builder
		 */
		@Override
		public Builder combineWith(ChatOptions.Builder<?> other) {
			boolean otherNamesModel = other.build().getModel() != null;
			super.combineWith(other);
			if (other instanceof Builder that) {
				if (that.botId != null || that.conversationId != null) {
					// another bot: nothing of the configuration in place is kept
					this.botId = that.botId;
					this.conversationId = that.conversationId;
					this.model = that.model;
					this.backstory = that.backstory;
					this.datasetId = that.datasetId;
					this.skillsetId = that.skillsetId;
					this.privacy = that.privacy;
					this.moderation = that.moderation;
					this.temperature = that.temperature;
					this.maxTokens = that.maxTokens;
					this.frequencyPenalty = that.frequencyPenalty;
					this.presencePenalty = that.presencePenalty;
					this.seed = that.seed;
					this.interactionMaxMessages = that.interactionMaxMessages;
					this.region = that.region;
					return this;
				}
				this.backstory = (that.backstory != null) ? that.backstory : this.backstory;
				this.datasetId = (that.datasetId != null) ? that.datasetId : this.datasetId;
				this.skillsetId = (that.skillsetId != null) ? that.skillsetId : this.skillsetId;
				this.privacy = (that.privacy != null) ? that.privacy : this.privacy;
				this.moderation = (that.moderation != null) ? that.moderation : this.moderation;
				this.seed = (that.seed != null) ? that.seed : this.seed;
				this.interactionMaxMessages = (that.interactionMaxMessages != null) ? that.interactionMaxMessages
						: this.interactionMaxMessages;
				this.region = (that.region != null) ? that.region : this.region;
				if (that.backstory != null || that.datasetId != null || that.skillsetId != null) {
					// a configuration in place instead of the default bot
					this.botId = null;
					this.conversationId = null;
				}
			}
			if (otherNamesModel) {
				this.botId = null;
				this.conversationId = null;
			}
			return this;
		}

		@Override
		public ChatBotKitChatOptions build() {
			return new ChatBotKitChatOptions(new Values(this.botId, this.conversationId, this.model, this.backstory,
					this.datasetId, this.skillsetId, this.privacy, this.moderation, this.temperature, this.maxTokens,
					this.frequencyPenalty, this.presencePenalty, this.seed, this.interactionMaxMessages, this.region,
					this.toolCallbacks, this.toolContext));
		}

	}

}
