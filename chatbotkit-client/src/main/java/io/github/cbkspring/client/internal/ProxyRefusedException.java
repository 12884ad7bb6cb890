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
import java.io.Serial;

import org.jspecify.annotations.Nullable;

/**
 * A proxy refused to carry the request to the API: it answered the tunnel request
 * ({@code CONNECT}) itself, or asked for proxy authentication ({@code 407}). The request
 * never reached the API.
 *
 * @author cbkspring contributors
 */
final class ProxyRefusedException extends IOException {

	@Serial
	private static final long serialVersionUID = 1L;

	ProxyRefusedException(String proxy, String target, String answer, @Nullable Throwable cause) {
		super("the proxy " + proxy + " refused to connect to " + target + ": it answered " + answer, cause);
	}

}
