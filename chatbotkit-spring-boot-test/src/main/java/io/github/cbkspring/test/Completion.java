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

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * What the fake answers to a completion: the reply's tokens, the functions it calls, its
 * usage and end reason, and how it misbehaves. Whole, the answer is {@code {"text",
 * "usage": {"token"}, "end": {"reason"}}}; streamed as JSON Lines, it is a {@code token}
 * event per token, a {@code message} event per function call (an {@code activity} message
 * of type {@code request}), a {@code usage} event and a {@code result} event. Immutable:
 * each {@code with} method returns a copy.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public final class Completion {

	/** The event type of a call over a channel, the key its data is kept under. */
	static final String CHANNEL_CALL = "waitForChannelMessageBegin";

	private final List<String> tokens;

	private final List<Map<String, Object>> calls;

	private final @Nullable String endReason;

	private final long inputTokens;

	private final long outputTokens;

	private final int cutAfter;

	private final @Nullable String errorMessage;

	private final @Nullable Gate gate;

	private final Duration tokenDelay;

	private final @Nullable Function<Map<String, Object>, Completion> continuation;

	private Completion(List<String> tokens, List<Map<String, Object>> calls, @Nullable String endReason,
			long inputTokens, long outputTokens, int cutAfter, @Nullable String errorMessage, @Nullable Gate gate,
			Duration tokenDelay, @Nullable Function<Map<String, Object>, Completion> continuation) {
		this.tokens = tokens;
		this.calls = calls;
		this.endReason = endReason;
		this.inputTokens = inputTokens;
		this.outputTokens = outputTokens;
		this.cutAfter = cutAfter;
		this.errorMessage = errorMessage;
		this.gate = gate;
		this.tokenDelay = tokenDelay;
		this.continuation = continuation;
	}

	/**
	 * A reply of these tokens, ending with {@code stop}; its usage counts one input and
	 * one output token per token.
	 * @param tokens the tokens, streamed one event each; whole, the text is their
	 * concatenation
	 * @return the completion
	 */
	public static Completion reply(String... tokens) {
		List<String> list = List.of(tokens);
		return new Completion(list, List.of(), null, list.size(), list.size(), -1, null, null, Duration.ZERO, null);
	}

	/**
	 * A copy that calls a function after its tokens, as a model asks the application to
	 * run one: the end reason becomes {@code activity} unless another was set.
	 * @param name the function's name
	 * @param arguments its arguments
	 * @return the copy
	 */
	public Completion withFunctionCall(String name, Map<String, Object> arguments) {
		List<Map<String, Object>> calls = new ArrayList<>(this.calls);
		Map<String, Object> function = new LinkedHashMap<>();
		function.put("name", name);
		function.put("arguments", Map.copyOf(arguments));
		calls.add(Map.of("type", "activity", "text", "", "meta",
				Map.of("activity", Map.of("type", "request", "function", function))));
		return new Completion(this.tokens, List.copyOf(calls), this.endReason, this.inputTokens, this.outputTokens,
				this.cutAfter, this.errorMessage, this.gate, this.tokenDelay, this.continuation);
	}

	/**
	 * A copy that asks the application to run a function over a channel after its tokens,
	 * as an agent's tool: a {@code waitForChannelMessageBegin} event {@code {"function":
	 * {"name", "args"}, "channel"}} in a stream (a whole answer does not carry it). The
	 * end reason becomes {@code activity} unless another was set.
	 * @param name the function's name
	 * @param arguments its arguments
	 * @param channel the channel the application answers on
	 * @return the copy
	 */
	public Completion withChannelCall(String name, Map<String, Object> arguments, String channel) {
		List<Map<String, Object>> calls = new ArrayList<>(this.calls);
		calls.add(Map.of(CHANNEL_CALL,
				Map.of("function", Map.of("name", name, "args", Map.copyOf(arguments)), "channel", channel)));
		return new Completion(this.tokens, List.copyOf(calls), this.endReason, this.inputTokens, this.outputTokens,
				this.cutAfter, this.errorMessage, this.gate, this.tokenDelay, this.continuation);
	}

	/**
	 * A copy whose stream, once its tokens and calls are sent, waits for the message the
	 * application publishes to each channel it calls ({@code POST
	 * /channel/{channelId}/publish}) and goes on with the completion made of them, in the
	 * same stream, as the API's loop goes on with a tool's result. The {@code usage} and
	 * {@code result} events are the last completion's; this one's own end reason, cut and
	 * error do not apply. A whole answer does not wait.
	 * @param continuation makes the rest of the answer of the messages by channel, each
	 * as published: {@code {"data": ...}}, or {@code {"error": "..."}} from a tool that
	 * failed
	 * @return the copy
	 */
	public Completion thenReply(Function<Map<String, Object>, Completion> continuation) {
		Objects.requireNonNull(continuation, "continuation must not be null");
		return new Completion(this.tokens, this.calls, this.endReason, this.inputTokens, this.outputTokens,
				this.cutAfter, this.errorMessage, this.gate, this.tokenDelay, continuation);
	}

	/**
	 * A copy with this usage.
	 * @param inputTokens the tokens the model read
	 * @param outputTokens the tokens it wrote; whole, the answer's {@code usage.token} is
	 * their sum
	 * @return the copy
	 */
	public Completion withUsage(long inputTokens, long outputTokens) {
		return new Completion(this.tokens, this.calls, this.endReason, inputTokens, outputTokens, this.cutAfter,
				this.errorMessage, this.gate, this.tokenDelay, this.continuation);
	}

	/**
	 * A copy with this end reason.
	 * @param endReason as the API names it: {@code stop}, {@code length},
	 * {@code activity}, {@code abort}, {@code error} or {@code iteration}
	 * @return the copy
	 */
	public Completion withEndReason(String endReason) {
		return new Completion(this.tokens, this.calls, endReason, this.inputTokens, this.outputTokens, this.cutAfter,
				this.errorMessage, this.gate, this.tokenDelay, this.continuation);
	}

	/**
	 * A copy whose stream is cut after some tokens: the connection ends without a
	 * {@code result} event, as when a proxy drops it. Whole, the answer is cut mid-body.
	 * @param tokens how many token events are sent first, at most all of them
	 * @return the copy
	 * @throws IllegalArgumentException if {@code tokens} is negative
	 */
	public Completion cutAfter(int tokens) {
		checkTokens(tokens);
		return new Completion(this.tokens, this.calls, this.endReason, this.inputTokens, this.outputTokens, tokens,
				null, this.gate, this.tokenDelay, this.continuation);
	}

	/**
	 * A copy whose stream ends with an {@code error} event after some tokens:
	 * {@code {"type":"error","data":{"message": ...}}}. Whole, the answer is a
	 * {@code 500} with that message.
	 * @param tokens how many token events are sent first, at most all of them
	 * @param message the error's message
	 * @return the copy
	 * @throws IllegalArgumentException if {@code tokens} is negative
	 */
	public Completion errorAfter(int tokens, String message) {
		checkTokens(tokens);
		return new Completion(this.tokens, this.calls, this.endReason, this.inputTokens, this.outputTokens, tokens,
				Objects.requireNonNull(message, "message must not be null"), this.gate, this.tokenDelay,
				this.continuation);
	}

	private static void checkTokens(int tokens) {
		// -1 is how this class says "not cut": a negative count must not mean it
		if (tokens < 0) {
			throw new IllegalArgumentException("tokens must not be negative, not " + tokens);
		}
	}

	/**
	 * A copy whose answer waits at a gate before its first token.
	 * @param gate the gate, released by the test
	 * @return the copy
	 */
	public Completion heldBy(Gate gate) {
		return new Completion(this.tokens, this.calls, this.endReason, this.inputTokens, this.outputTokens,
				this.cutAfter, this.errorMessage, gate, this.tokenDelay, this.continuation);
	}

	/**
	 * A copy whose stream pauses after each token, as a model writes: for a page that
	 * shows the reply growing. A test that asserts on the reply does not need it.
	 * @param delay the pause after each {@code token} event, zero for none (the default)
	 * @return the copy
	 * @throws IllegalArgumentException if the delay is negative
	 */
	public Completion withTokenDelay(Duration delay) {
		Objects.requireNonNull(delay, "delay must not be null");
		if (delay.isNegative()) {
			throw new IllegalArgumentException("delay must not be negative, not " + delay);
		}
		return new Completion(this.tokens, this.calls, this.endReason, this.inputTokens, this.outputTokens,
				this.cutAfter, this.errorMessage, this.gate, delay, this.continuation);
	}

	@Nullable Function<Map<String, Object>, Completion> continuation() {
		return this.continuation;
	}

	/**
	 * The channels of the calls over a channel, in order.
	 */
	@SuppressWarnings("unchecked")
	List<String> channels() {
		return this.calls.stream()
			.map((call) -> (Map<String, Object>) call.get(CHANNEL_CALL))
			.filter(Objects::nonNull)
			.map((call) -> (String) call.get("channel"))
			.toList();
	}

	List<String> tokens() {
		return this.tokens;
	}

	String text() {
		return String.join("", this.tokens);
	}

	List<Map<String, Object>> calls() {
		return this.calls;
	}

	String endReason() {
		if (this.endReason != null) {
			return this.endReason;
		}
		return this.calls.isEmpty() ? "stop" : "activity";
	}

	long inputTokens() {
		return this.inputTokens;
	}

	long outputTokens() {
		return this.outputTokens;
	}

	/**
	 * How many tokens are sent before the stream is cut or fails, or -1 if it does not.
	 */
	int cutAfter() {
		return this.cutAfter;
	}

	@Nullable String errorMessage() {
		return this.errorMessage;
	}

	@Nullable Gate gate() {
		return this.gate;
	}

	Duration tokenDelay() {
		return this.tokenDelay;
	}

	@Override
	public String toString() {
		return "Completion[text=" + text() + ", end=" + endReason() + "]";
	}

}
