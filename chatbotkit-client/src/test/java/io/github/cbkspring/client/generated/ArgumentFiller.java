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

package io.github.cbkspring.client.generated;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.github.cbkspring.client.core.FileUpload;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.SortOrder;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

/**
 * The arguments of a generated method with every field set: request and parameter records
 * built with their builders, every component given a value of its type.
 *
 * @author cbkspring contributors
 */
final class ArgumentFiller {

	static final Instant INSTANT = Instant.ofEpochMilli(1767225600000L);

	/** The bytes of a file an upload sends: not text in any one encoding. */
	static final byte[] FILE_CONTENT = { 'n', 'o', 't', 'e', 0, (byte) 0xff, (byte) 0xc3, '\n' };

	private ArgumentFiller() {
	}

	/**
	 * The value of a path variable: a slash, a space, a non-ASCII letter and the URL's
	 * own delimiters, which the exchange must encode.
	 * @param variable the variable's name
	 * @return its value
	 */
	static String pathValue(String variable) {
		return variable + "/1 ä?#%";
	}

	static ListQuery listQuery(JsonNode operation) {
		ListQuery query = ListQuery.defaults().withCursor("c 1").withTake(2);
		// what the operation takes, all of it: a list without an order gets none
		for (JsonNode parameter : operation.path("query")) {
			if (parameter.path("name").asString().equals("meta")) {
				query = query.withMeta("team", "a&b");
			}
			if (parameter.path("name").asString().equals("order")) {
				query = query.withOrder(SortOrder.ASC);
			}
		}
		return query;
	}

	static Object[] arguments(Method method, JsonNode operation) throws ReflectiveOperationException {
		List<Object> arguments = new ArrayList<>();
		int variable = 0;
		for (Type type : method.getGenericParameterTypes()) {
			if (type == String.class) {
				arguments.add(pathValue(pathVariables(operation).get(variable++)));
			}
			else if (type == ListQuery.class) {
				arguments.add(listQuery(operation));
			}
			else {
				arguments.add(value(type));
			}
		}
		return arguments.toArray();
	}

	static List<String> pathVariables(JsonNode operation) {
		List<String> variables = new ArrayList<>();
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{([^}]+)}")
			.matcher(operation.path("path").asString());
		while (matcher.find()) {
			variables.add(matcher.group(1));
		}
		return variables;
	}

	static Object value(Type type) throws ReflectiveOperationException {
		if (type instanceof ParameterizedType parameterized) {
			Type[] arguments = parameterized.getActualTypeArguments();
			if (parameterized.getRawType() == List.class) {
				return List.of(value(arguments[0]));
			}
			return Map.of("key", value(arguments[1]));
		}
		Class<?> raw = (Class<?>) type;
		if (raw == String.class) {
			return "text";
		}
		if (raw == Long.class) {
			return 7L;
		}
		if (raw == Double.class) {
			return 1.5;
		}
		if (raw == Boolean.class) {
			return true;
		}
		if (raw == Instant.class) {
			return INSTANT;
		}
		if (raw == FileUpload.class) {
			return FileUpload.of(FILE_CONTENT, "notes 1.txt", MediaType.TEXT_PLAIN);
		}
		if (raw.isEnum()) {
			return Arrays.stream(raw.getEnumConstants())
				.filter((constant) -> !((Enum<?>) constant).name().equals("UNKNOWN"))
				.findFirst()
				.orElseThrow();
		}
		if (raw.isRecord()) {
			return build(raw);
		}
		return "any";
	}

	/**
	 * A record built with its builder, every component set.
	 */
	private static Object build(Class<?> record) throws ReflectiveOperationException {
		Object builder = record.getMethod("builder").invoke(null);
		for (RecordComponent component : record.getRecordComponents()) {
			builder.getClass()
				.getMethod(component.getName(), component.getType())
				.invoke(builder, value(component.getGenericType()));
		}
		return builder.getClass().getMethod("build").invoke(builder);
	}

}
