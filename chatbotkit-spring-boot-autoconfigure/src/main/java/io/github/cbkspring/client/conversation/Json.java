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

package io.github.cbkspring.client.conversation;

import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON text given by or handed to the caller: function schemas and arguments. Plain maps,
 * lists and values only, so the core's wire mapping (which this package cannot reach) is
 * not needed.
 *
 * @author cbkspring contributors
 */
final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private Json() {
	}

	/**
	 * Read a JSON object.
	 * @throws IllegalArgumentException if the text is not one JSON object
	 */
	static Map<String, Object> readObject(String json, String what) {
		try {
			Map<String, Object> object = MAPPER.readValue(json, OBJECT);
			if (object == null) {
				throw new IllegalArgumentException(what + " must be a JSON object, but was null");
			}
			return object;
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(what + " must be a JSON object: " + ex.getOriginalMessage(), ex);
		}
	}

	static String write(Object value) {
		try {
			return MAPPER.writeValueAsString(value);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Cannot write " + value.getClass().getName() + " as JSON", ex);
		}
	}

}
