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
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;

/**
 * Apache HttpClient 5 classic reading the JSON Lines answer with Jackson 3, one tree a
 * line from one parser over the response stream: the floor of the streaming workload
 * (trees read faster than records of these small events).
 *
 * @author cbkspring contributors
 */
final class RawHttpComponentsStreamDriver implements StreamDriver {

	private static final ObjectReader lineReader = CompletionJson.mapper().readerFor(JsonNode.class);

	private final CloseableHttpClient httpClient;

	private final String uri;

	RawHttpComponentsStreamDriver(int port, Pool pool) {
		this.httpClient = RawHttpComponentsDriver.httpClient(pool);
		this.uri = "http://127.0.0.1:" + port;
	}

	@Override
	public int stream(String conversationId, String text, Runnable firstToken) throws IOException {
		HttpPost post = new HttpPost(this.uri + CompletionJson.path(conversationId));
		post.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + SessionJson.SECRET);
		post.setHeader(HttpHeaders.ACCEPT, CompletionJson.ACCEPT);
		post.setEntity(new ByteArrayEntity(CompletionJson.request(text), ContentType.APPLICATION_JSON));
		return this.httpClient.execute(post, (response) -> {
			SessionJson.check(response.getCode());
			int tokens = 0;
			long tokenChars = 0;
			JsonNode result = null;
			try (MappingIterator<JsonNode> lines = lineReader.readValues(response.getEntity().getContent())) {
				while (lines.hasNext()) {
					JsonNode line = lines.next();
					String type = line.path("type").asString("");
					if (type.equals("token")) {
						if (tokens++ == 0) {
							firstToken.run();
						}
						tokenChars += line.path("data").path("token").asString("").length();
					}
					else if (type.equals("result")) {
						result = line.path("data");
					}
				}
			}
			if (result == null) {
				throw new IllegalStateException("No result line in " + tokens + " tokens");
			}
			CompletionJson.check(tokens, tokenChars, result.path("usage").path("token").asLong(-1),
					result.path("text").asString("").length(),
					result.path("end").path("reason").asString("").equals("stop"));
			return tokens;
		});
	}

	@Override
	public String engine() {
		return "Apache HttpClient 5 classic, Jackson MappingIterator<JsonNode>";
	}

	@Override
	public void close() throws IOException {
		this.httpClient.close();
	}

}
