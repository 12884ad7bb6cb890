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

package io.github.cbkspring.ai;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * BlockHound watches every non-blocking thread (Reactor Netty's event loops, Reactor's
 * parallel scheduler) while the chat model streams on a reactive client, subscribed on a
 * non-blocking thread: a blocking call there fails the stream with a
 * {@link BlockingOperationError}. The first test shows that BlockHound is on, so that the
 * others can fail.
 *
 * @author cbkspring contributors
 */
class ReactiveStreamBlockingTests {

	private static final Duration HANG_GUARD = Duration.ofMinutes(2);

	@RegisterExtension
	static WireMockExtension api = CompletionApi.server();

	@BeforeAll
	static void installBlockHound() {
		BlockHound.install();
	}

	@Test
	void blockHoundIsWatching() {
		Throwable failure = catchThrowable(() -> Mono.fromCallable(() -> {
			Thread.sleep(1);
			return 1;
		}).subscribeOn(Schedulers.parallel()).block(HANG_GUARD));
		assertThat(failure).hasRootCauseInstanceOf(BlockingOperationError.class);
	}

	@Test
	void aStreamSubscribedOnANonBlockingThreadNeverBlocks() {
		String tokens = (CompletionApi.token("a") + "\n").repeat(500);
		api.stubFor(post(urlEqualTo(CompletionApi.PATH))
			.willReturn(aResponse().withHeader("Content-Type", "application/jsonl")
				.withBody(tokens + CompletionApi.usage("gpt-5.4", 10, 500) + "\n" + CompletionApi.reasoningToken("r")
						+ "\n" + CompletionApi.result("a", 510, "stop") + "\n")
				.withChunkedDribbleDelay(20, 200)));
		ChatBotKitChatModel model = ChatBotKitChatModel.builder()
			.conversationClient(CompletionApi.conversations(api.baseUrl()))
			// an address, not a name: the JDK's resolver blocks
			.reactiveConversationClient(CompletionApi.reactiveConversations("http://127.0.0.1:" + api.getPort()))
			.options(ChatBotKitChatOptions.builder().botId("bot-1").build())
			.build();
		List<ChatResponse> responses = model.stream(new Prompt("Hi"))
			.subscribeOn(Schedulers.parallel())
			.collectList()
			.block(HANG_GUARD);
		assertThat(responses).hasSize(502);
		assertThat(responses.get(501).getMetadata().getUsage().getTotalTokens()).isEqualTo(510);
	}

}
