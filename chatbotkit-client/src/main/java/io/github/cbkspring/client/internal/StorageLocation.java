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

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.error.ChatBotKitStorageException;
import io.github.cbkspring.client.internal.util.Hosts;
import io.github.cbkspring.client.internal.util.Redaction;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;
import org.springframework.web.util.UriUtils;

/**
 * A pre-signed storage URL that the API handed out, checked before any I/O and masked
 * wherever it is named. The URL is a credential: its query (a signature, a token) lets
 * anyone who holds it write or read the file. So it is named only as {@link #toString()}
 * does (scheme, host, port and path, the query masked), and {@link #mask(String)} removes
 * it and its parts from any other text, such as an engine's exception message or an
 * excerpt of the storage's error body, which may quote the signed parameters.
 *
 * @author cbkspring contributors
 */
public final class StorageLocation {

	/**
	 * Query values at least this long are masked on their own: short ones are not secret.
	 */
	private static final int MASKED_VALUE_LENGTH = 8;

	private final URI uri;

	private final String masked;

	/** The URL as the API sent it and as {@link URI} writes it. */
	private final List<String> spellings;

	/** Longest first, so that a part never leaves a tail of a longer secret. */
	private final List<String> secrets;

	private StorageLocation(String url, URI uri, String masked) {
		this.uri = uri;
		this.masked = masked;
		this.spellings = List.of(url, uri.toString());
		this.secrets = secrets(uri);
	}

	/**
	 * Check a URL from the API: an absolute {@code https} URL with a host and no user
	 * info; plain {@code http} only when both the API and the storage are on loopback (a
	 * test or a local stack), since the URL would otherwise cross the network in clear.
	 * @param url the URL as the API sent it
	 * @param options the options of the client, for the API's host
	 * @return the location
	 * @throws ChatBotKitStorageException if the URL is refused
	 */
	static StorageLocation of(String url, ChatBotKitOptions options) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			// the exception quotes the URL: not kept as the cause
			throw refused("(not a URI)", "it is not a valid URI");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		String host = uri.getHost();
		if (!uri.isAbsolute() || host == null || !(scheme.equals("https") || scheme.equals("http"))) {
			throw refused("(not an absolute http or https URL)", "it is not an absolute http or https URL with a host");
		}
		StorageLocation location = new StorageLocation(url, uri, mask(uri, scheme, host));
		if (uri.getRawUserInfo() != null) {
			throw refused(location.masked, "it holds user info");
		}
		if (scheme.equals("http") && !(Hosts.isLoopback(host) && Hosts.isLoopback(options.url().getHost()))) {
			throw refused(location.masked,
					"it uses plain http to a host that is not loopback: the URL is a credential and must travel over https");
		}
		return location;
	}

	private static ChatBotKitStorageException refused(String location, String reason) {
		return new ChatBotKitStorageException(
				"Refused the storage URL " + location + " that the API answered with: " + reason + "; nothing was sent",
				location, 0, null);
	}

	private static String mask(URI uri, String scheme, String host) {
		StringBuilder masked = new StringBuilder(scheme).append("://").append(host);
		if (uri.getPort() != -1) {
			masked.append(':').append(uri.getPort());
		}
		String path = uri.getRawPath();
		masked.append((path != null) ? path : "");
		if (uri.getRawQuery() != null) {
			masked.append('?').append(Redaction.MASK);
		}
		return masked.toString();
	}

	private static List<String> secrets(URI uri) {
		List<String> secrets = new ArrayList<>();
		addIfSet(secrets, uri.getRawQuery());
		addIfSet(secrets, uri.getRawFragment());
		addIfSet(secrets, uri.getRawUserInfo());
		String query = uri.getRawQuery();
		if (query != null) {
			for (String parameter : StringUtils.delimitedListToStringArray(query, "&")) {
				String value = parameter.substring(parameter.indexOf('=') + 1);
				if (value.length() >= MASKED_VALUE_LENGTH) {
					secrets.add(value);
					secrets.add(decode(value));
				}
			}
		}
		secrets.sort(Comparator.comparingInt(String::length).reversed());
		return List.copyOf(secrets);
	}

	private static void addIfSet(List<String> secrets, @Nullable String part) {
		if (part != null && !part.isEmpty()) {
			secrets.add(part);
		}
	}

	private static String decode(String value) {
		try {
			return UriUtils.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return value;
		}
	}

	URI uri() {
		return this.uri;
	}

	/**
	 * Mask the URL and each of its secret parts in a text bound for a message or a log.
	 * @param text the text, such as an exception message
	 * @return the text without the URL's secrets
	 */
	String mask(@Nullable String text) {
		if (text == null) {
			return "";
		}
		String masked = text;
		for (String spelling : this.spellings) {
			masked = masked.replace(spelling, this.masked);
		}
		// whole values first: one value's start may be another's, raw and decoded
		for (String secret : this.secrets) {
			masked = masked.replace(secret, Redaction.MASK);
		}
		for (String secret : this.secrets) {
			masked = Redaction.mask(masked, secret);
		}
		return masked;
	}

	/**
	 * The location as messages and logs name it.
	 * @return the scheme, host, port and path, the query masked
	 */
	@Override
	public String toString() {
		return this.masked;
	}

}
