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

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;

import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.RawResponse;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.error.ChatBotKitException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The promise that every failure of every public call is a {@link ChatBotKitException}: a
 * request factory throws each kind of exception the engines are known to throw, checked
 * and unchecked, at each step of an exchange, and no call lets any of them, or the secret
 * in one of their messages, through.
 */
class EngineFailureTests {

	private static final String SECRET = "sk-engine-Zq81-never-shown";

	/** Where the engine fails. */
	enum Step {

		CREATE, EXECUTE, STATUS, HEADERS, BODY, READ, CLOSE

	}

	static List<Supplier<Throwable>> failures() {
		return List.of(() -> new ConnectException("Connection refused"),
				() -> new SocketTimeoutException("Read timed out"), () -> new HttpTimeoutException("request timed out"),
				() -> new HttpConnectTimeoutException("HTTP connect timed out"),
				() -> new InterruptedIOException("Request aborted").initCause(new InterruptedException()),
				ClosedChannelException::new, () -> new SSLHandshakeException("PKIX path building failed"),
				() -> new UnknownHostException("api.chatbotkit.com"), () -> new EOFException("EOF reached"),
				() -> new IOException("HTTP/1.1 header parser received no bytes"),
				() -> new IOException("Tunnel failed, got: 403"),
				() -> new NoHttpResponseException("The target server failed to respond"),
				() -> new ConnectionClosedException("Premature end of chunk coded message body"),
				() -> new ConnectionRequestTimeoutException("Timeout deadline"),
				() -> new ConnectTimeoutException("Connect timed out"), CancellationException::new,
				() -> new IllegalStateException("Connection pool shut down"),
				() -> new IllegalArgumentException("invalid header value: \"Bearer " + SECRET + "\r\n\""),
				() -> new NullPointerException("Inflater has been closed"),
				() -> new UncheckedIOException(new IOException("closed")),
				() -> new CompletionException(new IOException("Connection reset")),
				() -> new RejectedExecutionException("executor shut down"),
				() -> new UnsupportedOperationException("not supported"));
	}

	static Stream<Arguments> everyFailureAtEveryStep() {
		return Stream.of(Step.values())
			.flatMap((step) -> failures().stream()
				.filter((failure) -> step != Step.CLOSE || failure.get() instanceof RuntimeException)
				.map((failure) -> Arguments.of(step, failure.get().getClass().getSimpleName(), failure)));
	}

	/** The public calls, each over a fresh client. */
	static Map<String, Consumer<ChatBotKitClient>> calls() {
		return Map.of("get", (client) -> client.get("/bot/{id}/fetch", Map.class, "b"), "post",
				(client) -> client.sessions().create("b"), "execute",
				(client) -> client.request(ApiEndpoint.post("/bot/{id}/delete"), "b").execute(), "raw",
				(client) -> client.get("/file/{id}/download", RawResponse.class, "f"), "stream", (client) -> {
					try (Stream<Map> lines = client.stream("/conversation/{id}/complete", Map.of(), Map.class, "c")) {
						lines.toList();
					}
				}, "id", (client) -> client.request(ApiEndpoint.post("/bot/create")).body(Map.of()).retrieveId());
	}

	@AfterEach
	void clearInterrupt() {
		Thread.interrupted();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("everyFailureAtEveryStep")
	void everyPublicCallFailsWithAChatBotKitExceptionThatNeverShowsTheSecret(Step step, String name,
			Supplier<Throwable> failure) {
		calls().forEach((call, invocation) -> {
			ChatBotKitClient client = ChatBotKitClient.create(
					RestClient.builder().requestFactory(failing(step, failure)),
					ChatBotKitOptions.builder().secret(SECRET).retry(RetryOptions.disabled()).build());
			Throwable thrown = catchThrowable(() -> invocation.accept(client));
			Thread.interrupted();
			if (thrown == null) {
				// a response that cannot be closed after it was read: the call succeeded
				assertThat(step).as(call).isEqualTo(Step.CLOSE);
				return;
			}
			assertThat(thrown).as(call).isInstanceOf(ChatBotKitException.class);
			assertNoSecret(thrown);
		});
	}

	private static void assertNoSecret(@Nullable Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			assertThat(String.valueOf(cause)).doesNotContain(SECRET);
			for (Throwable suppressed : cause.getSuppressed()) {
				assertNoSecret(suppressed);
			}
		}
	}

	private static ClientHttpRequestFactory failing(Step step, Supplier<Throwable> failure) {
		return (uri, method) -> {
			fail(step, Step.CREATE, failure);
			return new MockClientHttpRequest(method, uri) {

				@Override
				protected ClientHttpResponse executeInternal() throws IOException {
					fail(step, Step.EXECUTE, failure);
					return new FailingResponse(step, failure, uri, method);
				}

			};
		};
	}

	private static void fail(Step step, Step now, Supplier<Throwable> failure) throws IOException {
		if (step == now) {
			Throwable thrown = failure.get();
			if (thrown instanceof IOException io) {
				throw io;
			}
			throw (RuntimeException) thrown;
		}
	}

	/**
	 * A 200 answer that fails at one step.
	 */
	private static final class FailingResponse implements ClientHttpResponse {

		private final Step step;

		private final Supplier<Throwable> failure;

		private final byte[] body;

		private final String contentType;

		FailingResponse(Step step, Supplier<Throwable> failure, URI uri, HttpMethod method) {
			this.step = step;
			this.failure = failure;
			boolean stream = uri.getPath().endsWith("/complete");
			this.contentType = stream ? "application/jsonl" : "application/json";
			this.body = (stream ? "{\"n\":1}\n" : "{\"id\":\"x\"}").getBytes(StandardCharsets.UTF_8);
		}

		@Override
		public HttpStatusCode getStatusCode() throws IOException {
			fail(this.step, Step.STATUS, this.failure);
			return HttpStatus.OK;
		}

		@Override
		public String getStatusText() {
			return "OK";
		}

		@Override
		public HttpHeaders getHeaders() {
			if (this.step == Step.HEADERS) {
				Throwable thrown = this.failure.get();
				throw (thrown instanceof RuntimeException runtime) ? runtime
						: new UncheckedIOException((thrown instanceof IOException io) ? io : new IOException(thrown));
			}
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.CONTENT_TYPE, this.contentType);
			return headers;
		}

		@Override
		public InputStream getBody() throws IOException {
			fail(this.step, Step.BODY, this.failure);
			return new FilterInputStream(new ByteArrayInputStream(this.body)) {

				@Override
				public int read() throws IOException {
					fail(FailingResponse.this.step, Step.READ, FailingResponse.this.failure);
					return super.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					fail(FailingResponse.this.step, Step.READ, FailingResponse.this.failure);
					return super.read(buffer, offset, length);
				}

			};
		}

		@Override
		public void close() {
			if (this.step == Step.CLOSE) {
				throw (RuntimeException) this.failure.get();
			}
		}

	}

}
