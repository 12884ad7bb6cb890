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
package io.github.cbkspring.client.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.ReactiveApiRequest;
import io.github.cbkspring.client.core.ReactiveDownload;
import io.github.cbkspring.client.error.ChatBotKitException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpRequestDecorator;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * The one path every reactive call takes, the twin of {@link ApiExchange} on
 * {@link WebClient}: the same URL ({@link ApiCall}), headers ({@link ApiHeaders}), retry
 * decisions within one deadline ({@link RetryPolicy}), error decoding
 * ({@link ErrorDecoder}), size limits ({@link BoundedBody}) and failure translation
 * ({@link NetworkFailures}), with Reactor's {@link Retry} waiting between attempts on a
 * scheduler instead of a sleeping thread.
 * <p>
 * Not API: public for the client's entry point only, and can change in any release.
 *
 * @author cbkspring contributors
 */
public final class ReactiveExchange {

	private static final Log logger = LogFactory.getLog(ReactiveExchange.class);

	/**
	 * The request attribute that {@code WebClient} takes the URI template of an
	 * observation from ({@code DefaultWebClient.URI_TEMPLATE_ATTRIBUTE}).
	 */
	static final String URI_TEMPLATE_ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

	private final WebClient webClient;

	private final ChatBotKitOptions options;

	private final RetryPolicy retryPolicy;

	private final ApiHeaders headers;

	/** Waits between attempts, and its clock measures the deadline. */
	private final Scheduler timer;

	/**
	 * The wall clock a {@code Retry-After} date counts from when an answer has no date.
	 */
	private final Clock clock;

	/** The engine this exchange was built with and closes, if any. */
	private final @Nullable ReactorEngine engine;

	/**
	 * Whether the engine was closed: shared with the copies, which call through it.
	 */
	private final AtomicBoolean closed;

	/**
	 * An exchange on a web client, waiting on Reactor's parallel scheduler.
	 * @param webClient the web client
	 * @param options the options
	 * @param engine the engine under the web client that {@link #close()} closes, or
	 * {@code null} when the web client's connector is not this exchange's to close
	 */
	public ReactiveExchange(WebClient webClient, ChatBotKitOptions options, @Nullable ReactorEngine engine) {
		this(webClient, options, Schedulers.parallel(), Clock.systemUTC(), engine, new AtomicBoolean());
	}

	/**
	 * An exchange on a web client whose connector it does not own.
	 * @param webClient the web client
	 * @param options the options
	 * @param timer waits between attempts; its clock measures the retry deadline
	 * @param clock the wall clock a {@code Retry-After} date counts from
	 */
	public ReactiveExchange(WebClient webClient, ChatBotKitOptions options, Scheduler timer, Clock clock) {
		this(webClient, options, timer, clock, null, new AtomicBoolean());
	}

	private ReactiveExchange(WebClient webClient, ChatBotKitOptions options, Scheduler timer, Clock clock,
			@Nullable ReactorEngine engine, AtomicBoolean closed) {
		this.webClient = webClient;
		this.options = options;
		this.retryPolicy = new RetryPolicy(options.retry());
		this.headers = new ApiHeaders(options);
		this.timer = timer;
		this.clock = clock;
		this.engine = engine;
		this.closed = closed;
	}

	/**
	 * A copy with other options on the same web client; the copy does not own the engine.
	 * @param options the options
	 * @return the copy
	 */
	public ReactiveExchange withOptions(ChatBotKitOptions options) {
		return new ReactiveExchange(this.webClient, options, this.timer, this.clock, null, this.closed);
	}

	/**
	 * Close the engine this exchange was built with, if any: calls on it and on its
	 * copies fail from then on.
	 */
	public void close() {
		if (this.engine != null) {
			this.closed.set(true);
			this.engine.close();
		}
	}

	public ChatBotKitOptions options() {
		return this.options;
	}

