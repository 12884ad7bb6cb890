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

import java.util.function.Consumer;

import io.github.cbkspring.client.ChatBotKitReactiveClient;

/**
 * What a reactive typed client is built on: the options and the requests of one
 * non-blocking exchange, the twin of {@link ApiTransport}.
 * {@link ChatBotKitReactiveClient} is the transport; a typed client takes it so that it
 * can be built on the same public API a user has for an endpoint without a typed method.
 * <p>
 * Needs Spring WebFlux and Reactor on the class path. Implemented by the client only: the
 * interface can gain methods in any release.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public interface ReactiveApiTransport {

	/**
	 * The options every call of this transport is made with.
	 * @return the options
	 */
	ChatBotKitOptions options();

	/**
	 * A transport with other options on the same {@code WebClient} (the same connection
	 * pool), as {@link ApiTransport#withOptions(Consumer)}.
	 * @param changes changes to a builder that starts from this transport's options
	 * @return the new transport
	 * @throws IllegalArgumentException if the changes make the options invalid
	 */
	ReactiveApiTransport withOptions(Consumer<ChatBotKitOptions.Builder> changes);

	/**
	 * Start a request to an endpoint: nothing is sent until a terminal method's answer is
	 * subscribed to.
	 * @param endpoint the endpoint
	 * @param pathVariables the values of its path variables, in order, encoded as a path
	 * segment each
	 * @return the request
	 * @throws IllegalArgumentException if the endpoint or a path variable is null or
	 * their number does not match
	 */
	ReactiveApiRequest request(ApiEndpoint endpoint, Object... pathVariables);

}
