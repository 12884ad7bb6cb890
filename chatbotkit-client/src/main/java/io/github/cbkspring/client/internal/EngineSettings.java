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

package io.github.cbkspring.client.internal;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * What the engine setup needs to know: the timeouts, the pool size and how the pool size
 * was set, so that a message can say what to change.
 *
 * @param connectTimeout the longest wait for a connection, and for a free pooled one
 * @param readTimeout the longest silence while waiting for, and while reading, an answer
 * @param maxConnections the most pooled connections (Apache HttpClient 5 and Reactor
 * Netty)
 * @param maxConnectionsSetting the setting that chose {@code maxConnections}, named in
 * messages
 * @author cbkspring contributors
 */
public record EngineSettings(Duration connectTimeout, Duration readTimeout, int maxConnections,
		String maxConnectionsSetting) {

	public EngineSettings {
		Assert.isTrue(isPositive(connectTimeout), "connectTimeout must be positive");
		Assert.isTrue(isPositive(readTimeout), "readTimeout must be positive");
		Assert.isTrue(maxConnections > 0, "maxConnections must be positive");
	}

	/**
	 * What a wait for a pooled connection that ran out says: how long it waited, and what
	 * to change.
	 * @return the message
	 */
	public String poolExhausted() {
		return "no free connection within " + EngineSetup.format(this.connectTimeout) + ": all " + this.maxConnections
				+ " pooled connections are in use; raise " + this.maxConnectionsSetting
				+ ", or close streams that are not read to the end";
	}

	private static boolean isPositive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

}
