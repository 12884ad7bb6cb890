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

import java.net.URI;

import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * One call as every engine sends it and as messages and observations name it: the method,
 * the URL (the options' base URI, the path with its variables encoded, the query), and
 * the URI template, which never shows the ids.
 *
 * @param method the method
 * @param uri the URL called
 * @param uriTemplate the base URI and the endpoint's path template
 * @author cbkspring contributors
 */
record ApiCall(HttpMethod method, URI uri, String uriTemplate) {

	/**
	 * The call of an endpoint with the given options.
	 * @param options the options whose base URI is called
	 * @param endpoint the endpoint
	 * @param pathVariables the values of its path variables
	 * @param query the encoded query string without {@code ?}, if any
	 * @return the call
	 */
	static ApiCall of(ChatBotKitOptions options, ApiEndpoint endpoint, Object[] pathVariables, @Nullable String query) {
		String path = endpoint.expand(pathVariables);
		URI uri = URI.create(options.baseUri() + ((query != null) ? path + "?" + query : path));
		return new ApiCall(endpoint.method(), uri, options.baseUri() + endpoint.pathTemplate());
	}

	/**
	 * The failure of a {@code 407} answer: only a proxy asks for proxy authentication, so
	 * the API never saw the request.
	 * @return the failure
	 */
	ProxyRefusedException proxyRefused() {
		return new ProxyRefusedException(NetworkFailures.proxyFor(this.uri), NetworkFailures.hostAndPort(this.uri),
				"407 Proxy Authentication Required", null);
	}

	@Override
	public String toString() {
		return this.method.name() + " " + this.uriTemplate;
	}

}
