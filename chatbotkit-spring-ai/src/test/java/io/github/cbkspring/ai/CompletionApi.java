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

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.ChatBotKitHttpEngine;
import io.github.cbkspring.client.ChatBotKitReactiveClient;
import io.github.cbkspring.client.conversation.ConversationClient;
import io.github.cbkspring.client.conversation.ReactiveConversationClient;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.RetryOptions;

import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The stateless completion of a ChatBotKit API on WireMock, over real sockets, for the
 * chat model tests: a client of it, its answers as JSON Lines, and the check of what was
 * sent.
 *
 * @author cbkspring contributors
 */
public final class CompletionApi {

	/**
	 * The path of the stateless completion.
	 */
	public static final String PATH = "/api/v1/conversation/complete";

	/**
	 * The secret the clients send.
	 */
	public static final String SECRET = "sk-spring-ai";

	private CompletionApi() {
	}

	/**
	 * A WireMock server on a free port, for {@code @RegisterExtension}.
	 * @return the extension
	 */
	public static WireMockExtension server() {
		return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
	}

	/**
	 * A conversation client of the server with retries off.
	 * @param url the server's base URL
	 * @return the client
	 */
	public static ConversationClient conversations(String url) {
		return ChatBotKitClient.create(options(url)).conversations();
	}

	/**
	 * A conversation client of the server on a pool of one connection: a connection that
	 * is not released makes its next call wait for the pool and time out.
	 * @param url the server's base URL
	 * @return the client
	 */
	public static ConversationClient conversationsOnOneConnection(String url) {
		// a read timeout far longer than the tests' two-minute hang guards: a read that
		// is not aborted does not end by itself while a test waits
		return ChatBotKitClient
			.create(RestClient.builder()
				.requestFactory(ChatBotKitHttpEngine.requestFactory(Duration.ofSeconds(2), Duration.ofMinutes(10), 1)),
					options(url))
			.conversations();
	}

	/**
	 * A chat model of the server, with retries off, to build after further settings.
	 * @param api the server
	 * @param options the default options
	 * @return the model's builder
	 */
	public static ChatBotKitChatModel.Builder model(WireMockExtension api, ChatBotKitChatOptions options) {
		return ChatBotKitChatModel.builder().conversationClient(conversations(api.baseUrl())).options(options);
	}

	/**
	 * A chat model of the server that streams on a reactive client of it (on Reactor
	 * Netty), with retries off, to build after further settings.
	 * @param api the server
	 * @param options the default options
	 * @return the model's builder
	 */
	public static ChatBotKitChatModel.Builder reactiveModel(WireMockExtension api, ChatBotKitChatOptions options) {
		return model(api, options).reactiveConversationClient(reactiveConversations(api.baseUrl()));
	}

	/**
	 * A reactive conversation client of the server, on Reactor Netty, with retries off.
	 * @param url the server's base URL
	 * @return the client
	 */
	public static ReactiveConversationClient reactiveConversations(String url) {
		return ChatBotKitReactiveClient.create(options(url)).conversations();
	}

	private static ChatBotKitOptions options(String url) {
		return ChatBotKitOptions.builder().secret(SECRET).url(url).retry(RetryOptions.disabled()).build();
	}

	/**
	 * Answer the stateless completion with these JSON lines.
	 * @param api the server
	 * @param lines the events, one JSON object a line
	 */
	public static void answer(WireMockExtension api, String... lines) {
		api.stubFor(WireMock.post(urlEqualTo(PATH))
			.withHeader("Accept", equalTo("application/jsonl"))
			.willReturn(aResponse().withHeader("Content-Type", "application/jsonl")
				.withBody(String.join("\n", lines) + "\n")));
	}

	/**
	 * The path of the stateful completion of a stored conversation.
	 * @param conversationId the conversation
	 * @return the path
	 */
	public static String conversationPath(String conversationId) {
		return "/api/v1/conversation/" + conversationId + "/complete";
	}

