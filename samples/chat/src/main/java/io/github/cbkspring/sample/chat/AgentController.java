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

package io.github.cbkspring.sample.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.agent.AgentEvent;
import io.github.cbkspring.client.agent.AgentTool;
import io.github.cbkspring.client.agent.AgentToolException;
import io.github.cbkspring.client.agent.ChatBotKitAgent;
import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.conversation.CompletionRequest;
import io.github.cbkspring.client.core.Message;
import io.github.cbkspring.sample.chat.AskController.Question;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs one agent task with a tool of the application: a {@link ChatBotKitAgent} whose
 * {@value #TOOL} tool calls the {@link Orders} bean. ChatBotKit's loop asks for the tool
 * over a channel, the agent runs it here and publishes its result, and the loop goes on
 * with it; the answer comes with the tool calls that ran.
 *
 * @author cbkspring contributors
 */
@RestController
class AgentController {

	/** The tool's name, as the model sees it. */
	static final String TOOL = "orderStatus";

	private final ChatBotKitAgent agent;

	private final String botId;

	AgentController(ChatBotKitClient client, Orders orders, ChatSampleProperties properties) {
		AgentTool orderStatus = AgentTool.of(TOOL, "The status of an order, by its id", OrderLookup.class,
				(args) -> orders.status(args.orderId())
					.orElseThrow(() -> new AgentToolException("No order with id " + args.orderId())));
		this.agent = ChatBotKitAgent.builder(client).tool(orderStatus).build();
		this.botId = properties.botId();
	}

	@PostMapping(path = "/api/agent", produces = MediaType.APPLICATION_JSON_VALUE)
	Answer run(@RequestBody Question task) {
		CompletionRequest request = CompletionRequest.withBot(this.botId)
			.message(Message.user(AskController.text(task)))
			.build();
		StringBuilder text = new StringBuilder();
		List<ToolCall> toolCalls = new ArrayList<>();
		int exitCode = 1;
		try (Stream<AgentEvent> events = this.agent.execute(request)) {
			for (AgentEvent event : (Iterable<AgentEvent>) events::iterator) {
				if (event instanceof AgentEvent.Completion completion
						&& completion.event() instanceof CompletionEvent.Token token) {
					text.append(token.token());
				}
				else if (event instanceof AgentEvent.ToolCallStart start) {
					toolCalls.add(new ToolCall(start.name(), start.arguments(), null, null));
				}
				else if (event instanceof AgentEvent.ToolCallEnd end) {
					finish(toolCalls, end.name(), end.result(), null);
				}
				else if (event instanceof AgentEvent.ToolCallError error) {
					finish(toolCalls, error.name(), null, error.error());
				}
				else if (event instanceof AgentEvent.Exit exit) {
					exitCode = exit.code();
				}
			}
		}
		return new Answer(text.toString(), exitCode, toolCalls);
	}

	/**
	 * Record the outcome of the first call of this tool that has none yet.
	 */
	private static void finish(List<ToolCall> toolCalls, String name, @Nullable Object result, @Nullable String error) {
		for (int i = 0; i < toolCalls.size(); i++) {
			ToolCall call = toolCalls.get(i);
			if (call.name().equals(name) && call.result() == null && call.error() == null) {
				toolCalls.set(i, new ToolCall(name, call.arguments(), result, error));
				return;
			}
		}
	}

	/**
	 * The tool's arguments: the model names the order.
	 *
	 * @param orderId the order's id
	 */
	record OrderLookup(String orderId) {
	}

	/**
	 * The task's answer.
	 *
	 * @param text what the bot wrote
	 * @param exitCode how the task ended: 0 done, 1 to 255 not done
	 * @param toolCalls the tool calls that ran, in the order they started
	 */
	record Answer(String text, int exitCode, List<ToolCall> toolCalls) {
	}

	/**
	 * A tool call and its outcome; the one of {@code result} and {@code error} that does
	 * not apply is left out of the JSON.
	 *
	 * @param name the tool
	 * @param arguments what the model passed
	 * @param result what the tool returned, if it returned
	 * @param error what the model was told instead, if the tool failed
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ToolCall(String name, Map<String, Object> arguments, @Nullable Object result, @Nullable String error) {
	}

}
