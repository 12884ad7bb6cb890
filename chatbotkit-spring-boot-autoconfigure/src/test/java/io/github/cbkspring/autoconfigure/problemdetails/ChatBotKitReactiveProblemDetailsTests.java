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

package io.github.cbkspring.autoconfigure.problemdetails;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.github.cbkspring.client.error.ChatBotKitAuthenticationException;
import io.github.cbkspring.client.error.ChatBotKitConnectionException;
import io.github.cbkspring.client.error.ChatBotKitError;
import io.github.cbkspring.client.error.ChatBotKitNotFoundException;
import io.github.cbkspring.client.error.ChatBotKitRateLimitException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * Tests for what {@code ChatBotKitReactiveProblemDetailsExceptionHandler} answers and
 * logs, in the {@code @WebFluxTest} slice it joins. The mapping of each failure is the
 * one of Spring MVC, tested in {@link ChatBotKitProblemDetailsTests}.
 *
 * @author cbkspring contributors
 */
@WebFluxTest(controllers = ChatBotKitReactiveProblemDetailsTests.ChatController.class,
		properties = { "chatbotkit.problem-details.enabled=true", "chatbotkit.url=https://chatbotkit.example.com",
				"chatbotkit.secret=" + ChatBotKitReactiveProblemDetailsTests.SECRET })
@ExtendWith(OutputCaptureExtension.class)
class ChatBotKitReactiveProblemDetailsTests {

	static final String SECRET = "sk-test-secret-123";

	private static final Pattern LOG_LINE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T");

	private static final String API_MESSAGE = "Secret " + SECRET + " is invalid";

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private Supplier<String> chatBotKitCall;

	@Test
	void failedMonoIsAProblem(CapturedOutput output) {
		String called = "GET https://chatbotkit.example.com/v1/api/v1/bot/{botId}/fetch";
		fail(new ChatBotKitNotFoundException(new ChatBotKitError(404, "NOT_FOUND", API_MESSAGE, "req-9", called)));
		this.client.get()
			.uri("/chat")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.BAD_GATEWAY)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.json("""
					{"title":"Bad Gateway","status":502,"instance":"/chat","code":"NOT_FOUND","requestId":"req-9",
					 "detail":"ChatBotKit does not know what this application asked for."}
					""", JsonCompareMode.STRICT);
		assertThat(warning(output)).startsWith("ChatBotKit API answered 404 NOT_FOUND to " + called)
			.contains("Check chatbotkit.url and chatbotkit.api-path")
			.doesNotContain(SECRET);
		assertThat(output).doesNotContain(SECRET);
	}

	@Test
	void failureThrownByTheControllerIsAProblem() {
		fail(new ChatBotKitAuthenticationException(new ChatBotKitError(401, "UNAUTHORIZED", API_MESSAGE, null)));
		this.client.get()
			.uri("/chat/thrown")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.BAD_GATEWAY)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("ChatBotKit rejected this application's credentials.")
			.jsonPath("$.requestId")
			.doesNotExist();
	}

	@Test
	void rateLimitIsPassedOnWithRetryAfter() {
		fail(new ChatBotKitRateLimitException(new ChatBotKitError(429, "TOO_MANY_REQUESTS", API_MESSAGE, null),
				Duration.ofMillis(2500)));
		this.client.get()
			.uri("/chat")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "3");
	}

	@Test
	void connectionFailureIsServiceUnavailable(CapturedOutput output) {
		fail(new ChatBotKitConnectionException("Could not connect", new ConnectException("Connection refused"), false));
		this.client.get().uri("/chat").exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(warning(output)).isEqualTo(
				"Could not reach ChatBotKit at https://chatbotkit.example.com (ConnectException: Connection refused); "
						+ "answered 503. Check chatbotkit.url and the network.");
	}

	private void fail(RuntimeException failure) {
		given(this.chatBotKitCall.get()).willThrow(failure);
	}

	private static List<String> logLines(CapturedOutput output) {
		return output.getOut().lines().filter((line) -> LOG_LINE.matcher(line).lookingAt()).toList();
	}

	private static String warning(CapturedOutput output) {
		return logLines(output).stream()
			.filter((line) -> line.contains(" WARN "))
			.map((line) -> line.substring(line.indexOf(" : ") + 3))
			.findFirst()
			.orElseThrow();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@Import(ChatController.class)
	static class ChatApplication {

	}

	@RestController
	static class ChatController {

		private final Supplier<String> chatBotKitCall;

		ChatController(Supplier<String> chatBotKitCall) {
			this.chatBotKitCall = chatBotKitCall;
		}

		/**
		 * The way the README shows: the blocking call off the event loop.
		 */
		@GetMapping("/chat")
		Mono<String> chat() {
			return Mono.fromCallable(this.chatBotKitCall::get).subscribeOn(Schedulers.boundedElastic());
		}

		@GetMapping("/chat/thrown")
		String thrown() {
			return this.chatBotKitCall.get();
		}

	}

}
