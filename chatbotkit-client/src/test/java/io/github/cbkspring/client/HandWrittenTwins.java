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

package io.github.cbkspring.client;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.github.cbkspring.client.core.Download;
import io.github.cbkspring.client.core.ReactiveDownload;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.ClassUtils;

/**
 * The hand-written blocking clients reached from {@link ChatBotKitClient}, their
 * operations, and what the non-blocking twin of each must look like: the same name and
 * parameters, a {@code Mono} of what the blocking method returns ({@code Mono<Void>} for
 * nothing, {@code Mono<ReactiveDownload>} for a {@code Download}), a {@code Flux} for a
 * {@code Stream}, and the twin of a client a method hands out.
 *
 * @author cbkspring contributors
 */
public final class HandWrittenTwins {

	/**
	 * Methods every client has that are no operation of the API.
	 */
	private static final Set<String> NOT_OPERATIONS = Set.of("withOptions", "transport", "toString");

	private HandWrittenTwins() {
	}

	/**
	 * The hand-written clients, each with its twin, from the entry points down.
	 * @return the blocking clients and their twins, the entry points first
	 */
	static Map<Class<?>, Class<?>> clients() {
		Map<Class<?>, Class<?>> clients = new LinkedHashMap<>();
		clients.put(ChatBotKitClient.class, ChatBotKitReactiveClient.class);
		collect(ChatBotKitClient.class, clients);
		return clients;
	}

	private static void collect(Class<?> client, Map<Class<?>, Class<?>> clients) {
		for (Method method : sorted(client)) {
			Class<?> type = method.getReturnType();
			if (isHandWrittenClient(type) && isPublicInstance(method) && !clients.containsKey(type)) {
				clients.put(type, twin(type));
				collect(type, clients);
			}
		}
	}

	/**
	 * The operations of a blocking client: its public methods but those every client has
	 * and those of the interface of its generated operations, whose twins are generated.
	 * An entry point's operations are its accessors of hand-written clients.
	 * @param client the blocking client
	 * @return the operations
	 */
	static List<Method> operations(Class<?> client) {
		List<Method> operations = new ArrayList<>();
		for (Method method : sorted(client)) {
			if (!isPublicInstance(method) || NOT_OPERATIONS.contains(method.getName()) || isGenerated(client, method)
					|| (client == ChatBotKitClient.class && !isHandWrittenClient(method.getReturnType()))) {
				continue;
			}
			operations.add(method);
		}
		return operations;
	}

	/**
	 * What is wrong with the twin of each operation of a blocking client.
	 * @param blocking the blocking client
	 * @param reactive its twin
	 * @return one line for each operation without a twin of the expected shape
	 */
	static List<String> mismatches(Class<?> blocking, Class<?> reactive) {
		List<String> mismatches = new ArrayList<>();
		for (Method method : operations(blocking)) {
			String expected = twinReturnType(method.getGenericReturnType());
			Method twin = twinOf(method, reactive);
			if (twin == null) {
				mismatches.add(reactive.getSimpleName() + " has no " + signature(method));
			}
			else if (!twin.getGenericReturnType().getTypeName().equals(expected)) {
				mismatches.add(reactive.getSimpleName() + "." + signature(method) + " returns "
						+ twin.getGenericReturnType().getTypeName() + ", not " + expected);
			}
		}
		return mismatches;
	}

	/**
	 * The twin of a blocking method: the public method of the same name and parameter
	 * types.
	 * @param method the blocking method
	 * @param reactive the twin client
	 * @return the twin, or {@code null} if there is none
	 */
	static @Nullable Method twinOf(Method method, Class<?> reactive) {
		try {
			Method twin = reactive.getMethod(method.getName(), method.getParameterTypes());
			return isPublicInstance(twin) ? twin : null;
		}
		catch (NoSuchMethodException ex) {
			return null;
		}
	}

	static String signature(Method method) {
		return method.getName() + Arrays.stream(method.getParameterTypes())
			.map(Class::getSimpleName)
			.toList()
			.toString()
			.replace('[', '(')
			.replace(']', ')');
	}

	/**
	 * The answer of a blocking method's non-blocking twin, as its generic type's name.
	 * @param type the blocking method's generic return type
	 * @return the twin's
	 */
	public static String twinReturnType(Type type) {
		if (type == void.class) {
			return Mono.class.getName() + "<" + Void.class.getName() + ">";
		}
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Stream.class) {
			return Flux.class.getName() + "<" + parameterized.getActualTypeArguments()[0].getTypeName() + ">";
		}
		if (type instanceof Class<?> raw && isHandWrittenClient(raw)) {
			return twin(raw).getName();
		}
		if (type == Download.class) {
			return Mono.class.getName() + "<" + ReactiveDownload.class.getName() + ">";
		}
		Type boxed = (type instanceof Class<?> raw) ? ClassUtils.resolvePrimitiveIfNecessary(raw) : type;
		return Mono.class.getName() + "<" + boxed.getTypeName() + ">";
	}

	private static boolean isGenerated(Class<?> client, Method method) {
		for (Class<?> type : client.getInterfaces()) {
			if (type.getSimpleName().startsWith("Generated")) {
				try {
					type.getMethod(method.getName(), method.getParameterTypes());
					return true;
				}
				catch (NoSuchMethodException ex) {
					// not one of the generated operations
				}
			}
		}
		return false;
	}

	/**
	 * Whether a type is a hand-written blocking client with a twin here.
	 */
	private static boolean isHandWrittenClient(Class<?> type) {
		return type.getSimpleName().endsWith("Client") && !type.getSimpleName().startsWith("Reactive")
				&& type.getPackageName().startsWith("io.github.cbkspring.client") && type != ChatBotKitClient.class;
	}

	private static Class<?> twin(Class<?> client) {
		try {
			return Class.forName(client.getPackageName() + ".Reactive" + client.getSimpleName());
		}
		catch (ClassNotFoundException ex) {
			throw new AssertionError(client.getSimpleName() + " has no non-blocking twin", ex);
		}
	}

	private static boolean isPublicInstance(Method method) {
		return Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
				&& !method.isSynthetic() && !method.isBridge();
	}

	private static List<Method> sorted(Class<?> client) {
		return Arrays.stream(client.getDeclaredMethods())
			.sorted(Comparator.comparing(Method::toGenericString))
			.toList();
	}

}
