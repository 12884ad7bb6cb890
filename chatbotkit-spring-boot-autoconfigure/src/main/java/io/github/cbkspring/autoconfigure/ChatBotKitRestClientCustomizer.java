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

import org.springframework.web.client.RestClient;

/**
 * Customizes the {@link RestClient.Builder} of the ChatBotKit client only, after the
 * application's {@code RestClientCustomizer}s have been applied. Use it for interceptors
 * or settings that the application's other clients must not get.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
@FunctionalInterface
public interface ChatBotKitRestClientCustomizer {

	/**
	 * Customize the builder of the ChatBotKit client.
	 * @param restClientBuilder the builder
	 */
	void customize(RestClient.Builder restClientBuilder);

}
