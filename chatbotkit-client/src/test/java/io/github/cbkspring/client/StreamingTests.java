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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.conversation.CompletionResult;
import io.github.cbkspring.client.conversation.ConversationSession;
import io.github.cbkspring.client.conversation.EndReason;
import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.Message;
import io.github.cbkspring.client.core.MessageType;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.error.ChatBotKitAuthenticationException;
import io.github.cbkspring.client.error.ChatBotKitConnectionException;
import io.github.cbkspring.client.error.ChatBotKitStreamException;
import io.github.cbkspring.testsupport.LargeAnswerServer;
import io.github.cbkspring.testsupport.LoopbackServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for JSON Lines streaming: real sockets, chunked and dribbled bodies.
 *
 * @author cbkspring contributors
 */
class StreamingTests {

	private static final String COMPLETE_PATH = "/api/v1/conversation/conv-1/complete";

	private static final String REPLY = """
			{"type":"token","data":{"token":"Hé"}}
			{"type":"token","data":{"token":"llo 👋"}}

			{"type":"result","data":{"id":"m1","text":"Héllo 👋","usage":{"token":3},"end":{"reason":"stop"}}}
			""";

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ChatBotKitClient client = ChatBotKitClient.create(ChatBotKitOptions.builder()
		.secret("tok-conversation")
		.url(api.baseUrl())
		.retry(RetryOptions.disabled())
		.build());

	@Test
	void completeStreamSendsJsonlAcceptAndYieldsTokensThenResult() {
		stubReply(aResponse().withBody(REPLY));
		try (Stream<CompletionEvent> events = this.client.conversations().completeStream("conv-1", "Hi")) {
			assertThat(events.toList()).containsExactly(new CompletionEvent.Token("Hé"),
					new CompletionEvent.Token("llo 👋"),
					new CompletionEvent.Result(new CompletionResult("m1", "Héllo 👋", 3, EndReason.STOP)));
		}
		api.verify(postRequestedFor(urlEqualTo(COMPLETE_PATH)).withHeader("Accept", equalTo("application/jsonl"))
			.withHeader("Authorization", equalTo("Bearer tok-conversation"))
			.withRequestBody(equalToJson("{\"text\":\"Hi\"}")));
	}

	@Test
	void multiByteCharactersSplitAcrossChunksDecodeIntact() {
		byte[] body = REPLY.getBytes(StandardCharsets.UTF_8);
		// one byte a chunk: every multi-byte character is split across network reads
		stubReply(aResponse().withBody(body).withChunkedDribbleDelay(body.length, 300));
		try (Stream<CompletionEvent> events = this.client.conversations().completeStream("conv-1", "Hi")) {
			assertThat(events.toList()).containsExactly(new CompletionEvent.Token("Hé"),
					new CompletionEvent.Token("llo 👋"),
					new CompletionEvent.Result(new CompletionResult("m1", "Héllo 👋", 3, EndReason.STOP)));
		}
	}

	@Test
	void genericStreamMapsEachLineAndSkipsBlankAndCrlfLines() {
		stubReply(aResponse().withBody("{\"n\":1}\r\n\r\n   \n{\"n\":2}\n{\"n\":3}"));
		try (Stream<Map> lines = this.client.stream("/conversation/{id}/complete", Map.of("text", "x"), Map.class,
				"conv-1")) {
			assertThat(lines.map((line) -> line.get("n")).toList()).containsExactly(1, 2, 3);
		}
	}

	@Test
	void malformedLineFailsWithItsLineNumber() {
		stubReply(aResponse().withBody("{\"type\":\"token\",\"data\":{\"token\":\"a\"}}\n\n{not json\n"));
		try (Stream<CompletionEvent> events = this.client.conversations().completeStream("conv-1", "Hi")) {
			Iterator<CompletionEvent> iterator = events.iterator();
			assertThat(iterator.next()).isEqualTo(new CompletionEvent.Token("a"));
			assertThatExceptionOfType(ChatBotKitStreamException.class).isThrownBy(iterator::next)
				.satisfies((ex) -> assertThat(ex.lineNumber()).isEqualTo(3))
				.withMessageContaining("line 3");
		}
	}

