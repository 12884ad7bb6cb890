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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The sessions the demo API has handed out: one token per conversation, valid until it
 * expires. Expired sessions are dropped whenever a new one is created, so the store stays
 * small however long the demo runs.
 *
 * @author cbkspring contributors
 */
class DemoSessions {

	private static final SecureRandom random = new SecureRandom();

	private final Map<String, Session> sessions = new ConcurrentHashMap<>();

	private final Clock clock;

	DemoSessions(Clock clock) {
		this.clock = clock;
	}

	Session create(Duration duration) {
		Instant now = this.clock.instant();
		this.sessions.values().removeIf((session) -> !session.expiresAt().isAfter(now));
		Session session = new Session("demo-conversation-" + randomToken(), randomToken(), now.plus(duration));
		this.sessions.put(session.conversationId(), session);
		return session;
	}

	/**
	 * Whether a bearer token is the live token of a conversation.
	 */
	boolean isValid(String conversationId, @Nullable String token) {
		Session session = this.sessions.get(conversationId);
		return session != null && token != null && session.expiresAt().isAfter(this.clock.instant())
				&& matches(session.token(), token);
	}

	static boolean matches(String expected, String actual) {
		// Constant time: a demo, but one that people copy
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				actual.getBytes(StandardCharsets.UTF_8));
	}

	static String randomToken() {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	record Session(String conversationId, String token, Instant expiresAt) {

		@Override
		public String toString() {
			return "Session[conversationId=" + this.conversationId + ", token=******, expiresAt=" + this.expiresAt
					+ "]";
		}

	}

}
