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

package io.github.cbkspring.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.cbkspring.client.bot.BotClient;
import io.github.cbkspring.client.bot.ReactiveSessionClient;
import io.github.cbkspring.client.conversation.ConversationClient;
import io.github.cbkspring.client.usage.UsageClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the hand-written blocking clients has a non-blocking twin of the
 * same name and parameters that answers with a {@code Mono} or a {@code Flux}.
 *
 * @author cbkspring contributors
 */
class ReactiveTwinsTests {

	@Test
	void everyOperationOfAHandWrittenClientHasANonBlockingTwin() {
		Map<Class<?>, Class<?>> clients = HandWrittenTwins.clients();
		List<String> mismatches = new ArrayList<>();
		clients.forEach((blocking, reactive) -> mismatches.addAll(HandWrittenTwins.mismatches(blocking, reactive)));
		assertThat(mismatches).isEmpty();
		assertThat(clients.keySet()).map(Class::getSimpleName)
			.containsExactlyInAnyOrder("ChatBotKitClient", "BotClient", "SessionClient", "ConversationClient",
					"ConversationMessageClient", "DatasetClient", "DatasetFileClient", "DatasetRecordClient",
					"FileClient", "ContactClient", "PartnerUserClient", "UsageClient");
	}

	@Test
	void operationsAreThoseWrittenByHandWithoutWhatEveryClientHas() {
		assertThat(HandWrittenTwins.operations(UsageClient.class)).map(HandWrittenTwins::signature)
			.containsExactly("fetch()");
		assertThat(HandWrittenTwins.operations(ConversationClient.class)).map(HandWrittenTwins::signature)
			.contains("listAll(ListQuery)", "receiveStream(String, CompletionOptions)", "messages()")
			.doesNotContain("withOptions(Consumer)", "transport()", "toString()");
		assertThat(HandWrittenTwins.operations(ChatBotKitClient.class)).map(HandWrittenTwins::signature)
			.contains("bots()", "usage()")
			.doesNotContain("blueprints()", "withOptions(Consumer)");
	}

	@Test
	void aMissingTwinOrAnotherReturnTypeIsReported() {
		assertThat(HandWrittenTwins.mismatches(BotClient.class, ReactiveSessionClient.class))
			.contains("ReactiveSessionClient has no list(ListQuery)", "ReactiveSessionClient has no sessions()");
		assertThat(HandWrittenTwins.mismatches(BotClient.class, BotClient.class))
			.contains("BotClient.fetch(String) returns io.github.cbkspring.client.bot.Bot, not "
					+ "reactor.core.publisher.Mono<io.github.cbkspring.client.bot.Bot>");
	}

}
