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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The {@code User-Agent} every request carries: this client's name and version and the
 * Java version, after the application's own product when it names one, as in
 * {@code support-desk/2.3 cbkspring-chatbotkit/0.1.0 Java/17.0.15}. The name says that
 * the client is the community's, so that ChatBotKit can tell its calls from its own
 * SDKs'.
 *
 * @author cbkspring contributors
 */
public final class UserAgent {

	/** Where the build writes the client's version, from the class path's root. */
	public static final String VERSION_RESOURCE = "io/github/cbkspring/client/client.properties";

	/** This client's product token. */
	public static final String CLIENT = "cbkspring-chatbotkit/" + version() + " Java/"
			+ System.getProperty("java.version");

	private UserAgent() {
	}

	/**
	 * The header value for an application.
	 * @param application the application's product tokens, or {@code null}
	 * @return the value
	 */
	public static String of(@Nullable String application) {
		return (application != null) ? application + " " + CLIENT : CLIENT;
	}

	/**
	 * Check that an application's product names are tokens with optional versions
	 * ({@code name/version}), separated by single spaces, as RFC 9110 writes them.
	 * @param application the value to check
	 * @return the value
	 */
	public static String checkApplication(String application) {
		Assert.hasText(application, "applicationId(...) must not be empty");
		for (String product : application.split(" ", -1)) {
			int slash = product.indexOf('/');
			boolean valid = (slash < 0) ? isToken(product)
					: isToken(product.substring(0, slash)) && isToken(product.substring(slash + 1));
			Assert.isTrue(valid,
					() -> "applicationId(...) must be products such as 'my-app/1.2', separated by"
							+ " single spaces, of letters, digits and !#$%&'*+-.^_`|~ only, but was '"
							+ application.replaceAll("\\p{Cntrl}", "?") + "'");
		}
		return application;
	}

	private static boolean isToken(String text) {
		if (text.isEmpty()) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!(Character.isLetterOrDigit(c) && c < 0x80) && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
				return false;
			}
		}
		return true;
	}

	private static String version() {
		try (InputStream in = UserAgent.class.getResourceAsStream("/" + VERSION_RESOURCE)) {
			Properties properties = new Properties();
			if (in != null) {
				properties.load(in);
			}
			return properties.getProperty("version", "unknown");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
