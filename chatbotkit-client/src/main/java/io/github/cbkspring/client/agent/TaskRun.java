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
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.conversation.CompletionOptions;
import io.github.cbkspring.client.conversation.CompletionRequest;
import io.github.cbkspring.client.conversation.EndReason;
import io.github.cbkspring.client.conversation.Extensions;
import io.github.cbkspring.client.conversation.Limits;
import io.github.cbkspring.client.core.Message;
import io.github.cbkspring.client.core.MessageType;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A task's loop: one completion per iteration, each with the history so far, until the
 * task tools end it, a completion stops on its own, or the iterations run out.
 *
 * @author cbkspring contributors
 */
final class TaskRun extends Spliterators.AbstractSpliterator<AgentEvent> {

	private final ChatBotKitAgent agent;

	private final CompletionRequest task;

	private final int maxIterations;

	private final TaskTools taskTools = new TaskTools();

	private final List<AgentTool> tools = new ArrayList<>();

	private final List<Message> history;

	private int iteration;

	private @Nullable Stream<AgentEvent> current;

	private @Nullable Iterator<AgentEvent> events;

	private @Nullable EndReason endReason;

	private boolean started;

	private boolean exited;

	TaskRun(ChatBotKitAgent agent, CompletionRequest task, int maxIterations) {
		super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
		for (AgentTool tool : agent.tools()) {
			Assert.isTrue(!TaskTools.NAMES.contains(tool.name()),
					() -> "Tool name '" + tool.name() + "' is reserved for tasks");
		}
		this.agent = agent;
		this.task = task;
		this.maxIterations = maxIterations;
		this.tools.addAll(agent.tools());
		this.tools.addAll(this.taskTools.tools());
		this.history = new ArrayList<>(task.messages());
	}

	Stream<AgentEvent> stream() {
		return StreamSupport.stream(this, false).onClose(this::closeCurrent);
	}

	@Override
	public boolean tryAdvance(Consumer<? super AgentEvent> action) {
		if (this.exited) {
			return false;
		}
		if (this.started) {
			this.started = false;
			Stream<AgentEvent> stream = this.agent.complete(request(), this.tools);
			this.current = stream;
			this.events = stream.iterator();
		}
		Iterator<AgentEvent> events = this.events;
		if (events != null && events.hasNext()) {
			AgentEvent event = events.next();
			observe(event);
			action.accept(event);
			return true;
		}
		closeCurrent();
		AgentEvent.Exit exit = exit();
		if (exit != null) {
			this.exited = true;
			action.accept(exit);
			return true;
		}
		this.iteration++;
		this.started = true;
		action.accept(new AgentEvent.Iteration(this.iteration));
		return true;
	}

	private AgentEvent.@Nullable Exit exit() {
		AgentEvent.Exit exit = this.taskTools.exit();
		if (exit != null) {
			return exit;
		}
		if (this.endReason == EndReason.STOP || this.endReason == EndReason.ABORT) {
			return new AgentEvent.Exit(0, null);
		}
		if (this.iteration >= this.maxIterations) {
			return new AgentEvent.Exit(1, "The task did not end within " + this.maxIterations + " iterations");
		}
		return null;
	}

	private void observe(AgentEvent event) {
		if (event instanceof AgentEvent.Completion completion) {
			// a message of a type this client does not know cannot be sent back
			if (completion.event() instanceof CompletionEvent.MessageAdded added
					&& added.message().type() != MessageType.UNKNOWN) {
				this.history.add(added.message());
			}
			else if (completion.event() instanceof CompletionEvent.Result result) {
				this.endReason = result.result().endReason();
			}
		}
	}

	private CompletionRequest request() {
		CompletionOptions options = this.task.options();
		Extensions extensions = (options.extensions() != null) ? options.extensions() : Extensions.none();
		String backstory = (extensions.backstory() != null) ? extensions.backstory() + "\n\n" : "";
		options = options.withExtensions(extensions.withBackstory(backstory + TaskTools.INSTRUCTIONS))
			.withLimits(Limits.none().withIterations(1));
		this.endReason = null;
		return new CompletionRequest(this.task.botId(), this.task.config(), this.history, this.task.attachments(),
				this.task.contact(), options);
	}

	private void closeCurrent() {
		Stream<AgentEvent> stream = this.current;
		this.current = null;
		this.events = null;
		if (stream != null) {
			stream.close();
		}
	}

}