	/**
	 * Start a request to an endpoint on this exchange.
	 * @param endpoint the endpoint
	 * @param pathVariables the values of the endpoint's path variables
	 * @return the request
	 */
	public ReactiveApiRequest request(ApiEndpoint endpoint, Object[] pathVariables) {
		return new DefaultReactiveApiRequest(this, endpoint, pathVariables);
	}

	/**
	 * A call with a whole answer, read within the size limit and decoded; every attempt,
	 * reading included, is retried as the policy says.
	 */
	<T> Mono<T> single(ApiCall call, @Nullable RequestBody body, MediaType accept, AnswerDecoder<T> decoder) {
		Mono<T> attempt = send(call, body, accept)
			.flatMap((entity) -> bounded(body(entity), entity.getHeaders(), this.options.maxResponseSize(), false)
				.handle((bounded, sink) -> {
					T answer = decoder.decode(ResponseReader.withinLimit(bounded, this.options), entity.getHeaders());
					if (answer != null) {
						sink.next(answer);
					}
				}));
		return withRetries(call, body, attempt);
	}

	/**
	 * A call with a JSON Lines answer: the attempts until the answer's headers are
	 * retried, the lines that follow are decoded as they arrive.
	 */
	<T> Flux<T> lines(ApiCall call, @Nullable RequestBody body, JsonLineMapper<T> mapper) {
		return withRetries(call, body, send(call, body, JsonLinesResponseReader.APPLICATION_JSONL)).flatMapMany(
				(entity) -> JsonLinesFlux.decode(ReactiveContentCodings.decoded(body(entity), entity.getHeaders()),
						mapper, this.options, call.toString()));
	}

	/**
	 * A call with a binary answer: the attempts until the answer's headers are retried,
	 * the body is handed on unread. A JSON answer is looked into first, within
	 * {@link DownloadResponseReader#MAX_POINTER_SIZE}, to tell the API's pointer to its
	 * storage, whose bytes are then fetched (never retried), from a JSON file.
	 */
	Mono<ReactiveDownload> download(ApiCall call, @Nullable RequestBody body) {
		return withRetries(call, body, send(call, body, MediaType.ALL)).flatMap((entity) -> {
			HttpHeaders headers = entity.getHeaders();
			Flux<DataBuffer> bytes = body(entity).onErrorMap((ex) -> !(ex instanceof ChatBotKitException),
					(ex) -> translate(ex, call));
			MediaType contentType = headers.getContentType();
			if (contentType == null || !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(contentType)) {
				return Mono.just(new ReactiveDownload(headers, bytes));
			}
			return jsonDownload(headers, bytes);
		});
	}

	private Mono<ReactiveDownload> jsonDownload(HttpHeaders headers, Flux<DataBuffer> bytes) {
		long[] read = { 0 };
		// a head that stays within the limit is the whole answer: the cut comes only past
		// it
		return bytes
			.bufferUntil((buffer) -> (read[0] += buffer.readableByteCount()) > DownloadResponseReader.MAX_POINTER_SIZE)
			.switchOnFirst((first, chunks) -> {
				List<DataBuffer> head = first.get();
				if (head != null && read[0] <= DownloadResponseReader.MAX_POINTER_SIZE) {
					String url = DownloadResponseReader.pointer(peek(head));
					if (url != null) {
						head.forEach(DataBufferUtils::release);
						// read to its end: the API's connection is back in the pool
						return Mono.fromCallable(() -> StorageLocation.of(url, this.options))
							.flatMap((location) -> storage().download(location));
					}
				}
				Flux<DataBuffer> body = chunks.flatMapIterable(Function.identity())
					.doOnDiscard(DataBuffer.class, DataBufferUtils::release);
				return Flux.just(new ReactiveDownload(headers, body));
			}, false)
			.single()
			.doOnDiscard(DataBuffer.class, DataBufferUtils::release);
	}

	/**
	 * The bytes of some buffers, leaving them unread.
	 */
	private static byte[] peek(List<DataBuffer> buffers) {
		byte[] bytes = new byte[buffers.stream().mapToInt(DataBuffer::readableByteCount).sum()];
		int offset = 0;
		for (DataBuffer buffer : buffers) {
			int position = buffer.readPosition();
			int length = buffer.readableByteCount();
			buffer.read(bytes, offset, length);
			buffer.readPosition(position);
			offset += length;
		}
		return bytes;
	}

