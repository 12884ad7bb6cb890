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

import java.io.IOException;
import java.net.URI;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * Builds the real request factory on the first request rather than at start-up: a pooled
 * engine creates its TLS context and trust store when it is built, which would otherwise
 * add a few hundred milliseconds to every application start. Destroying it closes the
 * engine, if it was built.
 *
 * @author cbkspring contributors
 */
final class LazyClientHttpRequestFactory implements ClientHttpRequestFactory, DisposableBean {

	private final Supplier<ClientHttpRequestFactory> factory;

	private volatile @Nullable ClientHttpRequestFactory built;

	private boolean destroyed;

	LazyClientHttpRequestFactory(Supplier<ClientHttpRequestFactory> factory) {
		this.factory = factory;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		ClientHttpRequestFactory built = this.built;
		return ((built != null) ? built : build()).createRequest(uri, httpMethod);
	}

	private synchronized ClientHttpRequestFactory build() {
		if (this.destroyed) {
			throw new IllegalStateException("The ChatBotKit client was closed with its application context");
		}
		ClientHttpRequestFactory built = this.built;
		if (built == null) {
			built = this.factory.get();
			this.built = built;
		}
		return built;
	}

	@Override
	public synchronized void destroy() throws Exception {
		this.destroyed = true;
		ClientHttpRequestFactory built = this.built;
		this.built = null;
		if (built instanceof DisposableBean disposable) {
			disposable.destroy();
		}
		else if (built instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

}
