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

package io.github.cbkspring.sample.chat.demo;

import java.io.IOException;
import java.net.URI;

import org.springframework.core.env.Environment;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends the client's requests to the port this application listens on. That port is known
 * only once the web server has started (and is random in tests), after the client was
 * built, so it is read per request, as Boot's own test clients read
 * {@code local.server.port}.
 *
 * @author cbkspring contributors
 */
class LocalPortInterceptor implements ClientHttpRequestInterceptor {

	private final Environment environment;

	LocalPortInterceptor(Environment environment) {
		this.environment = environment;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		int port = this.environment.getRequiredProperty("local.server.port", Integer.class);
		URI uri = UriComponentsBuilder.fromUri(request.getURI()).port(port).build(true).toUri();
		return execution.execute(new HttpRequestWrapper(request) {

			@Override
			public URI getURI() {
				return uri;
			}

		}, body);
	}

}
