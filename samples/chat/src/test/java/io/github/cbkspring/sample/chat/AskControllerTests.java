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
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AskController}: Spring AI's {@code ChatClient} on the demo bot, over
 * HTTP as the page calls it.
 *
 * @author cbkspring contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "chatbotkit.secret=")
@ExtendWith(OutputCaptureExtension.class)
class AskControllerTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JsonMapper jsonMapper;

	@Test
	void answersWholeAsJson() {
		Map<?, ?> answer = ask(MediaType.APPLICATION_JSON).retrieve().body(Map.class);
		assertThat(answer.get("text")).isEqualTo("Demo bot: you said \"What is Spring AI?\"");
	}

	@Test
	void streamsAnEventPerToken() {
		String body = ask(MediaType.TEXT_EVENT_STREAM).retrieve().body(String.class);
		List<String> tokens = body.lines()
			.filter((line) -> line.startsWith("data:"))
			.map((line) -> this.jsonMapper.readTree(line.substring("data:".length())).get("text").asString())
			.toList();
		assertThat(tokens).containsExactly("Demo", " bot:", " you", " said", " \"What", " is", " Spring", " AI?\"");
	}

	@Test
	void streamThatFailsHalfWayEndsWithAnErrorEventInTheSamplesWords(CapturedOutput output) {
		// the demo API fails half-way through its reply to "/fail", with an error event
		// whose message is not for the page
		String body = ask(MediaType.TEXT_EVENT_STREAM, "/fail").retrieve().body(String.class);
		assertThat(body).isEqualTo("data:{\"text\":\"Demo\"}\n\ndata:{\"text\":\" bot:\"}\n\n"
				+ "event:error\ndata:{\"detail\":\"ChatBotKit could not finish the answer.\"}\n\n");
		assertThat(output.getOut().lines().filter((line) -> line.contains(" WARN ") && line.contains("AskController")))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("Streaming a Spring AI answer failed: "));
	}

	@Test
	void refusesAnEmptyQuestion() {
		HttpStatusCode status = RestClient.create()
			.post()
			.uri("http://localhost:{port}/api/ask", this.port)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("text", " "))
			.exchange((request, response) -> response.getStatusCode());
		assertThat(status.value()).isEqualTo(400);
	}

	private RestClient.RequestBodySpec ask(MediaType accept) {
		return ask(accept, "What is Spring AI?");
	}

	private RestClient.RequestBodySpec ask(MediaType accept, String question) {
		return RestClient.create()
			.post()
			.uri("http://localhost:{port}/api/ask", this.port)
			.accept(accept)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("text", question));
	}

}
