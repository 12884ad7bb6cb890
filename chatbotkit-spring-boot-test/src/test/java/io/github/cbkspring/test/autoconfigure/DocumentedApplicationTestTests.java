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

package io.github.cbkspring.test.autoconfigure;

import io.github.cbkspring.test.ChatBotKitFake;
import io.github.cbkspring.test.brokenapp.WrongBotSessionController;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.github.cbkspring.test.ChatBotKitFakeAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * An application test written as the README and {@code docs/testing.md} show, run with
 * JUnit's launcher against the application and against a copy with a bug: it passes on
 * the one and fails on the other, saying what the application sent.
 *
 * @author cbkspring contributors
 */
class DocumentedApplicationTestTests {

	@Test
	void passesAgainstTheApplication() {
		TestExecutionSummary summary = run(AgainstTheApplication.class);
		assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
		assertThat(summary.getTotalFailureCount()).isZero();
	}

	@Test
	void failsAgainstTheBugNamingWhatWasSent() {
		TestExecutionSummary summary = run(AgainstABrokenApplication.class);
		assertThat(summary.getTestsSucceededCount()).isZero();
		assertThat(summary.getFailures()).singleElement()
			.satisfies((failure) -> assertThat(failure.getException()).isInstanceOf(AssertionError.class)
				.hasMessageContaining("Expected a request POST /bot/support-bot/session/create")
				.hasMessageContaining("POST /bot/sales-bot/session/create")
				.message()
				.doesNotContain(ChatBotKitFake.DEFAULT_SECRET));
	}

	private static TestExecutionSummary run(Class<?> testClass) {
		Launcher launcher = LauncherFactory.create();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		launcher.execute(request().selectors(selectClass(testClass)).build(), listener);
		return listener.getSummary();
	}

	/**
	 * The test as the documentation writes it.
	 */
	abstract static class SessionControllerTests {

		@Autowired
		MockMvcTester mvc;

		@Autowired
		ChatBotKitFake chatBotKit;

		@Test
		void handsOutASessionOfTheSupportBot() {
			assertThat(this.mvc.post().uri("/api/sessions")).hasStatusOk();
			assertThat(this.chatBotKit).receivedRequest("POST", "/bot/support-bot/session/create");
		}

	}

	@WebMvcTest(SessionController.class)
	@AutoConfigureChatBotKit
	static class AgainstTheApplication extends SessionControllerTests {

	}

	@WebMvcTest(WrongBotSessionController.class)
	@Import(WrongBotSessionController.class)
	@AutoConfigureChatBotKit
	static class AgainstABrokenApplication extends SessionControllerTests {

	}

}
