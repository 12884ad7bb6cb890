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

import java.io.IOException;

import io.github.cbkspring.client.core.ChatBotKitOptions;

import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Reads an answer only to free its connection: calls made for their effect accept an
 * empty body and {@code 204 No Content} as well as JSON they do not need. The body is
 * still bounded, so that an endless one fails instead of being drained.
 *
 * @author cbkspring contributors
 */
final class DiscardingResponseReader implements ResponseReader<Void> {

	/**
	 * The reader: it holds no state. A constant of its own rather than of
	 * {@code ResponseReader}, whose initialization would otherwise need its subclass's.
	 */
	static final DiscardingResponseReader INSTANCE = new DiscardingResponseReader();

	private DiscardingResponseReader() {
	}

	@Override
	public MediaType accept() {
		return MediaType.ALL;
	}

	@Override
	@SuppressWarnings("NullAway") // Void has no value but null
	public Void read(ClientHttpResponse response, ChatBotKitOptions options, String call) throws IOException {
		ResponseReader.readBody(response, options);
		return null;
	}

}
