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
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.TestClients;
import io.github.cbkspring.client.conversation.BotConfig;
import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.conversation.CompletionRequest;
import io.github.cbkspring.client.core.Message;
import io.github.cbkspring.testsupport.ChannelApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link ChatBotKitAgent#complete} against a loopback server that speaks the channel
 * protocol: the API announces a call on a channel and waits for its result. No test
 * bounds how fast anything happens; waits are hang guards.
 *
 * @author cbkspring contributors
 */
class ChatBotKitAgentTests {

	private final ChannelApiServer api = new ChannelApiServer();

	private final ChatBotKitClient client = TestClients.client(this.api.url());

	record Lookup(String orderId) {
	}

	record Order(String orderId, String status) {
	}

	record Quantity(int quantity) {
	}

	static class Unwritable {

		public String getValue() {
			throw new IllegalStateException("cannot be read");
		}

	}

	@AfterEach
	void close() {
		this.api.close();
	}

	private static CompletionRequest request() {
		return CompletionRequest.withConfig(BotConfig.ofModel("gpt-5.4")).message(Message.user("Where is 42?")).build();
	}

	private AgentTool lookup() {
		return AgentTool.of("lookupOrder", "Look up an order by id", Lookup.class,
				(args) -> new Order(args.orderId(), "shipped"));
	}

	private List<AgentEvent> complete(ChatBotKitAgent agent) {
		try (Stream<AgentEvent> events = agent.complete(request())) {
			return events.toList();
		}
	}

	@Test
	void toolRunsMidStreamAndItsResultIsPublishedToItsChannel() {
		List<Map<String, Object>> published = new ArrayList<>();
		this.api.script((completion) -> {
			completion.token("Let me look. ");
			completion.call("lookupOrder", Map.of("orderId", "42"));
			published.add(completion.awaitPublished("lookupOrder"));
			completion.token("It has shipped.");
			completion.result("stop");
		});
		ChatBotKitAgent agent = ChatBotKitAgent.builder(this.client).tool(lookup()).build();
		List<AgentEvent> events = complete(agent);
		assertThat(events).hasSize(6);
		assertThat(events.get(0)).isEqualTo(new AgentEvent.Completion(new CompletionEvent.Token("Let me look. ")));
		assertThat(events.get(1)).isEqualTo(new AgentEvent.ToolCallStart("lookupOrder", Map.of("orderId", "42")));
		assertThat(events.get(2)).isInstanceOf(AgentEvent.Completion.class);
		assertThat(events.get(3)).isEqualTo(new AgentEvent.ToolCallEnd("lookupOrder", new Order("42", "shipped")));
		assertThat(events.get(4)).isEqualTo(new AgentEvent.Completion(new CompletionEvent.Token("It has shipped.")));
		assertThat(events.get(5)).isInstanceOf(AgentEvent.Completion.class);
		assertThat(published).containsExactly(Map.of("data", Map.of("orderId", "42", "status", "shipped")));
		Map<String, Object> request = this.api.completionRequests().get(0);
		assertThat(request).extractingByKey("functions")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.singleElement()
			.satisfies((function) -> {
				@SuppressWarnings("unchecked")
				Map<String, Object> definition = (Map<String, Object>) function;
				assertThat(definition).containsEntry("name", "lookupOrder")
					.containsEntry("description", "Look up an order by id")
					.containsEntry("parameters", Map.of("type", "object", "properties",
							Map.of("orderId", Map.of("type", "string")), "required", List.of("orderId")));
				assertThat(definition).extractingByKey("result")
					.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
					.extractingByKey("channel")
					.asString()
					.hasSizeGreaterThanOrEqualTo(16);
			});
		assertThat(this.api.publishPaths()).singleElement()
			.asString()
			.matches("POST /api/v1/channel/cbk_[0-9a-f]{32}/publish");
	}

