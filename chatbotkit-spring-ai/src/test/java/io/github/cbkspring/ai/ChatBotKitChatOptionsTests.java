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

import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.function.FunctionToolCallback;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChatBotKitChatOptions}: copies, and how per-call options are laid over
 * defaults.
 *
 * @author cbkspring contributors
 */
class ChatBotKitChatOptionsTests {

	private static final ToolCallback WEATHER = tool("weather");

	private static final ToolCallback TIME = tool("time");

	private final ChatBotKitChatOptions full = ChatBotKitChatOptions.builder()
		.model("gpt-5.4")
		.backstory("b")
		.datasetId("d")
		.skillsetId("s")
		.privacy(true)
		.moderation(true)
		.temperature(0.5)
		.maxTokens(100)
		.frequencyPenalty(0.1)
		.presencePenalty(0.2)
		.seed(7L)
		.interactionMaxMessages(10)
		.region("eu")
		.toolCallbacks(WEATHER)
		.toolContext("tenant", "t-1")
		.build();

	@Test
	void mutateCopiesEveryValue() {
		assertThat(this.full.mutate().build()).isEqualTo(this.full)
			.hasSameHashCodeAs(this.full)
			.isNotSameAs(this.full)
			.hasToString(this.full.toString());
		assertThat(this.full.toString()).contains("model=gpt-5.4", "tools=1");
	}

	@Test
	void aChangedCopyLeavesTheOriginalAsItWas() {
		ChatBotKitChatOptions changed = this.full.mutate().temperature(0.9).toolContext("user", "u-1").build();
		assertThat(changed.getTemperature()).isEqualTo(0.9);
		assertThat(changed.getToolContext()).containsOnly(Map.entry("tenant", "t-1"), Map.entry("user", "u-1"));
		assertThat(this.full.getTemperature()).isEqualTo(0.5);
		assertThat(this.full.getToolContext()).containsOnly(Map.entry("tenant", "t-1"));
		assertThat(changed).isNotEqualTo(this.full);
	}

	@Test
	void valuesSetInTheOverridingOptionsReplaceTheDefaults() {
		ChatBotKitChatOptions merged = this.full.mutate()
			.combineWith(ChatBotKitChatOptions.builder()
				.temperature(0.1)
				.datasetId("d2")
				.privacy(false)
				.seed(8L)
				.region("us")
				.interactionMaxMessages(3)
				.moderation(false))
			.build();
		assertThat(merged.getTemperature()).isEqualTo(0.1);
		assertThat(merged.getDatasetId()).isEqualTo("d2");
		assertThat(merged.getPrivacy()).isFalse();
		assertThat(merged.getModeration()).isFalse();
		assertThat(merged.getSeed()).isEqualTo(8L);
		assertThat(merged.getRegion()).isEqualTo("us");
		assertThat(merged.getInteractionMaxMessages()).isEqualTo(3);
		assertThat(merged.getModel()).isEqualTo("gpt-5.4");
		assertThat(merged.getBackstory()).isEqualTo("b");
		assertThat(merged.getSkillsetId()).isEqualTo("s");
		assertThat(merged.getMaxTokens()).isEqualTo(100);
	}

	@Test
	void portableOverridingOptionsReplaceTheirValues() {
		ChatBotKitChatOptions merged = this.full.mutate()
			.combineWith(ChatOptions.builder().maxTokens(5).frequencyPenalty(0.3).presencePenalty(0.4))
			.build();
		assertThat(merged.getMaxTokens()).isEqualTo(5);
		assertThat(merged.getFrequencyPenalty()).isEqualTo(0.3);
		assertThat(merged.getPresencePenalty()).isEqualTo(0.4);
		assertThat(merged.getTemperature()).isEqualTo(0.5);
	}

	@Test
	void toolCallbacksAndToolContextAreAdded() {
		ChatBotKitChatOptions merged = this.full.mutate()
			.combineWith(ToolCallingChatOptions.builder().toolCallbacks(TIME).toolContext("user", "u-1"))
			.build();
		assertThat(merged.getToolCallbacks()).containsExactly(WEATHER, TIME);
		assertThat(merged.getToolContext()).containsOnly(Map.entry("tenant", "t-1"), Map.entry("user", "u-1"));
	}

	@Test
	void aBotIdReplacesTheWholeConfigurationInPlace() {
		ChatBotKitChatOptions merged = this.full.mutate()
			.combineWith(ChatBotKitChatOptions.builder().botId("bot-1"))
			.build();
		assertThat(merged).isEqualTo(ChatBotKitChatOptions.builder()
			.botId("bot-1")
			.toolCallbacks(WEATHER)
			.toolContext("tenant", "t-1")
			.build());
	}

