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

package io.github.cbkspring.test;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * An in-process fake of the ChatBotKit API over real HTTP on loopback, on a free port,
 * for an application's tests: point the client at {@link #url()} with {@link #secret()}
 * and it answers as the API does, from its own state.
 * <ul>
 * <li>Every request is checked against the API model the client is generated from: an
 * unknown field, a missing required field, a value of the wrong type or outside its
 * enumeration is a {@code 400} with the API's error body {@code {"message": ..., "code":
 * "BAD_REQUEST"}} that names the field. A path the API does not have is a {@code 404}; an
 * operation the fake does not implement a {@code 501}.</li>
 * <li>The secret, and every session token the fake issued, authenticate
 * ({@code Authorization: Bearer ...}); anything else is a {@code 401}. With
 * {@code X-RunAs-User-Id}, the secret works in a partner user's account, which must
 * exist.</li>
 * <li>Bots, conversations and their messages, datasets and records, files, contacts and
 * partner users are created, fetched, updated, deleted and listed (newest first, 25 an
 * answer unless {@code take} says otherwise, with a {@code cursor} while more follow).
 * Bots need not exist to be used by a session or a completion.</li>
 * <li>Completions answer as {@link #completions()} scripts them, whole or streamed as
 * JSON Lines.</li>
 * </ul>
 * Start one per test class and close it after, or let {@code @AutoConfigureChatBotKit} do
 * both for a Spring test:
 *
 * <pre class="code">
 * &#64;AutoClose
 * static ChatBotKitFake fake = ChatBotKitFake.start();
 * </pre>
 *
 * Thread-safe. Neither its {@link #toString()} nor its log nor its recorded requests hold
 * a credential.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public final class ChatBotKitFake implements AutoCloseable {

	/**
	 * The secret of a fake started without one.
	 */
	public static final String DEFAULT_SECRET = "sk-chatbotkit-fake";

	private final String secret;

	private final FakeServer server;

	private ChatBotKitFake(Builder builder) {
		this.secret = builder.secret;
		this.server = new FakeServer(builder.secret, builder.clock, builder.requestsKept);
	}

	/**
	 * Start a fake that takes {@link #DEFAULT_SECRET}.
	 * @return the running fake
	 * @throws java.io.UncheckedIOException if no loopback port can be opened
	 */
	public static ChatBotKitFake start() {
		return builder().start();
	}

	/**
	 * Start a fake that takes a secret.
	 * @param secret the secret, not empty
	 * @return the running fake
	 * @throws IllegalArgumentException if the secret is empty
	 * @throws java.io.UncheckedIOException if no loopback port can be opened
	 */
	public static ChatBotKitFake start(String secret) {
		return builder().secret(secret).start();
	}

	/**
	 * A builder of a fake other than the default: another secret, clock, or a bound on
	 * the requests it records.
	 * @return a builder of the defaults ({@link #DEFAULT_SECRET}, the system clock, every
	 * request recorded)
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The URL to give the client, as {@code chatbotkit.url}.
	 * @return such as {@code http://127.0.0.1:49152}
	 */
	public String url() {
		return this.server.url();
	}

	/**
	 * The secret the fake takes, to give the client as {@code chatbotkit.secret}.
	 * @return the secret
	 */
	public String secret() {
		return this.secret;
	}

	/**
	 * The scripted completions.
	 * @return the scripts, to add to
	 */
	public CompletionScripts completions() {
		return this.server.api().completions();
	}

	/**
	 * Answer the next request, whatever it is, with a fault; faults queue up, one a
	 * request. The request is recorded all the same.
	 * @param fault the fault
	 */
	public void failNext(Fault fault) {
		this.server.failNext(Objects.requireNonNull(fault, "fault must not be null"));
	}

	/**
	 * Answer the next requests with the same fault, such as as many {@code 503}s as a
	 * retrying client tries.
	 * @param fault the fault
	 * @param times how many requests it answers, at least one
	 * @throws IllegalArgumentException if {@code times} is less than one
	 */
	public void failNext(Fault fault, int times) {
		if (times < 1) {
			throw new IllegalArgumentException("times must be at least 1, not " + times);
		}
		for (int i = 0; i < times; i++) {
			failNext(fault);
		}
	}

	/**
	 * The requests received so far, oldest first, without their credentials: all of them,
	 * or the last ones the {@link Builder#requestsKept(int) bound} keeps.
	 * @return a copy
	 */
	public List<RecordedRequest> requests() {
		return this.server.requests();
	}

	/**
	 * Forget the state, the scripts, the queued faults and the recorded requests, as a
	 * fake just started; the URL and the secret stay.
	 */
	public void reset() {
		this.server.reset();
	}

	/**
	 * Stop the server; answers held at a {@link Gate} or waiting for a channel's message
	 * end without the rest of their body.
	 */
	@Override
	public void close() {
		this.server.stop();
	}

	@Override
	public String toString() {
		return "ChatBotKitFake[" + url() + "]";
	}

	/**
	 * Builds a {@link ChatBotKitFake}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private String secret = DEFAULT_SECRET;

		private Clock clock = Clock.systemUTC();

		private int requestsKept = Integer.MAX_VALUE;

		private Builder() {
		}

		/**
		 * The secret the fake takes.
		 * @param secret the secret, not empty
		 * @return this builder
		 * @throws IllegalArgumentException if the secret is empty
		 */
		public Builder secret(String secret) {
			Objects.requireNonNull(secret, "secret must not be null");
			if (secret.isBlank()) {
				throw new IllegalArgumentException("secret must not be empty");
			}
			this.secret = secret;
			return this;
		}

		/**
		 * The clock that sessions expire by (a session token opens nothing from its
		 * {@code expiresAt} on) and that stored items are stamped by ({@code createdAt},
		 * {@code updatedAt}).
		 * @param clock the clock, the system's by default
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock must not be null");
			return this;
		}

		/**
		 * Keep only the last requests, for a fake that runs long, such as a demo: older
		 * ones are forgotten as new ones arrive. By default the fake keeps every request,
		 * which a test asserts on.
		 * @param requests how many requests {@link ChatBotKitFake#requests()} keeps, at
		 * least one
		 * @return this builder
		 * @throws IllegalArgumentException if {@code requests} is less than one
		 */
		public Builder requestsKept(int requests) {
			if (requests < 1) {
				throw new IllegalArgumentException("requests must be at least 1, not " + requests);
			}
			this.requestsKept = requests;
			return this;
		}

		/**
		 * Start the fake.
		 * @return the running fake
		 * @throws java.io.UncheckedIOException if no loopback port can be opened
		 */
		public ChatBotKitFake start() {
			return new ChatBotKitFake(this);
		}

	}

}
