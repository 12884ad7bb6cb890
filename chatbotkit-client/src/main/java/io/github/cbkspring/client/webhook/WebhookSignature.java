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

package io.github.cbkspring.client.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Verifies the signature of a webhook call: an {@value #HEADER} header of the form
 * {@code <algorithm>=<hex HMAC of the raw body>}, keyed by the webhook's secret, such as
 * {@code sha256=6f1e...}. The algorithms are {@code sha1}, {@code sha256}, {@code sha384}
 * and {@code sha512} (in any case); the hex digits may be upper or lower case. The
 * signature is compared in constant time over the body's bytes as received.
 * <p>
 * Instances are immutable and thread-safe. The secret never appears in
 * {@link #toString()} or in a {@link Verification}.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public final class WebhookSignature {

	/**
	 * Name of the header that carries the signature.
	 */
	public static final String HEADER = "X-Hub-Signature";

	private static final Map<String, String> ALGORITHMS = Map.of("sha1", "HmacSHA1", "sha256", "HmacSHA256", "sha384",
			"HmacSHA384", "sha512", "HmacSHA512");

	// A name is letters, digits and dashes only, so that a refused one can be reported
	// without carrying arbitrary text from the request into a log line
	private static final Pattern FORMAT = Pattern.compile("([A-Za-z0-9-]{1,16})=(\\S+)");

	private final byte[] key;

	private WebhookSignature(byte[] key) {
		this.key = key;
	}

	/**
	 * Create a verifier for the given secret.
	 * @param secret the webhook's secret, used as UTF-8 bytes
	 * @return the verifier
	 * @throws IllegalArgumentException if the secret is empty
	 */
	public static WebhookSignature of(String secret) {
		Objects.requireNonNull(secret, "secret");
		if (secret.isEmpty()) {
			throw new IllegalArgumentException("The webhook secret must not be empty");
		}
		return new WebhookSignature(secret.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The names of the supported algorithms, such as {@code sha256}, in order.
	 * @return the algorithm names
	 */
	public static Set<String> algorithms() {
		return new TreeSet<>(ALGORITHMS.keySet());
	}

	/**
	 * Sign a body, as ChatBotKit does: the value of the {@value #HEADER} header.
	 * @param algorithm one of {@link #algorithms()}
	 * @param body the raw body
	 * @return {@code <algorithm>=<lower-case hex HMAC>}
	 * @throws IllegalArgumentException if the algorithm is not supported
	 */
	public String sign(String algorithm, byte[] body) {
		String name = algorithm.toLowerCase(Locale.ROOT);
		if (!ALGORITHMS.containsKey(name)) {
			throw new IllegalArgumentException(
					"Unsupported webhook signature algorithm '" + algorithm + "'; supported: " + algorithms());
		}
		return name + "=" + HexFormat.of().formatHex(hmac(name, body));
	}

	/**
	 * Verify the signature of a body.
	 * @param body the raw body, exactly as received
	 * @param header the value of the {@value #HEADER} header, or {@code null} if there
	 * was none
	 * @return the outcome, {@link Verification#VALID} only if the signature matches
	 */
	public Verification verify(byte[] body, @Nullable String header) {
		if (header == null || header.isBlank()) {
			return Verification.MISSING;
		}
		Matcher matcher = FORMAT.matcher(header.strip());
		if (!matcher.matches()) {
			return Verification.MALFORMED;
		}
		String algorithm = matcher.group(1).toLowerCase(Locale.ROOT);
		if (!ALGORITHMS.containsKey(algorithm)) {
			return Verification.UNSUPPORTED_ALGORITHM;
		}
		byte[] expected = hmac(algorithm, body);
		String hex = matcher.group(2);
		if (hex.length() != expected.length * 2) {
			return Verification.MALFORMED;
		}
		byte[] given;
		try {
			given = HexFormat.of().parseHex(hex);
		}
		catch (IllegalArgumentException ex) {
			return Verification.MALFORMED;
		}
		return MessageDigest.isEqual(expected, given) ? Verification.VALID : Verification.MISMATCH;
	}

	private byte[] hmac(String algorithm, byte[] body) {
		String jdkName = ALGORITHMS.get(algorithm);
		try {
			Mac mac = Mac.getInstance(jdkName);
			mac.init(new SecretKeySpec(this.key, jdkName));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			// every JDK provides these algorithms
			throw new IllegalStateException("No " + jdkName + " in this JDK", ex);
		}
	}

	@Override
	public String toString() {
		return "WebhookSignature[secret=******]";
	}

	/**
	 * The outcome of {@link WebhookSignature#verify(byte[], String)}.
	 */
	public enum Verification {

		/**
		 * The signature matches the body.
		 */
		VALID("the signature matches"),

		/**
		 * There is no signature.
		 */
		MISSING("no " + HEADER + " header"),

		/**
		 * The header is not of the form {@code <algorithm>=<hex>} with as many hex digits
		 * as the algorithm's HMAC has.
		 */
		MALFORMED("the " + HEADER + " header is not of the form <algorithm>=<hex HMAC of the body>"),

		/**
		 * The header names an algorithm that is not supported.
		 */
		UNSUPPORTED_ALGORITHM("the " + HEADER + " header names an unsupported algorithm (supported: "
				+ String.join(", ", algorithms()) + ")"),

		/**
		 * The signature does not match the body: another secret, or a changed body.
		 */
		MISMATCH("the signature does not match the body (another secret, or a changed body)");

		private final String reason;

		Verification(String reason) {
			this.reason = reason;
		}

		/**
		 * Whether the signature matches the body.
		 * @return {@code true} only for {@link #VALID}
		 */
		public boolean isValid() {
			return this == VALID;
		}

		/**
		 * Why the request was accepted or refused, for a log line. Holds neither the
		 * secret, the signature, nor the body.
		 * @return the reason
		 */
		public String reason() {
			return this.reason;
		}

	}

}
