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

package io.github.cbkspring.benchmarks;

import java.lang.management.ManagementFactory;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * A minimal Spring Boot application: auto-configuration only, no component scan, no web
 * server. The session client drivers run in it; its {@link #main(String[]) main method}
 * is the start-up probe, started with and without the starter on the classpath.
 *
 * @author cbkspring contributors
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BenchmarkApplication {

	static SpringApplication application() {
		SpringApplication application = new SpringApplication(BenchmarkApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		return application;
	}

	/**
	 * Start, print {@code STARTUP|<ms since JVM start>|<ms in SpringApplication>|<has
	 * SessionClient>|<has WebFlux>} and stop. WebFlux must not be on the class path of
	 * the start-up probe: it would bring the reactive client's configuration along.
	 * @param args application arguments
	 */
	public static void main(String[] args) {
		long mainStart = System.currentTimeMillis();
		try (ConfigurableApplicationContext context = application().run(args)) {
			long ready = System.currentTimeMillis();
			long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
			System.out.println("STARTUP|" + (ready - jvmStart) + "|" + (ready - mainStart) + "|"
					+ context.containsBean("sessionClient") + "|"
					+ ClassUtils.isPresent("org.springframework.web.reactive.function.client.WebClient", null));
		}
	}

}
