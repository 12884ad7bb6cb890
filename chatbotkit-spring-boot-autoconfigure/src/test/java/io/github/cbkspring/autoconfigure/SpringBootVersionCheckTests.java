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

package io.github.cbkspring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link SpringBootVersionCheck} and
 * {@link UnsupportedSpringBootVersionFailureAnalyzer}.
 *
 * @author cbkspring contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringBootVersionCheckTests {

	@ParameterizedTest
	@ValueSource(strings = { "3.5.7", "3.0.0", "2.7.18", "3.5.0-SNAPSHOT" })
	void olderBootFailsNamingTheRunningVersion(String version) {
		assertThatExceptionOfType(UnsupportedSpringBootVersionException.class).isThrownBy(() -> check(version))
			.withMessage("The ChatBotKit starter needs Spring Boot 4.0 or newer, but this application runs Spring Boot "
					+ version + ".");
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0.0", "4.0.9", "4.1.2", "4.2.0-M1", "5.0.0", "10.1.0" })
	void bootFourOrNewerPasses(String version) {
		assertThatNoException().isThrownBy(() -> check(version));
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "unknown" })
	void unknownVersionPasses(String version) {
		// an unpackaged Boot (an IDE build of Boot itself) has no version to judge by
		assertThatNoException().isThrownBy(() -> check(version));
	}

	@Test
	void runningBootPasses() {
		assertThat(SpringBootVersion.getVersion()).startsWith("4.");
		assertThatNoException()
			.isThrownBy(() -> new SpringBootVersionCheck().initialize(new GenericApplicationContext()));
	}

	@Test
	void checkAndReportAreRegisteredForEveryApplication() {
		SpringFactoriesLoader loader = SpringFactoriesLoader.forDefaultResourceLocation();
		assertThat(loader.load(ApplicationContextInitializer.class))
			.hasAtLeastOneElementOfType(SpringBootVersionCheck.class);
		// other jars' analyzers need constructor arguments: only ours matter here
		assertThat(loader.load(FailureAnalyzer.class, null, FailureHandler.handleMessage((message, failure) -> {
		}))).hasAtLeastOneElementOfType(UnsupportedSpringBootVersionFailureAnalyzer.class);
	}

	@Test
	void applicationOnOlderBootFailsToStartWithReport(CapturedOutput output) {
		SpringApplication application = new SpringApplication(EmptyApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.addInitializers(new SpringBootVersionCheck(() -> "3.5.7"));
		assertThatException().isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START",
				"The ChatBotKit starter needs Spring Boot 4.0 or newer, but this application runs Spring Boot 3.5.7.",
				"Upgrade the application to Spring Boot 4.0 or newer");
	}

	private static void check(String version) {
		new SpringBootVersionCheck(() -> version).initialize(new GenericApplicationContext());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	static class EmptyApplication {

	}

}
