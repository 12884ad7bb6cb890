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

import java.time.ZoneId;
import java.util.Map;

import io.github.cbkspring.client.core.ChatBotKitOptions;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The headers of every call, from the options: the bearer credential, {@code Accept},
 * {@code Accept-Encoding: identity}, the {@code User-Agent}, the run-as user, the time
 * zone and the options' extra headers. Both engines' exchanges add them the same way.
 *
 * @author cbkspring contributors
 */
final class ApiHeaders {

	private static final String RUN_AS_USER_HEADER = "X-RunAs-User-Id";

	private static final String TIMEZONE_HEADER = "X-Timezone";

	private final ChatBotKitOptions options;

	/** The {@code Authorization} value, built once rather than on every call. */
	private final String authorization;

	ApiHeaders(ChatBotKitOptions options) {
		this.options = options;
		this.authorization = "Bearer " + options.secret();
	}

	/**
	 * Set the headers of a call.
	 * @param headers the request's headers
	 * @param accept the media type the answer is read as
	 */
	void addTo(HttpHeaders headers, MediaType accept) {
		headers.set(HttpHeaders.AUTHORIZATION, this.authorization);
		// MediaType caches its text; setAccept(List) would format a new string every call
		headers.set(HttpHeaders.ACCEPT, accept.toString());
		headers.set(HttpHeaders.ACCEPT_ENCODING, ContentCodings.IDENTITY);
		headers.set(HttpHeaders.USER_AGENT, this.options.userAgent());
		String runAsUserId = this.options.runAsUserId();
		if (runAsUserId != null) {
			headers.set(RUN_AS_USER_HEADER, runAsUserId);
		}
		ZoneId timezone = this.options.timezone();
		if (timezone != null) {
			headers.set(TIMEZONE_HEADER, timezone.getId());
		}
		for (Map.Entry<String, String> header : this.options.headers().entrySet()) {
			headers.set(header.getKey(), header.getValue());
		}
	}

}