	@Test
	void everyCompletionAndToolGetsItsOwnChannel() {
		List<String> channels = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			this.api.script((completion) -> {
				channels.add(completion.channel("lookupOrder"));
				channels.add(completion.channel("other"));
				completion.result("stop");
			});
		}
		ChatBotKitAgent agent = ChatBotKitAgent.builder(this.client)
			.tool(lookup())
			.tool(AgentTool.of("other", "Another tool", Map.of(), (args) -> "other"))
			.build();
		complete(agent);
		complete(agent);
		assertThat(channels).hasSize(4).doesNotHaveDuplicates();
	}

	@Test
	void twoToolsCalledAtOnceRunInParallelWhileTheStreamIsRead() {
		CountDownLatch bothRunning = new CountDownLatch(2);
		AgentTool.Handler meetTheOther = (args) -> {
			bothRunning.countDown();
			// a hang guard only: with the tools in sequence the other never comes
			return bothRunning.await(2, TimeUnit.MINUTES);
		};
		List<Map<String, Object>> published = new ArrayList<>();
		this.api.script((completion) -> {
			completion.call("first", Map.of());
			completion.call("second", Map.of());
			published.add(completion.awaitPublished("first"));
			published.add(completion.awaitPublished("second"));
			completion.result("stop");
		});
		ChatBotKitAgent agent = ChatBotKitAgent.builder(this.client)
			.tool(AgentTool.of("first", "First", Map.of(), meetTheOther))
			.tool(AgentTool.of("second", "Second", Map.of(), meetTheOther))
			.build();
		List<AgentEvent> events = complete(agent);
		assertThat(published).containsExactly(Map.of("data", true), Map.of("data", true));
		assertThat(events).filteredOn(AgentEvent.ToolCallEnd.class::isInstance)
			.containsExactlyInAnyOrder(new AgentEvent.ToolCallEnd("first", true),
					new AgentEvent.ToolCallEnd("second", true));
	}

	@Test
	void aToolThatThrowsPublishesAnErrorWithoutItsDetails() {
		List<Map<String, Object>> published = new ArrayList<>();
		this.api.script((completion) -> {
			completion.call("failing", Map.of());
			published.add(completion.awaitPublished("failing"));
			completion.call("refusing", Map.of());
			published.add(completion.awaitPublished("refusing"));
			completion.call("interrupted", Map.of());
			published.add(completion.awaitPublished("interrupted"));
			completion.result("stop");
		});
		ChatBotKitAgent agent = ChatBotKitAgent.builder(this.client)
			.tool(AgentTool.of("failing", "Fails", Map.of(), (args) -> {
				throw new IllegalStateException("jdbc:postgresql://db.internal password=s3cr3t");
			}))
			.tool(AgentTool.of("refusing", "Refuses", Map.of(), (args) -> {
				throw new AgentToolException("No order with id 42");
			}))
			.tool(AgentTool.of("interrupted", "Interrupted by its own code", Map.of(), (args) -> {
				throw new InterruptedException("interrupted");
			}))
			.build();
		List<AgentEvent> events = complete(agent);
		assertThat(published).containsExactly(Map.of("error", "Tool 'failing' failed"),
				Map.of("error", "No order with id 42"), Map.of("error", "Tool 'interrupted' failed"));
		assertThat(events).filteredOn(AgentEvent.ToolCallError.class::isInstance)
			.containsExactly(new AgentEvent.ToolCallError("failing", "Tool 'failing' failed"),
					new AgentEvent.ToolCallError("refusing", "No order with id 42"),
					new AgentEvent.ToolCallError("interrupted", "Tool 'interrupted' failed"));
		assertThat(events).noneMatch((event) -> event.toString().contains("s3cr3t"));
	}

	@Test
	void invalidArgumentsArePublishedAsAnErrorAndTheToolDoesNotRun() {
		AtomicBoolean ran = new AtomicBoolean();
		List<Map<String, Object>> published = new ArrayList<>();
		this.api.script((completion) -> {
			completion.call("lookupOrder", Map.of());
			published.add(completion.awaitPublished("lookupOrder"));
			completion.call("count", Map.of("quantity", "many"));
			published.add(completion.awaitPublished("count"));
			completion.call("mapTool", Map.of("other", 1));
			published.add(completion.awaitPublished("mapTool"));
			completion.call("lookupOrder", "[1, 2]");
			published.add(completion.awaitPublished("lookupOrder"));
			completion.result("stop");
		});
		ChatBotKitAgent agent = ChatBotKitAgent.builder(this.client)
			.tool(AgentTool.of("lookupOrder", "Look up", Lookup.class, (args) -> ran.getAndSet(true)))
			.tool(AgentTool.of("count", "Count", Quantity.class, (args) -> ran.getAndSet(true)))
			.tool(AgentTool.ofJson("mapTool", "Map",
					"{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}},\"required\":[\"id\"]}",
					(args) -> ran.getAndSet(true)))
			.build();
		List<AgentEvent> events = complete(agent);
		assertThat(ran).isFalse();
		assertThat(published).allSatisfy((message) -> assertThat(message).containsOnlyKeys("error")
			.extractingByKey("error")
			.asString()
			.startsWith("Invalid arguments: "));
		assertThat(published.get(0)).containsEntry("error", "Invalid arguments: missing required property 'orderId'");
		assertThat(published.get(2)).containsEntry("error", "Invalid arguments: missing required property 'id'");
		assertThat(published.get(3)).containsEntry("error", "Invalid arguments: the arguments are not a JSON object");
		assertThat(events).filteredOn(AgentEvent.ToolCallError.class::isInstance).hasSize(4);
	}

	@Test
	void closingTheStreamCancelsARunningToolAndPublishesNothing() throws InterruptedException {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch interrupted = new CountDownLatch(1);
		CountDownLatch toolEnded = new CountDownLatch(1);
		Executor executor = (task) -> new Thread(() -> {
			task.run();
			toolEnded.countDown();
		}).start();
		this.api.script((completion) -> {
			completion.call("slow", Map.of());
			completion.awaitPublished("slow");
		});
		ChatBotKitAgent agent = ChatBotKitAgent.builder(this.client)
			.executor(executor)
			.tool(AgentTool.of("slow", "Slow", Map.of(), (args) -> {
				started.countDown();
				try {
					return new CountDownLatch(1).await(2, TimeUnit.MINUTES);
				}
				catch (InterruptedException ex) {
					interrupted.countDown();
					throw ex;
				}
			}))
			.build();
		try (Stream<AgentEvent> events = agent.complete(request())) {
			Iterator<AgentEvent> iterator = events.iterator();
			assertThat(iterator.next()).isEqualTo(new AgentEvent.ToolCallStart("slow", Map.of()));
			assertThat(started.await(2, TimeUnit.MINUTES)).isTrue();
		}
		assertThat(interrupted.await(2, TimeUnit.MINUTES)).as("the tool was interrupted").isTrue();
		assertThat(toolEnded.await(2, TimeUnit.MINUTES)).isTrue();
		assertThat(this.api.publishPaths()).isEmpty();
	}

	@Test
	void aResultThatIsNotJsonOrNoneIsPublishedAsSuch() {
		List<Map<String, Object>> published = new ArrayList<>();
		this.api.script((completion) -> {
			completion.call("opaque", Map.of());
			published.add(completion.awaitPublished("opaque"));
			completion.call("nothing", Map.of());
			published.add(completion.awaitPublished("nothing"));
			completion.result("stop");
		});
		ChatBotKitAgent agent = ChatBotKitAgent.builder(this.client)
			.tool(AgentTool.of("opaque", "Opaque", Map.of(), (args) -> new Unwritable()))
			.tool(AgentTool.of("nothing", "Nothing", Map.of(), (args) -> null))
			.build();
		List<AgentEvent> events = complete(agent);
		assertThat(published.get(0))
			.isEqualTo(Map.of("error", "Tool 'opaque' returned a result that cannot be written as JSON"));
		assertThat(published.get(1)).containsOnlyKeys("data").containsEntry("data", null);
		assertThat(events).contains(new AgentEvent.ToolCallEnd("nothing", null));
	}

	@Test
	void aToolTheExecutorRefusesPublishesAnError() {
		List<Map<String, Object>> published = new ArrayList<>();
		this.api.script((completion) -> {
			completion.call("lookupOrder", Map.of("orderId", "42"));
			published.add(completion.awaitPublished("lookupOrder"));
			completion.result("stop");
		});
		ChatBotKitAgent agent = ChatBotKitAgent.builder(this.client).executor((task) -> {
			throw new RejectedExecutionException("full");
		}).tool(lookup()).build();
		List<AgentEvent> events = complete(agent);
		assertThat(published).containsExactly(Map.of("error", "Tool 'lookupOrder' could not be started"));
		assertThat(events)
			.contains(new AgentEvent.ToolCallError("lookupOrder", "Tool 'lookupOrder' could not be started"));
	}

	@Test
	void aResultThatCannotBePublishedIsAToolCallError() {
		this.api.refusePublishes();
		this.api.script((completion) -> {
			completion.call("lookupOrder", Map.of("orderId", "42"));
			completion.awaitPublished("lookupOrder");
			completion.result("stop");
		});
		ChatBotKitAgent agent = ChatBotKitAgent.builder(this.client).tool(lookup()).build();
		List<AgentEvent> events = complete(agent);
		assertThat(events).filteredOn((event) -> !(event instanceof AgentEvent.Completion))
			.hasSize(3)
			.element(2)
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.type(AgentEvent.ToolCallError.class))
			.satisfies((error) -> {
				assertThat(error.name()).isEqualTo("lookupOrder");
				assertThat(error.error()).startsWith("The result of tool 'lookupOrder' was not published: ")
					.doesNotContain(io.github.cbkspring.testsupport.ApiStub.SECRET);
			});
	}

	@Test
	void aCallOnAnotherChannelPassesThrough() {
		this.api.script((completion) -> {
			completion.send("waitForChannelMessageBegin", Map.of("channel", "someone-elses-channel-0001", "function",
					Map.of("name", "lookupOrder", "args", Map.of())));
			completion.result("stop");
		});
		ChatBotKitAgent agent = ChatBotKitAgent.builder(this.client).tool(lookup()).build();
		List<AgentEvent> events = complete(agent);
		assertThat(events).hasSize(2).allMatch(AgentEvent.Completion.class::isInstance);
		assertThat(this.api.publishPaths()).isEmpty();
	}

	@Test
	void toolsAreNamedOnce() {
		ChatBotKitAgent.Builder builder = ChatBotKitAgent.builder(this.client).tool(lookup());
		assertThatIllegalArgumentException().isThrownBy(() -> builder.tools(List.of(lookup())))
			.withMessage("Tool 'lookupOrder' is added twice");
		assertThat(builder.build()).hasToString("ChatBotKitAgent[tools=[lookupOrder]]");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.maxIterations(0));
	}

}
