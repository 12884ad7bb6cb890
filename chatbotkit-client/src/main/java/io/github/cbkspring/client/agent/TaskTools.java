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

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * The tools every task has: {@code plan} and {@code progress}, which let the model think
 * aloud and answer that it was heard, and {@code exit} and {@code abort}, which end the
 * task with a code.
 *
 * @author cbkspring contributors
 */
final class TaskTools {

	static final List<String> NAMES = List.of("plan", "progress", "exit", "abort");

	static final String INSTRUCTIONS = """
			## Working through the task
			Work through the task on your own, without waiting for more input:
			1. First call 'plan' with the steps you will take; call it again when the plan changes.
			2. Call 'progress' to record what is done, what you work on, and what blocks you.
			3. Use the other tools to do each step.
			4. When the task is done, call 'exit' with code 0; when it cannot be done, call 'exit' with a code \
			from 1 to 255 and say why.
			5. When the user asks you to stop, call 'abort'.""";

	private final AtomicReference<AgentEvent.@Nullable Exit> exit = new AtomicReference<>();

	AgentEvent.@Nullable Exit exit() {
		return this.exit.get();
	}

	List<AgentTool> tools() {
		return List.of(
				AgentTool.of("plan", "Create or revise the plan for the task: the steps, in order.", Plan.class,
						(plan) -> Map.of("message", "Plan with " + plan.steps().size() + " steps recorded")),
				AgentTool.of("progress",
						"Record progress on the task: steps completed, the current step, blockers and next steps.",
						Progress.class, (progress) -> Map.of("message", "Progress recorded")),
				AgentTool.of("exit",
						"End the task with a status code: 0 when it is done, 1 to 255 when it cannot be done.",
						Exit.class, this::exit),
				AgentTool.of("abort", "Stop the task at once, when the user asks to stop or cancel it.", Abort.class,
						this::abort));
	}

	private Map<String, Object> exit(Exit exit) {
		if (exit.code() < 0 || exit.code() > 255) {
			throw new InvalidArgumentsException("'code' must be from 0 to 255");
		}
		this.exit.compareAndSet(null, new AgentEvent.Exit(exit.code(), exit.message()));
		return Map.of("message", "Task ends with code " + exit.code());
	}

	private Map<String, Object> abort(Abort abort) {
		String reason = (abort.reason() != null) ? abort.reason() : "Aborted on request";
		this.exit.compareAndSet(null, new AgentEvent.Exit(1, reason));
		return Map.of("message", "Task aborted: " + reason);
	}

	record Plan(List<String> steps, @Nullable String rationale) {

	}

	record Progress(@Nullable List<String> completed, @Nullable String current, @Nullable List<String> blockers,
			@Nullable List<String> nextSteps) {

	}

	record Exit(int code, @Nullable String message) {

	}

	record Abort(@Nullable String reason) {

	}

}
