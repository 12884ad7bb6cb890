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

package io.github.cbkspring.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The fake's HTTP side, on the JDK's server on loopback: it records each request (without
 * its credential), answers a queued fault, checks the credential, the run-as user and the
 * request against the API model, and writes what {@link FakeApi} answers.
 *
 * @author cbkspring contributors
 */
final class FakeServer {

	private static final Log logger = LogFactory.getLog(FakeServer.class);

	private static final String API = "/api/v1";

	/** Parsed once: the model is some hundreds of kilobytes and never changes. */
	private static final ApiModel MODEL = ApiModel.load();

	private static final AtomicInteger threads = new AtomicInteger();

	private final String secret;

	private final FakeApi api;

	/** Guarded by itself. */
	private final Deque<RecordedRequest> requests = new ArrayDeque<>();

	private final int requestsKept;

	private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();

	private final HttpServer server;

	private final ExecutorService executor;

	FakeServer(String secret, Clock clock, int requestsKept) {
		this.secret = secret;
		this.api = new FakeApi(clock);
		this.requestsKept = requestsKept;
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// a held answer must not hold the others: one thread per exchange
		this.executor = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "chatbotkit-fake-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	FakeApi api() {
		return this.api;
	}

	List<RecordedRequest> requests() {
		synchronized (this.requests) {
			return List.copyOf(this.requests);
		}
	}

	private void record(RecordedRequest request) {
		synchronized (this.requests) {
			this.requests.addLast(request);
			if (this.requests.size() > this.requestsKept) {
				this.requests.removeFirst();
			}
		}
	}

	void failNext(Fault fault) {
		this.faults.add(fault);
	}

	void reset() {
		this.api.reset();
		synchronized (this.requests) {
			this.requests.clear();
		}
		this.faults.clear();
	}

	void stop() {
		this.server.stop(0);
		// ends the answers held at a gate
		this.executor.shutdownNow();
	}

	/**
	 * Answer an exchange. An exception thrown here (an answer cut on purpose, one held
	 * while the fake closed, a client gone) makes the JDK's server drop the connection,
	 * which the client must see.
	 */
	private void handle(HttpExchange exchange) throws IOException {
		// a page of the application under test may call the fake from its own origin
		exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
		exchange.getResponseHeaders().set("Access-Control-Expose-Headers", "Retry-After");
		if ("OPTIONS".equals(exchange.getRequestMethod())) {
			exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, POST, PUT");
			exchange.getResponseHeaders()
				.set("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept, X-RunAs-User-Id");
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
			return;
		}
		Answer answer = answer(exchange, exchange.getRequestBody().readAllBytes());
		if (logger.isDebugEnabled()) {
			logger.debug("ChatBotKit fake: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
					+ " answered " + status(answer));
		}
		Answers.write(exchange, answer);
		exchange.close();
	}

	private Answer answer(HttpExchange exchange, byte[] body) {
		String method = exchange.getRequestMethod();
		String rawPath = exchange.getRequestURI().getRawPath();
		if (rawPath.startsWith(FakeApi.STORAGE)) {
			return this.api.storage(method, rawPath.substring(FakeApi.STORAGE.length()), body);
		}
		if (!rawPath.startsWith(API + "/")) {
			return Answer.notFound("Path " + exchange.getRequestURI().getPath());
		}
		List<String> segments = new ArrayList<>();
		for (String segment : rawPath.substring(API.length() + 1).split("/", -1)) {
			segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
		}
		String contentType = header(exchange, "Content-Type");
		boolean jsonBody = contentType.startsWith("application/json") && body.length > 0;
		JsonNode json = null;
		if (jsonBody) {
			try {
				json = Json.MAPPER.readTree(body);
			}
			catch (RuntimeException ex) {
				return Answer.badRequest("The body is not valid JSON");
			}
		}
		ApiModel.Match match = MODEL.match(method, segments);
		RecordedRequest request = new RecordedRequest(method, "/" + String.join("/", segments),
				query(exchange.getRequestURI().getRawQuery()), headers(exchange),
				(jsonBody || contentType.startsWith("text/")) ? new String(body, StandardCharsets.UTF_8)
						: (body.length > 0) ? "(" + body.length + " bytes of " + contentType + ")" : "",
				json, (match != null) ? match.operation().id() : null);
		record(request);
		Fault fault = this.faults.poll();
		if (fault != null) {
			return Answer.fault(fault);
		}
		String account = account(exchange);
		if (account == null) {
			return Answer.error(401, "UNAUTHORIZED", "Invalid or missing secret");
		}
		String runAs = request.runAsUserId();
		if (runAs != null) {
			if (!account.isEmpty() || !this.api.isPartnerUser(runAs)) {
				return Answer.error(403, "FORBIDDEN", "Cannot run as user " + runAs);
			}
			account = runAs;
		}
		if (match == null) {
			return Answer.notFound("Endpoint " + method + " " + request.path());
		}
		Map<String, String> firstValues = new LinkedHashMap<>();
		request.query().forEach((name, values) -> firstValues.put(name, values.get(0)));
		String problem = match.operation().checkQuery(firstValues);
		if (problem == null && (jsonBody || !"GET".equals(method)) && !contentType.startsWith("multipart/")) {
			problem = match.operation().checkBody(json);
		}
		if (problem != null) {
			return Answer.badRequest(problem);
		}
		return this.api.handle(new Call(request, match, account, url(), body, contentType, header(exchange, "Accept")));
	}

	/**
	 * The account the credential opens, or {@code null}: the secret opens the main
	 * account, a session token the account it was issued in.
	 */
	private @Nullable String account(HttpExchange exchange) {
		String authorization = header(exchange, "Authorization");
		if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		return this.api.accountOf(authorization.substring(7).trim(), this.secret);
	}

	private static String header(HttpExchange exchange, String name) {
		String value = exchange.getRequestHeaders().getFirst(name);
		return (value != null) ? value : "";
	}

	/**
	 * The headers but the credential, names in lower case.
	 */
	private static Map<String, List<String>> headers(HttpExchange exchange) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		exchange.getRequestHeaders().forEach((name, values) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			if (!lower.equals("authorization") && !lower.equals("proxy-authorization") && !lower.equals("cookie")) {
				headers.put(lower, List.copyOf(values));
			}
		});
		return Map.copyOf(headers);
	}

	private static Map<String, List<String>> query(@Nullable String rawQuery) {
		Map<String, List<String>> query = new LinkedHashMap<>();
		if (rawQuery != null && !rawQuery.isEmpty()) {
			for (String pair : rawQuery.split("&", -1)) {
				if (pair.isEmpty()) {
					continue;
				}
				int equals = pair.indexOf('=');
				String name = decode((equals >= 0) ? pair.substring(0, equals) : pair);
				String value = (equals >= 0) ? decode(pair.substring(equals + 1)) : "";
				query.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
			}
		}
		Map<String, List<String>> copy = new LinkedHashMap<>();
		query.forEach((name, values) -> copy.put(name, List.copyOf(values)));
		return copy;
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	private static String status(Answer answer) {
		if (answer instanceof Answer.JsonAnswer json) {
			return Integer.toString(json.status());
		}
		return (answer instanceof Answer.BytesAnswer bytes) ? Integer.toString(bytes.status()) : "a completion";
	}

}