	@Test
	void errorEventFailsTheStreamWithTheApiMessage() {
		stubReply(aResponse().withBody("{\"type\":\"token\",\"data\":{\"token\":\"a\"}}\n"
				+ "{\"type\":\"error\",\"data\":{\"message\":\"Model overloaded\"}}\n"));
		try (Stream<CompletionEvent> events = this.client.conversations().completeStream("conv-1", "Hi")) {
			assertThatExceptionOfType(ChatBotKitStreamException.class).isThrownBy(events::toList)
				.withMessageContaining("Model overloaded")
				.satisfies((ex) -> assertThat(ex.lineNumber()).isEqualTo(2));
		}
	}

	@Test
	void everyEventKindIsTypedAndUnknownKindsArriveAsUnknown() {
		stubReply(aResponse().withBody("""
				{"type":"completeBegin","data":{"at":1}}
				{"type":"reasoningToken","data":{"token":"hmm"}}
				{"type":"message","data":{"type":"activity","text":"looked up","meta":{"k":"v"}}}
				{"type":"usage","data":{"model":"gpt-5","inputTokensUsed":10,"outputTokensUsed":2,"extra":true}}
				{"type":"abort","data":{"reason":{"code":"x"},"functionName":"lookup"}}
				{"type":"waitForChannelMessageEnd"}
				{"type":"thinking","data":{"step":2}}
				{"type":"result","data":{"text":"ok","usage":{"token":1},"end":{"reason":"brand-new"}}}
				"""));
		try (Stream<CompletionEvent> events = this.client.conversations().completeStream("conv-1", "Hi")) {
			assertThat(events.toList()).containsExactly(new CompletionEvent.Marker("completeBegin", Map.of("at", 1)),
					new CompletionEvent.ReasoningToken("hmm"),
					new CompletionEvent.MessageAdded(new Message(MessageType.ACTIVITY, "looked up", Map.of("k", "v"))),
					new CompletionEvent.Usage("gpt-5", 10, 2), new CompletionEvent.Abort(Map.of("code", "x"), "lookup"),
					new CompletionEvent.Marker("waitForChannelMessageEnd", Map.of()),
					new CompletionEvent.Unknown("thinking", Map.of("step", 2)),
					new CompletionEvent.Result(new CompletionResult(null, "ok", 1, EndReason.UNKNOWN)));
		}
	}

	@Test
	void eventsWhoseTypeIsNotFirstAreReadTheSameAndAnErrorAmongThemStillFails() {
		stubReply(aResponse().withBody("""
				{"data":{"token":"a"},"type":"token"}
				{"data":{"at":null,"n":[1,null]},"type":"thinking"}
				{"type":"token","data":{"token":"b","extra":{"nested":[1,2]}}}
				{"data":{"message":"Model overloaded"},"type":"error"}
				"""));
		try (Stream<CompletionEvent> events = this.client.conversations().completeStream("conv-1", "Hi")) {
			Iterator<CompletionEvent> iterator = events.iterator();
			assertThat(iterator.next()).isEqualTo(new CompletionEvent.Token("a"));
			CompletionEvent unknown = iterator.next();
			assertThat(unknown).isInstanceOf(CompletionEvent.Unknown.class);
			assertThat(((CompletionEvent.Unknown) unknown).data()).containsOnlyKeys("n");
			assertThat(iterator.next()).isEqualTo(new CompletionEvent.Token("b"));
			assertThatExceptionOfType(ChatBotKitStreamException.class).isThrownBy(iterator::next)
				.withMessageContaining("Model overloaded")
				.satisfies((ex) -> assertThat(ex.lineNumber()).isEqualTo(4));
		}
	}