	/**
	 * Answer the stateful completion of a stored conversation with these JSON lines.
	 * @param api the server
	 * @param conversationId the conversation
	 * @param lines the events, one JSON object a line
	 */
	public static void answerConversation(WireMockExtension api, String conversationId, String... lines) {
		api.stubFor(WireMock.post(urlEqualTo(conversationPath(conversationId)))
			.withHeader("Accept", equalTo("application/jsonl"))
			.willReturn(aResponse().withHeader("Content-Type", "application/jsonl")
				.withBody(String.join("\n", lines) + "\n")));
	}

	/**
	 * Check that exactly one stateful completion of the conversation was asked for, and
	 * nothing else, with the credential and exactly this JSON body.
	 * @param api the server
	 * @param conversationId the conversation
	 * @param json the expected body
	 */
	public static void verifySentToConversation(WireMockExtension api, String conversationId, String json) {
		api.verify(1,
				postRequestedFor(urlEqualTo(conversationPath(conversationId)))
					.withHeader("Authorization", equalTo("Bearer " + SECRET))
					.withRequestBody(equalToJson(json, false, false)));
		api.verify(1, WireMock.anyRequestedFor(WireMock.anyUrl()));
	}

	/**
	 * Check that exactly one stateless completion was asked for, with the credential and
	 * exactly this JSON body: no field more, none less.
	 * @param api the server
	 * @param json the expected body
	 */
	public static void verifySent(WireMockExtension api, String json) {
		api.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + SECRET))
			.withRequestBody(equalToJson(json, false, false)));
		api.verify(1, WireMock.anyRequestedFor(WireMock.anyUrl()));
	}

	/**
	 * A token event.
	 * @param token the text
	 * @return the JSON line
	 */
	public static String token(String token) {
		return "{\"type\":\"token\",\"data\":{\"token\":\"" + token + "\"}}";
	}

	/**
	 * A reasoning token event.
	 * @param token the text
	 * @return the JSON line
	 */
	public static String reasoningToken(String token) {
		return "{\"type\":\"reasoningToken\",\"data\":{\"token\":\"" + token + "\"}}";
	}

	/**
	 * A reasoning message event.
	 * @param text the reasoning
	 * @return the JSON line
	 */
	public static String reasoningMessage(String text) {
		return "{\"type\":\"message\",\"data\":{\"type\":\"reasoning\",\"text\":\"" + text + "\"}}";
	}

	/**
	 * A usage event.
	 * @param model the model
	 * @param input the input tokens
	 * @param output the output tokens
	 * @return the JSON line
	 */
	public static String usage(String model, int input, int output) {
		return "{\"type\":\"usage\",\"data\":{\"model\":\"" + model + "\",\"inputTokensUsed\":" + input
				+ ",\"outputTokensUsed\":" + output + "}}";
	}

	/**
	 * An activity message asking the caller to run a function.
	 * @param name the function
	 * @param arguments the arguments as a JSON object
	 * @return the JSON line
	 */
	public static String functionCall(String name, String arguments) {
		return "{\"type\":\"message\",\"data\":{\"type\":\"activity\",\"text\":\"\",\"meta\":{\"activity\":"
				+ "{\"type\":\"request\",\"function\":{\"name\":\"" + name + "\",\"arguments\":" + arguments + "}}}}}";
	}

	/**
	 * The result event that ends a stream.
	 * @param text the whole reply
	 * @param tokens the tokens the reply used
	 * @param endReason the end reason on the wire, such as {@code stop}
	 * @return the JSON line
	 */
	public static String result(String text, int tokens, String endReason) {
		return "{\"type\":\"result\",\"data\":{\"text\":\"" + text + "\",\"usage\":{\"token\":" + tokens
				+ "},\"end\":{\"reason\":\"" + endReason + "\"}}}";
	}

}
