package io.github.cbkspring.client;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.error.ChatBotKitException;
import io.github.cbkspring.client.error.ChatBotKitStreamException;
import io.github.cbkspring.client.error.ChatBotKitTimeoutException;
import io.github.cbkspring.client.internal.JsonLinesIterator;
import io.github.cbkspring.testsupport.LoopbackServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile and broken JSON Lines answers to the stream reader ({@link JsonLinesIterator}):
 * each ends in delivered events or a {@link ChatBotKitStreamException} at its line, never
 * a hang, a leaked connection, an event the server did not send as a line, or the secret
 * in a message. {@link ReactiveStreamHostileInputTests} runs every case on the reactive
 * client, through the hooks {@link #complete(ChatBotKitClient, byte[])} and
 * {@link #generic(String)}.
 *
 * @author cbkspring contributors
 */
class StreamHostileInputTests {

	static final String SECRET = "sk_live_Zq9SECRETxyz";

	static final String COMPLETE_PATH = "/api/v1/conversation/conv-1/complete";

	static final String A = "{\"type\":\"token\",\"data\":{\"token\":\"a\"}}\n";

	static final String B = "{\"type\":\"token\",\"data\":{\"token\":\"b\"}}\n";

	static final String RESULT = "{\"type\":\"result\",\"data\":{\"text\":\"ab\"}}\n";

	/** Turns a hang into a failed test; no bound on how fast a busy machine reads. */
	static final Duration HANG_GUARD = Duration.ofMinutes(2);

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	final ChatBotKitClient client = ChatBotKitClient
		.create(ChatBotKitOptions.builder().secret(SECRET).url(api.baseUrl()).retry(RetryOptions.disabled()).build());

	record Outcome(List<Object> delivered, Throwable failure) {
		@Override
		public String toString() {
			return "delivered=" + this.delivered + " failure=" + this.failure
					+ ((this.failure instanceof ChatBotKitStreamException s) ? " line=" + s.lineNumber() : "");
		}
	}

	static void stub(byte[] body) {
		api.stubFor(post(urlEqualTo(COMPLETE_PATH))
			.willReturn(aResponse().withBody(body).withHeader("Content-Type", "application/jsonl")));
	}

	Outcome complete(ChatBotKitClient c, byte[] body) {
		stub(body);
		return read(() -> c.conversations().completeStream("conv-1", "Hi"));
	}

	Outcome complete(String body) {
		return complete(this.client, body.getBytes(StandardCharsets.UTF_8));
	}

	Outcome complete(byte[] body) {
		return complete(this.client, body);
	}

	Outcome generic(String body) {
		stub(body.getBytes(StandardCharsets.UTF_8));
		return read(() -> this.client.stream("/conversation/{id}/complete", Map.of("text", "x"), Map.class, "conv-1"));
	}

	/**
	 * Read a stream to its end or its failure, within a bound that turns a hang into a
	 * failed test.
	 */
	private static Outcome read(Supplier<Stream<?>> open) {
		return assertTimeoutPreemptively(HANG_GUARD, () -> {
			List<Object> delivered = new ArrayList<>();
			RuntimeException failure = null;
			try (Stream<?> events = open.get()) {
				Iterator<?> iterator = events.iterator();
				while (iterator.hasNext()) {
					delivered.add(iterator.next());
				}
			}
			catch (RuntimeException ex) {
				failure = ex;
			}
			return new Outcome(delivered, failure);
		});
	}

	static void assertFails(Outcome o, int delivered, long line) {
		assertThat(o.failure()).as(o.toString()).isInstanceOf(ChatBotKitStreamException.class);
		assertThat(((ChatBotKitStreamException) o.failure()).lineNumber()).as(o.toString()).isEqualTo(line);
		assertThat(o.delivered()).as(o.toString()).hasSize(delivered);
		assertNoSecret(o.failure());
	}

	static void assertNoSecret(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			assertThat(String.valueOf(cause)).as("cause " + cause.getClass()).doesNotContain(SECRET);
		}
	}

	static byte[] concat(Object... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (Object part : parts) {
			if (part instanceof byte[] b) {
				out.writeBytes(b);
			}
			else {
				out.writeBytes(part.toString().getBytes(StandardCharsets.UTF_8));
			}
		}
		return out.toByteArray();
	}

	static void each(String[] cases, java.util.function.Consumer<String> check) {
		List<String> broken = new ArrayList<>();
		for (String c : cases) {
			try {
				check.accept(c);
			}
			catch (AssertionError ex) {
				broken.add(c + " -> " + ex.getMessage().replaceAll("\\s+", " "));
			}
		}
		assertThat(broken).as("broken cases").isEmpty();
	}

	ChatBotKitClient poolOfOne() {
		return ChatBotKitClient.create(RestClient.builder()
			.requestFactory(ChatBotKitHttpEngine.requestFactory(Duration.ofSeconds(2), Duration.ofSeconds(10), 1)),
				this.client.options());
	}

	// ---------------------------------------------------------------- null / scalars

	@Test
	void nullLineInTheMiddleOfACompletion() {
		assertFails(complete(A + "null\n" + B + RESULT), 1, 2);
	}

	@Test
	void nullLineInTheMiddleOfAGenericStream() {
		Outcome o = generic("{\"n\":1}\nnull\n{\"n\":2}\n");
		// either fails at line 2, or delivers all that is not null: never silently drops
		// n=2
		if (o.failure() == null) {
			assertThat(o.delivered()).hasSize(2);
		}
		else {
			assertFails(o, 1, 2);
		}
	}

	@Test
	void nullLineExhaustingTheStreamStillReleasesThePooledConnection() {
		ChatBotKitClient one = poolOfOne();
		stub(("{\"n\":1}\nnull\n" + "{\"n\":2}\n".repeat(1000)).getBytes(StandardCharsets.UTF_8));
		assertTimeoutPreemptively(HANG_GUARD, () -> {
			for (int i = 0; i < 2; i++) {
				// not closed on purpose: a stream read to its end must release its
				// connection
				@SuppressWarnings("rawtypes")
				Stream<Map> lines = one.stream("/conversation/{id}/complete", Map.of("text", "x"), Map.class, "conv-1");
				assertThatExceptionOfType(ChatBotKitStreamException.class).isThrownBy(lines::toList)
					.withMessageContaining("the line is null");
			}
		});
	}

	@Test
	void scalarAndArrayLines() {
		each(new String[] { "5", "\"x\"", "true", "[1,2]", "[]", "-0.5e3" },
				(line) -> assertFails(complete(A + line + "\n" + B + RESULT), 1, 2));
	}

	// ---------------------------------------------------------------- one event a line

	@Test
	void twoValuesOnOneLine() {
		Outcome o = complete(A.strip() + " " + B + RESULT);
		// the first value is delivered before the second shows
		assertFails(o, 1, 1);
	}

	@Test
	void valueSpreadOverSeveralLines() {
		Outcome o = complete(A + "{\"type\":\"token\",\n\"data\":{\"token\":\"b\"}}\n" + RESULT);
		assertFails(o, 1, 2);
	}

	// ---------------------------------------------------------------- error events

	@Test
	void errorEventVariants() {
		String[] errors = { "{\"type\":\"error\",\"data\":{\"message\":\"Boom\"}}",
				"{\"data\":{\"message\":\"Boom\"},\"type\":\"error\"}",
				"{\"data\":{\"code\":1,\"message\":\"Boom\"},\"x\":[{}],\"type\":\"error\"}",
				"  {  \"type\"  :  \"\\u0065rror\" ,\t\"data\" : { \"message\" : \"B\\u006fom\" } }  ",
				"{\"\\u0074ype\":\"error\",\"data\":{\"message\":\"Boom\"}}",
				"{\"x\":{\"type\":\"token\"},\"type\":\"error\",\"data\":{\"message\":\"Boom\"}}",
				"{\"type\":\"error\",\"data\":{\"message\":\"Boom\",\"nested\":{\"type\":\"token\",\"data\":[1,[2,{}]]}}}" };
		each(errors, (error) -> {
			Outcome o = complete(A + error + "\r\n" + RESULT);
			assertFails(o, 1, 2);
			assertThat(o.failure()).as(error).hasMessageContaining("Boom");
		});
	}

	@Test
	void errorEventWithDuplicateTypeKeyIsNotSwallowed() {
		// a reader that took the last "type" (as Jackson's tree does) sees an error event
		Outcome o = complete(A + "{\"type\":\"token\",\"type\":\"error\",\"data\":{\"message\":\"Boom\"}}\n" + RESULT);
		assertThat(o.failure()).as(o.toString()).isInstanceOf(ChatBotKitStreamException.class);
	}

	@Test
	void errorEventWithOddData() {
		for (String error : new String[] { "{\"type\":\"error\"}", "{\"type\":\"error\",\"data\":null}",
				"{\"type\":\"error\",\"data\":\"Boom\"}", "{\"type\":\"error\",\"data\":[1]}",
				"{\"type\":\"error\",\"data\":{\"message\":{\"text\":\"Boom\"}}}",
				"{\"type\":\"error\",\"data\":{\"message\":42}}",
				"{\"type\":\"error\",\"data\":{\"message\":null}}" }) {
			assertFails(complete(A + error + "\n" + RESULT), 1, 2);
		}
	}

	@Test
	void errorEventInAGenericStream() {
		assertFails(generic("{\"n\":1}\n{\"data\":{\"message\":\"Boom\"},\"type\":\"error\"}\n{\"n\":2}\n"), 1, 2);
	}

	// ---------------------------------------------------------------- line limit

	@Test
	void lineTooLongAfterManyShortLinesInOneRead() {
		ChatBotKitClient small = this.client.withOptions((o) -> o.maxResponseSize(100));
		String body = A.repeat(20) + "{\"type\":\"token\",\"data\":{\"token\":\"" + "x".repeat(5000) + "\"}}\n"
				+ RESULT;
		Outcome o = complete(small, body.getBytes(StandardCharsets.UTF_8));
		assertFails(o, 20, 21);
		assertThat(o.failure()).hasMessageContaining("longer than the limit");
	}

	@Test
	void lineOfExactlyTheLimitWithCrlfIsAccepted() {
		ChatBotKitClient small = this.client.withOptions((o) -> o.maxResponseSize(100));
		String line = "{\"type\":\"token\",\"data\":{\"token\":\"";
		line = line + "x".repeat(100 - line.length() - 3) + "\"}}";
		assertThat(line).hasSize(100);
		Outcome o = complete(small, (line + "\r\n" + RESULT).getBytes(StandardCharsets.UTF_8));
		assertThat(o.failure()).as(o.toString()).isNull();
	}

	@Test
	void hugeLineOfBlanksFailsWithoutBuffering() {
		ChatBotKitClient small = this.client.withOptions((o) -> o.maxResponseSize(100));
		Outcome o = complete(small, (A + " ".repeat(3_000_000) + "\n" + RESULT).getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void hugeFirstLineFails() {
		ChatBotKitClient small = this.client.withOptions((o) -> o.maxResponseSize(3));
		assertFails(complete(small, A.getBytes(StandardCharsets.UTF_8)), 0, 1);
	}

	// ---------------------------------------------------------------- incomplete

	@Test
	void emptyBodyAndOnlyBlankLines() {
		for (String body : new String[] { "", "\n\n\r\n  \n" }) {
			Outcome o = complete(body);
			assertThat(o.failure()).as(o.toString()).isInstanceOf(ChatBotKitStreamException.class);
			assertThat(((ChatBotKitStreamException) o.failure()).lineNumber()).as(o.toString()).isPositive();
		}
	}

	@Test
	void endsAtVariousPointsOfTheLastLine() {
		String[] cuts = { "{\"type\":\"result\",\"data\":{\"text\":\"a\"}",
				"{\"type\":\"result\",\"data\":{\"text\":\"a", "{\"type\":\"result\",\"data\":{\"text\":tru",
				"{\"type\":\"result\",\"data\":{\"text\":\"a\\u00", "{\"type\":\"result\",\"data\":{\"x\":12",
				"{\"type\":\"result\",\"data\":{\"text\":\"a\\", "{\"type\":\"resu", "{" };
		each(cuts, (cut) -> {
			Outcome o = complete(A + cut);
			assertFails(o, 1, 2);
			assertThat(o.failure()).as(cut).hasMessageContaining("incomplete");
		});
	}

	@Test
	void endsInTheMiddleOfAMultiByteCharacter() {
		Outcome o = complete(
				concat(A, "{\"type\":\"token\",\"data\":{\"token\":\"", new byte[] { (byte) 0xF0, (byte) 0x9F }));
		assertFails(o, 1, 2);
		assertThat(o.failure()).hasMessageContaining("incomplete");
	}

	@Test
	void endsBeforeResultAfterBlankLines() {
		assertFails(complete(A + B + "\n\n\n"), 2, 2);
	}

	// ---------------------------------------------------------------- malformed bytes

	@Test
	void invalidUtf8InAToken() {
		assertFails(complete(concat(A, "{\"type\":\"token\",\"data\":{\"token\":\"",
				new byte[] { (byte) 0xFF, (byte) 0xC3 }, "\"}}\n", RESULT)), 1, 2);
	}

	@Test
	void invalidUtf8InASkippedField() {
		Outcome o = complete(concat(A, "{\"type\":\"token\",\"data\":{\"token\":\"b\",\"x\":\"",
				new byte[] { (byte) 0xFF }, "\"}}\n", RESULT));
		assertThat(o.failure() == null || o.failure() instanceof ChatBotKitStreamException).as(o.toString()).isTrue();
	}

	@Test
	void bomAtTheStart() {
		Outcome o = complete(concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, A, RESULT));
		assertThat(o.failure()).as(o.toString()).isNull();
		assertThat(o.delivered()).hasSize(2);
	}

	@Test
	void bomAtTheStartOfLineTwo() {
		Outcome o = complete(concat(A, new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, B, RESULT));
		assertFails(o, 1, 2);
	}

	@Test
	void nulBytes() {
		assertFails(complete(concat(A, new byte[] { 0 }, "\n", RESULT)), 1, 2);
		assertFails(
				complete(concat(A, "{\"type\":\"token\",\"data\":{\"token\":\"", new byte[] { 0 }, "\"}}\n", RESULT)),
				1, 2);
	}

	@Test
	void bodyStartingWithNulBytesLooksLikeUtf32() {
		assertFails(complete(concat(new byte[] { 0, 0, 0 }, A, RESULT)), 0, 1);
	}

	@Test
	void bodyStartingWithNulByteLooksLikeUtf16() {
		assertFails(complete(concat(new byte[] { 0 }, A, RESULT)), 0, 1);
	}

	@Test
	void deeplyNestedValues() {
		String deep = "[".repeat(5000) + "]".repeat(5000);
		assertFails(complete(A + "{\"type\":\"thinking\",\"data\":{\"x\":" + deep + "}}\n" + RESULT), 1, 2);
		assertFails(complete(A + "{\"data\":{\"x\":" + deep + "},\"type\":\"token\"}\n" + RESULT), 1, 2);
		// in a part of a known event that is skipped
		Outcome o = complete(A + "{\"type\":\"token\",\"data\":{\"token\":\"b\",\"x\":" + deep + "}}\n" + RESULT);
		assertThat(o.failure() == null || o.failure() instanceof ChatBotKitStreamException).isTrue();
	}

	@Test
	void hugeNumbers() {
		String digits = "9".repeat(5000);
		assertFails(complete(A + "{\"type\":\"thinking\",\"data\":{\"n\":" + digits + "}}\n" + RESULT), 1, 2);
		assertFails(complete(A + "{\"type\":\"usage\",\"data\":{\"model\":\"m\",\"inputTokensUsed\":"
				+ "99999999999999999999999,\"outputTokensUsed\":1}}\n" + RESULT), 1, 2);
		assertFails(
				complete(A + "{\"type\":\"usage\",\"data\":{\"model\":\"m\",\"inputTokensUsed\":1e400}}\n" + RESULT), 1,
				2);
		Outcome o = complete(A + "{\"type\":\"thinking\",\"data\":{\"n\":1e999999999}}\n" + RESULT);
		assertThat(o.failure() == null || o.failure() instanceof ChatBotKitStreamException).as(o.toString()).isTrue();
	}

	// ---------------------------------------------------------------- event shapes

	@Test
	void unknownTypesWithOddData() {
		each(new String[] { "null", "[1,2]", "\"text\"", "5", "true", "{}" }, (data) -> {
			Outcome o = complete(A + "{\"type\":\"brandNew\",\"data\":" + data + "}\n" + RESULT);
			assertThat(o.failure()).as(data + ": " + o).isNull();
			assertThat(o.delivered()).as(data).hasSize(3);
			assertThat(o.delivered().get(1)).as(data).isInstanceOf(CompletionEvent.Unknown.class);
		});
	}

	@Test
	void eventsWithoutAStringType() {
		for (String line : new String[] { "{}", "{\"data\":{\"token\":\"b\"}}", "{\"type\":5,\"data\":{}}",
				"{\"type\":null}", "{\"type\":{\"a\":1}}" }) {
			Outcome o = complete(A + line + "\n" + RESULT);
			assertThat(o.failure() == null || o.failure() instanceof ChatBotKitStreamException).as(line).isTrue();
		}
	}

	@Test
	void knownTypesWithMissingOrWrongData() {
		String[] lines = { "{\"type\":\"token\",\"data\":{\"token\":5}}",
				"{\"type\":\"token\",\"data\":{\"token\":null}}", "{\"type\":\"token\",\"data\":\"a\"}",
				"{\"type\":\"token\"}", "{\"type\":\"result\",\"data\":{}}", "{\"type\":\"result\",\"data\":null}",
				"{\"type\":\"result\",\"data\":[]}", "{\"type\":\"result\",\"data\":\"x\"}",
				"{\"type\":\"result\",\"data\":{\"text\":\"a\",\"usage\":{\"token\":\"many\"}}}",
				"{\"type\":\"usage\",\"data\":null}", "{\"type\":\"usage\",\"data\":{}}",
				"{\"type\":\"usage\",\"data\":[]}", "{\"type\":\"message\",\"data\":null}",
				"{\"type\":\"message\",\"data\":5}", "{\"type\":\"reasoningToken\",\"data\":{}}",
				"{\"data\":null,\"type\":\"token\"}", "{\"data\":{\"token\":5},\"type\":\"token\"}" };
		each(lines, (line) -> assertFails(complete(A + line + "\n" + RESULT), 1, 2));
	}

	@Test
	void knownTypesWithOddButMaybeFineData() {
		String[] lines = { "{\"type\":\"message\",\"data\":{}}", "{\"type\":\"abort\",\"data\":\"x\"}",
				"{\"type\":\"abort\",\"data\":[1]}", "{\"type\":\"abort\",\"data\":{\"functionName\":{}}}",
				"{\"type\":\"completeBegin\",\"data\":[1]}", "{\"type\":\"completeBegin\",\"data\":\"x\"}",
				"{\"type\":\"result\",\"data\":{\"text\":5}}",
				// a reply without text (one that only calls a function): read as ""
				"{\"type\":\"result\",\"data\":{\"text\":null}}",
				"{\"type\":\"result\",\"data\":{\"text\":\"a\",\"end\":{\"reason\":5}}}",
				"{\"type\":\"result\",\"data\":{\"text\":\"a\",\"end\":{\"reason\":[]}}}",
				"{\"type\":\"usage\",\"data\":{\"model\":5,\"inputTokensUsed\":\"7\"}}" };
		for (String line : lines) {
			Outcome o = complete(A + line + "\n" + RESULT);
			assertThat(o.failure() == null || o.failure() instanceof ChatBotKitStreamException).as(line + o).isTrue();
		}
	}

	@Test
	void eventsAfterTheResult() {
		// the result ends the answer, not the reading: what follows is delivered as sent
		Outcome o = complete(A + RESULT + B);
		assertThat(o.failure()).isNull();
		assertThat(o.delivered()).hasSize(3);
	}

	// ---------------------------------------------------------------- desync

	@Test
	void nonStringTypeAfterTheFirstTypeDoesNotDesynchronizeTheStream() {
		each(new String[] {
				"{\"type\":\"token\",\"data\":{\"token\":\"a\"},\"type\":[{\"type\":\"token\",\"data\":{\"token\":\"INJECTED\"}}]}",
				"{\"type\":\"token\",\"data\":{\"token\":\"a\"},\"type\":{\"x\":1},\"y\":2}",
				"{\"type\":\"token\",\"data\":{\"token\":\"a\"},\"type\":[1,2]}" }, (line) -> {
					Outcome o = complete(line + "\n" + RESULT);
					// either the line is one event, or the stream fails at line 1: never
					// events
					// the server did not send as lines
					if (o.failure() == null) {
						assertThat(o.delivered()).as(o.toString()).hasSize(2);
						assertThat(o.delivered().toString()).doesNotContain("INJECTED");
					}
					else {
						assertFails(o, 0, 1);
					}
				});
	}

	@Test
	void rootNumberLineNumbers() {
		each(new String[] { "5", "-0.5e3", "true", "\"x\"", "[1]" },
				(line) -> assertFails(complete(A + line + "\n\n\n" + RESULT), 1, 2));
	}

	@Test
	void closingAfterTheResultWhileTheServerIsSilent() throws Exception {
		String reply = A + RESULT;
		String answer = "HTTP/1.1 200 OK\r\nContent-Type: application/jsonl\r\nContent-Length: "
				+ (reply.length() + 100) + "\r\n\r\n" + reply;
		// the server keeps the connection open and silent far longer than the hang guard
		try (LoopbackServer server = new LoopbackServer((head) -> answer, Duration.ofMinutes(10), false);
				ChatBotKitClient c = ChatBotKitClient.create(
						RestClient.builder()
							.requestFactory(ChatBotKitHttpEngine.requestFactory(Duration.ofSeconds(2),
									Duration.ofSeconds(2), 1)),
						ChatBotKitOptions.builder()
							.secret(SECRET)
							.url(server.url())
							.retry(RetryOptions.disabled())
							.build())) {
			// documented: reads what is left, "waiting at most the read timeout" (2 s)
			assertTimeoutPreemptively(HANG_GUARD, () -> {
				try (Stream<CompletionEvent> events = c.conversations().completeStream("c", "Hi")) {
					assertThat(events.filter(CompletionEvent.Result.class::isInstance).findFirst()).isPresent();
				}
			});
		}
	}

	@Test
	void genericStreamOfStringsAndNumbers() {
		stub("\"a\"\nnull\n\"b\"\n".getBytes(StandardCharsets.UTF_8));
		List<String> delivered = new ArrayList<>();
		try (Stream<String> s = this.client.stream("/conversation/{id}/complete", Map.of("text", "x"), String.class,
				"conv-1")) {
			assertThatExceptionOfType(ChatBotKitStreamException.class).isThrownBy(() -> s.forEach(delivered::add))
				.satisfies((ex) -> assertThat(ex.lineNumber()).isEqualTo(2));
		}
		assertThat(delivered).containsExactly("a");
	}

	// ---------------------------------------------------------------- secret

	@Test
	void secretInMalformedLines() {
		String[] lines = { "{\"type\":\"token\",\"data\":{\"token\":" + SECRET + "}}",
				"{\"type\":\"usage\",\"data\":{\"model\":\"m\",\"inputTokensUsed\":\"" + SECRET + "\"}}",
				"{\"type\":\"result\",\"data\":{\"text\":\"a\",\"end\":{\"reason\":\"x\"},\"usage\":{\"token\":\""
						+ SECRET + "\"}}}",
				SECRET, "{\"" + SECRET + "\" 1}", "{\"type\":\"token\",\"data\":{\"token\":\"a\"}} " + SECRET };
		each(lines, (line) -> {
			Outcome o = complete(A + line + "\n" + RESULT);
			assertThat(o.failure()).as(line).isInstanceOf(ChatBotKitException.class);
			assertThat(o.failure().getMessage()).as(line).doesNotContain(SECRET);
			assertNoSecret(o.failure());
		});
	}

	@Test
	void partOfTheSecretInATruncatedToken() {
		// Jackson quotes at most 256 characters of an unrecognized token
		for (int pad = 240; pad < 260; pad++) {
			Outcome o = complete(A + "{\"type\":\"token\",\"data\":{\"token\":" + "a".repeat(pad) + SECRET + "}}\n");
			assertThat(o.failure()).isInstanceOf(ChatBotKitStreamException.class);
			assertThat(o.failure().getMessage()).as("pad " + pad).doesNotContain(SECRET.substring(0, 10));
		}
	}

	// ---------------------------------------------------------------- connections

	@Test
	void poolOfOneServesTheNextCallAfterEveryKindOfEnd() {
		ChatBotKitClient one = poolOfOne();
		String tail = A.repeat(2000);
		String[] bodies = { A + "{bad\n" + tail, A + "{\"type\":\"error\",\"data\":{\"message\":\"x\"}}\n" + tail,
				A + "null\n" + tail, A + B, A + "{\"type\":\"token\",\"data\":{\"token\":5}}\n" + tail,
				A + RESULT + tail, A + RESULT, "\u0000\u0000\u0000" + A + tail };
		for (String body : bodies) {
			// a leaked connection would fail the next call with a pool timeout
			Throwable failure = complete(one, body.getBytes(StandardCharsets.UTF_8)).failure();
			assertThat(failure instanceof ChatBotKitTimeoutException).as(String.valueOf(failure)).isFalse();
		}
		for (String body : bodies) {
			// consumer stops after one event and closes
			stub(body.getBytes(StandardCharsets.UTF_8));
			assertTimeoutPreemptively(HANG_GUARD, () -> {
				try (Stream<CompletionEvent> events = one.conversations().completeStream("conv-1", "Hi")) {
					events.findFirst();
				}
				catch (ChatBotKitStreamException ex) {
					// the NUL-led body fails at its first line: the connection is still
					// freed
				}
			});
		}
		assertThat(complete(one, (A + RESULT).getBytes(StandardCharsets.UTF_8)).failure()).isNull();
		ChatBotKitClient small = one.withOptions((o) -> o.maxResponseSize(100));
		complete(small, (A + "x".repeat(50_000) + "\n" + RESULT).getBytes(StandardCharsets.UTF_8));
		assertThat(complete(one, (A + RESULT).getBytes(StandardCharsets.UTF_8)).failure()).isNull();
	}

	/**
	 * A server that answers with a chunked body: the result, then a heartbeat newline
	 * every 500 ms until the client closes the connection.
	 */
	@Test
	void closingAfterTheResultWhileTheServerKeepsSendingHeartbeats() throws Exception {
		AtomicInteger connections = new AtomicInteger();
		try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			Thread acceptor = new Thread(() -> {
				while (!server.isClosed()) {
					try {
						Socket socket = server.accept();
						connections.incrementAndGet();
						Thread t = new Thread(() -> heartbeat(socket));
						t.setDaemon(true);
						t.start();
					}
					catch (Exception ex) {
						return;
					}
				}
			});
			acceptor.setDaemon(true);
			acceptor.start();
			ChatBotKitClient c = ChatBotKitClient.create(RestClient.builder()
				.requestFactory(ChatBotKitHttpEngine.requestFactory(Duration.ofSeconds(2), Duration.ofSeconds(2), 1)),
					ChatBotKitOptions.builder()
						.secret(SECRET)
						.url("http://127.0.0.1:" + server.getLocalPort())
						.retry(RetryOptions.disabled())
						.build());
			// documented: reads what is left, "waiting at most the read timeout" (2 s) in
			// all; the heartbeats never end
			assertTimeoutPreemptively(HANG_GUARD, () -> {
				try (Stream<CompletionEvent> events = c.conversations().completeStream("c", "Hi")) {
					assertThat(events.filter(CompletionEvent.Result.class::isInstance).findFirst()).isPresent();
				}
			});
		}
	}

	private static void heartbeat(Socket socket) {
		try (socket) {
			InputStream in = socket.getInputStream();
			// read the head
			int matched = 0;
			int b;
			while ((b = in.read()) != -1 && matched < 4) {
				matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
				if (matched == 4) {
					break;
				}
			}
			OutputStream out = socket.getOutputStream();
			out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/jsonl\r\nTransfer-Encoding: chunked\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			chunk(out, A + RESULT);
			while (true) {
				Thread.sleep(500);
				chunk(out, "\n");
			}
		}
		catch (Exception ex) {
			// client went away
		}
	}

	private static void chunk(OutputStream out, String data) throws java.io.IOException {
		byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
		out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.write(bytes);
		out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

}
