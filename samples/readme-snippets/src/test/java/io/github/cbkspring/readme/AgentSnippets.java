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
package io.github.cbkspring.readme;

import java.util.List;
import java.util.stream.Stream;

import io.github.cbkspring.ai.ToolCallbackAgentTools;
import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.agent.AgentEvent;
import io.github.cbkspring.client.agent.AgentTool;
import io.github.cbkspring.client.agent.AgentToolException;
import io.github.cbkspring.client.agent.ChatBotKitAgent;
import io.github.cbkspring.client.conversation.BotConfig;
import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.conversation.CompletionRequest;
import io.github.cbkspring.client.core.Message;

import org.springframework.ai.tool.annotation.Tool;

/**
 * The examples of {@code docs/agents.md}, compiled as they are printed.
 *
 * @author cbkspring contributors
 */
@SuppressWarnings("unused")
class AgentSnippets {

	interface Orders {

		String status(String orderId);

		boolean exists(String orderId);

	}

	// tag::agent-tool[]
	record OrderLookup(String orderId) {
	}

	ChatBotKitAgent agent(ChatBotKitClient client, Orders orders) {
		AgentTool lookup = AgentTool.of("lookupOrder", "The status of an order, by its id", OrderLookup.class,
				(args) -> {
					if (!orders.exists(args.orderId())) {
						throw new AgentToolException("No order with id " + args.orderId());
					}
					return orders.status(args.orderId());
				});
		return ChatBotKitAgent.builder(client).tool(lookup).build();
	}
	// end::agent-tool[]

	void complete(ChatBotKitAgent agent, StringBuilder reply) {
		// tag::agent-complete[]
		CompletionRequest request = CompletionRequest.withConfig(BotConfig.ofModel("gpt-5.4"))
			.message(Message.user("Where is my order 42?"))
			.build();
		try (Stream<AgentEvent> events = agent.complete(request)) {
			events.forEach((event) -> {
				if (event instanceof AgentEvent.Completion completion
						&& completion.event() instanceof CompletionEvent.Token token) {
					reply.append(token.token());
				}
				else if (event instanceof AgentEvent.ToolCallError error) {
					System.err.println(error.name() + ": " + error.error());
				}
			});
		}
		// end::agent-complete[]
	}

	int execute(ChatBotKitAgent agent) {
		// tag::agent-execute[]
		CompletionRequest task = CompletionRequest.withConfig(BotConfig.ofModel("gpt-5.4"))
			.message(Message.user("Find the orders of customer 7 that are late and list them"))
			.build();
		try (Stream<AgentEvent> events = agent.execute(task)) {
			AgentEvent.Exit exit = (AgentEvent.Exit) events.reduce((first, second) -> second).orElseThrow();
			return exit.code(); // 0 done, 1 to 255 not done
		}
		// end::agent-execute[]
	}

	// tag::agent-spring-ai[]
	static class OrderTools {

		private final Orders orders;

		OrderTools(Orders orders) {
			this.orders = orders;
		}

		@Tool(description = "The status of an order, by its id")
		String orderStatus(String orderId) {
			return this.orders.status(orderId);
		}

	}

	ChatBotKitAgent springAiAgent(ChatBotKitClient client, Orders orders) {
		List<AgentTool> tools = ToolCallbackAgentTools.fromToolObjects(new OrderTools(orders));
		return ChatBotKitAgent.builder(client).tools(tools).build();
	}
	// end::agent-spring-ai[]

}
