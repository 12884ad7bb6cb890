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

package io.github.cbkspring.benchmarks;

import java.io.IOException;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpClient 5 classic, pooled, with {@code byte[]} entities and Jackson 3: the
 * fastest JVM client measured, so the floor the ChatBotKit client is held to.
 *
 * @author cbkspring contributors
 */
final class RawHttpComponentsDriver implements Driver {

	private final CloseableHttpClient httpClient;

	private final String uri;

	RawHttpComponentsDriver(int port, Pool pool) {
		this.httpClient = httpClient(pool);
		this.uri = "http://127.0.0.1:" + port + SessionJson.PATH;
	}

	/**
	 * A client configured as the starter configures its own: pool, timeouts, no
	 * redirects, no retries, no decompression.
	 */
	static CloseableHttpClient httpClient(Pool pool) {
		Timeout connectTimeout = Timeout.of(pool.connectTimeout());
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connectTimeout).build())
				.setMaxConnPerRoute(pool.maxConnections())
				.setMaxConnTotal(pool.maxConnections())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(connectTimeout).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableContentCompression()
			.build();
	}

	@Override
	public int call() throws IOException {
		HttpPost post = new HttpPost(this.uri);
		post.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + SessionJson.SECRET);
		post.setHeader(HttpHeaders.ACCEPT, "application/json");
		post.setEntity(new ByteArrayEntity(SessionJson.request(), ContentType.APPLICATION_JSON));
		return this.httpClient.execute(post, (response) -> {
			SessionJson.check(response.getCode(), SessionJson.response(EntityUtils.toByteArray(response.getEntity())));
			return 1;
		});
	}

	@Override
	public String engine() {
		return "Apache HttpClient 5 classic";
	}

	@Override
	public void close() throws IOException {
		this.httpClient.close();
	}

}
