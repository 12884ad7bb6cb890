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

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.ChatBotKitReactiveClient;
import io.github.cbkspring.client.ChatBotKitResources;
import io.github.cbkspring.client.ReactiveChatBotKitResources;
import io.github.cbkspring.client.TestClients;
import io.github.cbkspring.client.core.ApiEndpoint;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generated operations, found by walking the clients from {@link ChatBotKitResources}
 * and matched with the committed API model through each method's endpoint.
 *
 * @author cbkspring contributors
 */
final class GeneratedOperations {

	static final JsonNode MODEL = readModel();

	/** The generated interfaces a hand-written client implements, blocking or not. */
	private static final Pattern GENERATED_OPERATIONS = Pattern.compile("(Reactive)?Generated\\w+Operations");

	private GeneratedOperations() {
	}

	private static JsonNode readModel() {
		try {
			return JsonMapper.builder()
				.build()
				.readTree(Files.readString(Path.of("src", "main", "api", "chatbotkit-api.json")));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A method of a generated client, the accessors that reach its client from the entry
	 * point, and the model's operation it calls.
	 *
	 * @param accessors the accessors, from the entry point
	 * @param method the method
	 * @param operation the model's operation
	 */
	record Invocation(List<Method> accessors, Method method, JsonNode operation) {

		/**
		 * Whether the method is of a non-blocking client or interface.
		 * @return whether it is non-blocking
		 */
		boolean reactive() {
			Class<?> entryPoint = this.accessors.get(0).getDeclaringClass();
			return entryPoint == ReactiveChatBotKitResources.class || entryPoint == ChatBotKitReactiveClient.class;
		}

		/**
		 * The entry point of the method's client on a stub server.
		 * @param api the server
		 * @return the entry point
		 */
		Object entryPoint(WireMockExtension api) {
			return reactive() ? TestClients.reactiveClient(api) : TestClients.client(api);
		}

		Object target(Object entryPoint) throws ReflectiveOperationException {
			Object target = entryPoint;
			for (Method accessor : this.accessors) {
				target = accessor.invoke(target);
			}
			return target;
		}

		/**
		 * Whether the method reads every page of a list ({@code listAll}).
		 * @return whether it walks
		 */
		boolean walks() {
			return isSequence(this.method) && !this.operation.path("streams").asBoolean();
		}

		@Override
		public String toString() {
			StringBuilder name = new StringBuilder(reactive() ? "reactive: " : "");
			this.accessors.forEach((accessor) -> name.append(accessor.getName()).append("()."));
			return name.append(this.method.getName()).toString();
		}

	}

	/**
	 * The generated methods, reached from the entry point: those of the generated
	 * clients, and those of the interfaces that the hand-written clients implement (and
	 * the generated clients these reach).
	 * @return the invocations
	 */
	static List<Invocation> all() {
		return reachedFrom(ChatBotKitResources.class, ChatBotKitClient.class);
	}

	/**
	 * The methods of the generated non-blocking clients and of the non-blocking twins of
	 * the interfaces, reached from the non-blocking entry point as {@link #all()} reaches
	 * the blocking ones.
	 * @return the invocations
	 */
	static List<Invocation> reactive() {
		return reachedFrom(ReactiveChatBotKitResources.class, ChatBotKitReactiveClient.class);
	}

	private static List<Invocation> reachedFrom(Class<?> resources, Class<?> entryPoint) {
		List<Invocation> invocations = new ArrayList<>();
		for (Method accessor : sorted(resources)) {
			collect(List.of(accessor), accessor.getReturnType(), invocations);
		}
		for (Method accessor : handWrittenAccessors(entryPoint)) {
			collectHandWritten(List.of(accessor), accessor.getReturnType(), invocations);
		}
		return invocations;
	}

	/**
	 * Whether a method answers with a sequence: a {@code Stream} or a {@code Flux}.
	 */
	private static boolean isSequence(Method method) {
		return method.getReturnType() == Stream.class || method.getReturnType() == Flux.class;
	}

	/**
	 * The model's operations the generator writes: those no hand-written client declares.
	 * @return the operations
	 */
	static List<JsonNode> generated() {
		Set<String> handWritten = handWrittenEndpoints();
		List<JsonNode> operations = new ArrayList<>();
		for (JsonNode operation : MODEL.path("operations")) {
			if (!handWritten.contains(key(operation))) {
				operations.add(operation);
			}
		}
		return operations;
	}

	/**
	 * The endpoints the hand-written clients reached from the entry point declare, each
	 * as {@code METHOD /path}.
	 * @return the endpoints
	 */
	static Set<String> handWrittenEndpoints() {
		Set<String> endpoints = new TreeSet<>();
		Set<Class<?>> clients = new LinkedHashSet<>();
		handWrittenAccessors(ChatBotKitClient.class)
			.forEach((accessor) -> collectHandWrittenClients(accessor.getReturnType(), clients));
		for (Class<?> client : clients) {
			for (Field field : client.getDeclaredFields()) {
				if (field.getType() == ApiEndpoint.class && Modifier.isStatic(field.getModifiers())) {
					try {
						field.setAccessible(true);
						ApiEndpoint endpoint = (ApiEndpoint) field.get(null);
						endpoints.add(endpoint.method().name() + " " + endpoint.pathTemplate());
					}
					catch (IllegalAccessException ex) {
						throw new IllegalStateException(ex);
					}
				}
			}
		}
		return endpoints;
	}

	static String key(JsonNode operation) {
		return operation.path("method").asString() + " " + operation.path("path").asString();
	}

	private static void collectHandWrittenClients(Class<?> client, Set<Class<?>> clients) {
		if (clients.add(client)) {
			handWrittenAccessors(client)
				.forEach((accessor) -> collectHandWrittenClients(accessor.getReturnType(), clients));
		}
	}

	/**
	 * The accessors a class declares itself that return a hand-written client.
	 */
	private static List<Method> handWrittenAccessors(Class<?> type) {
		return sorted(type).stream()
			.filter((method) -> method.getParameterCount() == 0
					&& method.getReturnType().getSimpleName().endsWith("Client")
					&& isHandWritten(method.getReturnType()))
			.toList();
	}

	private static void collectHandWritten(List<Method> accessors, Class<?> client, List<Invocation> invocations) {
		for (Class<?> operations : client.getInterfaces()) {
			if (GENERATED_OPERATIONS.matcher(operations.getSimpleName()).matches()) {
				collect(accessors, operations, invocations);
			}
		}
		for (Method accessor : handWrittenAccessors(client)) {
			List<Method> path = new ArrayList<>(accessors);
			path.add(accessor);
			collectHandWritten(path, accessor.getReturnType(), invocations);
		}
	}

	/**
	 * Whether a client is hand-written: in an overlay's own package, where generated
	 * clients of the resources below it have packages of their own.
	 */
	private static boolean isHandWritten(Class<?> client) {
		String name = client.getPackageName();
		for (JsonNode overlay : MODEL.path("overlays")) {
			if (name.equals("io.github.cbkspring.client." + overlay.asString())) {
				return true;
			}
		}
		return false;
	}

	private static void collect(List<Method> accessors, Class<?> client, List<Invocation> invocations) {
		for (Method method : sorted(client)) {
			if (List.of("withOptions", "transport", "toString").contains(method.getName())) {
				continue;
			}
			List<Method> path = new ArrayList<>(accessors);
			path.add(method);
			if (method.getParameterCount() == 0 && method.getReturnType().getSimpleName().endsWith("Client")) {
				collect(path, method.getReturnType(), invocations);
			}
			else {
				invocations.add(new Invocation(accessors, method, operation(client, method)));
			}
		}
	}

	private static Class<?> endpoints(Class<?> operations) {
		try {
			return Class.forName(operations.getName().replace("Operations", "Endpoints"));
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Class<?> blockingTwin(Class<?> client) {
		String name = client.getSimpleName();
		if (!name.startsWith("Reactive")) {
			return client;
		}
		try {
			return Class.forName(client.getPackageName() + "." + name.substring("Reactive".length()));
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<Method> sorted(Class<?> type) {
		return Arrays.stream(type.getDeclaredMethods())
			.filter((method) -> Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers()))
			.sorted(Comparator.comparing(Method::getName).thenComparing(Method::getParameterCount))
			.toList();
	}

	/**
	 * The model's operation that a method calls: the one of the endpoint constant named
	 * after it ({@code listAll} reads {@code LIST}'s pages).
	 */
	private static JsonNode operation(Class<?> client, Method method) {
		String name = method.getName();
		if (isSequence(method) && name.endsWith("All")) {
			name = name.substring(0, name.length() - 3);
		}
		// an interface's endpoints are in the class beside its blocking twin, a
		// non-blocking client's in its blocking twin
		Class<?> holder = client.isInterface() ? endpoints(blockingTwin(client)) : blockingTwin(client);
		try {
			Field field = holder.getDeclaredField(name.replaceAll("([A-Z])", "_$1").toUpperCase(Locale.ROOT));
			field.setAccessible(true);
			ApiEndpoint endpoint = (ApiEndpoint) field.get(null);
			// a path of segments ({*path}) is the model's {path}
			String template = endpoint.pathTemplate().replace("{*", "{");
			for (JsonNode operation : MODEL.path("operations")) {
				if (operation.path("method").asString().equals(endpoint.method().name())
						&& operation.path("path").asString().equals(template)) {
					return operation;
				}
			}
			throw new IllegalStateException("No operation of the model is " + endpoint);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("No endpoint for " + client.getSimpleName() + "." + method.getName(), ex);
		}
	}

}