	@Test
	void aConfigurationInPlaceReplacesADefaultBotId() {
		ChatBotKitChatOptions bot = ChatBotKitChatOptions.builder().botId("bot-1").build();
		assertThat(bot.mutate().combineWith(ChatBotKitChatOptions.builder().model("gpt-5.4")).build().getBotId())
			.isNull();
		assertThat(bot.mutate().combineWith(ChatOptions.builder().model("gpt-5.4")).build().getBotId()).isNull();
		assertThat(bot.mutate().combineWith(ChatBotKitChatOptions.builder().backstory("b")).build().getBotId())
			.isNull();
		assertThat(bot.mutate().combineWith(ChatBotKitChatOptions.builder().datasetId("d")).build().getBotId())
			.isNull();
		assertThat(bot.mutate().combineWith(ChatBotKitChatOptions.builder().skillsetId("s")).build().getBotId())
			.isNull();
	}

	@Test
	void modelParametersAloneKeepADefaultBotId() {
		ChatBotKitChatOptions merged = ChatBotKitChatOptions.builder()
			.botId("bot-1")
			.build()
			.mutate()
			.combineWith(ChatOptions.builder().temperature(0.2))
			.build();
		assertThat(merged.getBotId()).isEqualTo("bot-1");
		assertThat(merged.getTemperature()).isEqualTo(0.2);
	}

	@Test
	void mutateCopiesAConversationId() {
		ChatBotKitChatOptions conversation = ChatBotKitChatOptions.builder().conversationId("conv-1").build();
		assertThat(conversation.mutate().build()).isEqualTo(conversation).hasToString(conversation.toString());
		assertThat(conversation.toString()).contains("conversationId=conv-1");
		assertThat(conversation).isNotEqualTo(ChatBotKitChatOptions.builder().conversationId("conv-2").build());
	}

	@Test
	void aConversationIdReplacesTheWholeBot() {
		ChatBotKitChatOptions overConfiguration = this.full.mutate()
			.combineWith(ChatBotKitChatOptions.builder().conversationId("conv-1"))
			.build();
		assertThat(overConfiguration).isEqualTo(ChatBotKitChatOptions.builder()
			.conversationId("conv-1")
			.toolCallbacks(WEATHER)
			.toolContext("tenant", "t-1")
			.build());
		ChatBotKitChatOptions overBot = ChatBotKitChatOptions.builder()
			.botId("bot-1")
			.build()
			.mutate()
			.combineWith(ChatBotKitChatOptions.builder().conversationId("conv-1"))
			.build();
		assertThat(overBot).isEqualTo(ChatBotKitChatOptions.builder().conversationId("conv-1").build());
	}

	@Test
	void aBotIdOrAConfigurationInPlaceReplacesADefaultConversationId() {
		ChatBotKitChatOptions conversation = ChatBotKitChatOptions.builder().conversationId("conv-1").build();
		assertThat(conversation.mutate().combineWith(ChatBotKitChatOptions.builder().botId("bot-1")).build())
			.isEqualTo(ChatBotKitChatOptions.builder().botId("bot-1").build());
		assertThat(conversation.mutate()
			.combineWith(ChatBotKitChatOptions.builder().model("gpt-5.4"))
			.build()
			.getConversationId()).isNull();
		assertThat(
				conversation.mutate().combineWith(ChatOptions.builder().model("gpt-5.4")).build().getConversationId())
			.isNull();
		assertThat(conversation.mutate()
			.combineWith(ChatBotKitChatOptions.builder().backstory("b"))
			.build()
			.getConversationId()).isNull();
		assertThat(conversation.mutate()
			.combineWith(ChatBotKitChatOptions.builder().datasetId("d"))
			.build()
			.getConversationId()).isNull();
		assertThat(conversation.mutate()
			.combineWith(ChatBotKitChatOptions.builder().skillsetId("s"))
			.build()
			.getConversationId()).isNull();
	}

	@Test
	void modelParametersAloneKeepADefaultConversationId() {
		// kept, so that the call fails naming them instead of leaving the conversation
		ChatBotKitChatOptions merged = ChatBotKitChatOptions.builder()
			.conversationId("conv-1")
			.build()
			.mutate()
			.combineWith(ChatOptions.builder().temperature(0.2))
			.build();
		assertThat(merged.getConversationId()).isEqualTo("conv-1");
		assertThat(merged.getTemperature()).isEqualTo(0.2);
	}

	@Test
	void topKTopPAndStopSequencesAreDropped() {
		ChatBotKitChatOptions options = ChatBotKitChatOptions.builder()
			.topK(3)
			.topP(0.5)
			.stopSequences(List.of("END"))
			.build();
		assertThat(options.getTopK()).isNull();
		assertThat(options.getTopP()).isNull();
		assertThat(options.getStopSequences()).isNull();
		assertThat(options).isEqualTo(ChatBotKitChatOptions.builder().build());
	}

	private static ToolCallback tool(String name) {
		return FunctionToolCallback.builder(name, (String input) -> input)
			.description(name)
			.inputType(String.class)
			.build();
	}

}
