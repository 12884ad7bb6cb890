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

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The application's own service that the agent's tool calls ({@link AgentController}):
 * the status of a few orders, a stand-in for a repository. It knows nothing of
 * ChatBotKit.
 *
 * @author cbkspring contributors
 */
@Component
class Orders {

	private static final Map<String, String> STATUSES = Map.of("42", "shipped, with the courier", "7", "being packed");

	/**
	 * The status of an order.
	 * @param orderId the order's id, such as {@code 42}
	 * @return its status, or empty if there is no such order
	 */
	Optional<String> status(String orderId) {
		return Optional.ofNullable(STATUSES.get(orderId));
	}

}
