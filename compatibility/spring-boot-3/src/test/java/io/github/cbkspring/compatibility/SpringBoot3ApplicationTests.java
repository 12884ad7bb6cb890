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

package io.github.cbkspring.compatibility;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A Spring Boot 3 web application with the ChatBotKit starter on its class path fails to
 * start with a report that says which version runs and which the starter needs, not with
 * an error from deep inside the mix of Boot 3 and Boot 4 modules.
 *
 * @author cbkspring contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringBoot3ApplicationTests {

	@Test
	void startupFailsNamingTheRunningAndTheRequiredVersion(CapturedOutput output) {
		assertThat(SpringBootVersion.getVersion()).startsWith("3.");
		assertThatException().isThrownBy(
				() -> SpringApplication.run(SupportApplication.class, "--server.port=0", "--chatbotkit.secret=sk-test")
					.close());
		assertThat(output)
			.contains("APPLICATION FAILED TO START",
					"The ChatBotKit starter needs Spring Boot 4.0 or newer, but this application runs Spring Boot "
							+ SpringBootVersion.getVersion() + ".",
					"Upgrade the application to Spring Boot 4.0 or newer");
	}

	@SpringBootApplication
	static class SupportApplication {

	}

}
