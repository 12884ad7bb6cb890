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

package io.github.cbkspring.client.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.util.Assert;
import org.springframework.web.util.UriUtils;

/**
 * An endpoint path such as {@code /bot/{botId}/session/create}, parsed once. Expanding it
 * encodes every variable as exactly one path segment, so no id can reach another
 * endpoint: {@code /}, {@code ?}, {@code #}, {@code %} and every non-ASCII or control
 * character are percent-encoded, and ids that are dot-segments ({@code .}, {@code ..}),
 * empty, blank, longer than {@value #MAX_VARIABLE_LENGTH} characters or holding control
 * characters (which servers refuse even encoded) are refused: servers and proxies
 * collapse dot-segments even when encoded.
 * <p>
 * The one exception is a last variable written {@code {*name}}, as in Spring's path
 * patterns: its value is a path of segments, such as a file's path in a space's storage,
 * sent as ChatBotKit's Node SDK sends it: split at {@code /}, each segment encoded and
 * checked as a variable is, joined with {@code /}.
 *
 * @author cbkspring contributors
 */
final class PathTemplate {

	/**
	 * The longest path variable accepted: ids are short, and a long one would make a URL
	 * that servers and proxies refuse.
	 */
	static final int MAX_VARIABLE_LENGTH = 1024;

	private final String template;

	private final List<String> literals;

	private final List<String> names;

	/** Whether the last variable is a path of segments ({@code {*name}}). */
	private final boolean segmentsLast;

	private PathTemplate(String template, List<String> literals, List<String> names, boolean segmentsLast) {
		this.template = template;
		this.literals = literals;
		this.names = names;
		this.segmentsLast = segmentsLast;
	}

	static PathTemplate parse(String template) {
		Assert.hasText(template, "Path must not be empty");
		Assert.isTrue(template.startsWith("/"), () -> "Path '" + template + "' must start with '/'");
		Assert.isTrue(template.indexOf('?') < 0 && template.indexOf('#') < 0,
				() -> "Path '" + template + "' must not contain a query or fragment");
		List<String> literals = new ArrayList<>();
		List<String> names = new ArrayList<>();
		int start = 0;
		int open = template.indexOf('{');
		while (open >= 0) {
			int close = template.indexOf('}', open);
			Assert.isTrue(close > open + 1, () -> "Path '" + template + "' has an unclosed or empty variable");
			literals.add(template.substring(start, open));
			names.add(template.substring(open + 1, close));
			start = close + 1;
			open = template.indexOf('{', start);
		}
		literals.add(template.substring(start));
		boolean segmentsLast = !names.isEmpty() && names.get(names.size() - 1).startsWith("*");
		if (segmentsLast) {
			Assert.isTrue(
					literals.get(literals.size() - 1).isEmpty() && literals.get(literals.size() - 2).endsWith("/"),
					() -> "Path '" + template + "' may have a path of segments ({*name}) only as its last segment");
			names.set(names.size() - 1, names.get(names.size() - 1).substring(1));
		}
		for (String name : names) {
			Assert.isTrue(!name.isEmpty() && name.indexOf('*') < 0,
					() -> "Path '" + template + "' may have a path of segments ({*name}) only as its last segment");
		}
		for (String literal : literals) {
			Assert.isTrue(literal.indexOf('}') < 0, () -> "Path '" + template + "' has an unopened variable");
			for (String segment : literal.split("/", -1)) {
				Assert.isTrue(!segment.equals(".") && !segment.equals(".."),
						() -> "Path '" + template + "' must not contain dot-segments");
			}
		}
		return new PathTemplate(template, List.copyOf(literals), List.copyOf(names), segmentsLast);
	}

	String template() {
		return this.template;
	}

	String expand(Object... variables) {
		Assert.notNull(variables, "Path variables must not be null");
		Assert.isTrue(variables.length == this.names.size(), () -> "Path '" + this.template + "' takes "
				+ this.names.size() + " variable(s) but " + variables.length + " were given");
		if (variables.length == 0) {
			return this.template;
		}
		StringBuilder path = new StringBuilder(this.template.length() + 32);
		for (int i = 0; i < variables.length; i++) {
			path.append(this.literals.get(i));
			String name = this.names.get(i);
			String value = checkedValue(name, variables[i]);
			if (this.segmentsLast && i == variables.length - 1) {
				appendSegments(path, name, value);
			}
			else {
				path.append(encodeSegment(name, value));
			}
		}
		return path.append(this.literals.get(variables.length)).toString();
	}

	private static void appendSegments(StringBuilder path, String name, String value) {
		String[] segments = value.split("/", -1);
		for (int i = 0; i < segments.length; i++) {
			if (i > 0) {
				path.append('/');
			}
			// an empty segment (a leading, doubled or trailing '/') is refused as an
			// empty id
			path.append(encodeSegment(name, segments[i]));
		}
	}

	/**
	 * The text of a variable's value, checked for what the whole value must be.
	 */
	private static String checkedValue(String name, Object variable) {
		Assert.notNull(variable, () -> "'" + name + "' must not be null");
		String value = variable.toString();
		Assert.isTrue(value.length() <= MAX_VARIABLE_LENGTH,
				() -> "'" + name + "' must not be longer than " + MAX_VARIABLE_LENGTH + " characters");
		return value;
	}

	/**
	 * One segment, checked and encoded.
	 */
	private static String encodeSegment(String name, String value) {
		Assert.isTrue(!value.isBlank(), () -> "'" + name + "' must not be empty or blank");
		Assert.isTrue(!value.equals(".") && !value.equals(".."),
				() -> "'" + name + "' must not be '.' or '..' (a dot-segment)");
		boolean unreserved = true;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c)) {
				throw new IllegalArgumentException("'" + name + "' must not contain control characters");
			}
			unreserved &= isUnreserved(c);
		}
		// most ids need no encoding: they are sent as they are, without the encoder's
		// copies
		return unreserved ? value : UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
	}

	/**
	 * Whether a character is one of RFC 3986's unreserved characters, which every encoder
	 * leaves as it is.
	 */
	private static boolean isUnreserved(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~';
	}

	@Override
	public String toString() {
		return this.template;
	}

}
