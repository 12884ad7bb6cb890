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

package io.github.cbkspring.client.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.util.Assert;

/**
 * One message of a conversation.
 *
 * @param type the kind of message
 * @param text the text of the message
 * @param meta free-form metadata as maps, lists and values; empty if none, and then not
 * sent. An {@link MessageType#ACTIVITY activity} message of a function call carries the
 * call here ({@code activity: {type, function: {name, arguments, result}}}), which is why
 * a completion that replays the history must send it back unchanged.
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record Message(MessageType type, String text,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> meta) {

	/**
	 * Validate the message and copy its metadata.
	 * @param type the kind of message
	 * @param text the text of the message
	 * @param meta free-form metadata, or {@code null} for none
	 */
	public Message {
		Assert.notNull(type, "Message type must not be null");
		Assert.notNull(text, "Message text must not be null");
		meta = (meta != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(meta)) : Map.of();
	}

	/**
	 * A message without metadata.
	 * @param type the kind of message
	 * @param text the text of the message
	 */
	public Message(MessageType type, String text) {
		this(type, text, Map.of());
	}

	/**
	 * A message written by the user.
	 * @param text the text
	 * @return the message
	 */
	public static Message user(String text) {
		return new Message(MessageType.USER, text);
	}

	/**
	 * A message written by the bot.
	 * @param text the text
	 * @return the message
	 */
	public static Message bot(String text) {
		return new Message(MessageType.BOT, text);
	}

}
