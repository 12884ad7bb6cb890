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

import org.springframework.util.Assert;

/**
 * How the API gets the result of a {@link FunctionDefinition function} the bot calls,
 * when the caller does not hand it back in the next request: a fixed value given up front
 * ({@link #data(Object)}), or a channel the caller publishes the result to while the
 * completion waits ({@link #channel(String)}). A function without one ends the completion
 * with {@link EndReason#ACTIVITY} so that the caller runs it; see {@link FunctionCall}.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public sealed interface FunctionResult {

	/**
	 * A fixed result, given to the bot as soon as it calls the function.
	 * @param data the result: text, a number, a boolean, or maps and lists
	 * @return the result
	 */
	static FunctionResult data(Object data) {
		return new Data(data);
	}

	/**
	 * A result the caller publishes to a channel ({@code POST
	 * /channel/{channelId}/publish} with the generic calls) when the stream announces the
	 * call with a {@code waitForChannelMessageBegin} {@link CompletionEvent.Marker
	 * marker}.
	 * @param channel the channel's id, at least 16 characters, unique per call
	 * @return the result
	 */
	static FunctionResult channel(String channel) {
		return new Channel(channel);
	}

	/**
	 * A fixed result ({@code {"data": ...}}).
	 *
	 * @param data the result
	 */
	record Data(Object data) implements FunctionResult {

		/**
		 * Validate the result.
		 * @param data the result
		 */
		public Data {
			Assert.notNull(data, "Function result data must not be null");
		}

	}

	/**
	 * A result published to a channel ({@code {"channel": ...}}).
	 *
	 * @param channel the channel's id
	 */
	record Channel(String channel) implements FunctionResult {

		/**
		 * Validate the channel.
		 * @param channel the channel's id
		 */
		public Channel {
			Assert.isTrue(channel != null && channel.length() >= 16, "A channel id has at least 16 characters");
		}

	}

}
