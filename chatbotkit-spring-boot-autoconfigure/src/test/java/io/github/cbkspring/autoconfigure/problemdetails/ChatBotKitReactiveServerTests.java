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
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.github.cbkspring.client.error.ChatBotKitConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * Tests of {@code ChatBotKitReactiveProblemDetailsExceptionHandler} in a WebFlux
 * application on a Reactor Netty server: a failure after a streamed answer started. (The
 * test client of {@code @WebFluxTest} hands the body to the client without the server
 * writing it, so the server never sees such a failure there.)
 *
 * @author cbkspring contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "chatbotkit.problem-details.enabled=true",
				"chatbotkit.secret=sk-test-secret-123" })
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class ChatBotKitReactiveServerTests {

	private static final Pattern LOG_LINE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T");

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private Supplier<String> chatBotKitCall;

	/**
	 * The server aborts the answer: the client reads what was sent, then an error, never
	 * a normal end that would pass for a whole answer.
	 */
	@Test
	void failureAfterAStreamedAnswerStartedIsOneWarningAndAbortsTheAnswer(CapturedOutput output) {
		given(this.chatBotKitCall.get()).willThrow(
				new ChatBotKitConnectionException("Connection failed", new IOException("Connection reset"), true));
		List<Signal<String>> signals = this.client.get()
			.uri("/chat/stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody()
			.materialize()
			.collectList()
			.block(Duration.ofMinutes(1));
		assertThat(signals).hasSize(2);
		assertThat(signals.get(0).get()).isEqualTo("Hel");
		assertThat(signals.get(1).isOnError()).as("the answer ends with an error, not a normal end").isTrue();
		assertThat(output.getOut().lines().filter((line) -> LOG_LINE.matcher(line).lookingAt()))
			.filteredOn((line) -> line.contains("ChatBotKitProblemDetails"))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains(" WARN ")
				.contains("the answer had already started and is aborted", "Check chatbotkit.url and the network."));
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(StreamController.class)
	static class StreamApplication {

	}

	@RestController
	static class StreamController {

		private final Supplier<String> chatBotKitCall;

		StreamController(Supplier<String> chatBotKitCall) {
			this.chatBotKitCall = chatBotKitCall;
		}

		@GetMapping(path = "/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		Flux<String> stream() {
			return Flux.concat(Flux.just("Hel"),
					Mono.fromCallable(this.chatBotKitCall::get).subscribeOn(Schedulers.boundedElastic()));
		}

	}

}
