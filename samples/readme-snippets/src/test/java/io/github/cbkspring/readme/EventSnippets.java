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

package io.github.cbkspring.readme;

import java.util.stream.Stream;

import io.github.cbkspring.autoconfigure.ChatBotKitLogEvent;
import io.github.cbkspring.autoconfigure.ChatBotKitWebhookEvent;
import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.event.log.EventLogSubscribeEvent;
import io.github.cbkspring.client.subscription.EventSubscription;
import io.github.cbkspring.client.task.TaskSubscribeEvent;
import io.github.cbkspring.client.webhook.WebhookSignature;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The examples of {@code docs/events.md}, compiled as they are printed.
 *
 * @author cbkspring contributors
 */
@SuppressWarnings("unused")
class EventSnippets {

	// tag::webhook-listener[]
	@Component
	static class WebhookListener {

		private static final Log logger = LogFactory.getLog(WebhookListener.class);

		@EventListener
		void on(ChatBotKitWebhookEvent event) {
			// getType() is the payload's "type" field; getPayload() the whole JSON object
			logger.info("ChatBotKit called back: " + event.getType() + " " + event.getPayload().keySet());
		}

	}
	// end::webhook-listener[]

	boolean verifyWithoutSpringBoot(String secret, byte[] body, String header) {
		// tag::webhook-signature[]
		WebhookSignature signature = WebhookSignature.of(secret);
		WebhookSignature.Verification verification = signature.verify(body, header);
		if (!verification.isValid()) {
			System.getLogger("webhooks").log(System.Logger.Level.WARNING, verification.reason());
		}
		// end::webhook-signature[]
		return verification.isValid();
	}

	// tag::event-log-listener[]
	@Component
	static class EventLogListener {

		private static final Log logger = LogFactory.getLog(EventLogListener.class);

		@EventListener
		void on(ChatBotKitLogEvent event) {
			// getData() holds the event's id, times and the ids of what it concerns
			logger.info("ChatBotKit logged " + event.getType() + " for bot " + event.getData().botId());
		}

	}
	// end::event-log-listener[]

	void subscribeToTheEventLog(ChatBotKitClient client) {
		// tag::event-subscription[]
		try (EventSubscription<EventLogSubscribeEvent> events = EventSubscription.eventLog(client).build()) {
			// blocks, reconnecting after a drop, until events.close() from any thread
			events.forEach((event) -> System.out.println(event.data().type() + " " + event.data().id()));
		}
		// end::event-subscription[]
	}

	void followATask(ChatBotKitClient client, String taskId) {
		// tag::task-subscription[]
		EventSubscription<TaskSubscribeEvent> events = EventSubscription.task(client, taskId).historyLength(50).build();
		try (Stream<TaskSubscribeEvent> stream = events.stream()) {
			stream.takeWhile((event) -> !(event instanceof TaskSubscribeEvent.OperationEnd))
				.filter(TaskSubscribeEvent.OperationBegin.class::isInstance)
				.map(TaskSubscribeEvent.OperationBegin.class::cast)
				.forEach((begin) -> System.out.println(begin.data().action().name() + " at " + begin.createdAt()));
		}
		// end::task-subscription[]
	}

}
