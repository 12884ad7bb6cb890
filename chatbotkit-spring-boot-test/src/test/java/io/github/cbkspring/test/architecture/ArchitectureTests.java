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

package io.github.cbkspring.test.architecture;

import io.github.cbkspring.testsupport.LibraryArchitectureTests;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering of the test kit: the fake stands on the JDK's HTTP server, Jackson and
 * AssertJ, and neither on the ChatBotKit client (it fakes the wire, not the client) nor
 * on Spring, which only the annotation's package uses; no package cycles, no Jackson or
 * internal types in public signatures, and its public API as the baseline.
 *
 * @author cbkspring contributors
 */
class ArchitectureTests extends LibraryArchitectureTests {

	@Test
	void fakeUsesNeitherTheClientNorSpring() {
		noClasses().that()
			.resideInAPackage("io.github.cbkspring.test")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.github.cbkspring.client..", "io.github.cbkspring.autoconfigure..",
					"org.springframework..")
			.check(MAIN);
	}

}
