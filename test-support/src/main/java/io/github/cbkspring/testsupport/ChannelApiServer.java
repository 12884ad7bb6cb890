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

package io.github.cbkspring.testsupport;

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
import java.util.Objects;
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
public final class ChannelApiServer implements AutoCloseable {

	private static final String PREFIX = "/api/v1";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final Deque<Script> scripts = new ArrayDeque<>();

	private final List<Map<String, Object>> completionRequests = new CopyOnWriteArrayList<>();

	private final Map<String, BlockingQueue<Map<String, Object>>> published = new ConcurrentHashMap<>();

	private final List<String> publishPaths = new CopyOnWriteArrayList<>();

	private volatile boolean refusePublishes;

	public ChannelApiServer() {
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

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * Answer the next completion with this script.
	 */
	public ChannelApiServer script(Script script) {
		synchronized (this.scripts) {
			this.scripts.add(script);
		}
		return this;
	}

	/**
	 * Answer every publish with a server error (after recording it).
	 */
	public void refusePublishes() {
		this.refusePublishes = true;
	}

	public List<Map<String, Object>> completionRequests() {
		return this.completionRequests;
	}

	public List<String> publishPaths() {
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
	public interface Script {

		void run(ChannelApiServer.Completion completion) throws IOException, InterruptedException;

	}

	/**
	 * One completion being answered.
	 */
	public final class Completion {

		private final Map<String, Object> request;

		private final OutputStream out;

		Completion(Map<String, Object> request, OutputStream out) {
			this.request = request;
			this.out = out;
		}

		public Map<String, Object> request() {
			return this.request;
		}

		/**
		 * The channel the request names for a function's result.
		 */
		@SuppressWarnings("unchecked")
		public String channel(String function) {
			List<Map<String, Object>> functions = (List<Map<String, Object>>) Objects
				.requireNonNull(this.request.get("functions"), "functions");
			return functions.stream()
				.filter((definition) -> function.equals(definition.get("name")))
				.map((definition) -> (Map<String, Object>) Objects.requireNonNull(definition.get("result"), "result"))
				.map((result) -> (String) Objects.requireNonNull(result.get("channel"), "channel"))
				.findFirst()
				.orElseThrow();
		}

		public void send(String type, Object data) throws IOException {
			this.out.write(JSON.writeValueAsBytes(Map.of("type", type, "data", data)));
			this.out.write('\n');
			this.out.flush();
		}

		/**
		 * Announce a call of a function on its channel, as the API does.
		 */
		public void call(String function, Object args) throws IOException {
			send("waitForChannelMessageBegin",
					Map.of("channel", channel(function), "function", Map.of("name", function, "args", args)));
		}

		/**
		 * Wait for the message published to a function's channel.
		 */
		@SuppressWarnings("unchecked")
		public Map<String, Object> awaitPublished(String function) throws InterruptedException {
			Map<String, Object> body = channelQueue(channel(function)).poll(2, TimeUnit.MINUTES);
			assertThat(body).as("a message published for " + function).isNotNull();
			return (Map<String, Object>) Objects.requireNonNull(Objects.requireNonNull(body).get("message"));
		}

		public void token(String token) throws IOException {
			send("token", Map.of("token", token));
		}

		public void message(String type, String text) throws IOException {
			send("message", Map.of("type", type, "text", text));
		}

		public void result(String endReason) throws IOException {
			send("result", Map.of("text", "", "end", Map.of("reason", endReason)));
		}

	}

}
