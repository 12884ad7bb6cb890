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
package io.github.cbkspring.sample.chat.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.dataset.DatasetRecordRequest;
import io.github.cbkspring.client.dataset.DatasetRequest;
import io.github.cbkspring.test.ChatBotKitFake;
import io.github.cbkspring.test.Completion;
import io.github.cbkspring.test.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * The API of demo mode: the test kit's {@link ChatBotKitFake} on a loopback port, with a
 * secret made for this run. Its bot echoes the user's message one word at a time, paced
 * so that the page shows the reply growing, and fails half-way through its reply to
 * {@value #FAILING_MESSAGE}; its dataset holds a few records about this sample. Offered
 * the {@value #ORDER_TOOL} tool over a channel, as the sample's agent does, it calls the
 * tool for the order the message names and answers with the result it gets back.
 *
 * @author cbkspring contributors
 */
final class DemoApi implements AutoCloseable {

	/**
	 * The message that makes a streamed reply fail half-way.
	 */
	static final String FAILING_MESSAGE = "/fail";

	/**
	 * What ChatBotKit's error event would carry: a message for the developer, with
	 * details that an application must not pass on to its users.
	 */
	static final String FAILURE = "The model stopped answering (demo failure; upstream node demo-7 reset)";

	/**
	 * The tool of the sample's agent that the demo bot calls.
	 */
	static final String ORDER_TOOL = "orderStatus";

	private static final Pattern ORDER_ID = Pattern.compile("\\d+");

	// However long the message, the echo finishes within this, writing faster if need be
	static final Duration MAX_REPLY_DURATION = Duration.ofSeconds(10);

	// Enough to look at the last exchanges; a demo that runs for days stays small
	static final int REQUESTS_KEPT = 100;

	private static final SecureRandom random = new SecureRandom();

	private static final List<DatasetRecordRequest> RECORDS = List.of(
			DatasetRecordRequest
				.of("Demo mode serves a stand-in ChatBotKit API from the sample itself,"
						+ " so the sample runs without a ChatBotKit account.")
				.withSource("README.md"),
			DatasetRecordRequest
				.of("The ChatBotKit document retriever searches a dataset and hands the best"
						+ " records to Spring AI's RetrievalAugmentationAdvisor.")
				.withSource("docs/spring-ai.md"),
			DatasetRecordRequest
				.of("ChatBotKit embeds and searches dataset records itself,"
						+ " so a Spring AI application needs no embedding model.")
				.withSource("docs/spring-ai.md"),
			DatasetRecordRequest
				.of("Set CHATBOTKIT_SECRET, CHATBOTKIT_BOT_ID and CHATBOTKIT_DATASET_ID"
						+ " to answer from a real ChatBotKit dataset.")
				.withSource("README.md"));

	private final ChatBotKitFake fake;

	private final String datasetId;

	DemoApi(Clock clock, Duration wordDelay) {
		this.fake = ChatBotKitFake.builder()
			.secret("demo-" + randomToken())
			.clock(clock)
			.requestsKept(REQUESTS_KEPT)
			.start();
		try {
			this.fake.completions().otherwise().answer((request) -> echo(request, wordDelay));
			this.fake.completions()
				.when((request) -> FAILING_MESSAGE.equals(message(request).toLowerCase(Locale.ROOT)))
				.answer((request) -> {
					Completion echo = echo(request, wordDelay);
					return echo.errorAfter(words(request).size() / 2, FAILURE);
				});
			this.fake.completions()
				.when((request) -> channel(request, ORDER_TOOL) != null)
				.answer((request) -> orderStatus(request, wordDelay));
			this.datasetId = seed();
		}
		catch (RuntimeException ex) {
			this.fake.close();
			throw ex;
		}
	}

	/**
	 * The URL to give the client.
	 * @return such as {@code http://127.0.0.1:49152}
	 */
	String url() {
		return this.fake.url();
	}

	String secret() {
		return this.fake.secret();
	}

	/**
	 * The API base the browser calls: the fake allows any origin.
	 * @return the fake's API base
	 */
	String browserApiBase() {
		return this.fake.url() + "/api/v1";
	}

	/**
	 * The dataset the demo records are in.
	 * @return its id
	 */
	String datasetId() {
		return this.datasetId;
	}

	/**
	 * The last requests the API received, at most {@value #REQUESTS_KEPT}.
	 * @return a copy, oldest first
	 */
	List<RecordedRequest> requests() {
		return this.fake.requests();
	}

	@Override
	public void close() {
		this.fake.close();
	}

	private String seed() {
		try (ChatBotKitClient client = ChatBotKitClient
			.create(ChatBotKitOptions.builder().url(this.fake.url()).secret(this.fake.secret()).build())) {
			String dataset = client.datasets().create(DatasetRequest.builder().name("Demo dataset").build());
			RECORDS.forEach((record) -> client.datasets().records().create(dataset, record));
			return dataset;
		}
	}

	/**
	 * The echo of the user's message, a token per word (each with the space before it),
	 * paced.
	 */
	private static Completion echo(RecordedRequest request, Duration wordDelay) {
		return paced(words(request), wordDelay);
	}

	private static Completion paced(String text, Duration wordDelay) {
		return paced(words(text), wordDelay);
	}

	private static Completion paced(List<String> words, Duration wordDelay) {
		return Completion.reply(words.toArray(String[]::new)).withTokenDelay(pause(wordDelay, words.size()));
	}

	/**
	 * A call of the order tool for the first number in the message, over the channel the
	 * request names for it, then a reply made of the tool's result or error.
	 */
	private static Completion orderStatus(RecordedRequest request, Duration wordDelay) {
		Matcher orderId = ORDER_ID.matcher(message(request));
		if (!orderId.find()) {
			return paced("Demo bot: which order? Ask, say, \"Where is order 42?\"", wordDelay);
		}
		String order = orderId.group();
		String channel = Objects.requireNonNull(channel(request, ORDER_TOOL));
		return Completion.reply()
			.withChannelCall(ORDER_TOOL, Map.of("orderId", order), channel)
			.thenReply((messages) -> paced(answer(order, messages.get(channel)), wordDelay));
	}

	private static String answer(String order, @Nullable Object message) {
		Map<?, ?> published = (message instanceof Map<?, ?> map) ? map : Map.of();
		if (published.get("error") != null) {
			return "Demo bot: I could not look order " + order + " up (" + published.get("error") + ").";
		}
		return "Demo bot: order " + order + " is " + published.get("data") + ".";
	}

	/**
	 * The channel the request offers a function on, or {@code null} if it offers none of
	 * that name.
	 */
	private static @Nullable String channel(RecordedRequest request, String function) {
		if (request.json().get("functions") instanceof List<?> functions) {
			for (Object offered : functions) {
				if (offered instanceof Map<?, ?> map && function.equals(map.get("name"))
						&& map.get("result") instanceof Map<?, ?> result
						&& result.get("channel") instanceof String channel) {
					return channel;
				}
			}
		}
		return null;
	}

	/**
	 * The pause after each word: the usual one, or a shorter one for a reply so long that
	 * it would take more than {@link #MAX_REPLY_DURATION} in all.
	 */
	static Duration pause(Duration usual, int words) {
		Duration longest = MAX_REPLY_DURATION.dividedBy(words);
		return (usual.compareTo(longest) > 0) ? longest : usual;
	}

	private static List<String> words(RecordedRequest request) {
		return words("Demo bot: you said \"" + message(request) + "\"");
	}

	private static List<String> words(String text) {
		return Arrays.asList(text.split("(?=\\s)"));
	}

	private static String message(RecordedRequest request) {
		String message = request.userMessage();
		return (message != null) ? message.strip() : "";
	}

	private static String randomToken() {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	@Override
	public String toString() {
		return "DemoApi[" + this.fake.url() + "]";
	}

}