	@Test
	void genericStreamEndsAtAnErrorEventWhereverItsTypeIs() {
		stubReply(aResponse().withBody("""
				{"type":"item","data":{"n":1}}
				{"n":2,"type":"item"}
				{"data":{"message":"Quota exceeded"},"type":"\\u0065rror"}
				{"type":"item","data":{"n":3}}
				"""));
		try (Stream<Map> lines = this.client.stream("/conversation/{id}/complete", Map.of("text", "x"), Map.class,
				"conv-1")) {
			Iterator<Map> iterator = lines.iterator();
			assertThat(iterator.next()).containsEntry("data", Map.of("n", 1));
			assertThat(iterator.next()).containsEntry("n", 2);
			assertThatExceptionOfType(ChatBotKitStreamException.class).isThrownBy(iterator::next)
				.withMessageContaining("Quota exceeded")
				.satisfies((ex) -> assertThat(ex.lineNumber()).isEqualTo(3));
		}
	}

	@Test
	void eventOfAKnownTypeWithoutItsDataFailsAsUnexpected() {
		stubReply(aResponse().withBody("{\"type\":\"token\",\"data\":{\"token\":\"a\"}}\n"
				+ "{\"type\":\"token\",\"data\":{\"text\":\"b\"}}\n"));
		try (Stream<CompletionEvent> events = this.client.conversations().completeStream("conv-1", "Hi")) {
			Iterator<CompletionEvent> iterator = events.iterator();
			assertThat(iterator.next()).isEqualTo(new CompletionEvent.Token("a"));
			assertThatExceptionOfType(ChatBotKitStreamException.class).isThrownBy(iterator::next)
				.withMessageContaining("Unexpected event in stream")
				.withMessageContaining("without its token")
				.satisfies((ex) -> assertThat(ex.lineNumber()).isEqualTo(2));
		}
	}

	@Test
	void streamEndingBeforeItsResultFailsAfterTheEventsThatArrived() {
		stubReply(aResponse().withBody("{\"type\":\"token\",\"data\":{\"token\":\"a\"}}\n"
				+ "{\"type\":\"token\",\"data\":{\"token\":\"b\"}}\n"
				+ "{\"type\":\"token\",\"data\":{\"token\":\"c\"}}\n"));
		List<CompletionEvent> delivered = new ArrayList<>();
		try (Stream<CompletionEvent> events = this.client.conversations().completeStream("conv-1", "Hi")) {
			assertThatExceptionOfType(ChatBotKitStreamException.class).isThrownBy(() -> events.forEach(delivered::add))
				.withMessageContaining("ended before its final event");
		}
		assertThat(delivered).containsExactly(new CompletionEvent.Token("a"), new CompletionEvent.Token("b"),
				new CompletionEvent.Token("c"));
	}

	@Test
	void lastLineCutOffWithoutItsNewlineFailsAsIncomplete() {
		stubReply(aResponse().withBody("{\"type\":\"token\",\"data\":{\"token\":\"a\"}}\n{\"type\":\"res"));
		try (Stream<CompletionEvent> events = this.client.conversations().completeStream("conv-1", "Hi")) {
			Iterator<CompletionEvent> iterator = events.iterator();
			assertThat(iterator.next()).isEqualTo(new CompletionEvent.Token("a"));
			assertThatExceptionOfType(ChatBotKitStreamException.class).isThrownBy(iterator::next)
				.withMessageContaining("ended in the middle of a line")
				.satisfies((ex) -> assertThat(ex.lineNumber()).isEqualTo(2));
		}
	}

	@Test
	void errorEventWrittenWithEscapesFailsTheStreamAndTheWordErrorInATokenDoesNot() {
		stubReply(aResponse().withBody("{\"type\":\"token\",\"data\":{\"token\":\"\\\"error\\\" \\u00e9\"}}\n"
				+ "{\"type\":\"\\u0065rror\",\"data\":{\"message\":\"Model overloaded\"}}\n"));
		try (Stream<CompletionEvent> events = this.client.conversations().completeStream("conv-1", "Hi")) {
			Iterator<CompletionEvent> iterator = events.iterator();
			assertThat(iterator.next()).isEqualTo(new CompletionEvent.Token("\"error\" é"));
			assertThatExceptionOfType(ChatBotKitStreamException.class).isThrownBy(iterator::next)
				.withMessageContaining("Model overloaded");
		}
	}

