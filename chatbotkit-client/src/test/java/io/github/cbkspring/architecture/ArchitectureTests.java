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

package io.github.cbkspring.architecture;

import io.github.cbkspring.testsupport.LibraryArchitectureTests;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering of the client: no Spring Boot or Spring AI, no package cycles (the entry
 * point above the resource packages, which reach the plumbing through the core's
 * transport), no Jackson or internal types in public signatures, and its public API as
 * the baseline.
 *
 * @author cbkspring contributors
 */
class ArchitectureTests extends LibraryArchitectureTests {

	@Test
	void clientImportsNothingFromSpringBootOrSpringAi() {
		noClasses().that()
			.resideInAPackage("io.github.cbkspring.client..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.boot..", "org.springframework.ai..",
					"io.github.cbkspring.autoconfigure..")
			.check(MAIN);
	}

	/**
	 * The agents stand on the conversations, the core, the errors and the plumbing, and
	 * nothing else in the client uses them: an agent is made with
	 * {@code ChatBotKitAgent.builder(client)}, not by the entry point.
	 */
	@Test
	void agentsStandOnConversationsAndNothingInTheClientUsesThem() {
		noClasses().that()
			.resideInAPackage("io.github.cbkspring.client..")
			.and()
			.resideOutsideOfPackage("io.github.cbkspring.client.agent..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.github.cbkspring.client.agent..")
			.check(MAIN);
		classes().that()
			.resideInAPackage("io.github.cbkspring.client.agent..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("io.github.cbkspring.client.agent..", "io.github.cbkspring.client.conversation..",
					"io.github.cbkspring.client.core..", "io.github.cbkspring.client.error..",
					"io.github.cbkspring.client.internal..", "java..", "org.springframework.util..", "org.jspecify..",
					"org.apache.commons.logging..")
			.check(MAIN);
	}

	/**
	 * The subscriptions stand on the generated stream clients, the core, the errors and
	 * the plumbing, and nothing else in the client uses them.
	 */
	@Test
	void subscriptionsStandOnTheStreamClientsAndNothingInTheClientUsesThem() {
		noClasses().that()
			.resideInAPackage("io.github.cbkspring.client..")
			.and()
			.resideOutsideOfPackage("io.github.cbkspring.client.subscription..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.github.cbkspring.client.subscription..")
			.check(MAIN);
		classes().that()
			.resideInAPackage("io.github.cbkspring.client.subscription..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("io.github.cbkspring.client.subscription..", "io.github.cbkspring.client.event.log..",
					"io.github.cbkspring.client.channel..", "io.github.cbkspring.client.task..",
					"io.github.cbkspring.client.core..", "io.github.cbkspring.client.error..",
					"io.github.cbkspring.client.internal..", "java..", "org.springframework.util..",
					"org.springframework.http..", "org.springframework.core.log..", "org.jspecify..",
					"org.apache.commons.logging..")
			.check(MAIN);
	}

}
