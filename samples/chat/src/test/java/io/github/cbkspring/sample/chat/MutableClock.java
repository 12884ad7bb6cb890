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

package io.github.cbkspring.sample.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A clock that tests move forward, to let sessions expire without waiting. Import
 * {@link Config} to make it the demo API's clock.
 *
 * @author cbkspring contributors
 */
public final class MutableClock extends Clock {

	// the real time, not a fixed date: the chat page of the browser tests compares the
	// session's expiry with the browser's own clock
	private volatile Instant now = Instant.now();

	/**
	 * Set the clock back to the real time.
	 */
	public void reset() {
		this.now = Instant.now();
	}

	/**
	 * Move the clock.
	 * @param duration how far to move it
	 */
	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException();
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	/**
	 * Makes a {@link MutableClock} the application's clock.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		MutableClock clock() {
			return new MutableClock();
		}

	}

}
