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

package io.github.cbkspring.sample.chat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;

/**
 * Tests for {@link AgentController} in demo mode: the demo bot calls the agent's tool
 * over a channel, the tool runs in the sample (on the {@link Orders} bean) and the bot
 * answers with its result.
 *
 * @author cbkspring contributors
 */
@SpringBootTest(properties = { "chatbotkit.secret=", "sample.demo.word-delay=0ms" })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class AgentControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoSpyBean
	private Orders orders;

	@Test
	void runsTheToolAndAnswersWithItsResult() {
		assertThat(run("Where is order 42?")).hasStatusOk()
			.bodyJson()
			.convertTo(Map.class)
			.isEqualTo(Map.of("text", "Demo bot: order 42 is shipped, with the courier.", "exitCode", 0, "toolCalls",
					List.of(Map.of("name", "orderStatus", "arguments", Map.of("orderId", "42"), "result",
							"shipped, with the courier"))));
		verify(this.orders).status("42");
	}

	@Test
	void anUnknownOrderIsTheToolsErrorForTheModel() {
		assertThat(run("Where is order 9?")).hasStatusOk()
			.bodyJson()
			.convertTo(Map.class)
			.isEqualTo(Map.of("text", "Demo bot: I could not look order 9 up (No order with id 9).", "exitCode", 0,
					"toolCalls", List.of(Map.of("name", "orderStatus", "arguments", Map.of("orderId", "9"), "error",
							"No order with id 9"))));
		verify(this.orders).status("9");
	}

	@Test
	void aToolThatThrowsIsReportedWithoutItsMessage(CapturedOutput output) {
		willThrow(new IllegalStateException("Connection refused: jdbc:postgresql://db/orders?password=s3cret"))
			.given(this.orders)
			.status("42");
		MvcTestResult result = run("Where is order 42?");
		assertThat(result).hasStatusOk()
			.bodyJson()
			.convertTo(Map.class)
			.isEqualTo(Map.of("text", "Demo bot: I could not look order 42 up (Tool 'orderStatus' failed).", "exitCode",
					0, "toolCalls", List.of(Map.of("name", "orderStatus", "arguments", Map.of("orderId", "42"), "error",
							"Tool 'orderStatus' failed"))));
		assertThat(result).bodyText().doesNotContain("s3cret").doesNotContain("IllegalStateException");
		// the application's log keeps what went wrong
		assertThat(output).contains("Tool 'orderStatus' failed").contains("s3cret");
	}

	@Test
	void aTaskWithoutAnOrderIsAnsweredWithoutATool() {
		assertThat(run("Where is my order?")).hasStatusOk()
			.bodyJson()
			.convertTo(Map.class)
			.isEqualTo(Map.of("text", "Demo bot: which order? Ask, say, \"Where is order 42?\"", "exitCode", 0,
					"toolCalls", List.of()));
	}

	@Test
	void refusesAnEmptyTask() {
		assertThat(run(" ")).hasStatus(400);
	}

	private MvcTestResult run(String task) {
		return this.mvc.post()
			.uri("/api/agent")
			.accept(MediaType.APPLICATION_JSON)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"" + task.replace("\"", "\\\"") + "\"}")
			.exchange();
	}

}
