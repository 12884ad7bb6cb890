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

/**
 * What a typed resource client needs to call the ChatBotKit API: requests to endpoints
 * under one set of {@link ChatBotKitOptions}, and copies under other options that share
 * the same HTTP connection pool. {@code ChatBotKitClient} is the transport applications
 * use; the resource clients ({@code BotClient}, {@code FileClient}, ...) take one in
 * their constructors, so that they depend on this contract rather than on the entry
 * point.
 * <p>
 * Implemented by the client only: the interface can gain methods in any release.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public interface ApiTransport {

	/**
	 * The options every request of this transport is made with.
	 * @return the options
	 */
	ChatBotKitOptions options();

	/**
	 * A copy of this transport with some options changed, sharing its HTTP connection
	 * pool: for example another secret for another tenant, or a run-as user.
	 * @param changes the changes to apply to a copy of the options
	 * @return the copy
	 * @throws IllegalArgumentException if the changed options are not acceptable
	 */
	ApiTransport withOptions(Consumer<ChatBotKitOptions.Builder> changes);

	/**
	 * Start a request to an endpoint, the way every typed client makes its calls: the
	 * same URL rule, path encoding, headers, retries, error mapping and size limits.
	 * @param endpoint the endpoint, best kept as a constant
	 * @param pathVariables values of the path's variables in order, each encoded as one
	 * segment
	 * @return the request, to complete with a body or query and read with one of its
	 * terminal methods
	 * @throws IllegalArgumentException if a path variable is not acceptable (checked when
	 * the request is made)
	 */
	ApiRequest request(ApiEndpoint endpoint, Object... pathVariables);

}
