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

package io.github.cbkspring.autoconfigure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;

/**
 * A webhook call of a ChatBotKit integration whose signature matched, published by the
 * receiver that {@code chatbotkit.webhook.enabled=true} turns on. An
 * {@link org.springframework.context.event.EventListener @EventListener} method picks it
 * up; it runs on the thread of the web request, and an exception it throws answers the
 * call with an error (so that the integration may call again).
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class ChatBotKitWebhookEvent extends ApplicationEvent {

	private final @Nullable String type;

	private final Map<String, @Nullable Object> payload;

	private final byte[] body;

	/**
	 * Create an event.
	 * @param source the object that received the call
	 * @param payload the body parsed as a JSON object: its values are maps, lists,
	 * strings, numbers, booleans or {@code null}
	 * @param body the raw body, as signed
	 */
	public ChatBotKitWebhookEvent(Object source, Map<String, ? extends @Nullable Object> payload, byte[] body) {
		super(source);
		this.payload = Collections.unmodifiableMap(new LinkedHashMap<>(payload));
		this.type = (payload.get("type") instanceof String value) ? value : null;
		this.body = body.clone();
	}

	/**
	 * The type of the event: the payload's {@code type} field.
	 * @return the type, or {@code null} if the payload has no {@code type} string
	 */
	public @Nullable String getType() {
		return this.type;
	}

	/**
	 * The body parsed as a JSON object.
	 * @return the unmodifiable payload
	 */
	public Map<String, @Nullable Object> getPayload() {
		return this.payload;
	}

	/**
	 * The raw body, exactly as received and signed.
	 * @return a copy of the body's bytes
	 */
	public byte[] getBody() {
		return this.body.clone();
	}

	@Override
	public String toString() {
		// the payload may carry personal data: only its shape
		return getClass().getSimpleName() + "[type=" + this.type + ", bytes=" + this.body.length + "]";
	}

}
