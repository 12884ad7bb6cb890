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

import io.github.cbkspring.client.conversation.BotConfig;
import io.github.cbkspring.client.conversation.CompletionOptions;
import io.github.cbkspring.client.conversation.CompletionRequest;
import io.github.cbkspring.client.conversation.ConversationTurn;
import io.github.cbkspring.client.conversation.Extensions;
import io.github.cbkspring.client.conversation.FunctionCall;
import io.github.cbkspring.client.conversation.FunctionDefinition;
import io.github.cbkspring.client.conversation.ModelDefinition;
import io.github.cbkspring.client.core.MessageType;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.AssistantMessage.ToolCall;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage.ToolResponse;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.util.JsonHelper;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Turns a Spring AI prompt and its options into a stateless completion request, or into
 * the user's turn of a stored conversation when the options name one.
 * <p>
 * Messages: user → {@code user}, assistant → {@code bot}, system → {@code instruction} in
 * its place (so a system prompt works the same for a bot id and for a bot configured in
 * place, and the bot's own backstory stays), an assistant message's tool calls →
 * {@code activity} requests, each followed by the {@code activity} response that the next
 * tool response message holds for it.
 *
 * @author cbkspring contributors
 */
final class RequestMapper {

	private static final JsonHelper JSON = new JsonHelper();

	private RequestMapper() {
	}

	/**
	 * The completion request for these messages and options.
	 * @throws IllegalArgumentException if the options mix a bot id with a configuration
	 * in place, name model parameters without a model, or a message cannot be sent
	 */
	static CompletionRequest toRequest(List<Message> messages, ChatBotKitChatOptions options) {
		String botId = options.getBotId();
		CompletionRequest.Builder request = (botId != null) ? withBot(botId, options)
				: CompletionRequest.withConfig(config(options));
		request.messages(messages(messages));
		List<FunctionDefinition> functions = functions(options);
		if (!functions.isEmpty()) {
			request.options(CompletionOptions.none().withFunctions(functions));
		}
		return request.build();
	}

	/**
	 * The user's turn in a stored conversation for these messages and options: the
	 * prompt's one user message, which comes last, as its text (none when the prompt
	 * holds only system messages), and its system messages as additional backstory.
	 * @throws IllegalArgumentException if the options set a bot, model parameters or tool
	 * callbacks, or the prompt carries history
	 */
	static ConversationTurn toTurn(List<Message> messages, ChatBotKitChatOptions options) {
		String conversationId = Objects.requireNonNull(options.getConversationId());
		List<String> unsupported = new ArrayList<>();
		set(unsupported, "botId", options.getBotId());
		unsupported.addAll(inPlace(options));
		if (!Objects.requireNonNullElse(options.getToolCallbacks(), List.of()).isEmpty()) {
			unsupported.add("toolCallbacks");
		}
		Assert.isTrue(unsupported.isEmpty(), () -> "ChatBotKit completes conversation '" + conversationId
				+ "' with the bot it was created with: " + String.join(", ", unsupported) + " cannot be set with a"
				+ " conversationId (the stateful completion takes no bot, model parameters or caller-run functions;"
				+ " leave conversationId unset to use them)");
		List<String> backstory = new ArrayList<>();
		@Nullable UserMessage user = null;
		for (Message message : messages) {
			if (message instanceof SystemMessage) {
				backstory.add(text(message));
				continue;
			}
			Assert.isTrue(user == null && message instanceof UserMessage,
					() -> "ChatBotKit holds the history of conversation '" + conversationId
							+ "': a prompt with a conversationId carries only system messages and the new user"
							+ " message, not " + message.getMessageType().getValue()
							+ " messages (is a chat memory advisor adding history?)");
			user = (UserMessage) message;
		}
		ConversationTurn turn = (user != null) ? ConversationTurn.of(userText(user)) : ConversationTurn.withoutText();
		return backstory.isEmpty() ? turn : turn.withOptions(CompletionOptions.none()
			.withExtensions(Extensions.none().withBackstory(String.join("\n\n", backstory))));
	}

	private static CompletionRequest.Builder withBot(String botId, ChatBotKitChatOptions options) {
		List<String> inPlace = inPlace(options);
		Assert.isTrue(inPlace.isEmpty(),
				() -> "ChatBotKit completes with bot '" + botId + "' as it is configured: " + String.join(", ", inPlace)
						+ " cannot be set for it (they configure" + " a bot in place; leave botId unset to use them)");
		return CompletionRequest.withBot(botId);
	}

	/**
	 * The names of the options set that configure a bot in place.
	 */
	private static List<String> inPlace(ChatBotKitChatOptions options) {
		List<String> inPlace = new ArrayList<>();
		set(inPlace, "model", options.getModel());
		set(inPlace, "backstory", options.getBackstory());
		set(inPlace, "datasetId", options.getDatasetId());
		set(inPlace, "skillsetId", options.getSkillsetId());
		set(inPlace, "privacy", options.getPrivacy());
		set(inPlace, "moderation", options.getModeration());
		inPlace.addAll(parameters(options).keySet());
		return inPlace;
	}

	private static BotConfig config(ChatBotKitChatOptions options) {
		BotConfig config = BotConfig.defaults();
		ModelDefinition model = model(options);
		if (model != null) {
			config = config.withModel(model);
		}
		if (options.getBackstory() != null) {
			config = config.withBackstory(options.getBackstory());
		}
		if (options.getDatasetId() != null) {
			config = config.withDatasetId(options.getDatasetId());
		}
		if (options.getSkillsetId() != null) {
			config = config.withSkillsetId(options.getSkillsetId());
		}
		if (options.getPrivacy() != null) {
			config = config.withPrivacy(options.getPrivacy());
		}
		if (options.getModeration() != null) {
			config = config.withModeration(options.getModeration());
		}
		return config;
	}

	private static @Nullable ModelDefinition model(ChatBotKitChatOptions options) {
		Map<String, Object> parameters = parameters(options);
		String model = options.getModel();
		if (model == null) {
			Assert.isTrue(parameters.isEmpty(), () -> String.join(", ", parameters.keySet())
					+ " go into the model string: set a model as well, such as gpt-5.4");
			return null;
		}
		ModelDefinition definition = ModelDefinition.parse(model);
		for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
			definition = switch (parameter.getKey()) {
				case "maxTokens" -> definition.maxTokens((Integer) parameter.getValue());
				case "interactionMaxMessages" -> definition.interactionMaxMessages((Integer) parameter.getValue());
				default -> definition.parameter(parameter.getKey(), parameter.getValue());
			};
		}
		return definition;
	}

	/**
	 * The model parameters that are set, by their name in the model string.
	 */
	private static Map<String, Object> parameters(ChatBotKitChatOptions options) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		put(parameters, "temperature", options.getTemperature());
		put(parameters, "maxTokens", options.getMaxTokens());
		put(parameters, "frequencyPenalty", options.getFrequencyPenalty());
		put(parameters, "presencePenalty", options.getPresencePenalty());
		put(parameters, "seed", options.getSeed());
		put(parameters, "interactionMaxMessages", options.getInteractionMaxMessages());
		put(parameters, "region", options.getRegion());
		return parameters;
	}

	private static void put(Map<String, Object> parameters, String name, @Nullable Object value) {
		if (value != null) {
			parameters.put(name, value);
		}
	}

	private static void set(List<String> names, String name, @Nullable Object value) {
		if (value != null) {
			names.add(name);
		}
	}

	private static List<FunctionDefinition> functions(ChatBotKitChatOptions options) {
		List<ToolCallback> callbacks = Objects.requireNonNullElse(options.getToolCallbacks(), List.of());
		return callbacks.stream().map(ToolCallback::getToolDefinition).map(RequestMapper::function).toList();
	}

	private static FunctionDefinition function(ToolDefinition tool) {
		return FunctionDefinition.ofJson(tool.name(), tool.description(), tool.inputSchema());
	}

	private static List<io.github.cbkspring.client.core.Message> messages(List<Message> messages) {
		List<io.github.cbkspring.client.core.Message> mapped = new ArrayList<>();
		for (int i = 0; i < messages.size(); i++) {
			Message message = messages.get(i);
			switch (message.getMessageType()) {
				case SYSTEM ->
					mapped.add(new io.github.cbkspring.client.core.Message(MessageType.INSTRUCTION, text(message)));
				case USER -> mapped.add(io.github.cbkspring.client.core.Message.user(userText((UserMessage) message)));
				case ASSISTANT -> {
					Message next = (i + 1 < messages.size()) ? messages.get(i + 1) : null;
					if (assistant((AssistantMessage) message, next, mapped)) {
						i++;
					}
				}
				case TOOL -> throw new IllegalArgumentException(
						"A tool response message must follow the assistant message with its tool calls");
			}
		}
		return mapped;
	}

	/**
	 * Add the bot's text and its tool calls, each followed by its response when the next
	 * message holds the responses.
	 * @return whether the next message was taken
	 */
	private static boolean assistant(AssistantMessage message, @Nullable Message next,
			List<io.github.cbkspring.client.core.Message> mapped) {
		String text = text(message);
		if (!message.hasToolCalls() || !text.isEmpty()) {
			mapped.add(io.github.cbkspring.client.core.Message.bot(text));
		}
		if (!message.hasToolCalls()) {
			return false;
		}
		Map<String, ToolResponse> responses = new LinkedHashMap<>();
		if (next instanceof ToolResponseMessage toolResponses) {
			toolResponses.getResponses().forEach((response) -> responses.put(response.id(), response));
		}
		for (ToolCall toolCall : message.getToolCalls()) {
			FunctionCall call = new FunctionCall(toolCall.name(), arguments(toolCall.arguments()), null);
			mapped.add(call.request());
			ToolResponse response = responses.remove(toolCall.id());
			if (response != null) {
				mapped.add(call.response(response.responseData()));
			}
		}
		Assert.isTrue(responses.isEmpty(), () -> "Tool responses " + responses.keySet()
				+ " answer no tool call of the assistant message before them");
		return next instanceof ToolResponseMessage;
	}

	private static Map<String, Object> arguments(String json) {
		return StringUtils.hasText(json) ? JSON.fromJsonToMap(json) : Map.of();
	}

	private static String userText(UserMessage message) {
		Assert.isTrue(message.getMedia().isEmpty(),
				"ChatBotKit messages carry text only: a user message with media cannot be sent");
		return text(message);
	}

	private static String text(Message message) {
		return Objects.requireNonNullElse(message.getText(), "");
	}

}
