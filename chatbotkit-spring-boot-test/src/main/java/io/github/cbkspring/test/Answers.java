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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
		List<String> lines = new ArrayList<>();
		completion.tokens().forEach((token) -> lines.add(event("token", Map.of("token", token))));
		completion.calls().forEach((call) -> {
			Object channelCall = call.get(Completion.CHANNEL_CALL);
			lines.add((channelCall != null) ? event(Completion.CHANNEL_CALL, channelCall) : event("message", call));
		});
		Map<String, Object> usage = new LinkedHashMap<>();
		usage.put("model", "fake");
		usage.put("inputTokensUsed", completion.inputTokens());
		usage.put("outputTokensUsed", completion.outputTokens());
		// a cut or a failure comes before the usage and the result, whatever count it
		// names: after the result the answer would be whole
		int events = lines.size();
		lines.add(event("usage", usage));
		lines.add(event("result", result(completion)));
		int cutAfter = Math.min(completion.cutAfter(), events);
		boolean failing = cutAfter >= 0 && completion.errorMessage() != null;
		if (failing) {
			lines.subList(cutAfter, lines.size()).clear();
			lines.add(event("error", Map.of("message", completion.errorMessage())));
		}
		boolean cut = cutAfter >= 0 && !failing;
		byte[] whole = String.join("", lines).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/jsonl");
		// a cut answer announces its whole length and ends short: the client sees the
		// connection end mid-answer
		exchange.sendResponseHeaders(200, cut ? whole.length : 0);
		OutputStream out = exchange.getResponseBody();
		out.flush();
		hold(completion);
		if (cut) {
			int length = 0;
			for (String line : lines.subList(0, cutAfter)) {
				length += line.getBytes(StandardCharsets.UTF_8).length;
			}
			cut(out, whole, length);
			return;
		}
		for (String line : lines) {
			out.write(line.getBytes(StandardCharsets.UTF_8));
			out.flush();
		}
		if (!failing) {
			answer.done().run();
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
