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

package io.github.cbkspring.testsupport;

import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * WireMock stubs that change their answer from one request to the next.
 */
public final class Scenarios {

	private Scenarios() {
	}

	/**
	 * Answer {@code failure} to the first two requests, then {@code success}.
	 */
	public static void failTwiceThenSucceed(WireMockExtension api, Supplier<MappingBuilder> request,
			ResponseDefinitionBuilder failure, ResponseDefinitionBuilder success) {
		String[] states = { Scenario.STARTED, "failed once", "failed twice" };
		for (int i = 0; i < 2; i++) {
			api.stubFor(request.get()
				.inScenario("burst")
				.whenScenarioStateIs(states[i])
				.willReturn(failure)
				.willSetStateTo(states[i + 1]));
		}
		api.stubFor(request.get().inScenario("burst").whenScenarioStateIs(states[2]).willReturn(success));
	}

}
