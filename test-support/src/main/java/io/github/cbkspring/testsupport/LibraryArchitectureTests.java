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

import java.io.IOException;
import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules every library module keeps, run by each module's {@code ArchitectureTests}
 * over its own classes: no package cycles, no Jackson or internal types in public
 * signatures, and the public API as the module's baseline.
 *
 * @author cbkspring contributors
 */
public abstract class LibraryArchitectureTests {

	/** The module's own classes, as the build compiled them. */
	protected static final JavaClasses MAIN = new ClassFileImporter().importPath(Path.of("target", "classes"));

	@Test
	void publicApiExposesNeitherJacksonNorThePlumbing() {
		classes().that()
			.resideInAPackage("io.github.cbkspring..")
			.and()
			.resideOutsideOfPackage("..internal..")
			.and()
			.arePublic()
			.should(PublicApi.exposesNoJacksonOrInternalTypes())
			.check(MAIN);
	}

	/**
	 * Spring Boot's own rule: no package takes part in a cycle, so that each can be read,
	 * tested and moved on its own.
	 */
	@Test
	void everyPackageIsFreeOfCycles() {
		slices().matching("(**)").should().beFreeOfCycles().check(MAIN);
	}

	/**
	 * The public API, member by member, is the baseline in
	 * {@code src/test/resources/public-api.txt}: a removed or changed line breaks
	 * callers, an added one must be meant. After a deliberate change, rewrite the
	 * baseline with {@code -Dpublic-api.update=true} and review its diff.
	 * @throws IOException if the baseline cannot be read or written
	 */
	@Test
	void publicApiIsTheBaseline() throws IOException {
		PublicApi.assertIsTheBaseline(MAIN, Path.of("src", "test", "resources", "public-api.txt"));
	}

}
