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

package io.github.cbkspring.test;

import java.util.Arrays;

import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * What starting a fake costs a test class, measured in a fresh JVM: the first start
 * (loading the fake's classes, reading the API model, opening the server) in a JVM that
 * has already loaded Jackson and the logging, as every JVM that runs the ChatBotKit
 * client has, then the median of later starts, each with its close. Jackson's and the
 * logging's own first load is printed apart. Not a test: run it by hand, as
 * {@code docs/testing.md} shows, and read its output.
 *
 * @author cbkspring contributors
 */
public final class StartupMeasurement {

	private static final int LATER_STARTS = 101;

	private StartupMeasurement() {
	}

	public static void main(String[] args) {
		long loading = System.nanoTime();
		JsonMapper.builder().build().readTree("{\"warm\":[1]}");
		LogFactory.getLog(StartupMeasurement.class).debug("warm");
		long jacksonAndLogging = System.nanoTime() - loading;
		long begin = System.nanoTime();
		ChatBotKitFake first = ChatBotKitFake.start();
		long firstStart = System.nanoTime() - begin;
		first.close();
		long[] later = new long[LATER_STARTS];
		for (int i = 0; i < later.length; i++) {
			long start = System.nanoTime();
			ChatBotKitFake fake = ChatBotKitFake.start();
			later[i] = System.nanoTime() - start;
			fake.close();
		}
		Arrays.sort(later);
		System.out.printf(
				"Jackson and logging, first use: %.1f ms%nfirst start: %.1f ms%n"
						+ "later starts, median of %d: %.2f ms%n",
				jacksonAndLogging / 1e6, firstStart / 1e6, LATER_STARTS, later[LATER_STARTS / 2] / 1e6);
	}

}
