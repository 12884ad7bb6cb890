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

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import io.github.cbkspring.client.core.Download;

import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.ClassUtils;

/**
 * Releases a response whose body will not be read to the end. Closing it would make
 * Apache HttpClient 5, and Spring's response of the JDK's client, drain the rest to keep
 * the connection, which for an endless or hostile body means reading it all; aborting
 * drops the connection at once instead: HttpClient 5's connection is aborted, other
 * engines' body stream is closed before the response.
 *
 * @author cbkspring contributors
 */
public final class Connections {

	private static final boolean HTTP_COMPONENTS_PRESENT = ClassUtils
		.isPresent("org.apache.hc.core5.http.io.EofSensorInputStream", Connections.class.getClassLoader());

	private Connections() {
	}

	/**
	 * A download of a response's body whose closing aborts the connection, unless the
	 * body was read to its end: aborting after the end does nothing, so the abort is
	 * unconditional.
	 * @param response the response
	 * @param body the body to hand out, the response's own or one that starts with bytes
	 * already read from it
	 * @return the download
	 */
	static Download download(ClientHttpResponse response, InputStream body) {
		return new Download(response.getHeaders(), new FilterInputStream(body) {

			@Override
			public void close() {
				abort(response);
			}

		});
	}

	/**
	 * Abort the connection of a response that is not read to the end, then close it.
	 * After the end of the body the connection is already released and the abort does
	 * nothing.
	 */
	static void abort(ClientHttpResponse response) {
		try {
			if (!HTTP_COMPONENTS_PRESENT || !HttpComponents.abort(response)) {
				response.getBody().close();
			}
		}
		catch (IOException | RuntimeException ex) {
			// the response is closed below either way
		}
		finally {
			response.close();
		}
	}

	/**
	 * Kept apart so that this class loads without HttpClient 5 on the class path.
	 */
	private static final class HttpComponents {

		/**
		 * Abort the connection of an HttpClient 5 response.
		 * @return whether the response was one
		 */
		static boolean abort(ClientHttpResponse response) throws IOException {
			if (response.getBody() instanceof org.apache.hc.core5.http.io.EofSensorInputStream sensor) {
				sensor.abort();
				return true;
			}
			return false;
		}

	}

}
