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

package io.github.cbkspring.client.agent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.conversation.CompletionOptions;
import io.github.cbkspring.client.conversation.CompletionRequest;
import io.github.cbkspring.client.conversation.ConversationClient;
import io.github.cbkspring.client.conversation.FunctionResult;
import io.github.cbkspring.client.core.ApiTransport;
import io.github.cbkspring.client.error.ChatBotKitException;

import org.springframework.util.Assert;

/**
 * An agent that runs its tools in the application while ChatBotKit's loop goes on, the
 * way ChatBotKit's own SDKs do: each {@link AgentTool} is offered to the model as a
 * function whose result names a channel unique to the tool and the completion; when the
 * stream announces a call ({@code waitForChannelMessageBegin} with the channel and the
 * arguments), the agent runs the tool on its executor and publishes the result
 * ({@code POST /channel/{channelId}/publish} with {@code {"message": {"data": ...}}}, or
 * {@code {"message": {"error": "..."}}}), and the server's loop continues with it, in the
 * same stream. <pre class="code">
 * ChatBotKitAgent agent = ChatBotKitAgent.builder(client).tool(lookupOrder).build();
 * try (Stream&lt;AgentEvent&gt; events = agent.complete(request)) {
 *     events.forEach(this::show);
 * }
 * </pre> Tools run in parallel when the model calls several; a slow tool does not hold up
 * reading the stream; closing the stream cancels (interrupts) the tools still running. A
 * tool that throws publishes an error without its stack trace; see {@link AgentTool}.
 * <p>
 * Thread-safe: an agent can run any number of completions and tasks at once.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public final class ChatBotKitAgent {

	private final ApiTransport transport;

	private final ConversationClient conversations;

	private final List<AgentTool> tools;

	private final Executor executor;

	private final int maxIterations;

	private ChatBotKitAgent(Builder builder) {
		this.transport = builder.transport;
		this.conversations = new ConversationClient(builder.transport);
		this.tools = List.copyOf(builder.tools.values());
		this.executor = builder.executor;
		this.maxIterations = builder.maxIterations;
	}

	/**
	 * Start building an agent.
	 * @param transport the client to call ChatBotKit with, typically the
	 * {@code ChatBotKitClient}
	 * @return a builder
	 */
	public static Builder builder(ApiTransport transport) {
		Assert.notNull(transport, "Transport must not be null");
		return new Builder(transport);
	}

	/**
	 * The agent's tools.
	 * @return the tools, in the order they were added
	 */
	public List<AgentTool> tools() {
		return this.tools;
	}

	/**
	 * Run one stateless completion ({@code POST /conversation/complete}, streamed) with
	 * the agent's tools offered as functions in addition to the request's own, and stream
	 * its events: each of the API's as an {@link AgentEvent.Completion}, and the tools'
	 * {@link AgentEvent.ToolCallStart start}, {@link AgentEvent.ToolCallEnd end} and
	 * {@link AgentEvent.ToolCallError error}. The stream ends when the API's does and the
	 * tools still running have finished. Close it (try-with-resources) to release the
	 * connection and cancel the running tools.
	 * @param request the bot, the messages and the options; its functions must not be
	 * named as a tool
	 * @return the events
	 * @throws IllegalArgumentException if the request is null or a function is named as a
	 * tool
	 * @throws ChatBotKitException if the call fails before the stream starts; a failure
	 * while reading is thrown by the stream
	 */
	public Stream<AgentEvent> complete(CompletionRequest request) {
		return complete(request, this.tools);
	}

	/**
	 * Execute a task: complete again and again, with the agent's tools and the task tools
	 * {@code plan}, {@code progress}, {@code exit} and {@code abort}, until the model
	 * calls {@code exit} (with its code) or {@code abort} (code 1), a completion ends
	 * without asking for more ({@code stop} or {@code abort}, code 0), or the maximum
	 * number of iterations is reached (code 1). Each iteration is one completion limited
	 * to one server-side iteration, whose history is the request's messages and the
	 * messages added by the completions before; instructions on working through the task
	 * with the task tools are appended to the extensions' backstory. The stream carries
	 * an {@link AgentEvent.Iteration} before each completion's events, and last an
	 * {@link AgentEvent.Exit}. Close it to cancel the task.
	 * @param task the bot and the messages that state the task; its options must not set
	 * limits, which the agent sets
	 * @return the events
	 * @throws IllegalArgumentException if the task is null, sets limits, or a tool or
	 * function is named as a task tool
	 * @throws ChatBotKitException if a completion fails
	 */
	public Stream<AgentEvent> execute(CompletionRequest task) {
		Assert.notNull(task, "Task must not be null");
		Assert.isNull(task.options().limits(), "A task takes no limits: the agent completes one iteration at a time");
		return new TaskRun(this, task, this.maxIterations).stream();
	}

	Stream<AgentEvent> complete(CompletionRequest request, List<AgentTool> tools) {
		Assert.notNull(request, "CompletionRequest must not be null");
		Map<String, AgentTool> toolsByChannel = new LinkedHashMap<>();
		CompletionOptions options = request.options();
		for (AgentTool tool : tools) {
			String channel = "cbk_" + UUID.randomUUID().toString().replace("-", "");
			toolsByChannel.put(channel, tool);
			options = options.withFunction(tool.definition().withResult(FunctionResult.channel(channel)));
		}
		CompletionRequest offered = new CompletionRequest(request.botId(), request.config(), request.messages(),
				request.attachments(), request.contact(), options);
		Stream<CompletionEvent> events = this.conversations.completeStream(offered);
		return new CompletionRun(this.transport, this.executor, toolsByChannel, events).stream();
	}

	@Override
	public String toString() {
		return "ChatBotKitAgent[tools=" + this.tools.stream().map(AgentTool::name).toList() + "]";
	}

	/**
	 * Builder for {@link ChatBotKitAgent}.
	 */
	public static final class Builder {

		private final ApiTransport transport;

		private final Map<String, AgentTool> tools = new LinkedHashMap<>();

		private Executor executor = AgentExecutors.defaultExecutor();

		private int maxIterations = 100;

		private Builder(ApiTransport transport) {
			this.transport = transport;
		}

		/**
		 * Add a tool.
		 * @param tool the tool
		 * @return this builder
		 * @throws IllegalArgumentException if another tool has its name
		 */
		public Builder tool(AgentTool tool) {
			Assert.notNull(tool, "Tool must not be null");
			Assert.isTrue(!this.tools.containsKey(tool.name()), () -> "Tool '" + tool.name() + "' is added twice");
			this.tools.put(tool.name(), tool);
			return this;
		}

		/**
		 * Add tools.
		 * @param tools the tools
		 * @return this builder
		 * @throws IllegalArgumentException if two tools have the same name
		 */
		public Builder tools(Collection<AgentTool> tools) {
			Assert.notNull(tools, "Tools must not be null");
			new ArrayList<>(tools).forEach(this::tool);
			return this;
		}

		/**
		 * Set the executor the tools run on, one task per call. By default a virtual
		 * thread per call on Java 21 and later, else a shared pool of 16 daemon threads.
		 * @param executor the executor
		 * @return this builder
		 */
		public Builder executor(Executor executor) {
			Assert.notNull(executor, "Executor must not be null");
			this.executor = executor;
			return this;
		}

		/**
		 * Set how many completions a task may take before it ends with code 1.
		 * @param maxIterations the maximum, at least 1; 100 by default
		 * @return this builder
		 */
		public Builder maxIterations(int maxIterations) {
			Assert.isTrue(maxIterations > 0, "Max iterations must be at least 1");
			this.maxIterations = maxIterations;
			return this;
		}

		/**
		 * Build the agent.
		 * @return the agent
		 */
		public ChatBotKitAgent build() {
			return new ChatBotKitAgent(this);
		}

	}

}
