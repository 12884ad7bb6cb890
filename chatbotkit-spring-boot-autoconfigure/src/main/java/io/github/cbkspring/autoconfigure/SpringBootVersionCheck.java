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

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops an application on Spring Boot 3 or older before its context is refreshed. Boot 3
 * reads the same {@code AutoConfiguration.imports} file as Boot 4, so it would load this
 * starter and the Boot 4 modules it brings, and then fail with an error that does not
 * point here (such as a bean {@code jsonComponentModule} registered twice). An
 * initializer runs before any configuration class is read, and uses only what Boot 3 and
 * Boot 4 share.
 *
 * @author cbkspring contributors
 */
class SpringBootVersionCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final int REQUIRED_MAJOR_VERSION = 4;

	private final Supplier<@Nullable String> version;

	SpringBootVersionCheck() {
		this(SpringBootVersion::getVersion);
	}

	SpringBootVersionCheck(Supplier<@Nullable String> version) {
		this.version = version;
	}

	@Override
	public void initialize(ConfigurableApplicationContext applicationContext) {
		String running = this.version.get();
		if (running != null && majorVersion(running) < REQUIRED_MAJOR_VERSION) {
			throw new UnsupportedSpringBootVersionException(running);
		}
	}

	/**
	 * The major version of a version string such as {@code 3.5.7}; a version that does
	 * not start with a number (an unpackaged build has none) passes.
	 */
	private static int majorVersion(String version) {
		int end = 0;
		while (end < version.length() && Character.isDigit(version.charAt(end))) {
			end++;
		}
		return (end > 0) ? Integer.parseInt(version.substring(0, end)) : REQUIRED_MAJOR_VERSION;
	}

}
