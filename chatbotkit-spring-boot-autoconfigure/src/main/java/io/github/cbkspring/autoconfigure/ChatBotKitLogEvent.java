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

import io.github.cbkspring.client.event.log.EventLogSubscribeEvent;

import org.springframework.context.ApplicationEvent;

/**
 * An event of the ChatBotKit account's event log, published while
 * {@code chatbotkit.events.enabled=true}. An
 * {@link org.springframework.context.event.EventListener @EventListener} method picks it
 * up, on the one thread that reads the event log, in the order they arrive; a listener
 * that takes long holds up the events after it, and one that throws is logged and does
 * not stop the others. An event is published once even when the subscription reconnects;
 * see {@link io.github.cbkspring.client.subscription.EventSubscription} for when events
 * may be lost.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class ChatBotKitLogEvent extends ApplicationEvent {

	private final EventLogSubscribeEvent.Data data;

	/**
	 * Create an event.
	 * @param source the object that read the event log
	 * @param data the logged event
	 */
	public ChatBotKitLogEvent(Object source, EventLogSubscribeEvent.Data data) {
		super(source);
		this.data = data;
	}

	/**
	 * The type of the event, such as {@code conversation.create}.
	 * @return the type
	 */
	public String getType() {
		return this.data.type();
	}

	/**
	 * The logged event: its id, type, times and the ids of the resources it concerns.
	 * @return the event
	 */
	public EventLogSubscribeEvent.Data getData() {
		return this.data;
	}

	@Override
	public String toString() {
		return "ChatBotKitLogEvent[type=" + this.data.type() + ", id=" + this.data.id() + "]";
	}

}
