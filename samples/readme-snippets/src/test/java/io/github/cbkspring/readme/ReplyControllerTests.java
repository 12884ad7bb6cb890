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

package io.github.cbkspring.readme;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.RetryOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's relay controller ({@code relay-controller}) against a ChatBotKit stub over
 * a real socket: a reply that fails half-way ends with an {@code error} event that tells
 * the browser nothing of ChatBotKit's message, instead of a normal end.
 *
 * @author cbkspring contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class ReplyControllerTests {

	private static final String SECRET = "sk-readme-relay-secret";

	private static final String TOKENS = """
			{"type":"token","data":{"token":"Hel"}}
			{"type":"token","data":{"token":" lo"}}
			""";

	private static final String RELAYED_TOKENS = "event:token\ndata:{\"token\":\"Hel\"}\n\n"
			+ "event:token\ndata:{\"token\":\" lo\"}\n\n";

	private static final String ERROR_EVENT = "event:error\ndata:{\"message\":\"The reply failed.\"}\n\n";

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void replyRelaysEachTokenAndEndsNormally() {
		answer(TOKENS + """
				{"type":"result","data":{"text":"Hel lo","end":{"reason":"stop"}}}
				""");
		assertThat(reply()).bodyText().isEqualTo(RELAYED_TOKENS);
	}

	@Test
	void errorEventHalfWayEndsTheRelayWithAnErrorEventAndOneWarning(CapturedOutput output) {
		answer(TOKENS + """
				{"type":"error","data":{"message":"shard db-7 of tenant acme timed out","code":"INTERNAL"}}
				""");
		assertThat(reply()).bodyText().isEqualTo(RELAYED_TOKENS + ERROR_EVENT).doesNotContain("db-7");
		assertThat(output.getOut().lines().filter((line) -> line.contains(" WARN "))).singleElement()
			.satisfies((line) -> assertThat(line).contains("The reply failed: ").doesNotContain(SECRET));
	}

	@Test
	void malformedLineHalfWayEndsTheRelayWithAnErrorEvent() {
		answer(TOKENS + "<html>proxy error</html>\n");
		assertThat(reply()).bodyText().isEqualTo(RELAYED_TOKENS + ERROR_EVENT);
	}

	@Test
	void brokenAnswerEndsTheRelayWithAnErrorEvent() {
		api.stubFor(post(urlEqualTo("/api/v1/conversation/complete"))
			.willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
		assertThat(reply()).bodyText().isEqualTo(ERROR_EVENT);
	}

	@Test
	void failureBeforeTheFirstTokenIsAnErrorEventToo() {
		api.stubFor(post(urlEqualTo("/api/v1/conversation/complete")).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"message\":\"Invalid secret\",\"code\":\"UNAUTHORIZED\"}")));
		assertThat(reply()).bodyText().isEqualTo(ERROR_EVENT);
	}

	private static void answer(String jsonLines) {
		api.stubFor(post(urlEqualTo("/api/v1/conversation/complete"))
			.willReturn(aResponse().withHeader("Content-Type", "application/jsonl").withBody(jsonLines)));
	}

	private static MvcTestResult reply() {
		ChatBotKitClient client = ChatBotKitClient.create(
				ChatBotKitOptions.builder().secret(SECRET).url(api.baseUrl()).retry(RetryOptions.disabled()).build());
		TypedApiSnippets.ReplyController controller = new TypedApiSnippets().new ReplyController(client.conversations(),
				new SimpleAsyncTaskExecutor());
		MockMvcTester mvc = MockMvcTester.create(MockMvcBuilders.standaloneSetup(controller).build());
		return mvc.post()
			.uri("/api/reply")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.contentType(MediaType.APPLICATION_JSON)
			.content("[{\"type\":\"user\",\"text\":\"Hi\"}]")
			.exchange();
	}

}
