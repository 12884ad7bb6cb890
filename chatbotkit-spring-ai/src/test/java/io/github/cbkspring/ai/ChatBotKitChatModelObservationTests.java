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

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.error.ChatBotKitServerException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.observation.ChatModelMeterObservationHandler;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;
import org.springframework.ai.chat.prompt.Prompt;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the observations of {@link ChatBotKitChatModel}: Spring AI's
 * {@code gen_ai.client.operation} with its key values, and the token usage metrics.
 *
 * @author cbkspring contributors
 */
class ChatBotKitChatModelObservationTests {

	private static final ChatBotKitChatOptions OPTIONS = ChatBotKitChatOptions.builder()
		.model("gpt-5.4")
		.temperature(0.5)
		.maxTokens(200)
		.build();

	@RegisterExtension
	static WireMockExtension api = CompletionApi.server();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	@BeforeEach
	void answer() {
		CompletionApi.answer(api, CompletionApi.token("Hel"), CompletionApi.usage("gpt-5.4-2026", 30, 4),
				CompletionApi.token("lo"), CompletionApi.result("Hello", 34, "stop"));
	}

	@Test
	void aCallIsObservedAsAChatOperationOfChatBotKit() {
		model(this.registry).call(new Prompt("Hi"));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasContextualNameEqualTo("chat gpt-5.4")
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "chat")
			.hasLowCardinalityKeyValue("gen_ai.system", "chatbotkit")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "gpt-5.4")
			.hasLowCardinalityKeyValue("gen_ai.response.model", "gpt-5.4-2026")
			.hasHighCardinalityKeyValue("gen_ai.request.temperature", "0.5")
			.hasHighCardinalityKeyValue("gen_ai.request.max_tokens", "200")
			.hasHighCardinalityKeyValue("gen_ai.response.finish_reasons", "[\"STOP\"]")
			.hasHighCardinalityKeyValue("gen_ai.usage.input_tokens", "30")
			.hasHighCardinalityKeyValue("gen_ai.usage.output_tokens", "4")
			.hasHighCardinalityKeyValue("gen_ai.usage.total_tokens", "34")
			.doesNotHaveHighCardinalityKeyValueWithKey("gen_ai.request.stream")
			.hasBeenStopped();
	}

	@Test
	void aStreamIsObservedWithTheAggregatedResponseWhenItEnds() {
		assertThat(model(this.registry).stream(new Prompt("Hi")).collectList().block(Duration.ofMinutes(2))).hasSize(3);
		// the observation stops right after the subscriber has seen the end
		await().atMost(Duration.ofMinutes(2))
			.untilAsserted(() -> TestObservationRegistryAssert.assertThat(this.registry)
				.hasObservationWithNameEqualTo("gen_ai.client.operation")
				.that()
				.hasBeenStopped());
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasLowCardinalityKeyValue("gen_ai.system", "chatbotkit")
			.hasLowCardinalityKeyValue("gen_ai.response.model", "gpt-5.4-2026")
			.hasHighCardinalityKeyValue("gen_ai.request.stream", "true")
			.hasHighCardinalityKeyValue("gen_ai.response.finish_reasons", "[\"STOP\"]")
			.hasHighCardinalityKeyValue("gen_ai.usage.total_tokens", "34")
			.hasBeenStopped();
	}

	@Test
	void aFailedCallIsObservedWithItsError() {
		api.stubFor(WireMock.post(urlEqualTo(CompletionApi.PATH)).willReturn(aResponse().withStatus(503)));
		assertThatExceptionOfType(ChatBotKitServerException.class)
			.isThrownBy(() -> model(this.registry).call(new Prompt("Hi")));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasError()
			.hasBeenStopped();
	}

	@Test
	void tokenUsageAndOperationMetricsAreRecorded() {
		MeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig()
			.observationHandler(new DefaultMeterObservationHandler(meters))
			.observationHandler(new ChatModelMeterObservationHandler(meters));
		model(observations).call(new Prompt("Hi"));
		assertThat(meters.get("gen_ai.client.token.usage").tag("gen_ai.token.type", "input").counter().count())
			.isEqualTo(30);
		assertThat(meters.get("gen_ai.client.token.usage").tag("gen_ai.token.type", "output").counter().count())
			.isEqualTo(4);
		assertThat(meters.get("gen_ai.client.operation").tag("gen_ai.system", "chatbotkit").timer().count())
			.isEqualTo(1);
	}

	@Test
	void aConventionOfTheBuilderNamesTheObservation() {
		CompletionApi.model(api, OPTIONS)
			.observationRegistry(this.registry)
			.observationConvention(new DefaultChatModelObservationConvention() {
				@Override
				public String getName() {
					return "bots";
				}

				@Override
				public String getContextualName(ChatModelObservationContext context) {
					return "bot call";
				}
			})
			.build()
			.call(new Prompt("Hi"));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("bots")
			.that()
			.hasContextualNameEqualTo("bot call");
	}

	private static ChatBotKitChatModel model(ObservationRegistry registry) {
		return CompletionApi.model(api, OPTIONS).observationRegistry(registry).build();
	}

}
