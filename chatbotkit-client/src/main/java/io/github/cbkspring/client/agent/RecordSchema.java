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

package io.github.cbkspring.client.agent;

import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The JSON Schema of a record's components, for the arguments of a tool.
 *
 * @author cbkspring contributors
 */
final class RecordSchema {

	private static final Set<Class<?>> INTEGERS = Set.of(int.class, long.class, short.class, byte.class, Integer.class,
			Long.class, Short.class, Byte.class, BigInteger.class);

	private static final Set<Class<?>> NUMBERS = Set.of(double.class, float.class, Double.class, Float.class,
			BigDecimal.class, Number.class);

	private RecordSchema() {
	}

	static Map<String, Object> of(Class<?> type) {
		Assert.isTrue(type.isRecord(), () -> type.getName() + " is not a record");
		return object(type, new ArrayList<>());
	}

	private static Map<String, Object> object(Class<?> type, List<Class<?>> enclosing) {
		Assert.isTrue(!enclosing.contains(type), () -> "Record " + type.getName() + " contains itself");
		enclosing.add(type);
		Map<String, Object> properties = new LinkedHashMap<>();
		List<String> required = new ArrayList<>();
		for (RecordComponent component : type.getRecordComponents()) {
			properties.put(component.getName(), schema(component.getGenericType(), enclosing));
			if (!optional(component.getAnnotatedType())) {
				required.add(component.getName());
			}
		}
		enclosing.remove(type);
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("type", "object");
		schema.put("properties", properties);
		if (!required.isEmpty()) {
			schema.put("required", required);
		}
		return schema;
	}

	private static boolean optional(AnnotatedType type) {
		return type.getType() == Optional.class
				|| (type.getType() instanceof ParameterizedType parameterized
						&& parameterized.getRawType() == Optional.class)
				|| Arrays.stream(type.getAnnotations())
					.anyMatch((annotation) -> annotation.annotationType() == Nullable.class);
	}

	private static Map<String, Object> schema(Type type, List<Class<?>> enclosing) {
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
			Type[] arguments = parameterized.getActualTypeArguments();
			if (Collection.class.isAssignableFrom(raw)) {
				return Map.of("type", "array", "items", schema(arguments[0], enclosing));
			}
			if (raw == Optional.class) {
				return schema(arguments[0], enclosing);
			}
			if (Map.class.isAssignableFrom(raw)) {
				return Map.of("type", "object");
			}
		}
		Assert.isTrue(type instanceof Class<?>, () -> "Cannot describe " + type + " in a JSON Schema");
		Class<?> raw = (Class<?>) type;
		if (raw == String.class || raw == char.class || raw == Character.class) {
			return Map.of("type", "string");
		}
		if (raw == boolean.class || raw == Boolean.class) {
			return Map.of("type", "boolean");
		}
		if (INTEGERS.contains(raw)) {
			return Map.of("type", "integer");
		}
		if (NUMBERS.contains(raw)) {
			return Map.of("type", "number");
		}
		if (raw.isEnum()) {
			return Map.of("type", "string", "enum",
					Arrays.stream(raw.getEnumConstants()).map((constant) -> ((Enum<?>) constant).name()).toList());
		}
		if (raw.isArray()) {
			return Map.of("type", "array", "items", schema(raw.getComponentType(), enclosing));
		}
		if (raw.isRecord()) {
			return object(raw, enclosing);
		}
		if (Map.class.isAssignableFrom(raw)) {
			return Map.of("type", "object");
		}
		throw new IllegalArgumentException("Cannot describe " + raw.getName() + " in a JSON Schema");
	}

}