	@Test
	void lineSpanningManyReadsIsReadWhole() {
		String token = "é".repeat(12_000); // 24 KB: several blocks of the reader
		stubReply(aResponse().withBody("{\"type\":\"token\",\"data\":{\"token\":\"" + token + "\"}}\r\n"
				+ "{\"type\":\"result\",\"data\":{\"text\":\"x\"}}"));
		try (Stream<CompletionEvent> events = this.client.conversations().completeStream("conv-1", "Hi")) {
			assertThat(events.toList()).containsExactly(new CompletionEvent.Token(token),
					new CompletionEvent.Result(new CompletionResult(null, "x", 0, EndReason.UNKNOWN)));
		}
	}

	@Test
	void lineLongerThanTheResponseLimitFailsTheStream() {
		ChatBotKitClient small = this.client.withOptions((options) -> options.maxResponseSize(100));
		stubReply(aResponse().withBody("{\"type\":\"token\",\"data\":{\"token\":\"a\"}}\n{\"type\":\"token\","
				+ "\"data\":{\"token\":\"" + "x".repeat(200) + "\"}}\n"));
		try (Stream<CompletionEvent> events = small.conversations().completeStream("conv-1", "Hi")) {
			Iterator<CompletionEvent> iterator = events.iterator();
			assertThat(iterator.next()).isEqualTo(new CompletionEvent.Token("a"));
			assertThatExceptionOfType(ChatBotKitStreamException.class).isThrownBy(iterator::next)
				.withMessageContaining("longer than the limit of 100 bytes")
				.satisfies((ex) -> assertThat(ex.lineNumber()).isEqualTo(2));
		}
	}

	@Test
	void closingAfterTheResultKeepsTheConnectionAndClosingBeforeItDropsIt() {
		String reply = "{\"type\":\"token\",\"data\":{\"token\":\"a\"}}\n"
				+ "{\"type\":\"result\",\"data\":{\"text\":\"a\"}}\n\n";
		String answer = "HTTP/1.1 200 OK\r\nContent-Type: application/jsonl\r\nContent-Length: " + reply.length()
				+ "\r\n\r\n" + reply;
		try (LoopbackServer server = new LoopbackServer((head) -> answer, Duration.ofSeconds(30), false);
				ChatBotKitClient client = ChatBotKitClient
					.create(ChatBotKitOptions.builder().secret("tok").url(server.url()).build())) {
			for (int i = 0; i < 3; i++) {
				try (Stream<CompletionEvent> events = client.conversations().completeStream("c", "Hi")) {
					// a relay stops at the result and closes, leaving the end of the body
					// unread
					assertThat(events.filter(CompletionEvent.Result.class::isInstance).findFirst()).isPresent();
				}
			}
			assertThat(server.connectionCount()).isOne();
			try (Stream<CompletionEvent> events = client.conversations().completeStream("c", "Hi")) {
				assertThat(events.findFirst()).contains(new CompletionEvent.Token("a"));
			}
			try (Stream<CompletionEvent> events = client.conversations().completeStream("c", "Hi")) {
				assertThat(events).hasSize(2);
			}
			// before the result the rest was aborted, not read: the next call needed a
			// new one
			assertThat(server.connectionCount()).isEqualTo(2);
		}
	}

	@Test
	void genericStreamMayEndAnywhere() {
		stubReply(aResponse().withBody("{\"type\":\"token\",\"data\":{\"token\":\"a\"}}\n"));
		try (Stream<CompletionEvent> events = this.client
			.request(ApiEndpoint.post("/conversation/{id}/complete"), "conv-1")
			.body(Map.of("text", "Hi"))
			.stream(CompletionEvent.class)) {
			assertThat(events.toList()).containsExactly(new CompletionEvent.Token("a"));
		}
	}

