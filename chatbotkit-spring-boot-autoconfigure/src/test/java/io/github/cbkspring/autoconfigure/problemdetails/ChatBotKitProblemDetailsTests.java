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

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.github.cbkspring.client.error.ChatBotKitAuthenticationException;
import io.github.cbkspring.client.error.ChatBotKitConnectionException;
import io.github.cbkspring.client.error.ChatBotKitDecodingException;
import io.github.cbkspring.client.error.ChatBotKitError;
import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.client.error.ChatBotKitNotFoundException;
import io.github.cbkspring.client.error.ChatBotKitPermissionException;
import io.github.cbkspring.client.error.ChatBotKitRateLimitException;
import io.github.cbkspring.client.error.ChatBotKitServerException;
import io.github.cbkspring.client.error.ChatBotKitTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * Tests for what {@code ChatBotKitProblemDetailsExceptionHandler} answers and logs, in
 * the {@code @WebMvcTest} slice it joins.
 *
 * @author cbkspring contributors
 */
@WebMvcTest(controllers = ChatBotKitProblemDetailsTests.ChatController.class,
		properties = { "chatbotkit.problem-details.enabled=true", "chatbotkit.url=https://chatbotkit.example.com",
				"chatbotkit.secret=" + ChatBotKitProblemDetailsTests.SECRET })
@ExtendWith(OutputCaptureExtension.class)
class ChatBotKitProblemDetailsTests {

	static final String SECRET = "sk-test-secret-123";

	private static final String HANDLER = "io.github.cbkspring.autoconfigure.ChatBotKitProblemDetails";

	private static final Pattern LOG_LINE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T");

	// An API message that echoes the secret: the browser must see neither
	private static final String API_MESSAGE = "Secret " + SECRET + " is invalid";

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private Supplier<String> chatBotKitCall;

	@Test
	void rejectedSecretIsBadGateway(CapturedOutput output) {
		fail(new ChatBotKitAuthenticationException(error(401, "UNAUTHORIZED")));
		assertProblem(call(), HttpStatus.BAD_GATEWAY, "ChatBotKit rejected this application's credentials.");
		assertThat(warning(output)).contains("401 UNAUTHORIZED", "answered 502", "Check chatbotkit.secret.")
			.contains("Secret ****** is invalid");
		assertThat(output).doesNotContain(SECRET);
	}

	@Test
	void forbiddenIsBadGateway() {
		fail(new ChatBotKitPermissionException(error(403, "FORBIDDEN")));
		assertProblem(call(), HttpStatus.BAD_GATEWAY, "ChatBotKit rejected this application's credentials.");
	}

	@Test
	void notFoundIsBadGatewayAndTheWarningNamesTheUrlCalledAndWhatMakesIt(CapturedOutput output) {
		String called = "POST https://chatbotkit.example.com/v1/api/v1/bot/{botId}/session/create";
		fail(new ChatBotKitNotFoundException(new ChatBotKitError(404, "NOT_FOUND", API_MESSAGE, "req-9", called)));
		assertProblem(call(), HttpStatus.BAD_GATEWAY, "ChatBotKit does not know what this application asked for.");
		assertThat(warning(output)).isEqualTo("ChatBotKit API answered 404 NOT_FOUND to " + called
				+ ": Secret ****** is invalid [request id req-9]; answered 502. Check chatbotkit.url and"
				+ " chatbotkit.api-path (they make the URL called), and the ids this application sends, such as its"
				+ " bot id.");
	}

	@Test
	void rateLimitIsPassedOnWithRetryAfterInWholeSeconds() {
		fail(new ChatBotKitRateLimitException(error(429, "TOO_MANY_REQUESTS"), Duration.ofMillis(2500)));
		MvcTestResult result = call();
		assertProblem(result, HttpStatus.TOO_MANY_REQUESTS, "ChatBotKit is limiting requests; try again later.");
		assertThat(result).hasHeader(HttpHeaders.RETRY_AFTER, "3");
	}

	@Test
	void rateLimitWithoutRetryAfterHasNoRetryAfter() {
		fail(new ChatBotKitRateLimitException(error(429, "TOO_MANY_REQUESTS"), null));
		MvcTestResult result = call();
		assertProblem(result, HttpStatus.TOO_MANY_REQUESTS, "ChatBotKit is limiting requests; try again later.");
		assertThat(result).doesNotContainHeader(HttpHeaders.RETRY_AFTER);
	}

	@Test
	void serverErrorIsBadGateway() {
		fail(new ChatBotKitServerException(error(500, "INTERNAL_ERROR"), null));
		assertProblem(call(), HttpStatus.BAD_GATEWAY, "ChatBotKit could not complete the request.");
	}

	/**
	 * An unreadable answer has no request id to quote: the warning says what to check
	 * instead.
	 */
	@Test
	void unreadableAnswerIsBadGatewayAndTheWarningNamesTheSizeLimitAndTheUrl(CapturedOutput output) {
		fail(new ChatBotKitDecodingException("Not JSON", null));
		assertProblem(call(), HttpStatus.BAD_GATEWAY, "ChatBotKit could not complete the request.");
		assertThat(warning(output))
			.isEqualTo("Not JSON; answered 502. Check that chatbotkit.url points at the ChatBotKit API (and"
					+ " chatbotkit.max-response-size if the answer was refused as too large).")
			.doesNotContain("request id");
	}

	@Test
	void readTimeoutIsGatewayTimeout(CapturedOutput output) {
		fail(new ChatBotKitTimeoutException("Timed out waiting for the answer: POST /v1/bot/{botId}/session/create",
				new SocketTimeoutException("Read timed out"), true));
		assertProblem(call(), HttpStatus.GATEWAY_TIMEOUT, "ChatBotKit did not answer in time.");
		assertThat(warning(output)).contains("ChatBotKit at https://chatbotkit.example.com did not answer in time",
				"answered 504", "Check chatbotkit.url, the network and chatbotkit.read-timeout.");
	}

