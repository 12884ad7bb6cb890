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

package io.github.cbkspring.client.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A loopback server that speaks the channel protocol of ChatBotKit's agents: each
 * {@code POST /conversation/complete} is answered as JSON Lines by the next
 * {@link Script}, which can announce a function call on the function's channel and wait
 * until its result is published ({@code POST /channel/{channelId}/publish}), the way the
 * API's loop waits. Every wait is a hang guard of two minutes.
 */
final class ChannelApiServer implements AutoCloseable {

	private static final String PREFIX = "/api/v1";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final Deque<Script> scripts = new ArrayDeque<>();

	private final List<Map<String, Object>> completionRequests = new CopyOnWriteArrayList<>();

	private final Map<String, BlockingQueue<Map<String, Object>>> published = new ConcurrentHashMap<>();

	private final List<String> publishPaths = new CopyOnWriteArrayList<>();

	private volatile boolean refusePublishes;

	ChannelApiServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "channel-api-server");
			thread.setDaemon(true);
			return thread;
		}));
		this.server.createContext(PREFIX + "/conversation/complete", this::complete);
		this.server.createContext(PREFIX + "/channel/", this::publish);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * Answer the next completion with this script.
	 */
	ChannelApiServer script(Script script) {
		synchronized (this.scripts) {
			this.scripts.add(script);
		}
		return this;
	}

	/**
	 * Answer every publish with a server error (after recording it).
	 */
	void refusePublishes() {
		this.refusePublishes = true;
	}

	List<Map<String, Object>> completionRequests() {
		return this.completionRequests;
	}

	List<String> publishPaths() {
		return this.publishPaths;
	}

	private void complete(HttpExchange exchange) throws IOException {
		@SuppressWarnings("unchecked")
		Map<String, Object> request = JSON.readValue(exchange.getRequestBody().readAllBytes(), Map.class);
		this.completionRequests.add(request);
		Script script;
		synchronized (this.scripts) {
			script = this.scripts.poll();
		}
		exchange.getResponseHeaders().add("Content-Type", "application/jsonl");
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream out = exchange.getResponseBody()) {
			if (script != null) {
				script.run(new Completion(request, out));
			}
		}
		catch (IOException | InterruptedException ex) {
			// the client went away
		}
	}

	private void publish(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getRawPath();
		this.publishPaths.add(exchange.getRequestMethod() + " " + path);
		String channel = path.substring((PREFIX + "/channel/").length(), path.lastIndexOf("/publish"));
		@SuppressWarnings("unchecked")
		Map<String, Object> body = JSON.readValue(exchange.getRequestBody().readAllBytes(), Map.class);
		channelQueue(channel).add(body);
		byte[] answer = (this.refusePublishes ? "{\"message\":\"Channel unavailable\",\"code\":\"INTERNAL\"}"
				: "{\"id\":\"" + channel + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(this.refusePublishes ? 500 : 200, answer.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(answer);
		}
	}

	private BlockingQueue<Map<String, Object>> channelQueue(String channel) {
		return this.published.computeIfAbsent(channel, (key) -> new LinkedBlockingQueue<>());
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * What the API does in answer to one completion.
	 */
	@FunctionalInterface
	interface Script {

		void run(Completion completion) throws IOException, InterruptedException;

	}

	/**
	 * One completion being answered.
	 */
	final class Completion {

		private final Map<String, Object> request;

		private final OutputStream out;

		Completion(Map<String, Object> request, OutputStream out) {
			this.request = request;
			this.out = out;
		}

		Map<String, Object> request() {
			return this.request;
		}

		/**
		 * The channel the request names for a function's result.
		 */
		@SuppressWarnings("unchecked")
		String channel(String function) {
			List<Map<String, Object>> functions = (List<Map<String, Object>>) this.request.get("functions");
			return functions.stream()
				.filter((definition) -> function.equals(definition.get("name")))
				.map((definition) -> (String) ((Map<String, Object>) definition.get("result")).get("channel"))
				.findFirst()
				.orElseThrow();
		}

		void send(String type, Object data) throws IOException {
			this.out.write(JSON.writeValueAsBytes(Map.of("type", type, "data", data)));
			this.out.write('\n');
			this.out.flush();
		}

		/**
		 * Announce a call of a function on its channel, as the API does.
		 */
		void call(String function, Object args) throws IOException {
			send("waitForChannelMessageBegin",
					Map.of("channel", channel(function), "function", Map.of("name", function, "args", args)));
		}

		/**
		 * Wait for the message published to a function's channel.
		 */
		@SuppressWarnings("unchecked")
		Map<String, Object> awaitPublished(String function) throws InterruptedException {
			Map<String, Object> body = channelQueue(channel(function)).poll(2, TimeUnit.MINUTES);
			assertThat(body).as("a message published for " + function).isNotNull();
			return (Map<String, Object>) body.get("message");
		}

		void token(String token) throws IOException {
			send("token", Map.of("token", token));
		}

		void message(String type, String text) throws IOException {
			send("message", Map.of("type", type, "text", text));
		}

		void result(String endReason) throws IOException {
			send("result", Map.of("text", "", "end", Map.of("reason", endReason)));
		}

	}

}
