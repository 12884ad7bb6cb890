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

import java.util.concurrent.TimeoutException;

/**
 * No pooled connection of the Reactor Netty engine became free in time: nothing was sent.
 *
 * @author cbkspring contributors
 * @see ReactorEngine#pool(EngineSettings)
 */
final class PoolWaitTimeoutException extends TimeoutException {

	PoolWaitTimeoutException(String message, Throwable cause) {
		super(message);
		initCause(cause);
	}

}
