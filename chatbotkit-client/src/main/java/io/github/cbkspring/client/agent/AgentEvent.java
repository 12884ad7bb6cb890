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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.cbkspring.client.conversation.CompletionEvent;
import org.jspecify.annotations.Nullable;

/**
 * One event of an agent's run: the completion's own events as the API sends them
 * ({@link Completion}), what the agent's local tools do ({@link ToolCallStart},
 * {@link ToolCallEnd}, {@link ToolCallError}), and, for a task, each iteration's start
 * ({@link Iteration}) and last its {@link Exit}. <pre class="code">
 * switch (event) {
 *     case AgentEvent.Completion completion -&gt; show(completion.event());
 *     case AgentEvent.ToolCallStart start -&gt; log.info("Running " + start.name());
 *     case AgentEvent.ToolCallError error -&gt; log.warn(error.name() + ": " + error.error());
 *     case AgentEvent.Exit exit -&gt; done(exit.code());
 *     default -&gt; { }
 * }
 * </pre>
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public sealed interface AgentEvent {

	/**
	 * An event of the completion stream, as the API sent it.
	 *
	 * @param event the event
	 */
	record Completion(CompletionEvent event) implements AgentEvent {

	}

	/**
	 * A local tool was called; it runs while the stream goes on ({@code toolCallStart}).
	 *
	 * @param name the tool's name
	 * @param arguments the arguments the model chose
	 */
	record ToolCallStart(String name, Map<String, Object> arguments) implements AgentEvent {

		/**
		 * Copy the arguments.
		 * @param name the tool's name
		 * @param arguments the arguments
		 */
		public ToolCallStart {
			arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
		}

	}

	/**
	 * A local tool returned and its result was published ({@code toolCallEnd}).
	 *
	 * @param name the tool's name
	 * @param result what the tool returned, or {@code null} for nothing
	 */
	record ToolCallEnd(String name, @Nullable Object result) implements AgentEvent {

	}

	/**
	 * A local tool was not run because of its arguments, failed, or its result could not
	 * be published ({@code toolCallError}).
	 *
	 * @param name the tool's name
	 * @param error the error, as published to the model
	 */
	record ToolCallError(String name, String error) implements AgentEvent {

	}

	/**
	 * An iteration of a task begins ({@code iteration}).
	 *
	 * @param iteration its number, from 1
	 */
	record Iteration(int iteration) implements AgentEvent {

	}

	/**
	 * The task ended, the last event of {@link ChatBotKitAgent#execute} ({@code exit}).
	 *
	 * @param code 0 for success, any other value (up to 255) for failure
	 * @param message why, if said
	 */
	record Exit(int code, @Nullable String message) implements AgentEvent {

	}

}
