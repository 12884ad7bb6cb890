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

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports that the application's Spring Boot version is too old for the starter, naming
 * the version that runs. Like {@link SpringBootVersionCheck}, it uses only what Spring
 * Boot 3 and 4 share.
 *
 * @author cbkspring contributors
 */
class UnsupportedSpringBootVersionFailureAnalyzer
		extends AbstractFailureAnalyzer<UnsupportedSpringBootVersionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnsupportedSpringBootVersionException cause) {
		return new FailureAnalysis(String.valueOf(cause.getMessage()), "Upgrade the application to Spring Boot "
				+ SpringBootVersionCheck.REQUIRED_MAJOR_VERSION
				+ ".0 or newer (the starter has no release for older versions), or remove the chatbotkit-spring-boot-starter dependency.",
				cause);
	}

}
