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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.github.cbkspring.client.conversation.ConversationMessage;
import io.github.cbkspring.client.core.MessageType;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.util.Assert;

/**
 * Spring AI messages as stored conversation messages and back, for the chat memory
 * repository: user → {@code user}, assistant → {@code bot} with its tool calls in the
 * metadata under {@value #TOOL_CALLS}, system → {@code instruction}, tool responses →
 * {@code activity} with the responses under {@value #TOOL_RESPONSES} (and their data as
 * its text). Stored messages of other types, or activities that do not hold tool
 * responses (the bot's own function calls), have no Spring AI message and are left out.
 *
 * @author cbkspring contributors
 */
final class MemoryMessages {

	static final String TOOL_CALLS = "springAiToolCalls";

	static final String TOOL_RESPONSES = "springAiToolResponses";

	private MemoryMessages() {
	}

	/**
	 * The message to store.
	 * @throws IllegalArgumentException if the message cannot be stored (media)
	 */
	static io.github.cbkspring.client.core.Message toStored(Message message) {
		String text = Objects.requireNonNullElse(message.getText(), "");
		return switch (message.getMessageType()) {
			case USER -> {
				Assert.isTrue(((UserMessage) message).getMedia().isEmpty(),
						"ChatBotKit messages carry text only: a user message with media cannot be stored");
				yield new io.github.cbkspring.client.core.Message(MessageType.USER, text);
			}
			case ASSISTANT -> new io.github.cbkspring.client.core.Message(MessageType.BOT, text,
					toolCalls((AssistantMessage) message));
			case SYSTEM -> new io.github.cbkspring.client.core.Message(MessageType.INSTRUCTION, text);
			case TOOL -> toolResponses((ToolResponseMessage) message);
		};
	}

	/**
	 * The stored message as it was written, with only the metadata this mapping writes:
	 * what a message to store is compared with.
	 * @return the message, or {@code null} if it has no Spring AI message
	 */
	static io.github.cbkspring.client.core.@Nullable Message comparable(ConversationMessage stored) {
		return switch (stored.type()) {
			case USER, INSTRUCTION -> new io.github.cbkspring.client.core.Message(stored.type(), stored.text());
			case BOT ->
				new io.github.cbkspring.client.core.Message(stored.type(), stored.text(), only(stored, TOOL_CALLS));
			case ACTIVITY ->
				stored.meta().containsKey(TOOL_RESPONSES) ? new io.github.cbkspring.client.core.Message(stored.type(),
						stored.text(), only(stored, TOOL_RESPONSES)) : null;
			default -> null;
		};
	}

	/**
	 * The Spring AI message of a stored one.
	 * @return the message, or {@code null} if it has none
	 */
	static @Nullable Message toMessage(ConversationMessage stored) {
		return switch (stored.type()) {
			case USER -> new UserMessage(stored.text());
			case INSTRUCTION -> new SystemMessage(stored.text());
			case BOT -> AssistantMessage.builder()
				.content(stored.text())
				.toolCalls(entries(stored.meta().get(TOOL_CALLS)).stream()
					.map((call) -> new AssistantMessage.ToolCall(string(call, "id"), string(call, "type"),
							string(call, "name"), string(call, "arguments")))
					.toList())
				.build();
			case ACTIVITY -> stored.meta().containsKey(TOOL_RESPONSES) ? ToolResponseMessage.builder()
				.responses(entries(stored.meta().get(TOOL_RESPONSES)).stream()
					.map((response) -> new ToolResponseMessage.ToolResponse(string(response, "id"),
							string(response, "name"), string(response, "responseData")))
					.toList())
				.build() : null;
			default -> null;
		};
	}

	private static Map<String, Object> toolCalls(AssistantMessage message) {
		if (!message.hasToolCalls()) {
			return Map.of();
		}
		List<Map<String, Object>> calls = message.getToolCalls()
			.stream()
			.map((call) -> entry("id", call.id(), "type", call.type(), "name", call.name(), "arguments",
					call.arguments()))
			.toList();
		return Map.of(TOOL_CALLS, calls);
	}

	private static io.github.cbkspring.client.core.Message toolResponses(ToolResponseMessage message) {
		List<Map<String, Object>> responses = message.getResponses()
			.stream()
			.map((response) -> entry("id", response.id(), "name", response.name(), "responseData",
					response.responseData()))
			.toList();
		String text = message.getResponses()
			.stream()
			.map((response) -> Objects.requireNonNullElse(response.responseData(), ""))
			.collect(Collectors.joining("\n"));
		return new io.github.cbkspring.client.core.Message(MessageType.ACTIVITY, text,
				Map.of(TOOL_RESPONSES, responses));
	}

	/**
	 * A map of the pairs that have a value: tool calls and responses may lack a part.
	 */
	private static Map<String, Object> entry(@Nullable String... pairs) {
		Map<String, Object> entry = new LinkedHashMap<>();
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			String value = pairs[i + 1];
			if (value != null) {
				entry.put(Objects.requireNonNull(pairs[i]), value);
			}
		}
		return entry;
	}

	private static Map<String, Object> only(ConversationMessage stored, String key) {
		Object value = stored.meta().get(key);
		return (value != null) ? Map.of(key, value) : Map.of();
	}

	private static List<Map<?, ?>> entries(@Nullable Object value) {
		List<Map<?, ?>> entries = new ArrayList<>();
		if (value instanceof List<?> list) {
			list.forEach((item) -> {
				if (item instanceof Map<?, ?> map) {
					entries.add(map);
				}
			});
		}
		return entries;
	}

	private static String string(Map<?, ?> map, String key) {
		return (map.get(key) instanceof String value) ? value : "";
	}

}