	@Test
	void connectTimeoutNamesTheUrl(CapturedOutput output) {
		fail(new ChatBotKitTimeoutException("Timed out connecting", new SocketTimeoutException("Connect timed out"),
				false));
		assertProblem(call(), HttpStatus.GATEWAY_TIMEOUT, "ChatBotKit did not answer in time.");
		assertThat(warning(output)).contains("Timed out connecting to ChatBotKit at https://chatbotkit.example.com");
	}

	@Test
	void connectionFailureIsServiceUnavailable(CapturedOutput output) {
		fail(new ChatBotKitConnectionException("Could not connect: POST /v1/bot/{botId}/session/create failed",
				new ConnectException("Connection refused"), false));
		assertProblem(call(), HttpStatus.SERVICE_UNAVAILABLE, "ChatBotKit could not be reached.");
		assertThat(warning(output)).isEqualTo(
				"Could not reach ChatBotKit at https://chatbotkit.example.com (ConnectException: Connection refused); "
						+ "answered 503. Check chatbotkit.url and the network.");
	}

	@Test
	void connectionLostAfterSendingSaysSo(CapturedOutput output) {
		fail(new ChatBotKitConnectionException("Connection failed: POST /v1/bot/{botId}/session/create",
				new IOException("Connection reset"), true));
		assertProblem(call(), HttpStatus.SERVICE_UNAVAILABLE, "ChatBotKit could not be reached.");
		assertThat(warning(output)).startsWith("The connection to ChatBotKit at https://chatbotkit.example.com failed")
			.doesNotContain("Could not reach");
	}

	/**
	 * An answer that has started cannot become a problem, and must not end as if it were
	 * whole: the failure is thrown on, for the server to abort the answer.
	 */
	@Test
	void failureAfterAStreamedAnswerStartedIsOneWarningAndAbortsTheAnswer(CapturedOutput output) {
		ChatBotKitConnectionException failure = new ChatBotKitConnectionException("Connection failed",
				new IOException("Connection reset"), true);
		fail(failure);
		MvcTestResult result = this.mvc.get().uri("/chat/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange();
		assertThat(result).hasFailed().failure().cause().isSameAs(failure);
		assertThat(logLines(output)).filteredOn((line) -> line.contains(" WARN ") || line.contains(" ERROR "))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains(HANDLER.substring(HANDLER.lastIndexOf('.') + 1))
				.contains("the answer had already started and is aborted", "Check chatbotkit.url and the network."));
	}

	@Test
	void failureIsOneWarningLineWithoutTrace(CapturedOutput output) {
		fail(new ChatBotKitConnectionException("Connection failed", new IOException("Connection reset"), true));
		call();
		assertThat(logLines(output)).filteredOn((line) -> line.contains(" WARN ")).hasSize(1);
		assertThat(output).doesNotContain("\tat io.github.cbkspring");
	}

	@Test
	void traceIsLoggedAtDebug(CapturedOutput output) {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel(HANDLER, LogLevel.DEBUG);
		try {
			fail(new ChatBotKitConnectionException("Connection failed", new IOException("Connection reset"), true));
			call();
		}
		finally {
			logging.setLogLevel(HANDLER, null);
		}
		assertThat(logLines(output))
			.anySatisfy((line) -> assertThat(line).contains(" DEBUG ", "ChatBotKit call failed"));
		assertThat(output).contains("ChatBotKitConnectionException: Connection failed", "\tat ");
	}

	@Test
	void problemCarriesApiCodeAndRequestId() {
		fail(new ChatBotKitAuthenticationException(error(401, "UNAUTHORIZED")));
		assertThat(call()).bodyJson()
			.satisfies((json) -> assertThat(json).extractingPath("$.code").isEqualTo("UNAUTHORIZED"))
			.satisfies((json) -> assertThat(json).extractingPath("$.requestId").isEqualTo("req-9"));
	}

	@Test
	void problemWithoutApiAnswerHasNoCodeOrRequestId() {
		fail(new ChatBotKitConnectionException("Connection failed", new IOException("Connection reset"), true));
		assertThat(call()).bodyJson()
			.isStrictlyEqualTo(
					"""
							{"title":"Service Unavailable","status":503,"detail":"ChatBotKit could not be reached.","instance":"/chat"}
							""");
	}

	private void fail(RuntimeException failure) {
		given(this.chatBotKitCall.get()).willThrow(failure);
	}

	private MvcTestResult call() {
		return this.mvc.get().uri("/chat").accept(MediaType.APPLICATION_JSON).exchange();
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

	private static ChatBotKitError error(int status, String code) {
		return new ChatBotKitError(status, code, API_MESSAGE, "req-9");
	}

	private static void assertProblem(MvcTestResult result, HttpStatus status, String detail) {
		assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo(status.getReasonPhrase());
		assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo(detail);
		assertThat(result).bodyText().doesNotContain(SECRET).doesNotContain(API_MESSAGE).doesNotContain("Exception");
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

		@GetMapping("/chat")
		String chat() {
			return this.chatBotKitCall.get();
		}

		@GetMapping(path = "/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		SseEmitter stream() throws IOException {
			SseEmitter emitter = new SseEmitter();
			emitter.send("Hel");
			try {
				emitter.send(this.chatBotKitCall.get());
				emitter.complete();
			}
			catch (ChatBotKitException ex) {
				emitter.completeWithError(ex);
			}
			return emitter;
		}

	}

}
