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

package io.github.cbkspring.client.conversation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.github.cbkspring.client.core.Message;
import io.github.cbkspring.client.core.MessageType;
import io.github.cbkspring.client.internal.JsonCodec;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A call of a {@link FunctionDefinition function} by the bot, read from a streamed
 * completion, and the messages that hand its result back.
 * <p>
 * The API announces a call in one of two ways. For a function without a
 * {@link FunctionResult}, the stream carries an {@code activity} message whose
 * {@code meta.activity} is {@code {type: "request", function: {name, arguments}}}, and
 * the completion ends with {@link EndReason#ACTIVITY}; the caller runs the function and
 * completes again with the history, that message, and {@link #response(String)}
 * (stateless completions). For a function with a {@link FunctionResult#channel(String)
 * channel}, the stream carries a {@code waitForChannelMessageBegin} marker
 * ({@code {channel, function: {name, args}}}) and waits until the result is published to
 * that channel. <pre class="code">
 * List&lt;Message&gt; added = new ArrayList&lt;&gt;();
 * try (Stream&lt;CompletionEvent&gt; events = conversations.completeStream(request)) {
 *     events.forEach((event) -&gt; {
 *         if (event instanceof CompletionEvent.MessageAdded m) {
 *             added.add(m.message());
 *         }
 *     });
 * }
 * for (Message message : added) {
 *     FunctionCall.of(message).ifPresent((call) -&gt; history.add(call.response(run(call))));
 * }
 * </pre> The whole (not streamed) reply carries no messages, so a caller that runs
 * functions itself reads the stream.
 *
 * @param name the function's name
 * @param arguments the arguments the bot chose, as maps, lists and values
 * @param channel the channel to publish the result to, for a channel function; else
 * {@code null}
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record FunctionCall(String name, Map<String, Object> arguments, @Nullable String channel) {

	private static final String WAIT_FOR_CHANNEL = "waitForChannelMessageBegin";

	/**
	 * Validate the call and copy its arguments.
	 * @param name the function's name
	 * @param arguments the arguments
	 * @param channel the channel, if any
	 */
	public FunctionCall {
		Assert.hasText(name, "Function name must not be empty");
		arguments = Copies.map(arguments);
	}

	/**
	 * The function call an event announces: an {@code activity} request message or a
	 * {@code waitForChannelMessageBegin} marker.
	 * @param event the event
	 * @return the call, or empty if the event announces none
	 * @throws IllegalArgumentException if the arguments are JSON text but not an object
	 */
	public static Optional<FunctionCall> of(CompletionEvent event) {
		Assert.notNull(event, "Event must not be null");
		if (event instanceof CompletionEvent.MessageAdded added) {
			return of(added.message());
		}
		if (event instanceof CompletionEvent.Marker marker && WAIT_FOR_CHANNEL.equals(marker.type())
				&& marker.data().get("function") instanceof Map<?, ?> function
				&& function.get("name") instanceof String name
				&& marker.data().get("channel") instanceof String channel) {
			return Optional.of(new FunctionCall(name, arguments(function.get("args")), channel));
		}
		return Optional.empty();
	}

	/**
	 * The function call an {@code activity} message asks for.
	 * @param message the message
	 * @return the call, or empty if the message is not an activity request
	 * @throws IllegalArgumentException if the arguments are JSON text but not an object
	 */
	public static Optional<FunctionCall> of(Message message) {
		Assert.notNull(message, "Message must not be null");
		if (message.type() == MessageType.ACTIVITY && message.meta().get("activity") instanceof Map<?, ?> activity
				&& "request".equals(activity.get("type")) && activity.get("function") instanceof Map<?, ?> function
				&& function.get("name") instanceof String name) {
			return Optional.of(new FunctionCall(name, arguments(function.get("arguments")), null));
		}
		return Optional.empty();
	}

	/**
	 * The arguments as JSON text, the form tool frameworks such as Spring AI pass on.
	 * @return the arguments as a JSON object
	 */
	public String argumentsJson() {
		return JsonCodec.INSTANCE.writeString(this.arguments);
	}

	/**
	 * The {@code activity} message that asks for this call, for a history rebuilt from
	 * elsewhere (a replay of the message the API sent keeps anything else it carried).
	 * @return the request message
	 */
	public Message request() {
		return activity("request", null);
	}

	/**
	 * The {@code activity} message that hands the result of this call back, to add to the
	 * history after the request message.
	 * @param result the result as text, typically JSON
	 * @return the response message
	 */
	public Message response(String result) {
		Assert.notNull(result, "Function result must not be null");
		return activity("response", result);
	}

	private Message activity(String type, @Nullable String result) {
		Map<String, Object> function = new LinkedHashMap<>();
		function.put("name", this.name);
		function.put("arguments", this.arguments);
		if (result != null) {
			function.put("result", result);
		}
		return new Message(MessageType.ACTIVITY, "", Map.of("activity", Map.of("type", type, "function", function)));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> arguments(@Nullable Object arguments) {
		if (arguments instanceof Map<?, ?> map) {
			return (Map<String, Object>) map;
		}
		if (arguments instanceof String json && !json.isBlank()) {
			return JsonCodec.INSTANCE.readObject(json, "Function arguments");
		}
		return Map.of();
	}

}
