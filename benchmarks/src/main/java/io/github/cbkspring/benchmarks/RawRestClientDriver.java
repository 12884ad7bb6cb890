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

import java.net.URI;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * A plain {@link RestClient} on {@link HttpComponentsClientHttpRequestFactory} over the
 * Apache HttpClient 5 of {@link RawHttpComponentsDriver}, configured as that one is,
 * doing what it does: the same {@code byte[]} body and headers, the answer's bytes read
 * whole and bound with Jackson 3 into the raw drivers' own type. No ChatBotKit code: what
 * {@code RestClient} itself costs over the raw floor, so that the session client's ratio
 * over this driver is what the ChatBotKit client adds.
 *
 * @author cbkspring contributors
 */
final class RawRestClientDriver implements Driver {

	private final CloseableHttpClient httpClient;

	private final RestClient restClient;

	private final String uri;

	RawRestClientDriver(int port, Pool pool) {
		this.httpClient = RawHttpComponentsDriver.httpClient(pool);
		this.restClient = RestClient.builder()
			.requestFactory(new HttpComponentsClientHttpRequestFactory(this.httpClient))
			.build();
		this.uri = "http://127.0.0.1:" + port + SessionJson.PATH;
	}

	@Override
	public int call() {
		return call(this.restClient, this.uri);
	}

	/**
	 * One call as {@code raw-httpclient5} makes it, on a rest client.
	 */
	static int call(RestClient restClient, String uri) {
		// the URI parsed per call, as HttpPost(String) does in raw-httpclient5
		return restClient.post()
			.uri(URI.create(uri))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + SessionJson.SECRET)
			.header(HttpHeaders.ACCEPT, "application/json")
			.contentType(MediaType.APPLICATION_JSON)
			.body(SessionJson.request())
			.exchangeForRequiredValue((request, response) -> {
				SessionJson.check(response.getStatusCode().value(),
						SessionJson.response(response.getBody().readAllBytes()));
				return 1;
			});
	}

	@Override
	public String engine() {
		return "RestClient, HttpComponentsClientHttpRequestFactory, Apache HttpClient 5 classic";
	}

	@Override
	public void close() throws Exception {
		this.httpClient.close();
	}

}
