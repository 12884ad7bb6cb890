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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;

/**
 * Writes an {@link Answer}: JSON, bytes, or a completion whole or as JSON Lines, with its
 * faults (a gate before the first token, an {@code error} event, a cut).
 *
 * @author cbkspring contributors
 */
final class Answers {

	private Answers() {
	}

	static void write(HttpExchange exchange, Answer answer) throws IOException {
		if (answer instanceof Answer.JsonAnswer json) {
			json.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
			send(exchange, json.status(), "application/json", Json.write(json.body()).getBytes(StandardCharsets.UTF_8));
		}
		else if (answer instanceof Answer.BytesAnswer bytes) {
			if (bytes.status() == 204) {
				exchange.sendResponseHeaders(204, -1);
				return;
			}
			send(exchange, bytes.status(), bytes.contentType(), bytes.body());
		}
		else if (answer instanceof Answer.CompletionAnswer completion) {
			if (completion.streamed()) {
				stream(exchange, completion);
			}
			else {
				whole(exchange, completion);
			}
		}
	}

	private static void whole(HttpExchange exchange, Answer.CompletionAnswer answer) throws IOException {
		Completion completion = answer.completion();
		// whole, nothing is sent until the model has answered
		hold(completion);
		if (completion.errorMessage() != null) {
			write(exchange, Answer.error(500, "INTERNAL_SERVER_ERROR", completion.errorMessage()));
			return;
		}
		byte[] body = Json.write(result(completion)).getBytes(StandardCharsets.UTF_8);
		if (completion.cutAfter() >= 0) {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			cut(exchange.getResponseBody(), body, body.length / 2);
			return;
		}
		send(exchange, 200, "application/json", body);
		answer.done().run();
	}

	private static void stream(HttpExchange exchange, Answer.CompletionAnswer answer) throws IOException {
		Completion completion = answer.completion();
		boolean continued = completion.continuation() != null;
		Events events = new Events(completion);
		exchange.getResponseHeaders().set("Content-Type", "application/jsonl");
		// a cut answer announces its whole length and ends short: the client sees the
		// connection end mid-answer
		exchange.sendResponseHeaders(200, (events.cut() && !continued) ? events.whole().length : 0);
		OutputStream out = exchange.getResponseBody();
		out.flush();
		hold(completion);
		Function<Map<String, Object>, Completion> continuation = completion.continuation();
		while (continuation != null) {
			write(out, tokensAndCalls(completion), completion);
			completion = Objects.requireNonNull(continuation.apply(messages(answer.channels(), completion)),
					"A continuation must not return null");
			continuation = completion.continuation();
			events = new Events(completion);
			hold(completion);
		}
		if (events.cut()) {
			cut(out, events.whole(), events.lengthBeforeCut());
			return;
		}
		write(out, events.lines(), completion);
		if (!events.failing()) {
			answer.done().run();
		}
	}

	private static Map<String, Object> messages(ChannelMessages channels, Completion completion) throws IOException {
		Map<String, Object> messages = new LinkedHashMap<>();
		try {
			for (String channel : completion.channels()) {
				messages.put(channel, channels.take(channel));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("The fake closed while an answer waited for a channel");
		}
		return messages;
	}

	private static List<String> tokensAndCalls(Completion completion) {
		List<String> lines = new ArrayList<>();
		completion.tokens().forEach((token) -> lines.add(event("token", Map.of("token", token))));
		completion.calls().forEach((call) -> {
			Object channelCall = call.get(Completion.CHANNEL_CALL);
			lines.add((channelCall != null) ? event(Completion.CHANNEL_CALL, channelCall) : event("message", call));
		});
		return lines;
	}

	/**
	 * Write events, pausing after each token as the completion says.
	 */
	private static void write(OutputStream out, List<String> lines, Completion completion) throws IOException {
		int tokens = completion.tokens().size();
		for (int i = 0; i < lines.size(); i++) {
			out.write(lines.get(i).getBytes(StandardCharsets.UTF_8));
			out.flush();
			if (i < tokens) {
				pause(completion.tokenDelay());
			}
		}
	}

	/**
	 * The JSON Lines of a streamed completion: its tokens, its calls, {@code usage} and
	 * {@code result}, or an {@code error} event where it fails.
	 */
	private static final class Events {

		private final List<String> lines = new ArrayList<>();

		private final int cutAfter;

		private final boolean failing;

		Events(Completion completion) {
			this.lines.addAll(tokensAndCalls(completion));
			// a cut or a failure comes before the usage and the result, whatever count it
			// names: after the result the answer would be whole
			int events = this.lines.size();
			Map<String, Object> usage = new LinkedHashMap<>();
			usage.put("model", "fake");
			usage.put("inputTokensUsed", completion.inputTokens());
			usage.put("outputTokensUsed", completion.outputTokens());
			this.lines.add(event("usage", usage));
			this.lines.add(event("result", result(completion)));
			this.cutAfter = Math.min(completion.cutAfter(), events);
			String errorMessage = completion.errorMessage();
			this.failing = this.cutAfter >= 0 && errorMessage != null;
			if (this.failing) {
				this.lines.subList(this.cutAfter, this.lines.size()).clear();
				this.lines.add(event("error", Map.of("message", errorMessage)));
			}
		}

		List<String> lines() {
			return this.lines;
		}

		boolean failing() {
			return this.failing;
		}

		boolean cut() {
			return this.cutAfter >= 0 && !this.failing;
		}

		byte[] whole() {
			return String.join("", this.lines).getBytes(StandardCharsets.UTF_8);
		}

		int lengthBeforeCut() {
			int length = 0;
			for (String line : this.lines.subList(0, this.cutAfter)) {
				length += line.getBytes(StandardCharsets.UTF_8).length;
			}
			return length;
		}

	}

	private static void hold(Completion completion) throws IOException {
		Gate gate = completion.gate();
		if (gate != null) {
			try {
				gate.pass();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("The fake closed while an answer was held");
			}
		}
	}

	private static void pause(Duration delay) throws IOException {
		if (!delay.isZero()) {
			try {
				TimeUnit.NANOSECONDS.sleep(delay.toNanos());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("The fake closed while an answer was paced");
			}
		}
	}

	/**
	 * Write the first bytes of an answer, then drop the connection.
	 */
	private static void cut(OutputStream out, byte[] whole, int length) throws IOException {
		out.write(whole, 0, length);
		out.flush();
		// thrown out of the handler, the JDK's server drops the connection
		throw new IOException("The answer is cut here on purpose");
	}

	private static Map<String, Object> result(Completion completion) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("text", completion.text());
		result.put("usage", Map.of("token", completion.inputTokens() + completion.outputTokens()));
		result.put("end", Map.of("reason", completion.endReason()));
		return result;
	}

	private static String event(String type, Object data) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("type", type);
		event.put("data", data);
		return Json.write(event) + "\n";
	}

	private static void send(HttpExchange exchange, int status, @org.jspecify.annotations.Nullable String contentType,
			byte[] body) throws IOException {
		if (contentType != null) {
			exchange.getResponseHeaders().set("Content-Type", contentType);
		}
		exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
		if (body.length > 0) {
			exchange.getResponseBody().write(body);
		}
	}

}
