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

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * The HTTP engine of the auto-configured client as a bean of its own, so that the
 * connection pool is closed with the application context: it is not a
 * {@link ClientHttpRequestFactory} bean, which would take the place of the application's.
 *
 * @author cbkspring contributors
 */
final class ChatBotKitHttpEngineBean implements DisposableBean {

	private final LazyClientHttpRequestFactory requestFactory;

	ChatBotKitHttpEngineBean(LazyClientHttpRequestFactory requestFactory) {
		this.requestFactory = requestFactory;
	}

	ClientHttpRequestFactory requestFactory() {
		return this.requestFactory;
	}

	@Override
	public void destroy() throws Exception {
		this.requestFactory.destroy();
	}

}