	/**
	 * A call that the API answers with a pre-signed request to its storage, which
	 * {@code size} bytes of {@code content} are then sent with; only the call to the API
	 * is retried.
	 * @return the id the API answered with
	 */
	Mono<String> uploadToStorage(ApiCall call, @Nullable RequestBody body, Flux<DataBuffer> content, long size) {
		return single(call, body, PresignedUpload.READER.accept(),
				(answer, headers) -> PresignedUpload.Reader.decode(answer, headers.getContentType(), call.toString()))
			.flatMap((upload) -> {
				PresignedUpload.Checked request = upload.check(this.options, size);
				return storage().upload(request.method(), request.location(), request.headers(), content, size)
					.thenReturn(upload.id());
			});
	}

	private ReactiveStorageTransfer storage() {
		return new ReactiveStorageTransfer(this.webClient, this.options);
	}

	/**
	 * Send a request and take the answer's headers, its body still unread; an error
	 * answer fails with its typed exception, made here rather than in a status handler of
	 * the web client, so that nothing but the client's own suppressed failures is added
	 * to it.
	 */
	private Mono<ResponseEntity<Flux<DataBuffer>>> send(ApiCall call, @Nullable RequestBody body, MediaType accept) {
		WebClient.RequestBodySpec request = this.webClient.method(call.method())
			.uri(call.uri())
			.attribute(URI_TEMPLATE_ATTRIBUTE, call.uriTemplate())
			.headers((headers) -> this.headers.addTo(headers, accept));
		return withBody(request, body).retrieve()
			.onStatus((status) -> true, (response) -> Mono.empty())
			.toEntityFlux(BodyExtractors.toDataBuffers())
			.flatMap((entity) -> entity.getStatusCode().is2xxSuccessful() ? Mono.just(entity)
					: failure(call, entity).flatMap(Mono::error));
	}

	/**
	 * The request with the body as the blocking client sends it ({@link RequestBody}):
	 * JSON bytes, or the multipart body written by the web client's own writer.
	 */
	private static WebClient.RequestHeadersSpec<?> withBody(WebClient.RequestBodySpec request,
			@Nullable RequestBody body) {
		if (body instanceof RequestBody.Json json) {
			return request.contentType(MediaType.APPLICATION_JSON).bodyValue(json.bytes());
		}
		if (body instanceof RequestBody.Multipart multipart) {
			BodyInserters.MultipartInserter parts = BodyInserters.fromMultipartData(multipart.parts());
			return request.contentType(MediaType.MULTIPART_FORM_DATA)
				.body((message, context) -> parts.insert(new OffEventLoop(message), context)
					.subscribeOn(Schedulers.boundedElastic()));
		}
		return request;
	}

	private Mono<ChatBotKitException> failure(ApiCall call, ResponseEntity<Flux<DataBuffer>> entity) {
		if (entity.getStatusCode().value() == 407) {
			return body(entity).take(0)
				.then(Mono.just(NetworkFailures.proxyRefused(call.proxyRefused(), call.toString())));
		}
		HttpHeaders headers = entity.getHeaders();
		return bounded(body(entity), headers, ErrorDecoder.MAX_ERROR_BODY, true).map((body) -> ErrorDecoder
			.decode(entity.getStatusCode(), headers, body, this.options.secret(), call.toString(), this.clock));
	}

