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

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.ChatBotKitHttpEngine;
import io.github.cbkspring.client.conversation.ConversationClient;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.RetryOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Hooks;
import reactor.core.scheduler.Schedulers;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for cancelling a {@link ChatBotKitChatModel#stream}: a server on a real socket
 * sends two tokens and then holds the stream open without end, so the reading thread is
 * blocked on the socket when the {@code Flux} is cancelled.
 *
 * @author cbkspring contributors
 */
class StreamCancellationTests {

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private final CountDownLatch release = new CountDownLatch(1);

	private final AtomicInteger requests = new AtomicInteger();

	private final List<Throwable> dropped = new CopyOnWriteArrayList<>();

	private final ExecutorService reader = Executors.newSingleThreadExecutor();

	private final CountDownLatch firstRequestHeld = new CountDownLatch(1);

	/**
	 * What the first request gets before it is held: two tokens, the headers only, or
	 * nothing at all.
	 */
	private volatile Held held = Held.AFTER_TWO_TOKENS;

	private HttpServer server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.createContext(CompletionApi.PATH, this::answer);
		this.server.start();
		Hooks.onErrorDropped(this.dropped::add);
	}

	@AfterEach
	void stopServer() {
		Hooks.resetOnErrorDropped();
		this.release.countDown();
		this.server.stop(0);
		this.reader.shutdownNow();
	}

	@Test
	void cancellingAfterTwoTokensAbortsTheBlockedReadAndReleasesTheConnection() throws InterruptedException {
		ConversationClient conversations = CompletionApi.conversationsOnOneConnection(url());
		ChatBotKitChatModel model = ChatBotKitChatModel.builder()
			.conversationClient(conversations)
			.options(ChatBotKitChatOptions.builder().botId("bot-1").build())
			// an executor whose tasks are never interrupted: its thread ends only when
			// the read returns
			.scheduler(Schedulers.fromExecutor(this.reader))
			.build();
		List<String> tokens = new CopyOnWriteArrayList<>();
		AtomicReference<Thread> readingThread = new AtomicReference<>();
		Disposable subscription = model.stream(new Prompt("Hi")).subscribe((chunk) -> {
			readingThread.set(Thread.currentThread());
			tokens.add(chunk.getResult().getOutput().getText());
		});
		await().atMost(TIMEOUT).until(() -> tokens.size() == 2);
		await().atMost(TIMEOUT).until(() -> readsTheSocket(readingThread.get()));

		subscription.dispose();

		assertTheReadingThreadReturned();
		assertThat(tokens).containsExactly("Hel", "lo");
		assertTheConnectionWasReleased(conversations);
	}

	@Test
	void aFollowingCallOnThePoolOfOneConnectionSucceeds() {
		ChatBotKitChatModel model = ChatBotKitChatModel.builder()
			.conversationClient(CompletionApi.conversationsOnOneConnection(url()))
			.build();
		assertThat(model.stream(new Prompt("Hi")).take(2).collectList().block(TIMEOUT)).hasSize(2);
		assertThat(model.call(new Prompt("Again")).getResult().getOutput().getText()).isEqualTo("Hello");
		assertThat(model.stream(new Prompt("Once more")).collectList().block(TIMEOUT)).hasSize(3);
	}

	@Test
	void cancellingBeforeTheFirstEventAbortsTheCallAtOnce() throws InterruptedException {
		this.held = Held.AFTER_HEADERS;
		cancelWhileHeldAndCallAgain();
	}

	/**
	 * HttpClient 5's blocking read does not answer interrupts: its request is aborted.
	 */
	@Test
	void cancellingBeforeTheAnswersHeadersAbortsTheCallOfHttpClient5AtOnce() throws InterruptedException {
		this.held = Held.BEFORE_HEADERS;
		cancelWhileHeldAndCallAgain();
	}

	/**
	 * The JDK's {@code HttpClient} gives up the call when its thread is interrupted.
	 */
	@Test
	void cancellingBeforeTheAnswersHeadersAbortsTheCallOfTheJdkEngineAtOnce() throws InterruptedException {
		this.held = Held.BEFORE_HEADERS;
		ChatBotKitHttpEngine.Jdk engine = ChatBotKitHttpEngine.jdk(Duration.ofSeconds(2), Duration.ofMinutes(10));
		HttpClient.Builder httpClient = HttpClient.newBuilder();
		engine.httpClient(httpClient);
		cancelWhileHeldAndCallAgain(ChatBotKitClient
			.create(RestClient.builder().requestFactory(engine.requestFactory(httpClient.build())),
					ChatBotKitOptions.builder()
						.secret(CompletionApi.SECRET)
						.url(url())
						.retry(RetryOptions.disabled())
						.build())
			.conversations());
	}

	private void cancelWhileHeldAndCallAgain() throws InterruptedException {
		cancelWhileHeldAndCallAgain(CompletionApi.conversationsOnOneConnection(url()));
	}

	private void cancelWhileHeldAndCallAgain(ConversationClient conversations) throws InterruptedException {
		ChatBotKitChatModel model = ChatBotKitChatModel.builder()
			.conversationClient(conversations)
			.scheduler(Schedulers.fromExecutor(this.reader))
			.build();
		List<Object> signals = new CopyOnWriteArrayList<>();
		Disposable subscription = model.stream(new Prompt("Hi"))
			.subscribe(signals::add, signals::add, () -> signals.add("complete"));
		assertThat(this.firstRequestHeld.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("the server holds the call")
			.isTrue();

		subscription.dispose();

		assertTheReadingThreadReturned();
		assertThat(signals).as("nothing emitted after the cancel").isEmpty();
		assertTheConnectionWasReleased(conversations);
	}

	private void assertTheReadingThreadReturned() throws InterruptedException {
		this.reader.shutdown();
		assertThat(this.reader.awaitTermination(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
			.as("the reading thread returned")
			.isTrue();
	}

	private void assertTheConnectionWasReleased(ConversationClient conversations) {
		// the pool has one connection: this call waits for it and fails if it was kept
		ChatResponse next = ChatBotKitChatModel.builder()
			.conversationClient(conversations)
			.build()
			.call(new Prompt("Again"));
		assertThat(next.getResult().getOutput().getText()).isEqualTo("Hello");
		assertThat(this.dropped).as("errors after the cancel").isEmpty();
	}

	@Test
	void theLastStreamedResponseCarriesTheUsageThatCallGives() {
		ChatBotKitChatModel model = ChatBotKitChatModel.builder()
			.conversationClient(CompletionApi.conversationsOnOneConnection(url()))
			.build();
		this.requests.set(1);
		ChatResponse called = model.call(new Prompt("Hi"));
		List<ChatResponse> streamed = model.stream(new Prompt("Hi")).collectList().block(TIMEOUT);
		ChatResponse last = streamed.get(streamed.size() - 1);
		assertThat(last.getMetadata().getUsage().getTotalTokens()).isEqualTo(3)
			.isEqualTo(called.getMetadata().getUsage().getTotalTokens());
		assertThat(last.getMetadata().getUsage().getPromptTokens())
			.isEqualTo(called.getMetadata().getUsage().getPromptTokens());
		assertThat(last.getMetadata().getUsage().getCompletionTokens())
			.isEqualTo(called.getMetadata().getUsage().getCompletionTokens());
	}

	private static boolean readsTheSocket(Thread thread) {
		return thread.getState() == Thread.State.RUNNABLE && Stream.of(thread.getStackTrace())
			.anyMatch((frame) -> frame.getClassName().endsWith("JsonLinesIterator$LineLimitedBody")
					&& frame.getMethodName().equals("read"));
	}

	/**
	 * The first request is held (after what {@link #held} says) until the test ends;
	 * every other one gets a whole reply.
	 */
	private void answer(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		try {
			if (this.requests.getAndIncrement() == 0) {
				hold(exchange);
				return;
			}
			exchange.getResponseHeaders().set("Content-Type", "application/jsonl");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream body = exchange.getResponseBody()) {
				write(body, CompletionApi.token("Hel"), CompletionApi.token("lo"),
						CompletionApi.result("Hello", 3, "stop"));
			}
		}
		catch (IOException | InterruptedException ex) {
			// the client went away: expected for the held stream
		}
		finally {
			exchange.close();
		}
	}

	private void hold(HttpExchange exchange) throws IOException, InterruptedException {
		if (this.held != Held.BEFORE_HEADERS) {
			exchange.getResponseHeaders().set("Content-Type", "application/jsonl");
			exchange.sendResponseHeaders(200, 0);
			exchange.getResponseBody().flush();
		}
		if (this.held == Held.AFTER_TWO_TOKENS) {
			write(exchange.getResponseBody(), CompletionApi.token("Hel"), CompletionApi.token("lo"));
		}
		this.firstRequestHeld.countDown();
		// held until the test ends: only an abort ends the client's wait
		this.release.await();
	}

	private static void write(OutputStream body, String... lines) throws IOException {
		body.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
		body.flush();
	}

	private enum Held {

		AFTER_TWO_TOKENS, AFTER_HEADERS, BEFORE_HEADERS

	}

	private String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

}
