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

package io.github.cbkspring.client.agent;

/**
 * A failure of an {@link AgentTool} that the model should read: its message is published
 * as the tool's error, so that the model can try another way. Any other exception a tool
 * throws is published as {@code Tool '<name>' failed} only, since its message may carry
 * details (a query, a host, a secret) that must not leave the application.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class AgentToolException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception whose message the model reads.
	 * @param message the message, such as {@code No order with id 42}
	 */
	public AgentToolException(String message) {
		super(message);
	}

	/**
	 * Create an exception whose message the model reads, with a cause that stays in the
	 * application.
	 * @param message the message
	 * @param cause the cause
	 */
	public AgentToolException(String message, Throwable cause) {
		super(message, cause);
	}

}