	/**
	 * Repeat a failed attempt as the retry policy says, within one deadline counted from
	 * the subscription, unless its body cannot be sent again (a stream read once); the
	 * final failure carries the earlier ones as suppressed.
	 */
	private <T> Mono<T> withRetries(ApiCall call, @Nullable RequestBody body, Mono<T> attempt) {
		boolean replayable = body == null || body.replayable();
		return Mono.defer(() -> {
			if (this.closed.get()) {
				// a programming error, not a network failure to retry
				return Mono.error(new IllegalStateException("This ChatBotKitReactiveClient is closed, and with it the"
						+ " connection pool that its copies (withOptions) share"));
			}
			long deadline = now() + this.options.retry().deadline().toNanos();
			List<ChatBotKitException> earlierFailures = new ArrayList<>(0);
			return attempt.onErrorMap((ex) -> !(ex instanceof ChatBotKitException), (ex) -> translate(ex, call))
				.retryWhen(Retry.from((signals) -> signals.concatMap((signal) -> {
					ChatBotKitException failure = (ChatBotKitException) signal.failure();
					Duration delay = replayable ? this.retryPolicy.delayWithin(call.method(),
							(int) signal.totalRetries() + 1, failure, now(), deadline) : null;
					if (delay == null) {
						earlierFailures.forEach(failure::addSuppressed);
						return Mono.error(failure);
					}
					if (logger.isDebugEnabled()) {
						logger.debug("Retrying " + call + " in " + delay.toMillis() + " ms after attempt "
								+ (signal.totalRetries() + 1) + " failed: " + failure.getMessage());
					}
					earlierFailures.add(failure);
					return Mono.delay(delay, this.timer);
				})));
		});
	}

	private ChatBotKitException translate(Throwable failure, ApiCall call) {
		// the engine's failure, not Spring's or the decoder's wrapper of it
		Throwable inner = failure.getCause();
		Throwable cause = ((failure instanceof WebClientRequestException || failure instanceof UncheckedIOException)
				&& inner != null) ? inner : failure;
		return NetworkFailures.translate(cause, call.toString(), call.uri(), this.options.secret());
	}

	private static Flux<DataBuffer> body(ResponseEntity<Flux<DataBuffer>> entity) {
		Flux<DataBuffer> body = entity.getBody();
		return (body != null) ? body : Flux.empty();
	}

	private long now() {
		return this.timer.now(TimeUnit.NANOSECONDS);
	}

	/**
	 * Read at most {@code limit} bytes of a body, then cancel it: the rest is never read,
	 * and the connection is closed rather than drained. A coded body is decoded as the
	 * blocking client decodes it; an error's body in a coding the client cannot decode is
	 * kept as it is, for the error decoder to describe.
	 */
	static Mono<BoundedBody> bounded(Flux<DataBuffer> body, HttpHeaders headers, int limit, boolean error) {
		return DataBufferUtils.join(DataBufferUtils.takeUntilByteCount(body, (long) limit + 1)).map((joined) -> {
			byte[] raw = new byte[joined.readableByteCount()];
			joined.read(raw);
			DataBufferUtils.release(joined);
			return raw;
		}).defaultIfEmpty(new byte[0]).map((raw) -> {
			if (raw.length > limit) {
				return new BoundedBody(Arrays.copyOf(raw, limit), true);
			}
			boolean decode = ContentCodings.isCoded(headers) && !(error && ContentCodings.unsupported(headers) != null);
			try {
				return decode ? BoundedBody.read(ContentCodings.decoded(new ByteArrayInputStream(raw), headers), limit)
						: new BoundedBody(raw, false);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/**
	 * A request whose body is made and read on Reactor's scheduler for blocking work,
	 * never on an event loop: the multipart writer draws its boundary from a
	 * {@code SecureRandom}, which reads the system's entropy, and reads the upload's
	 * content, which can be any stream.
	 */
	private static final class OffEventLoop extends ClientHttpRequestDecorator {

		OffEventLoop(ClientHttpRequest request) {
			super(request);
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return super.writeWith(Flux.from(body).subscribeOn(Schedulers.boundedElastic()));
		}

	}

	/**
	 * Decodes a whole answer read within the size limit.
	 *
	 * @param <T> the answer's type
	 */
	@FunctionalInterface
	interface AnswerDecoder<T> {

		/**
		 * Decode an answer.
		 * @param body the body
		 * @param headers the answer's headers
		 * @return the answer, or {@code null} for none
		 */
		@Nullable T decode(BoundedBody body, HttpHeaders headers);

	}

}
