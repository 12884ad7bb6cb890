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

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The streaming workload: {@code POST /v1/conversation/{id}/complete} with
 * {@code Accept: application/jsonl}, answered by {@value #TOKENS} {@code token} lines and
 * one {@code result} line. The conversation id picks the pace: {@value #PACED} writes one
 * line every {@value #LINE_INTERVAL_MILLIS} ms (a chat model writing), {@value #TRICKLE}
 * one every millisecond (the same read path in a fraction of the time, to warm up), any
 * other id gets all lines at once. Shared by the stub, which writes the lines, and the
 * drivers, which send the request and check what they read against it.
 *
 * @author cbkspring contributors
 */
final class CompletionJson {

	static final int TOKENS = 200;

	static final long LINE_INTERVAL_MILLIS = 20;

	static final String PACED = "paced";

	static final String TRICKLE = "trickle";

	static final String UNPACED = "unpaced";

	/**
	 * The message of unpaced streams; a paced stream sends its number, as the stub
	 * reports it.
	 */
	static final String TEXT = "Hello!";

	static final String ACCEPT = "application/jsonl";

	private static final String[] WORDS = { " The", " quick", " brown", " fox", " jumps", " over", " the", " lazy",
			" dog", "." };

	private static final JsonMapper mapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private CompletionJson() {
	}

	/**
	 * The time between two lines of a stream of the given conversation.
	 * @param conversationId the conversation
	 * @return milliseconds, 0 for all at once
	 */
	static long lineIntervalMillis(String conversationId) {
		return switch (conversationId) {
			case PACED -> LINE_INTERVAL_MILLIS;
			case TRICKLE -> 1;
			default -> 0;
		};
	}

	static String path(String conversationId) {
		return "/v1/conversation/" + conversationId + "/complete";
	}

	/**
	 * The request body, written per call as the client writes its own.
	 * @param text the user's message
	 */
	static byte[] request(String text) {
		return mapper.writeValueAsBytes(new Request(text));
	}

	static JsonMapper mapper() {
		return mapper;
	}

	/**
	 * The lines of one answer, without line breaks: the tokens, then the result.
	 */
	static List<String> lines() {
		List<String> lines = new ArrayList<>(TOKENS + 1);
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < TOKENS; i++) {
			String token = WORDS[i % WORDS.length];
			text.append(token);
			lines.add(mapper.writeValueAsString(new Line("token", new Data(token, null, null, null, null))));
		}
		lines.add(mapper.writeValueAsString(
				new Line("result", new Data(null, "msg-1", text.toString(), new Usage(TOKENS), new End("stop")))));
		return lines;
	}

	/**
	 * Check what a driver read of one answer.
	 * @param tokens the token events
	 * @param tokenChars the characters of all tokens
	 * @param resultTokens the token count of the result
	 * @param resultChars the length of the result's text
	 * @param stopped whether the result's end reason is {@code stop}
	 */
	static void check(int tokens, long tokenChars, long resultTokens, int resultChars, boolean stopped) {
		if (tokens != TOKENS || resultTokens != TOKENS || tokenChars != resultChars || !stopped) {
			throw new IllegalStateException(
					"Unexpected stream: " + tokens + " tokens of " + tokenChars + " characters, result of "
							+ resultTokens + " tokens and " + resultChars + " characters, stopped " + stopped);
		}
	}

	record Request(String text) {
	}

	/**
	 * One line of the answer, as the stub writes it.
	 *
	 * @param type {@code token} or {@code result}
	 * @param data the event's data
	 */
	record Line(String type, Data data) {
	}

	/**
	 * The data of either event: a token's, or the result's.
	 *
	 * @param token the token's text
	 * @param id the reply's id
	 * @param text the reply's text
	 * @param usage the reply's usage
	 * @param end why the reply ended
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Data(@Nullable String token, @Nullable String id, @Nullable String text, @Nullable Usage usage,
			@Nullable End end) {
	}

	record Usage(long token) {
	}

	record End(String reason) {
	}

}
