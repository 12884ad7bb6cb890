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

package io.github.cbkspring.ai;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.RetryOptions;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stateful stand-in for ChatBotKit's conversation endpoints on a loopback socket:
 * conversations with metadata (listed with {@code meta.<key>} filters) and their
 * messages, kept in memory, so that a chat memory survives a new repository. Every
 * request is logged as {@code METHOD path}; a request can be made to fail once.
 *
 * @author cbkspring contributors
 */
final class ConversationApi implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern MESSAGES = Pattern.compile("/api/v1/conversation/([^/]+)/message/list");

	private static final Pattern CREATE_MESSAGE = Pattern.compile("/api/v1/conversation/([^/]+)/message/create");

	private static final Pattern DELETE_MESSAGE = Pattern
		.compile("/api/v1/conversation/([^/]+)/message/([^/]+)/delete");

	private static final Pattern DELETE = Pattern.compile("/api/v1/conversation/([^/]+)/delete");

	private final HttpServer server;

	private final AtomicInteger ids = new AtomicInteger();

	/**
	 * Conversations by id, each a JSON object as the API sends it.
	 */
	final Map<String, Map<String, Object>> conversations = new LinkedHashMap<>();

	/**
	 * Messages by conversation id, oldest first.
	 */
	final Map<String, List<Map<String, Object>>> messages = new LinkedHashMap<>();

	final List<String> requests = new CopyOnWriteArrayList<>();

	final List<Object> bodies = new CopyOnWriteArrayList<>();

	private volatile String failing = "";

	ConversationApi() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(Executors.newSingleThreadExecutor());
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	ChatBotKitClient client() {
		return ChatBotKitClient.create(ChatBotKitOptions.builder()
			.secret(CompletionApi.SECRET)
			.url("http://127.0.0.1:" + this.server.getAddress().getPort())
			.retry(RetryOptions.disabled())
			.build());
	}

	/**
	 * Fail the next request whose log line starts with this, with a 500.
	 */
	void failNext(String request) {
		this.failing = request;
	}

	/**
	 * Store a message as a bot completing in the conversation would.
	 */
	synchronized void storeMessage(String conversationId, String type, String text) {
		this.messages.get(conversationId).add(message(type, text, Map.of()));
	}

	private synchronized void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String request = exchange.getRequestMethod() + " " + path;
		this.requests.add(request);
		byte[] body = exchange.getRequestBody().readAllBytes();
		Map<String, Object> json = (body.length > 0) ? JSON.readValue(body, Map.class) : Map.of();
		this.bodies.add(json);
		if (!this.failing.isEmpty() && request.startsWith(this.failing)) {
			this.failing = "";
			send(exchange, 500, Map.of("message", "Failed", "code", "INTERNAL_ERROR"));
			return;
		}
		Matcher matcher;
		if (path.equals("/api/v1/conversation/list")) {
			Map<String, String> meta = meta(exchange.getRequestURI().getRawQuery());
			List<Object> items = this.conversations.values()
				.stream()
				.filter((conversation) -> meta.entrySet()
					.stream()
					.allMatch((entry) -> entry.getValue()
						.equals(((Map<?, ?>) conversation.get("meta")).get(entry.getKey()))))
				.map(Object.class::cast)
				.toList();
			send(exchange, 200, Map.of("items", items));
		}
		else if (path.equals("/api/v1/conversation/create")) {
			String id = "conv-" + this.ids.incrementAndGet();
			Map<String, Object> conversation = new LinkedHashMap<>(json);
			conversation.remove("messages");
			conversation.put("id", id);
			conversation.put("createdAt", 1);
			conversation.put("updatedAt", 1);
			this.conversations.put(id, conversation);
			List<Map<String, Object>> stored = new ArrayList<>();
			for (Object message : (List<?>) json.getOrDefault("messages", List.of())) {
				Map<?, ?> fields = (Map<?, ?>) message;
				stored.add(message((String) fields.get("type"), (String) fields.get("text"),
						(fields.get("meta") instanceof Map<?, ?> meta) ? meta : Map.of()));
			}
			this.messages.put(id, stored);
			send(exchange, 200, Map.of("id", id));
		}
		else if ((matcher = MESSAGES.matcher(path)).matches()) {
			send(exchange, 200, Map.of("items", this.messages.get(matcher.group(1))));
		}
		else if ((matcher = CREATE_MESSAGE.matcher(path)).matches()) {
			Map<String, Object> message = message((String) json.get("type"), (String) json.get("text"),
					(json.get("meta") instanceof Map<?, ?> meta) ? meta : Map.of());
			this.messages.get(matcher.group(1)).add(message);
			send(exchange, 200, Map.of("id", message.get("id"), "entities", List.of()));
		}
		else if ((matcher = DELETE_MESSAGE.matcher(path)).matches()) {
			String id = matcher.group(2);
			this.messages.get(matcher.group(1)).removeIf((message) -> message.get("id").equals(id));
			send(exchange, 200, Map.of("id", id));
		}
		else if ((matcher = DELETE.matcher(path)).matches()) {
			this.conversations.remove(matcher.group(1));
			this.messages.remove(matcher.group(1));
			send(exchange, 200, Map.of("id", matcher.group(1)));
		}
		else {
			send(exchange, 404, Map.of("message", "Not found", "code", "NOT_FOUND"));
		}
	}

	private Map<String, Object> message(String type, String text, Map<?, ?> meta) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("id", "msg-" + this.ids.incrementAndGet());
		message.put("type", type);
		message.put("text", text);
		message.put("meta", meta);
		message.put("createdAt", 1);
		message.put("updatedAt", 1);
		return message;
	}

	private static Map<String, String> meta(String query) {
		Map<String, String> meta = new LinkedHashMap<>();
		if (query != null) {
			for (String pair : query.split("&")) {
				String[] parts = pair.split("=", 2);
				String name = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
				if (name.startsWith("meta.")) {
					meta.put(name.substring(5), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
				}
			}
		}
		return meta;
	}

	private static void send(HttpExchange exchange, int status, Object json) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(json);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
