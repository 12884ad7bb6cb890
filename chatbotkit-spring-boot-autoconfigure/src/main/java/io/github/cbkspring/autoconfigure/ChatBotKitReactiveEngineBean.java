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

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * The connector of the auto-configured reactive client as a bean of its own, so that the
 * connection pool made for it is disposed with the application context: it is not a
 * {@link ClientHttpConnector} bean, which other clients of the application could take.
 *
 * @author cbkspring contributors
 */
final class ChatBotKitReactiveEngineBean implements DisposableBean {

	private final ClientHttpConnector connector;

	private final @Nullable Disposable pool;

	/**
	 * The engine.
	 * @param connector the connector
	 * @param pool the connection pool made for the connector, or {@code null} when the
	 * connector's pool is not the starter's
	 */
	ChatBotKitReactiveEngineBean(ClientHttpConnector connector, @Nullable Disposable pool) {
		this.connector = connector;
		this.pool = pool;
	}

	ClientHttpConnector connector() {
		return this.connector;
	}

	@Override
	public void destroy() {
		if (this.pool != null) {
			this.pool.dispose();
		}
	}

}
