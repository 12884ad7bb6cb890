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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.TestClients;
import io.github.cbkspring.client.conversation.BotConfig;
import io.github.cbkspring.client.conversation.CompletionOptions;
import io.github.cbkspring.client.conversation.CompletionRequest;
import io.github.cbkspring.client.conversation.Extensions;
import io.github.cbkspring.client.conversation.Limits;
import io.github.cbkspring.client.core.Message;
import io.github.cbkspring.testsupport.ChannelApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link ChatBotKitAgent#execute}: the task loop against a loopback server that speaks
 * the channel protocol.
 *
 * @author cbkspring contributors
 */
class TaskExecutionTests {

	private final ChannelApiServer api = new ChannelApiServer();

	private final ChatBotKitClient client = TestClients.client(this.api.url());

	@AfterEach
	void close() {
		this.api.close();
	}

	private static CompletionRequest task() {
		return CompletionRequest.withConfig(BotConfig.ofModel("gpt-5.4"))
			.message(Message.user("Refund order 42"))
			.options(CompletionOptions.none().withExtensions(Extensions.none().withBackstory("You run a shop.")))
			.build();
	}

	private List<AgentEvent> execute(ChatBotKitAgent agent) {
		try (Stream<AgentEvent> events = agent.execute(task())) {
			return events.toList();
		}
	}

	private static List<Object> functionNames(Map<String, Object> request) {
		return ((List<?>) request.get("functions")).stream()
			.map((function) -> (Object) ((Map<?, ?>) function).get("name"))
			.toList();
	}

	@Test
	void theExitToolEndsTheTaskWithItsCode() {
		List<Map<String, Object>> published = new ArrayList<>();
		this.api.script((completion) -> {
			completion.call("plan", Map.of("steps", List.of("look up", "refund")));
			published.add(completion.awaitPublished("plan"));
			completion.call("progress", Map.of("completed", List.of("look up")));
			published.add(completion.awaitPublished("progress"));
			completion.call("exit", Map.of("code", 3, "message", "The order is not refundable"));
			published.add(completion.awaitPublished("exit"));
			completion.result("iteration");
		});
		List<AgentEvent> events = execute(ChatBotKitAgent.builder(this.client).build());
		assertThat(events.get(0)).isEqualTo(new AgentEvent.Iteration(1));
		assertThat(events.get(events.size() - 1)).isEqualTo(new AgentEvent.Exit(3, "The order is not refundable"));
		assertThat(events).filteredOn(AgentEvent.Exit.class::isInstance).hasSize(1);
		assertThat(published).containsExactly(Map.of("data", Map.of("message", "Plan with 2 steps recorded")),
				Map.of("data", Map.of("message", "Progress recorded")),
				Map.of("data", Map.of("message", "Task ends with code 3")));
		Map<String, Object> request = this.api.completionRequests().get(0);
		assertThat(request).containsEntry("limits", Map.of("iterations", 1));
		assertThat(request).extractingByKey("extensions")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.extractingByKey("backstory")
			.asString()
			.startsWith("You run a shop.\n\n")
			.contains("call 'exit' with code 0");
		assertThat(functionNames(request)).containsExactly("plan", "progress", "exit", "abort");
	}

	@Test
	void iterationsGoOnWithTheHistoryUntilTheModelExits() {
		this.api.script((completion) -> {
			completion.message("bot", "Looking the order up.");
			completion.message("somethingNew", "A kind of message this client does not know");
			completion.result("iteration");
		});
		this.api.script((completion) -> {
			completion.call("exit", Map.of("code", 0));
			completion.awaitPublished("exit");
			completion.result("iteration");
		});
		List<AgentEvent> events = execute(ChatBotKitAgent.builder(this.client)
			.tool(AgentTool.of("refund", "Refund an order", Map.of(), (args) -> "done"))
			.build());
		assertThat(events)
			.filteredOn((event) -> event instanceof AgentEvent.Iteration || event instanceof AgentEvent.Exit)
			.containsExactly(new AgentEvent.Iteration(1), new AgentEvent.Iteration(2), new AgentEvent.Exit(0, null));
		assertThat(this.api.completionRequests()).hasSize(2);
		assertThat(this.api.completionRequests().get(1)).extractingByKey("messages")
			.isEqualTo(List.of(Map.of("type", "user", "text", "Refund order 42"),
					Map.of("type", "bot", "text", "Looking the order up.")));
		assertThat(functionNames(this.api.completionRequests().get(1))).containsExactly("refund", "plan", "progress",
				"exit", "abort");
	}

	@Test
	void aCompletionThatStopsOnItsOwnEndsTheTaskWithCodeZero() {
		this.api.script((completion) -> completion.result("stop"));
		List<AgentEvent> events = execute(ChatBotKitAgent.builder(this.client).build());
		assertThat(events).last().isEqualTo(new AgentEvent.Exit(0, null));
		assertThat(this.api.completionRequests()).hasSize(1);
	}

	@Test
	void theTaskEndsWithCodeOneAfterTheMaximumIterations() {
		this.api.script((completion) -> completion.result("iteration"));
		this.api.script((completion) -> completion.result("iteration"));
		List<AgentEvent> events = execute(ChatBotKitAgent.builder(this.client).maxIterations(2).build());
		assertThat(events)
			.filteredOn((event) -> event instanceof AgentEvent.Iteration || event instanceof AgentEvent.Exit)
			.containsExactly(new AgentEvent.Iteration(1), new AgentEvent.Iteration(2),
					new AgentEvent.Exit(1, "The task did not end within 2 iterations"));
		assertThat(this.api.completionRequests()).hasSize(2);
	}

	@Test
	void abortEndsTheTaskWithCodeOne() {
		this.api.script((completion) -> {
			completion.call("abort", Map.of("reason", "The user said stop"));
			completion.awaitPublished("abort");
			completion.result("iteration");
		});
		assertThat(execute(ChatBotKitAgent.builder(this.client).build())).last()
			.isEqualTo(new AgentEvent.Exit(1, "The user said stop"));
	}

	@Test
	void anExitCodeOutOfRangeIsRefusedAndTheTaskGoesOn() {
		List<Map<String, Object>> published = new ArrayList<>();
		this.api.script((completion) -> {
			completion.call("exit", Map.of("code", 256));
			published.add(completion.awaitPublished("exit"));
			completion.call("abort", Map.of());
			published.add(completion.awaitPublished("abort"));
			completion.result("iteration");
		});
		assertThat(execute(ChatBotKitAgent.builder(this.client).build())).last()
			.isEqualTo(new AgentEvent.Exit(1, "Aborted on request"));
		assertThat(published.get(0)).isEqualTo(Map.of("error", "Invalid arguments: 'code' must be from 0 to 255"));
	}

	@Test
	void aTaskRefusesLimitsAndToolsNamedAsTaskTools() {
		ChatBotKitAgent agent = ChatBotKitAgent.builder(this.client).build();
		CompletionRequest limited = CompletionRequest.withBot("bot-1")
			.message(Message.user("Go"))
			.options(CompletionOptions.none().withLimits(Limits.none().withIterations(3)))
			.build();
		assertThatIllegalArgumentException().isThrownBy(() -> agent.execute(limited))
			.withMessageContaining("takes no limits");
		ChatBotKitAgent withExit = ChatBotKitAgent.builder(this.client)
			.tool(AgentTool.of("exit", "Mine", Map.of(), (args) -> null))
			.build();
		assertThatIllegalArgumentException().isThrownBy(() -> withExit.execute(task()))
			.withMessage("Tool name 'exit' is reserved for tasks");
		assertThat(this.api.completionRequests()).isEmpty();
	}

}
