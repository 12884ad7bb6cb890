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

package io.github.cbkspring.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.lang.model.SourceVersion;

/**
 * How the model's words become Java names: packages, types, accessors, fields and enum
 * constants.
 *
 * @author cbkspring contributors
 */
final class Names {

	/** The words whose Pascal case is not simply capitalized. */
	private static final Map<String, String> WORDS = Map.of("mcpserver", "McpServer", "skillserver", "SkillServer",
			"googlechat", "GoogleChat", "microsoftteams", "MicrosoftTeams", "whatsapp", "WhatsApp", "openai", "OpenAi",
			"graphql", "GraphQl");

	/** The resources whose accessor keeps the singular: they are not collections. */
	private static final Set<String> SINGULAR = Set.of("platform", "openai", "graphql", "magic", "event", "storage",
			"chat");

	/**
	 * Names a record component or a method cannot take: they are Object's or the
	 * builder's.
	 */
	private static final Set<String> RESERVED = Set.of("builder", "toString", "hashCode", "equals", "getClass",
			"notify", "notifyAll", "wait", "clone", "finalize", "transport", "withOptions");

	private Names() {
	}

	static String pascal(String words) {
		String known = WORDS.get(words);
		if (known != null) {
			return known;
		}
		StringBuilder name = new StringBuilder();
		boolean upper = true;
		for (int i = 0; i < words.length(); i++) {
			char c = words.charAt(i);
			if (!Character.isLetterOrDigit(c)) {
				upper = true;
			}
			else {
				name.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return name.toString();
	}

	static String camel(String words) {
		String pascal = pascal(words);
		return pascal.isEmpty() ? pascal : Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
	}

	static String plural(String word) {
		if (word.endsWith("y")) {
			return word.substring(0, word.length() - 1) + "ies";
		}
		return word.endsWith("s") ? word : word + "s";
	}

	static String singular(String word) {
		if (word.endsWith("ies")) {
			return word.substring(0, word.length() - 3) + "y";
		}
		if (word.endsWith("ses") || word.endsWith("xes")) {
			return word.substring(0, word.length() - 2);
		}
		return (word.endsWith("s") && !word.endsWith("ss") && word.length() > 3) ? word.substring(0, word.length() - 1)
				: word;
	}

	/**
	 * The accessor of a resource on its parent: plural for collections, the integration's
	 * own name below {@code integration}.
	 * @param chain the resource's path words
	 * @return the accessor's name
	 */
	static String accessor(List<String> chain) {
		String last = chain.get(chain.size() - 1);
		boolean keep = SINGULAR.contains(last) || (chain.size() == 2 && chain.get(0).equals("integration"));
		return camel(keep ? last : plural(last));
	}

	/**
	 * The prefix of a resource's type names: {@code SkillsetAbility},
	 * {@code SlackIntegration}.
	 * @param chain the resource's path words
	 * @return the prefix
	 */
	static String prefix(List<String> chain) {
		List<String> words = new ArrayList<>(chain);
		if (words.size() >= 2 && words.get(0).equals("integration")) {
			words.set(0, words.get(1));
			words.set(1, "integration");
		}
		StringBuilder prefix = new StringBuilder();
		words.forEach((word) -> prefix.append(pascal(word)));
		return prefix.toString();
	}

	/**
	 * A Java identifier for a JSON name, which stays the wire name.
	 * @param json the JSON name
	 * @return a legal name that is not reserved
	 */
	static String member(String json) {
		String name = camel(json);
		if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
			name = "value" + pascal(json);
		}
		if (SourceVersion.isKeyword(name) || RESERVED.contains(name)) {
			name = name + "Value";
		}
		return name;
	}

	/**
	 * The constant for an enum value: {@code in_progress} and {@code inProgress} become
	 * {@code IN_PROGRESS}.
	 * @param value the wire value
	 * @return the constant's name
	 */
	static String constant(String value) {
		StringBuilder name = new StringBuilder();
		char previous = ' ';
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				if (Character.isUpperCase(c) && Character.isLowerCase(previous)) {
					name.append('_');
				}
				name.append(Character.toUpperCase(c));
			}
			else if (name.length() > 0 && name.charAt(name.length() - 1) != '_') {
				name.append('_');
			}
			previous = c;
		}
		String constant = name.toString().replaceAll("_+$", "");
		if (constant.isEmpty() || !Character.isJavaIdentifierStart(constant.charAt(0))) {
			constant = "V_" + constant;
		}
		return constant.toUpperCase(Locale.ROOT);
	}

}
