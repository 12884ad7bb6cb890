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

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URLDecoder;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cbkspring.client.ChatBotKitReactiveClient;
import io.github.cbkspring.client.HandWrittenTwins;
import io.github.cbkspring.client.TestClients;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.Download;
import io.github.cbkspring.client.core.FileUpload;
import io.github.cbkspring.client.error.ChatBotKitStreamException;
import io.github.cbkspring.client.core.Page;
import io.github.cbkspring.client.core.ReactiveDownload;
import io.github.cbkspring.client.generated.GeneratedOperations.Invocation;
import io.github.cbkspring.client.internal.JsonCodec;
import io.github.cbkspring.client.secret.Secret;
import io.github.cbkspring.client.secret.SecretKind;
import io.github.cbkspring.client.secret.SecretType;
import io.github.cbkspring.testsupport.ApiStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.util.UriUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The conformance of every generated operation with the API model, on WireMock over real
 * sockets: each method is called with every field set and its request compared with the
 * model (method, path with its ids encoded, query, JSON body); it is answered with every
 * field the model lists, and what it returns must have dropped none of them.
 *
 * @author cbkspring contributors
 */
class GeneratedClientsConformanceTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final byte[] CONTENT = "content".getBytes(StandardCharsets.UTF_8);

	private static final Set<String> CALLED = new HashSet<>();

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	private static final Duration HANG_GUARD = Duration.ofMinutes(1);

	/**
	 * The methods of the blocking clients, then those of the non-blocking ones: each case
	 * runs through both.
	 */
	static List<Invocation> invocations() {
		List<Invocation> invocations = new ArrayList<>(GeneratedOperations.all());
		invocations.addAll(GeneratedOperations.reactive());
		return invocations;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invocations")
	void callIsTheModelsOnTheWireAndItsAnswerIsReadWhole(Invocation invocation) throws Exception {
		JsonNode operation = invocation.operation();
		JsonNode answer = answer(operation);
		stub(operation, answer);
		Object result = call(invocation, invocation.entryPoint(api));
		List<LoggedRequest> requests = api
			.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
		assertThat(requests).hasSize(1);
		assertRequest(invocation, requests.get(0));
		assertAnswer(invocation, answer, result);
		CALLED.add(operation.path("id").asString());
	}

	/**
	 * The fields the API declares beside the alternatives of a union (a conversation's
	 * {@code messages} beside its bot given by id or inline) are sent and read by every
	 * generated operation that has them, as the Node SDK's types have them.
	 */
	@Test
	void everyFieldDeclaredBesideTheAlternativesOfAUnionIsSentAndRead() throws Exception {
		Set<String> operations = new TreeSet<>();
		for (Invocation invocation : GeneratedOperations.all()) {
			JsonNode operation = invocation.operation();
			Set<String> sent = besides(operation.path("request"));
			Set<String> read = besides(operation.path("answer"));
			if (sent.isEmpty() && read.isEmpty()) {
				continue;
			}
			operations.add(operation.path("id").asString());
			JsonNode answer = answer(operation);
			stub(operation, answer);
			Object result = call(invocation, invocation.entryPoint(api));
			LoggedRequest request = api
				.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()))
				.get(0);
			if (!sent.isEmpty()) {
				assertThat(JSON.readTree(request.getBodyAsString()).propertyNames()).as(invocation + " sends")
					.containsAll(sent);
			}
			if (!read.isEmpty()) {
				Object item = (result instanceof Page<?> page) ? page.items().get(0)
						: (result instanceof List<?> items) ? items.get(0) : result;
				Set<String> components = new TreeSet<>();
				for (RecordComponent component : item.getClass().getRecordComponents()) {
					components.add(component.getName());
				}
				assertThat(components).as(invocation + " reads").containsAll(read);
				assertAnswer(invocation, answer, result);
			}
			api.resetRequests();
		}
		System.out.println("Generated operations with fields beside a union: " + operations);
		assertThat(operations).isNotEmpty();
	}

	/**
	 * The names of the fields declared beside the alternatives of a body that is a union,
	 * or of a page whose items are.
	 */
	private static Set<String> besides(JsonNode type) {
		JsonNode union = type;
		for (JsonNode field : type.path("fields")) {
			if (field.path("name").asString().equals("items")) {
				union = field.path("type").path("items");
			}
		}
		Set<String> names = new TreeSet<>();
		if (union.path("kind").asString().equals("union")) {
			union.path("fields").forEach((field) -> names.add(field.path("name").asString()));
		}
		return names;
	}

	/**
	 * Every operation that takes a file's bytes in a {@code multipart/form-data} body has
	 * a method that sends them, besides the one that sends JSON.
	 */
	@Test
	void everyOperationThatTakesAFilesBytesHasAMethodThatSendsThem() {
		Set<String> takeBytes = new TreeSet<>();
		GeneratedOperations.generated()
			.stream()
			.filter((operation) -> operation.has("filePart"))
			.forEach((operation) -> takeBytes.add(operation.path("id").asString()));
		Set<String> sendBytes = new TreeSet<>();
		GeneratedOperations.all()
			.stream()
			.filter((invocation) -> Arrays.asList(invocation.method().getParameterTypes()).contains(FileUpload.class))
			.forEach((invocation) -> sendBytes.add(invocation.operation().path("id").asString()));
		assertThat(takeBytes).contains("uploadSpaceStoragePath", "uploadConversationAttachment");
		assertThat(sendBytes).isEqualTo(takeBytes);
	}

	@Test
	void everyGeneratedOperationHasAMethod() {
		Set<String> generated = new LinkedHashSet<>();
		GeneratedOperations.generated().forEach((operation) -> generated.add(operation.path("id").asString()));
		Set<String> reached = new LinkedHashSet<>();
		GeneratedOperations.all().forEach((invocation) -> reached.add(invocation.operation().path("id").asString()));
		assertThat(reached).containsExactlyInAnyOrderElementsOf(generated);
	}

	/**
	 * Every generated blocking method (of the entry point's clients, of the interfaces of
	 * the hand-written clients and the clients below them, downloads and uploads of bytes
	 * included) has a non-blocking twin with the same name and parameters, reached the
	 * same way, whose answer is the blocking one's as a {@code Mono} or a {@code Flux};
	 * and no non-blocking method lacks a blocking one.
	 */
	@Test
	void everyGeneratedOperationHasANonBlockingTwinWithTheSameSignature() {
		List<Invocation> all = GeneratedOperations.all();
		Set<String> blocking = new TreeSet<>();
		all.forEach((invocation) -> blocking
			.add(signature(invocation, HandWrittenTwins.twinReturnType(invocation.method().getGenericReturnType()))));
		Set<String> reactive = new TreeSet<>();
		GeneratedOperations.reactive()
			.forEach((invocation) -> reactive
				.add(signature(invocation, invocation.method().getGenericReturnType().getTypeName())));
		assertThat(blocking).hasSameSizeAs(all)
			.anyMatch((signature) -> signature.contains("Mono<io.github.cbkspring.client.core.ReactiveDownload>"))
			.anyMatch((signature) -> signature.contains("io.github.cbkspring.client.core.FileUpload]"))
			.anyMatch((signature) -> signature.startsWith("GeneratedBotOperations.memories()."));
		assertThat(reactive).containsExactlyElementsOf(blocking);
		Set<String> operations = new TreeSet<>();
		GeneratedOperations.reactive()
			.forEach((invocation) -> operations.add(GeneratedOperations.key(invocation.operation())));
		System.out.println("Generated operations with a non-blocking twin: " + operations.size() + " ("
				+ reactive.size() + " methods)");
	}

	/**
	 * A method by the path that reaches it, its name, parameter types and answer. The
	 * path starts at the entry point, or at the interface of a hand-written client's
	 * generated operations, named as the blocking one, for a method reached through one.
	 */
	private static String signature(Invocation invocation, String answer) {
		List<Method> path = new ArrayList<>(invocation.accessors());
		path.add(invocation.method());
		StringBuilder signature = new StringBuilder();
		int from = 0;
		for (int i = 0; i < path.size(); i++) {
			String declaring = path.get(i).getDeclaringClass().getSimpleName();
			if (declaring.matches("(Reactive)?Generated\\w+Operations")) {
				signature.append(declaring.replaceFirst("^Reactive", "")).append('.');
				from = i;
				break;
			}
		}
		path.subList(from, path.size() - 1).forEach((accessor) -> signature.append(accessor.getName()).append("()."));
		return signature.append(invocation.method().getName())
			.append(Arrays.toString(invocation.method().getGenericParameterTypes()))
			.append(" -> ")
			.append(answer)
			.toString();
	}

	@Test
	void everyOperationOfTheModelIsTypedOnceByAHandWrittenOrAGeneratedMethod() {
		Set<String> model = new TreeSet<>();
		GeneratedOperations.MODEL.path("operations")
			.forEach((operation) -> model.add(GeneratedOperations.key(operation)));
		Set<String> handWritten = GeneratedOperations.handWrittenEndpoints();
		Set<String> generated = new TreeSet<>();
		invocations().forEach((invocation) -> generated.add(GeneratedOperations.key(invocation.operation())));
		assertThat(generated).as("generated methods of hand-written operations")
			.doesNotContainAnyElementsOf(handWritten);
		Set<String> typed = new TreeSet<>(handWritten);
		typed.addAll(generated);
		typed.retainAll(model);
		System.out.println("typed " + typed.size() + "/" + model.size() + " (" + handWritten.size() + " hand-written, "
				+ generated.size() + " generated)");
		assertThat(typed).containsExactlyInAnyOrderElementsOf(model);
		assertThat(handWritten).as("hand-written endpoints the model does not have").isSubsetOf(model);
	}

	@Test
	void everyClientNamesItsTransportAndCopiesWithOtherOptions() throws Exception {
		Map<List<Object>, Invocation> clients = new LinkedHashMap<>();
		invocations().forEach((invocation) -> clients
			.putIfAbsent(Arrays.asList(invocation.reactive(), invocation.accessors()), invocation));
		assertThat(clients.values()).anyMatch((invocation) -> invocation.reactive()
				&& invocation.accessors().get(0).getDeclaringClass() == ChatBotKitReactiveClient.class);
		for (Invocation invocation : clients.values()) {
			Object client = invocation.entryPoint(api);
			Object target = invocation.target(client);
			Class<?> type = target.getClass();
			assertThat(type.getMethod("transport").invoke(target)).isSameAs(client);
			assertThat(target.toString()).isEqualTo(type.getSimpleName() + "[" + client + "]");
			Object copy = type.getMethod("withOptions", java.util.function.Consumer.class)
				.invoke(target,
						(java.util.function.Consumer<io.github.cbkspring.client.core.ChatBotKitOptions.Builder>) (
								options) -> options.secret("sk-other"));
			Object transport = type.getMethod("transport").invoke(copy);
			ChatBotKitOptions options = (ChatBotKitOptions) transport.getClass().getMethod("options").invoke(transport);
			assertThat(options.secret()).isEqualTo("sk-other");
		}
	}

	@Test
	void everyEnumValueOfTheModelMapsBothWaysAndAnUnknownOneReadsAsUnknown() throws Exception {
		JsonMapper mapper = JsonMapper.builder()
			.enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
			.build();
		Set<Class<?>> enums = new LinkedHashSet<>();
		for (Invocation invocation : invocations()) {
			for (Type type : invocation.method().getGenericParameterTypes()) {
				collectEnums(type, enums, new HashSet<>());
			}
			collectEnums(invocation.method().getGenericReturnType(), enums, new HashSet<>());
		}
		enums.removeIf((type) -> type.getPackageName().endsWith(".core"));
		assertThat(enums).isNotEmpty();
		for (Class<?> type : enums) {
			for (Object constant : type.getEnumConstants()) {
				String json = JsonCodec.INSTANCE.writeString(constant);
				assertThat(json).isEqualTo("\"" + constant + "\"");
				if (!((Enum<?>) constant).name().equals("UNKNOWN")) {
					assertThat(mapper.readValue(json, type)).isSameAs(constant);
				}
			}
			assertThat(((Enum<?>) mapper.readValue("\"no such value\"", type)).name()).isEqualTo("UNKNOWN");
		}
	}

	@Test
	void everyAlternativeOfAUnionTheModelTellsApartIsReadAsItsOwnRecordAndAnotherAsUnknown() throws Exception {
		int unions = 0;
		for (Invocation invocation : invocations()) {
			Object client = invocation.entryPoint(api);
			Type returned = invocation.method().getGenericReturnType();
			if (!(returned instanceof ParameterizedType stream
					&& stream.getActualTypeArguments()[0] instanceof Class<?> element && element.isSealed())) {
				continue;
			}
			unions++;
			JsonNode operation = invocation.operation();
			List<String> names = new ArrayList<>();
			for (JsonNode alternative : operation.path("answer").path("of")) {
				JsonNode sample = ModelJson.sample(alternative, "");
				stub(operation, sample);
				List<?> events = (List<?>) call(invocation, client);
				assertThat(events).singleElement().isInstanceOf(element);
				names.add(events.get(0).getClass().getSimpleName());
				ModelJson.assertNothingDropped(JSON.createArrayNode().add(sample), events, "events");
			}
			assertThat(names).doesNotHaveDuplicates().doesNotContain("Unknown");
			stub(operation, JSON.createObjectNode().put("type", "somethingNew").put("createdAt", 1));
			Object unknown = ((List<?>) call(invocation, client)).get(0);
			assertThat(unknown.getClass().getSimpleName()).isEqualTo("Unknown");
			assertThat(unknown.getClass().getMethod("type").invoke(unknown)).isEqualTo("somethingNew");
		}
		assertThat(unions).isPositive();
	}

	/**
	 * An error event is one of the events of a stream whose model has it as an
	 * alternative (a task's execution failed: the Node SDK delivers it, and the stream
	 * goes on), and the end of every other stream, with the API's message.
	 */
	@Test
	void anErrorEventIsAnEventWhereTheModelHasOneAndEndsEveryOtherStream() throws Exception {
		Set<String> delivered = new TreeSet<>();
		for (Invocation invocation : invocations()) {
			JsonNode operation = invocation.operation();
			if (!operation.path("streams").asBoolean()) {
				continue;
			}
			boolean modelled = false;
			for (JsonNode alternative : operation.path("answer").path("of")) {
				modelled |= ModelJson.sample(alternative, "").path("type").asString().equals("error");
			}
			api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/jsonl")
				.withBody("{\"type\":\"error\",\"createdAt\":1,\"data\":{\"code\":\"E\",\"message\":\"went wrong\"}}\n"
						+ "{\"type\":\"somethingNew\",\"createdAt\":2}\n")));
			Object client = invocation.entryPoint(api);
			if (modelled) {
				List<?> events = (List<?>) call(invocation, client);
				assertThat(events).as(invocation.toString()).hasSize(2);
				Object error = events.get(0);
				assertThat(error.getClass().getSimpleName()).isEqualTo("Error");
				Object data = error.getClass().getMethod("data").invoke(error);
				assertThat(data.getClass().getMethod("message").invoke(data)).isEqualTo("went wrong");
				assertThat(data.getClass().getMethod("code").invoke(data)).isEqualTo("E");
				delivered.add(operation.path("id").asString());
			}
			else {
				assertThatExceptionOfType(ChatBotKitStreamException.class).as(invocation.toString())
					.isThrownBy(() -> call(invocation, client))
					.withMessageContaining("went wrong");
			}
		}
		assertThat(delivered).containsExactly("subscribeTaskWorkflowEvents");
	}

	@Test
	void anEnumValueTheModelDoesNotKnowIsReadAsUnknownOnTheWire() {
		api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":\"s-1\",\"createdAt\":1,\"updatedAt\":2,\"type\":\"quantum\",\"kind\":\"shared\"}")));
		Secret secret = TestClients.client(api).secrets().fetch("s-1");
		assertThat(secret.type()).isEqualTo(SecretType.UNKNOWN);
		assertThat(secret.kind()).isEqualTo(SecretKind.SHARED);
	}

	private static void collectEnums(Type type, Set<Class<?>> enums, Set<Type> seen) {
		if (!seen.add(type)) {
			return;
		}
		if (type instanceof ParameterizedType parameterized) {
			for (Type argument : parameterized.getActualTypeArguments()) {
				collectEnums(argument, enums, seen);
			}
		}
		else if (type instanceof Class<?> raw && raw.isEnum()) {
			enums.add(raw);
		}
		else if (type instanceof Class<?> raw && raw.isRecord()) {
			for (RecordComponent component : raw.getRecordComponents()) {
				collectEnums(component.getGenericType(), enums, seen);
			}
		}
	}

	@AfterAll
	static void reportCoverage() {
		System.out.println("Generated operations called on the wire: " + CALLED.size() + " of "
				+ GeneratedOperations.MODEL.path("operations").size() + " in the model");
	}

	private static JsonNode answer(JsonNode operation) {
		JsonNode type = operation.get("answer");
		if (type == null) {
			return JSON.createObjectNode().put("key", "value");
		}
		return ModelJson.sample(type, "");
	}

	private static void stub(JsonNode operation, JsonNode answer) {
		boolean download = !operation.has("answer") && !operation.path("answerContent").isEmpty();
		boolean lines = operation.path("streams").asBoolean();
		api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type",
					download ? "application/octet-stream" : lines ? "application/jsonl" : "application/json")
			.withBody(
					download ? CONTENT : (answer.toString() + (lines ? "\n" : "")).getBytes(StandardCharsets.UTF_8))));
	}

	private static Object call(Invocation invocation, Object client) throws Exception {
		Object[] arguments = ArgumentFiller.arguments(invocation.method(), invocation.operation());
		Object result;
		try {
			result = invocation.method().invoke(invocation.target(client), arguments);
		}
		catch (InvocationTargetException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
		if (result instanceof Mono<?> mono) {
			Object answer = mono.block(HANG_GUARD);
			return (answer instanceof ReactiveDownload download) ? bytes(download) : answer;
		}
		if (result instanceof Flux<?> flux) {
			return flux.collectList().block(HANG_GUARD);
		}
		if (result instanceof Stream<?> stream) {
			try (stream) {
				return stream.toList();
			}
		}
		if (result instanceof Download download) {
			try (download; InputStream content = download.inputStream()) {
				return content.readAllBytes();
			}
		}
		return result;
	}

	private static byte[] bytes(ReactiveDownload download) {
		return DataBufferUtils.join(download.body()).map((joined) -> {
			byte[] bytes = new byte[joined.readableByteCount()];
			joined.read(bytes);
			DataBufferUtils.release(joined);
			return bytes;
		}).defaultIfEmpty(new byte[0]).block(HANG_GUARD);
	}

	private static void assertRequest(Invocation invocation, LoggedRequest request) throws Exception {
		JsonNode operation = invocation.operation();
		assertThat(request.getMethod().getName()).isEqualTo(operation.path("method").asString());
		String url = request.getUrl();
		int question = url.indexOf('?');
		String path = (question >= 0) ? url.substring(0, question) : url;
		String expected = "/api/v1" + operation.path("path").asString();
		for (String variable : ArgumentFiller.pathVariables(operation)) {
			String value = ArgumentFiller.pathValue(variable);
			// a storage path goes out as the Node SDK sends it: each segment encoded, the
			// slashes kept; any other variable is one segment
			String encoded = variable.equals(operation.path("pathOfSegments").asString(""))
					? Arrays.stream(value.split("/", -1))
						.map((segment) -> UriUtils.encode(segment, StandardCharsets.UTF_8))
						.collect(Collectors.joining("/"))
					: UriUtils.encode(value, StandardCharsets.UTF_8);
			expected = expected.replace("{" + variable + "}", encoded);
		}
		assertThat(path).isEqualTo(expected);
		Map<String, String> query = query((question >= 0) ? url.substring(question + 1) : "");
		Set<String> names = new LinkedHashSet<>();
		query.keySet().forEach((name) -> names.add(name.startsWith("meta.") ? "meta" : name));
		Map<String, JsonNode> declared = new LinkedHashMap<>();
		operation.path("query").forEach((parameter) -> declared.put(parameter.path("name").asString(), parameter));
		assertThat(names).as("query parameters").containsExactlyInAnyOrderElementsOf(declared.keySet());
		query.forEach((name, value) -> {
			JsonNode parameter = declared.get(name.startsWith("meta.") ? "meta" : name);
			JsonNode type = parameter.path("type");
			if (type.has("enum") || name.equals("order")) {
				List<String> values = new ArrayList<>();
				type.path("enum").forEach((allowed) -> values.add(allowed.asString()));
				assertThat(values).as("values of " + name).contains(value);
			}
		});
		if (Arrays.asList(invocation.method().getParameterTypes()).contains(FileUpload.class)) {
			// the bytes as they are, in the multipart part the model names
			assertThat(request.getHeader("Content-Type")).startsWith("multipart/form-data");
			assertThat(request.getParts()).singleElement().satisfies((part) -> {
				assertThat(part.getName()).isEqualTo(operation.path("filePart").asString());
				assertThat(part.getHeader("Content-Disposition").firstValue()).contains("filename=\"notes 1.txt\"");
				assertThat(part.getHeader("Content-Type").firstValue()).isEqualTo("text/plain");
				assertThat(part.getBody().asBytes()).isEqualTo(ArgumentFiller.FILE_CONTENT);
			});
		}
		else if (operation.has("request")) {
			ModelJson.assertConforms(JSON.readTree(request.getBodyAsString()), operation.get("request"), "body");
		}
		else {
			assertThat(request.getBodyAsString()).isEmpty();
		}
	}

	private static Map<String, String> query(String query) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (!query.isEmpty()) {
			for (String pair : query.split("&")) {
				int equals = pair.indexOf('=');
				parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return parameters;
	}

	/** The type of a method's answer, that of a {@code Mono}'s value. */
	private static Class<?> answerType(Method method) {
		if (method.getReturnType() == Mono.class) {
			Type value = ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
			return (Class<?>) ((value instanceof ParameterizedType parameterized) ? parameterized.getRawType() : value);
		}
		return method.getReturnType();
	}

	private static void assertAnswer(Invocation invocation, JsonNode answer, Object result) {
		JsonNode operation = invocation.operation();
		Class<?> returned = answerType(invocation.method());
		if (returned == void.class || returned == Void.class) {
			assertThat(result).isNull();
		}
		else if (returned == String.class) {
			assertThat(result).isEqualTo(answer.path("id").asString());
		}
		else if (returned == Download.class || returned == ReactiveDownload.class) {
			assertThat(result).isEqualTo(CONTENT);
		}
		else if (invocation.walks()) {
			ModelJson.assertNothingDropped(answer.path("items"), result, "items");
		}
		else if (operation.path("streams").asBoolean()) {
			ModelJson.assertNothingDropped(JSON.createArrayNode().add(answer), result, "events");
		}
		else {
			assertThat(result).isInstanceOfAny(Record.class, Map.class, Page.class);
			ModelJson.assertNothingDropped(answer, result, "answer");
		}
	}

}
