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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK's {@link HttpClient}, HTTP/1.1 pinned, with an executor of its own and
 * {@code byte[]} publisher and handler: for reference.
 *
 * @author cbkspring contributors
 */
final class RawJdkDriver implements Driver {

	private final ExecutorService executor = Executors.newFixedThreadPool(2, (task) -> {
		Thread thread = new Thread(task, "jdk-http");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpClient httpClient = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.executor(this.executor)
		.build();

	private final URI uri;

	RawJdkDriver(int port) {
		this.uri = URI.create("http://127.0.0.1:" + port + SessionJson.PATH);
	}

	@Override
	public int call() throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.uri)
			.header("Authorization", "Bearer " + SessionJson.SECRET)
			.header("Accept", "application/json")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(SessionJson.request()))
			.build();
		HttpResponse<byte[]> response = this.httpClient.send(request, HttpResponse.BodyHandlers.ofByteArray());
		SessionJson.check(response.statusCode(), SessionJson.response(response.body()));
		return 1;
	}

	@Override
	public String engine() {
		return "java.net.http.HttpClient, HTTP/1.1, 2-thread executor";
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
