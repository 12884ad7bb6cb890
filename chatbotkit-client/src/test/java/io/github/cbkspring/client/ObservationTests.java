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

package io.github.cbkspring.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.testsupport.ApiStub;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls, blocking and reactive, name their endpoint in observations by its template,
 * never by its ids.
 *
 * @author cbkspring contributors
 */
class ObservationTests {

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void observationCarriesTheUriTemplateNotTheId() {
		api.stubFor(post(anyUrl()).willReturn(WireMock.okJson(ApiStub.SESSION_JSON)));
		List<ClientRequestObservationContext> observed = new ArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<ClientRequestObservationContext>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof ClientRequestObservationContext;
			}

			@Override
			public void onStop(ClientRequestObservationContext context) {
				observed.add(context);
			}

		});
		ChatBotKitClient client = ChatBotKitClient.create(RestClient.builder().observationRegistry(registry),
				ChatBotKitOptions.builder().secret("sk-observed").url(api.baseUrl()).build());
		client.sessions().create("bot-secret-id-42");
		assertThat(observed).singleElement()
			.satisfies((context) -> assertThat(context.getUriTemplate())
				.isEqualTo(api.baseUrl() + "/api/v1/bot/{botId}/session/create"));
	}

	@Test
	void reactiveObservationCarriesTheUriTemplateNotTheId() {
		api.stubFor(post(anyUrl()).willReturn(WireMock.okJson(ApiStub.SESSION_JSON)));
		List<org.springframework.web.reactive.function.client.ClientRequestObservationContext> observed = new CopyOnWriteArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig()
			.observationHandler(
					new ObservationHandler<org.springframework.web.reactive.function.client.ClientRequestObservationContext>() {

						@Override
						public boolean supportsContext(Observation.Context context) {
							return context instanceof org.springframework.web.reactive.function.client.ClientRequestObservationContext;
						}

						@Override
						public void onStop(
								org.springframework.web.reactive.function.client.ClientRequestObservationContext context) {
							observed.add(context);
						}

					});
		ChatBotKitReactiveClient client = ChatBotKitReactiveClient.create(
				WebClient.builder().observationRegistry(registry),
				ChatBotKitOptions.builder().secret("sk-observed").url(api.baseUrl()).build());
		client.sessions().create("bot-secret-id-42").block(Duration.ofMinutes(2));
		assertThat(observed).singleElement()
			.satisfies((context) -> assertThat(context.getUriTemplate())
				.isEqualTo(api.baseUrl() + "/api/v1/bot/{botId}/session/create"));
	}

}
