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

import java.util.List;
import java.util.Map;

import io.github.cbkspring.client.agent.AgentTool;
import io.github.cbkspring.client.agent.AgentToolException;
import org.junit.jupiter.api.Test;

import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.execution.ToolExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link ToolCallbackAgentTools}: Spring AI tools as agent tools.
 *
 * @author cbkspring contributors
 */
class ToolCallbackAgentToolsTests {

	static class OrderTools {

		@Tool(description = "The status of an order")
		String orderStatus(@ToolParam(description = "The order's id") String orderId) {
			return "shipped " + orderId;
		}

		@Tool(description = "Refuses with a message for the model")
		String refuse() {
			throw new AgentToolException("No order with id 42");
		}

		@Tool(description = "Fails with a detail that must stay in the application")
		String fail() {
			throw new IllegalStateException("password=s3cr3t");
		}

	}

	private static AgentTool tool(List<AgentTool> tools, String name) {
		return tools.stream().filter((tool) -> tool.name().equals(name)).findFirst().orElseThrow();
	}

	@Test
	void toolMethodsBecomeAgentToolsWithTheirNamesDescriptionsAndSchemas() throws Exception {
		List<AgentTool> tools = ToolCallbackAgentTools.fromToolObjects(new OrderTools());
		assertThat(tools).extracting(AgentTool::name).containsExactlyInAnyOrder("orderStatus", "refuse", "fail");
		AgentTool status = tool(tools, "orderStatus");
		assertThat(status.description()).isEqualTo("The status of an order");
		assertThat(status.parameters()).containsEntry("type", "object")
			.containsEntry("required", List.of("orderId"))
			.extractingByKey("properties")
			.isEqualTo(Map.of("orderId", Map.of("type", "string", "description", "The order's id")));
		assertThat(status.call(Map.of("orderId", "42"))).isEqualTo("\"shipped 42\"");
	}

	@Test
	void anAgentToolExceptionOfAToolMethodKeepsItsMessageAndOthersStayWrapped() {
		List<AgentTool> tools = ToolCallbackAgentTools.fromToolObjects(new OrderTools());
		assertThatExceptionOfType(AgentToolException.class).isThrownBy(() -> tool(tools, "refuse").call(Map.of()))
			.withMessage("No order with id 42");
		assertThatExceptionOfType(ToolExecutionException.class).isThrownBy(() -> tool(tools, "fail").call(Map.of()))
			.isNotInstanceOf(AgentToolException.class);
	}

	@Test
	void aCallbackGetsTheArgumentsAsJsonAndItsTextIsTheResult() throws Exception {
		ToolCallback echo = new ToolCallback() {

			@Override
			public ToolDefinition getToolDefinition() {
				return ToolDefinition.builder()
					.name("echo")
					.description("Echoes its arguments")
					.inputSchema(
							"{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}},\"required\":[\"n\"]}")
					.build();
			}

			@Override
			public String call(String toolInput) {
				return "got " + toolInput;
			}

		};
		AgentTool tool = ToolCallbackAgentTools.from(List.of(echo)).get(0);
		assertThat(tool.call(Map.of("n", 7))).isEqualTo("got {\"n\":7}");
		assertThatIllegalArgumentException().isThrownBy(() -> tool.call(Map.of()))
			.withMessage("missing required property 'n'");
	}

	@Test
	void aToolObjectWithoutToolMethodsIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ToolCallbackAgentTools.fromToolObjects(new Object()));
	}

}
