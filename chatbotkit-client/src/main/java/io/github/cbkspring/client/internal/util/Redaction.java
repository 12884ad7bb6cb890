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

package io.github.cbkspring.client.internal.util;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

/**
 * Masks a credential wherever it occurs in text bound for a message or a log.
 *
 * @author cbkspring contributors
 */
public final class Redaction {

	public static final String MASK = "******";

	private Redaction() {
	}

	/**
	 * How much of the start of the secret is masked where a text shows it cut short, as
	 * messages and excerpts that truncate what they quote do.
	 */
	private static final int SHORTEST_MASKED_START = 8;

	/**
	 * The text with the secret masked, whole or cut short after at least its first
	 * {@value #SHORTEST_MASKED_START} characters.
	 */
	public static String mask(String text, String secret) {
		String start = start(secret);
		int at = secret.isEmpty() ? -1 : text.indexOf(start);
		if (at < 0) {
			return text;
		}
		StringBuilder masked = new StringBuilder(text.length());
		int from = 0;
		while (at >= 0) {
			int end = at + start.length();
			while (end < text.length() && end - at < secret.length() && text.charAt(end) == secret.charAt(end - at)) {
				end++;
			}
			masked.append(text, from, at).append(MASK);
			from = end;
			at = text.indexOf(start, end);
		}
		return masked.append(text, from, text.length()).toString();
	}

	private static String start(String secret) {
		return secret.substring(0, Math.min(secret.length(), SHORTEST_MASKED_START));
	}

	/**
	 * The failure itself when none of its messages (causes and suppressed included) shows
	 * the secret, or else a stand-in of the same shape without it: an engine may quote a
	 * header value, the {@code Authorization} one included, in its message.
	 */
	public static Throwable safe(Throwable failure, String secret) {
		return shows(failure, secret, 0) ? new Redacted(failure, secret) : failure;
	}

	private static boolean shows(@Nullable Throwable failure, String secret, int depth) {
		if (failure == null || secret.isEmpty() || depth > 16) {
			return false;
		}
		if (String.valueOf(failure.getMessage()).contains(start(secret))) {
			return true;
		}
		for (Throwable suppressed : failure.getSuppressed()) {
			if (shows(suppressed, secret, depth + 1)) {
				return true;
			}
		}
		return shows(failure.getCause(), secret, depth + 1);
	}

	/**
	 * A failure retold with the secret masked: the class name and masked message of the
	 * original, its stack trace, and its cause retold the same way.
	 */
	private static final class Redacted extends Exception {

		@Serial
		private static final long serialVersionUID = 1L;

		Redacted(Throwable original, String secret) {
			super(original.getClass().getName() + ": " + mask(String.valueOf(original.getMessage()), secret),
					(original.getCause() != null) ? safe(original.getCause(), secret) : null);
			setStackTrace(original.getStackTrace());
		}

	}

}
