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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.cbkspring.testsupport.ChannelApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tool.function.FunctionToolCallback;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ChatBotKitChatModel.Builder#toolsOverChannels(boolean)}: the model runs the tool
 * callbacks while ChatBotKit's loop goes on, against a loopback server that speaks the
 * channel protocol.
 *
 * @author cbkspring contributors
 */
class ToolsOverChannelsTests {

	record Order(String orderId) {
	}

	private final ChannelApiServer api = new ChannelApiServer();

	private final List<String> looked = new ArrayList<>();

	private final ChatBotKitChatModel model = ChatBotKitChatModel.builder()
		.conversationClient(CompletionApi.conversations(this.api.url()))
		.options(ChatBotKitChatOptions.builder()
			.botId("bot-1")
			.toolCallbacks(FunctionToolCallback.builder("lookupOrder", (Order order) -> {
				this.looked.add(order.orderId());
				return "shipped";
			}).description("Where an order is").inputType(Order.class).build())
			.build())
		.toolsOverChannels(true)
		.toolExecutor((task) -> new Thread(task).start())
		.build();

	@AfterEach
	void close() {
		this.api.close();
	}

	private List<Map<String, Object>> script() {
		List<Map<String, Object>> published = new ArrayList<>();
		this.api.script((completion) -> {
			completion.token("One moment. ");
			completion.call("lookupOrder", Map.of("orderId", "o-7"));
			published.add(completion.awaitPublished("lookupOrder"));
			completion.token("It has shipped.");
			completion.send("result", Map.of("text", "One moment. It has shipped.", "end", Map.of("reason", "stop")));
		});
		return published;
	}

	@Test
	void aCallRunsTheToolInOneCompletionAndAnswersWithoutToolCalls() {
		List<Map<String, Object>> published = script();
		ChatResponse response = this.model.call(new Prompt("Where is o-7?"));
		assertThat(response.hasToolCalls()).isFalse();
		assertThat(response.getResult().getOutput().getText()).isEqualTo("One moment. It has shipped.");
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
		assertThat(this.looked).containsExactly("o-7");
		assertThat(published).containsExactly(Map.of("data", "\"shipped\""));
		assertThat(this.api.completionRequests()).hasSize(1);
		assertThat(this.api.completionRequests().get(0)).extractingByKey("functions")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.singleElement()
			.satisfies((function) -> {
				@SuppressWarnings("unchecked")
				Map<String, Object> definition = (Map<String, Object>) function;
				assertThat(definition).containsEntry("name", "lookupOrder").containsKey("result");
			});
	}

	@Test
	void aStreamRunsTheToolInOneCompletionToo() {
		List<Map<String, Object>> published = script();
		List<ChatResponse> responses = Objects
			.requireNonNull(this.model.stream(new Prompt("Where is o-7?")).collectList().block(Duration.ofMinutes(2)));
		assertThat(responses).noneMatch(ChatResponse::hasToolCalls);
		assertThat(responses.stream()
			.map((response) -> Objects.requireNonNullElse(response.getResult().getOutput().getText(), ""))
			.reduce("", String::concat)).isEqualTo("One moment. It has shipped.");
		assertThat(published).containsExactly(Map.of("data", "\"shipped\""));
	}

}