	@Test
	void errorStatusBeforeTheStreamIsTypedException() {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"message\":\"Token expired\",\"code\":\"UNAUTHORIZED\"}")));
		assertThatExceptionOfType(ChatBotKitAuthenticationException.class)
			.isThrownBy(() -> this.client.conversations().completeStream("conv-1", "Hi"))
			.satisfies((ex) -> assertThat(ex.apiMessage()).isEqualTo("Token expired"));
	}

	@Test
	void connectionLostMidStreamIsConnectionException() {
		stubReply(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
		assertThatExceptionOfType(ChatBotKitConnectionException.class).isThrownBy(() -> {
			try (Stream<CompletionEvent> events = this.client.conversations().completeStream("conv-1", "Hi")) {
				events.toList();
			}
		});
	}

	@Test
	void closingEarlyReleasesTheConnectionWithoutWaitingForTheRest() {
		try (LargeAnswerServer server = new LargeAnswerServer("200 OK", "Content-Type: application/jsonl\r\n",
				LargeAnswerServer.repeated("{\"type\":\"token\",\"data\":{\"token\":\"a\"}}\n"))) {
			ChatBotKitClient oneConnection = clientWithPoolOfOne(server.url());
			// the pool has one connection: the second call fails with a lease timeout if
			// the first kept it
			for (int i = 0; i < 2; i++) {
				try (Stream<CompletionEvent> events = oneConnection.conversations().completeStream("conv-1", "Hi")) {
					assertThat(events.findFirst()).isPresent();
				}
			}
			server.assertEveryAnswerAbandoned();
			assertThat(server.requests()).isEqualTo(2);
		}
	}

	@Test
	void readingToTheEndReleasesTheConnection() {
		ChatBotKitClient oneConnection = clientWithPoolOfOne(api.baseUrl());
		stubReply(aResponse().withBody(REPLY));
		for (int i = 0; i < 3; i++) {
			// not closed on purpose: exhausting the stream must release the connection
			Stream<CompletionEvent> events = oneConnection.conversations().completeStream("conv-1", "Hi");
			assertThat(events.toList()).hasSize(3);
		}
	}

	@Test
	void completeWithoutStreamingReturnsTheResult() {
		api.stubFor(post(urlEqualTo(COMPLETE_PATH)).willReturn(WireMock
			.okJson("{\"id\":\"m1\",\"text\":\"Hello\",\"usage\":{\"token\":2},\"end\":{\"reason\":\"brand-new\"}}")));
		assertThat(this.client.conversations().complete("conv-1", "Hi"))
			.isEqualTo(new CompletionResult("m1", "Hello", 2, EndReason.UNKNOWN));
		api.verify(postRequestedFor(urlEqualTo(COMPLETE_PATH)).withHeader("Accept", equalTo("application/json")));
	}

	@Test
	void createConversationSessionSendsDurationInSeconds() {
		api.stubFor(post(urlEqualTo("/api/v1/conversation/conv-1/session/create"))
			.willReturn(WireMock.okJson("{\"id\":\"conv-1\",\"token\":\"tok-2\",\"expiresAt\":1000}")));
		ConversationSession session = this.client.conversations().createSession("conv-1", Duration.ofMinutes(2));
		assertThat(session.token()).isEqualTo("tok-2");
		assertThat(session.expiresAt()).isEqualTo(java.time.Instant.ofEpochSecond(1));
		assertThat(session.toString()).doesNotContain("tok-2");
		api.verify(postRequestedFor(urlEqualTo("/api/v1/conversation/conv-1/session/create"))
			.withRequestBody(equalToJson("{\"durationInSeconds\":120}")));
	}

	private ChatBotKitClient clientWithPoolOfOne(String url) {
		// a leaked connection makes the next call wait for the pool and time out
		return ChatBotKitClient.create(RestClient.builder()
			.requestFactory(ChatBotKitHttpEngine.requestFactory(Duration.ofSeconds(2), Duration.ofSeconds(10), 1)),
				this.client.options().mutate().url(url).build());
	}

	private static void stubReply(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
		api.stubFor(
				post(urlEqualTo(COMPLETE_PATH)).willReturn(response.withHeader("Content-Type", "application/jsonl")));
	}

}
