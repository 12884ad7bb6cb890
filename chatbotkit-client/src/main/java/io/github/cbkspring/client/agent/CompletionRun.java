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

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.conversation.FunctionCall;
import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ApiTransport;
import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.client.internal.JsonCodec;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * One completion stream of an agent: reads the API's events, starts a local tool on the
 * executor when a {@code waitForChannelMessageBegin} event names one of its channels, and
 * publishes the tool's result to that channel while reading goes on. The events of tools
 * that finished are handed out before the next event read, so a tool's end comes before
 * anything the API sent after its result; at the end of the stream, the run waits for the
 * tools still running. Closing the run closes the stream and cancels (interrupts) the
 * running tools, whose results are then not published.
 *
 * @author cbkspring contributors
 */
final class CompletionRun extends Spliterators.AbstractSpliterator<AgentEvent> {

	private static final Log logger = LogFactory.getLog(CompletionRun.class);

	private static final ApiEndpoint PUBLISH = ApiEndpoint.post("/channel/{channelId}/publish");

	private final ApiTransport transport;

	private final Executor executor;

	private final Map<String, AgentTool> toolsByChannel;

	private final Stream<CompletionEvent> events;

	private final Iterator<CompletionEvent> iterator;

	/** Events for the reader, who alone touches this queue. */
	private final Queue<AgentEvent> ready = new ArrayDeque<>();

	/** Events of tools that finished, added by the tools' threads. */
	private final Queue<AgentEvent> finished = new ConcurrentLinkedQueue<>();

	private final List<FutureTask<?>> running = new CopyOnWriteArrayList<>();

	private volatile boolean closed;

	CompletionRun(ApiTransport transport, Executor executor, Map<String, AgentTool> toolsByChannel,
			Stream<CompletionEvent> events) {
		super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
		this.transport = transport;
		this.executor = executor;
		this.toolsByChannel = toolsByChannel;
		this.events = events;
		this.iterator = events.iterator();
	}

	Stream<AgentEvent> stream() {
		return StreamSupport.stream(this, false).onClose(this::close);
	}

	@Override
	public boolean tryAdvance(Consumer<? super AgentEvent> action) {
		AgentEvent next = next();
		if (next == null) {
			return false;
		}
		action.accept(next);
		return true;
	}

	private @Nullable AgentEvent next() {
		if (this.ready.isEmpty()) {
			drainFinished();
		}
		if (this.ready.isEmpty()) {
			if (this.iterator.hasNext()) {
				CompletionEvent event = this.iterator.next();
				// a tool that published before this event was sent ended before it
				drainFinished();
				onEvent(event);
				this.ready.add(new AgentEvent.Completion(event));
			}
			else {
				awaitRunning();
				drainFinished();
			}
		}
		return this.ready.poll();
	}

	private void drainFinished() {
		AgentEvent event;
		while ((event = this.finished.poll()) != null) {
			this.ready.add(event);
		}
	}

	private void onEvent(CompletionEvent event) {
		if (!(event instanceof CompletionEvent.Marker marker)
				|| !(marker.data().get("channel") instanceof String channel)) {
			return;
		}
		AgentTool tool = this.toolsByChannel.get(channel);
		if (tool == null) {
			return;
		}
		FunctionCall call;
		try {
			call = FunctionCall.of(event).orElse(null);
		}
		catch (IllegalArgumentException ex) {
			call = null;
		}
		if (call == null) {
			this.ready.add(new AgentEvent.ToolCallStart(tool.name(), Map.of()));
			fail(tool, channel, "Invalid arguments: the arguments are not a JSON object");
			return;
		}
		this.ready.add(new AgentEvent.ToolCallStart(tool.name(), call.arguments()));
		Map<String, Object> arguments = call.arguments();
		FutureTask<Void> task = new FutureTask<>(() -> run(tool, channel, arguments), null);
		this.running.add(task);
		try {
			this.executor.execute(task);
		}
		catch (RejectedExecutionException ex) {
			this.running.remove(task);
			fail(tool, channel, "Tool '" + tool.name() + "' could not be started");
		}
	}

	private void run(AgentTool tool, String channel, Map<String, Object> arguments) {
		Object result;
		try {
			result = tool.call(arguments);
		}
		catch (InvalidArgumentsException ex) {
			fail(tool, channel, "Invalid arguments: " + ex.getMessage());
			return;
		}
		catch (AgentToolException ex) {
			fail(tool, channel, String.valueOf(ex.getMessage()));
			return;
		}
		catch (InterruptedException ex) {
			// cancelled when the stream was closed; else the server still waits
			if (!this.closed) {
				fail(tool, channel, "Tool '" + tool.name() + "' failed");
			}
			Thread.currentThread().interrupt();
			return;
		}
		catch (Exception ex) {
			if (!this.closed) {
				logger.warn("Tool '" + tool.name() + "' failed", ex);
			}
			fail(tool, channel, "Tool '" + tool.name() + "' failed");
			return;
		}
		Object data;
		try {
			data = (result != null) ? JsonCodec.INSTANCE.toJsonValue(result) : null;
		}
		catch (IllegalArgumentException ex) {
			fail(tool, channel, "Tool '" + tool.name() + "' returned a result that cannot be written as JSON");
			return;
		}
		this.finished.add(new AgentEvent.ToolCallEnd(tool.name(), result));
		Map<String, @Nullable Object> message = new LinkedHashMap<>();
		message.put("data", data);
		publish(tool, channel, message);
	}

	private void fail(AgentTool tool, String channel, String error) {
		this.finished.add(new AgentEvent.ToolCallError(tool.name(), error));
		publish(tool, channel, Map.of("error", error));
	}

	private void publish(AgentTool tool, String channel, Map<String, ?> message) {
		if (this.closed) {
			return;
		}
		try {
			this.transport.request(PUBLISH, channel).body(Map.of("message", message)).execute();
		}
		catch (ChatBotKitException ex) {
			this.finished.add(new AgentEvent.ToolCallError(tool.name(),
					"The result of tool '" + tool.name() + "' was not published: " + ex.getMessage()));
		}
	}

	private void awaitRunning() {
		for (FutureTask<?> task : this.running) {
			try {
				task.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				close();
				throw new CancellationException("Interrupted while waiting for the agent's tools");
			}
			catch (ExecutionException | CancellationException ex) {
				// run() reports its own failures; a cancelled tool reports nothing
			}
		}
		this.running.clear();
	}

	void close() {
		this.closed = true;
		try {
			this.events.close();
		}
		finally {
			this.running.forEach((task) -> task.cancel(true));
		}
	}

}
