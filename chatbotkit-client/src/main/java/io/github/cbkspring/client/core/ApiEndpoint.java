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
package io.github.cbkspring.client.core;

import io.github.cbkspring.client.ChatBotKitClient;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * An endpoint of the ChatBotKit API: a method and a path template such as
 * {@code /bot/{botId}/fetch}, parsed once. Typed clients keep their endpoints as
 * constants; {@link ChatBotKitClient#request(ApiEndpoint, Object...)} calls one, which is
 * also the way to reach an endpoint that has no typed method yet.
 * <p>
 * Every path variable is encoded as exactly one path segment when a request is made, so
 * no id can reach another endpoint. The exception is a last variable written
 * {@code {*name}}, as in Spring's path patterns, for a path of segments such as
 * {@code /space/{spaceId}/storage/download/{*path}}: it is split at {@code /} and each
 * segment encoded and checked the same way.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public final class ApiEndpoint {

	private final HttpMethod method;

	private final PathTemplate path;

	private ApiEndpoint(HttpMethod method, PathTemplate path) {
		this.method = method;
		this.path = path;
	}

	/**
	 * A {@code GET} endpoint.
	 * @param pathTemplate the path after the API path, starting with {@code /}, with
	 * variables in braces
	 * @return the endpoint
	 * @throws IllegalArgumentException if the path is not a plain path template
	 */
	public static ApiEndpoint get(String pathTemplate) {
		return of(HttpMethod.GET, pathTemplate);
	}

	/**
	 * A {@code POST} endpoint.
	 * @param pathTemplate the path after the API path, starting with {@code /}, with
	 * variables in braces
	 * @return the endpoint
	 * @throws IllegalArgumentException if the path is not a plain path template
	 */
	public static ApiEndpoint post(String pathTemplate) {
		return of(HttpMethod.POST, pathTemplate);
	}

	/**
	 * An endpoint with any method.
	 * @param method the HTTP method
	 * @param pathTemplate the path after the API path, starting with {@code /}, with
	 * variables in braces
	 * @return the endpoint
	 * @throws IllegalArgumentException if the path is not a plain path template
	 */
	public static ApiEndpoint of(HttpMethod method, String pathTemplate) {
		Assert.notNull(method, "Method must not be null");
		return new ApiEndpoint(method, PathTemplate.parse(pathTemplate));
	}

	/**
	 * The HTTP method.
	 * @return the method
	 */
	public HttpMethod method() {
		return this.method;
	}

	/**
	 * The path template.
	 * @return the template, such as {@code /bot/{botId}/fetch}
	 */
	public String pathTemplate() {
		return this.path.template();
	}

	/**
	 * The path with its variables filled in, each encoded as one path segment.
	 * @param pathVariables the values of the path's variables, in order
	 * @return the path, such as {@code /bot/b%2F1/fetch} for {@code b/1}
	 * @throws IllegalArgumentException if the number of values does not match, or a value
	 * is empty, a dot-segment or longer than 1,024 characters
	 */
	public String expand(Object... pathVariables) {
		return this.path.expand(pathVariables);
	}

	@Override
	public String toString() {
		return this.method.name() + " " + this.path.template();
	}

}
