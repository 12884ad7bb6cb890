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

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which hosts count as this machine, for the rules that let plain http through to
 * loopback only.
 *
 * @author cbkspring contributors
 */
public final class Hosts {

	private Hosts() {
	}

	/**
	 * Whether a URL's host is loopback: {@code localhost} or a loopback address literal.
	 * Names are never resolved.
	 * @param host the host, an IPv6 literal in brackets or not
	 * @return whether it is loopback
	 */
	public static boolean isLoopback(String host) {
		if ("localhost".equalsIgnoreCase(host)) {
			return true;
		}
		String literal = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		if (!Character.isDigit(literal.charAt(0)) && literal.indexOf(':') < 0) {
			return false; // never resolve names here: only literals and localhost count
		}
		try {
			return InetAddress.getByName(literal).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
