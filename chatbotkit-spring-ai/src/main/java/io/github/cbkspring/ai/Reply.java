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
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.conversation.CompletionResult;
import io.github.cbkspring.client.conversation.EndReason;
import io.github.cbkspring.client.conversation.FunctionCall;
import io.github.cbkspring.client.core.MessageType;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.AssistantMessage.ToolCall;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.util.Assert;

/**
 * The events of one completion read into Spring AI responses: a chunk per token while
 * streaming, and last the response with the finish reason, the usage and the tool calls.
 * <p>
 * A tool call is an {@code activity} request message for one of the functions the request
 * offered; its id, which ChatBotKit does not have, is the function's name and the call's
 * position ({@code lookup-0}). Usage adds up the {@code usage} events (one per model
 * call); the total is the result's token count when the API gives it.
 * <p>
 * Reasoning goes where Spring AI's OpenAI model puts it: the assistant message's
 * {@value ChatBotKitChatModel#REASONING_CONTENT} metadata. A streamed
 * {@code reasoningToken} makes a chunk with no text and the reasoning so far (so that the
 * last one wins when chunks are aggregated), and the last response and the whole reply
 * carry all of it. Without {@code reasoningToken}s, the text of {@code reasoning}
 * messages is the reasoning.
 *
 * @author cbkspring contributors
 */
final class Reply {

	private final Set<String> functions;

	private final List<ToolCall> toolCalls = new ArrayList<>();

	private final List<CompletionEvent.Usage> usages = new ArrayList<>();

	private final StringBuilder reasoningTokens = new StringBuilder();

	private final List<String> reasoningMessages = new ArrayList<>();

	private @Nullable CompletionResult result;

	/**
	 * @param functions the names of the functions the request offered, run by the caller
	 */
	Reply(Set<String> functions) {
		this.functions = functions;
	}

	/**
	 * Take the next event.
	 * @return the chunk of a stream it makes: one per token and per reasoning token, and
	 * the last one for the result; {@code null} for other events
	 */
	@Nullable ChatResponse take(CompletionEvent event) {
		if (event instanceof CompletionEvent.Token token) {
			return new ChatResponse(List.of(new Generation(new AssistantMessage(token.token()))));
		}
		if (event instanceof CompletionEvent.ReasoningToken token) {
			this.reasoningTokens.append(token.token());
			return new ChatResponse(List.of(new Generation(message("", List.of()))));
		}
		if (event instanceof CompletionEvent.MessageAdded added) {
			if (added.message().type() == MessageType.REASONING) {
				this.reasoningMessages.add(added.message().text());
			}
			FunctionCall.of(added.message())
				.filter((call) -> this.functions.contains(call.name()))
				.ifPresent((call) -> this.toolCalls.add(new ToolCall(call.name() + "-" + this.toolCalls.size(),
						"function", call.name(), call.argumentsJson())));
		}
		else if (event instanceof CompletionEvent.Usage usage) {
			this.usages.add(usage);
		}
		else if (event instanceof CompletionEvent.Result end) {
			this.result = end.result();
			return response(end.result(), "");
		}
		return null;
	}

	/**
	 * The whole reply, once every event was taken.
	 */
	ChatResponse whole() {
		CompletionResult result = this.result;
		Assert.state(result != null, "The completion has no result");
		return response(result, result.text());
	}

	private ChatResponse response(CompletionResult result, String text) {
		AssistantMessage message = message(text, this.toolCalls);
		ChatGenerationMetadata generation = ChatGenerationMetadata.builder()
			.finishReason(finishReason(result.endReason()))
			.build();
		ChatResponseMetadata.Builder metadata = ChatResponseMetadata.builder().usage(usage(result));
		if (!this.usages.isEmpty()) {
			metadata.model(this.usages.get(this.usages.size() - 1).model());
		}
		return new ChatResponse(List.of(new Generation(message, generation)), metadata.build());
	}

	/**
	 * A message with the reasoning so far, if any.
	 */
	private AssistantMessage message(String text, List<ToolCall> toolCalls) {
		String reasoning = this.reasoningTokens.isEmpty() ? String.join("\n\n", this.reasoningMessages)
				: this.reasoningTokens.toString();
		Map<String, Object> properties = reasoning.isEmpty() ? Map.of()
				: Map.of(ChatBotKitChatModel.REASONING_CONTENT, reasoning);
		return AssistantMessage.builder().content(text).properties(properties).toolCalls(toolCalls).build();
	}

	private DefaultUsage usage(CompletionResult result) {
		long input = this.usages.stream().mapToLong(CompletionEvent.Usage::inputTokens).sum();
		long output = this.usages.stream().mapToLong(CompletionEvent.Usage::outputTokens).sum();
		Integer total = (result.tokens() > 0) ? Math.toIntExact(result.tokens()) : null;
		return new DefaultUsage(Math.toIntExact(input), Math.toIntExact(output), total, List.copyOf(this.usages));
	}

	/**
	 * The finish reason for an end reason: the API's name in upper case, and
	 * {@code TOOL_CALLS} when the bot stopped to have the caller run functions.
	 */
	private String finishReason(EndReason reason) {
		return (reason == EndReason.ACTIVITY && !this.toolCalls.isEmpty()) ? "TOOL_CALLS" : reason.name();
	}

}
