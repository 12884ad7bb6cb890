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

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * The messages published to channels, for the answers that wait for them: a message
 * published before its answer waits is kept until it does.
 *
 * @author cbkspring contributors
 */
final class ChannelMessages {

	private final Map<String, CompletableFuture<Map<String, Object>>> messages = new ConcurrentHashMap<>();

	void publish(String channel, Map<String, Object> message) {
		future(channel).complete(message);
	}

	/**
	 * The message published to a channel, waiting for it; once taken, it is forgotten.
	 * @throws InterruptedException if the wait is interrupted, as when the fake closes
	 */
	Map<String, Object> take(String channel) throws InterruptedException {
		try {
			return future(channel).get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			this.messages.remove(channel);
		}
	}

	void reset() {
		this.messages.clear();
	}

	private CompletableFuture<Map<String, Object>> future(String channel) {
		return this.messages.computeIfAbsent(channel, (key) -> new CompletableFuture<>());
	}

}
