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

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.github.cbkspring.client.agent.AgentTool;
import io.github.cbkspring.client.agent.AgentToolException;
import io.github.cbkspring.client.agent.ChatBotKitAgent;
import io.github.cbkspring.client.conversation.FunctionCall;

import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.execution.ToolExecutionException;
import org.springframework.ai.tool.method.MethodToolCallbackProvider;
import org.springframework.util.Assert;

/**
 * Spring AI tools as {@link AgentTool}s of a {@link ChatBotKitAgent}, so that they run in
 * the application while ChatBotKit's server-side loop goes on: {@link ToolCallback}s, and
 * objects with {@code @Tool} methods. <pre class="code">
 * ChatBotKitAgent agent = ChatBotKitAgent.builder(client)
 *     .tools(ToolCallbackAgentTools.fromToolObjects(new OrderTools(orders)))
 *     .build();
 * </pre> A tool keeps its callback's name, description and input schema. Its arguments go
 * to the callback as JSON text, and the text the callback returns (Spring AI writes a
 * method's result as JSON) is published as the result, the text any model would read. An
 * {@link AgentToolException} the tool throws is published with its message, also when
 * Spring AI wraps it in a {@link ToolExecutionException}; any other failure as
 * {@code Tool '<name>' failed}. A callback's {@code returnDirect} and tool context do not
 * apply: the result always goes back to the model.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public final class ToolCallbackAgentTools {

	private ToolCallbackAgentTools() {
	}

	/**
	 * The agent tools of tool callbacks.
	 * @param callbacks the callbacks
	 * @return a tool per callback, in order
	 * @throws IllegalArgumentException if a callback's name is not a JavaScript
	 * identifier of at most 64 characters or its input schema is not a JSON object schema
	 */
	public static List<AgentTool> from(List<? extends ToolCallback> callbacks) {
		Assert.notNull(callbacks, "Tool callbacks must not be null");
		return callbacks.stream().map(ToolCallbackAgentTools::from).toList();
	}

	/**
	 * The agent tools of the {@code @Tool} methods of objects.
	 * @param toolObjects the objects whose {@code @Tool} methods are tools
	 * @return a tool per method
	 * @throws IllegalArgumentException if an object has no {@code @Tool} method, two
	 * tools have the same name, or a name is not a JavaScript identifier
	 */
	public static List<AgentTool> fromToolObjects(Object... toolObjects) {
		Assert.notNull(toolObjects, "Tool objects must not be null");
		ToolCallback[] callbacks = MethodToolCallbackProvider.builder()
			.toolObjects(toolObjects)
			.build()
			.getToolCallbacks();
		return from(Arrays.asList(callbacks));
	}

	/**
	 * The agent tool of a tool callback.
	 * @param callback the callback
	 * @return the tool
	 * @throws IllegalArgumentException if the callback's name is not a JavaScript
	 * identifier of at most 64 characters or its input schema is not a JSON object schema
	 */
	public static AgentTool from(ToolCallback callback) {
		Assert.notNull(callback, "Tool callback must not be null");
		String name = callback.getToolDefinition().name();
		return AgentTool.ofJson(name, callback.getToolDefinition().description(),
				callback.getToolDefinition().inputSchema(), (arguments) -> call(callback, name, arguments));
	}

	private static String call(ToolCallback callback, String name, Map<String, Object> arguments) {
		try {
			return callback.call(new FunctionCall(name, arguments, null).argumentsJson());
		}
		catch (ToolExecutionException ex) {
			if (ex.getCause() instanceof AgentToolException toolException) {
				throw toolException;
			}
			throw ex;
		}
	}

}
