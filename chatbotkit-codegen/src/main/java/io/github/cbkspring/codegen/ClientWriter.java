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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.lang.model.element.Modifier;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.cbkspring.codegen.Operation.Answer;
import io.github.cbkspring.codegen.Operation.Request;
import io.github.cbkspring.codegen.TypeWriter.Side;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Writes the client of one resource and the types of its operations: one method per
 * operation, an accessor per sub-resource, and the transport's options and copies as on
 * the hand-written clients.
 *
 * @author cbkspring contributors
 */
final class ClientWriter {

	static final String BASE = "io.github.cbkspring.client";

	private static final ClassName API_TRANSPORT = ClassName.get(BASE + ".core", "ApiTransport");

	private static final ClassName API_ENDPOINT = ClassName.get(BASE + ".core", "ApiEndpoint");

	private static final ClassName OPTIONS = ClassName.get(BASE + ".core", "ChatBotKitOptions");

	private static final ClassName LIST_QUERY = ClassName.get(BASE + ".core", "ListQuery");

	private static final ClassName PAGE = ClassName.get(BASE + ".core", "Page");

	private static final ClassName DOWNLOAD = ClassName.get(BASE + ".core", "Download");

	private static final ClassName FILE_UPLOAD = ClassName.get(BASE + ".core", "FileUpload");

	/** The part of a multipart body that {@code ApiRequest.file(FileUpload)} sends. */
	private static final String FILE_PART = "file";

	private static final ClassName TYPE_REFERENCE = ClassName.get("org.springframework.core",
			"ParameterizedTypeReference");

	private static final TypeName MAP = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class),
			ClassName.OBJECT);

	private static final String THROWS = OperationCall.THROWS_ARGUMENT
			+ "\n@throws io.github.cbkspring.client.error.ChatBotKitException if the call fails";

	/** A resource of the API's tree: its operations and its sub-resources. */
	static final class Resource {

		final List<String> chain;

		final List<Operation> operations = new ArrayList<>();

		final Map<String, Resource> children = new TreeMap<>();

		/** The hand-written client of an overlay's resource, {@code null} if none. */
		final @Nullable ClassName handWritten;

		Resource(List<String> chain, @Nullable ClassName handWritten) {
			this.chain = chain;
			this.handWritten = handWritten;
		}

		/**
		 * Whether this resource or one below has an operation to generate.
		 */
		boolean hasOperations() {
			return !this.operations.isEmpty() || this.children.values().stream().anyMatch(Resource::hasOperations);
		}

		String packageName() {
			if (this.handWritten != null) {
				return this.handWritten.packageName();
			}
			return this.chain.isEmpty() ? BASE : BASE + "." + String.join(".", this.chain);
		}

		ClassName client() {
			return ClassName.get(packageName(), Names.prefix(this.chain) + "Client");
		}

	}

	private final Resource resource;

	private final List<JavaFile> files = new ArrayList<>();

	/**
	 * The records of the resource (a fetch's answer) and of its items by their shape: an
	 * item of the same shape is the resource's record. Other answers are the operation's
	 * own.
	 */
	private final Map<String, ClassName> answers = new HashMap<>();

	private final Enums enums;

	/**
	 * Where the endpoint constants go: the client itself, or, for the interface of a
	 * hand-written client, a package-private class beside it.
	 */
	private final TypeSpec.Builder constants;

	/** The class that holds the constants, {@code null} for the client itself. */
	private final @Nullable ClassName constantsClass;

	/**
	 * The methods of the operations written, each method that sends a file's bytes after
	 * the one that sends JSON: what the non-blocking twin twins.
	 */
	private final List<OperationCall> calls = new ArrayList<>();

	/**
	 * The methods that send a file's bytes, by the operation whose JSON method they twin.
	 */
	private final Map<Operation, OperationCall> fileUploads = new HashMap<>();

	private ClientWriter(Resource resource, TypeSpec.Builder constants, @Nullable ClassName constantsClass) {
		this.resource = resource;
		this.enums = new Enums(resource.packageName(), Names.prefix(resource.chain));
		this.constants = constants;
		this.constantsClass = constantsClass;
	}

	/**
	 * Write the files of a resource: its client, the client's non-blocking twin and their
	 * types.
	 * @param resource the resource
	 * @return the files
	 */
	static List<JavaFile> write(Resource resource) {
		TypeSpec.Builder client = TypeSpec.classBuilder(resource.client());
		ClientWriter writer = new ClientWriter(resource, client, null);
		writer.files.add(JavaFile.builder(resource.packageName(), writer.client(client)).build());
		writer.files
			.add(JavaFile.builder(resource.packageName(), ReactiveClientWriter.client(resource, writer.calls)).build());
		writer.enums.types().forEach((type) -> writer.files.add(writer.file(type)));
		return writer.files;
	}

	/**
	 * Write the files of a resource of an overlay and of those below it: where it has a
	 * hand-written client, an interface that the client implements with the operations
	 * and sub-resources it does not write by hand, and the interface's non-blocking twin
	 * for the client's non-blocking twin; below, generated clients and their twins for
	 * the resources that have no hand-written one.
	 * @param resource the resource
	 * @return the files
	 * @throws IllegalStateException if an operation would be generated on a resource that
	 * no hand-written client reaches
	 */
	static List<JavaFile> overlay(Resource resource) {
		ClassName handWritten = resource.handWritten;
		if (handWritten == null) {
			if (!resource.operations.isEmpty()) {
				throw new IllegalStateException(
						"No hand-written client reaches the operations of /" + String.join("/", resource.chain) + ": "
								+ resource.operations.stream().map(Operation::id).toList());
			}
			List<JavaFile> files = new ArrayList<>();
			resource.children.values().forEach((child) -> files.addAll(overlay(child)));
			return files;
		}
		ClassName name = operations(handWritten);
		ClassName holder = handWritten.peerClass("Generated" + Names.prefix(resource.chain) + "Endpoints");
		TypeSpec.Builder endpoints = TypeSpec.classBuilder(holder)
			.addModifiers(Modifier.FINAL)
			.addJavadoc("The endpoints of {@link $T}.", name)
			.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
		ClientWriter writer = new ClientWriter(resource, endpoints, holder);
		if (!resource.operations.isEmpty() || resource.children.values()
			.stream()
			.anyMatch((child) -> child.handWritten == null && child.hasOperations())) {
			writer.files.add(JavaFile.builder(resource.packageName(), writer.operations(name, handWritten)).build());
			writer.files.add(JavaFile.builder(resource.packageName(), endpoints.build()).build());
			writer.files.add(JavaFile
				.builder(resource.packageName(), ReactiveClientWriter.operations(resource, name, writer.calls))
				.build());
		}
		else {
			resource.children.values().forEach((child) -> writer.files.addAll(overlay(child)));
		}
		writer.enums.types().forEach((type) -> writer.files.add(writer.file(type)));
		return writer.files;
	}

	/**
	 * The interface of the generated operations of a hand-written client:
	 * {@code GeneratedBotOperations} for {@code BotClient}.
	 * @param handWritten the hand-written client
	 * @return the interface
	 */
	static ClassName operations(ClassName handWritten) {
		String simpleName = handWritten.simpleName();
		return handWritten
			.peerClass("Generated" + simpleName.substring(0, simpleName.length() - "Client".length()) + "Operations");
	}

	private TypeSpec operations(ClassName name, ClassName handWritten) {
		TypeSpec.Builder operations = operationsInterface(name, API_TRANSPORT,
				CodeBlock.of(
						"The operations of the {@code /$L} resources that {@link $T} has from the API model rather\n"
								+ "than by hand; it implements this interface.",
						String.join("/", this.resource.chain), handWritten));
		addMembers(operations);
		return operations.build();
	}

	/**
	 * Start the interface of the generated operations of a hand-written client, whose
	 * default methods reach the API through the client's transport.
	 * @param name the interface's name
	 * @param transport the transport's type
	 * @param javadoc the first paragraph of the interface's Javadoc
	 * @return the interface, to complete with its methods
	 */
	static TypeSpec.Builder operationsInterface(ClassName name, ClassName transport, CodeBlock javadoc) {
		return TypeSpec.interfaceBuilder(name)
			.addModifiers(Modifier.PUBLIC)
			.addJavadoc(javadoc)
			.addJavadoc("\n\n@author cbkspring contributors\n@since 0.1.0")
			.addMethod(MethodSpec.methodBuilder("transport")
				.addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
				.returns(transport)
				.addJavadoc("The transport the operations call the API through.\n@return the transport")
				.build());
	}

	private boolean isInterface() {
		return this.constantsClass != null;
	}

	/** A reference to an endpoint or type constant. */
	private CodeBlock constant(String name) {
		return (this.constantsClass != null) ? CodeBlock.of("$T.$L", this.constantsClass, name)
				: CodeBlock.of("$L", name);
	}

	private TypeSpec client(TypeSpec.Builder client) {
		ClassName name = this.resource.client();
		open(client, API_TRANSPORT, "The {@code /" + String.join("/", this.resource.chain) + "} resources of the API.");
		addMembers(client);
		return close(client, name, API_TRANSPORT);
	}

	/**
	 * Start a client's class: its transport and the constructor that takes it.
	 * @param client the class
	 * @param transport the transport's type
	 * @param javadoc the first sentence of the class's Javadoc
	 */
	static void open(TypeSpec.Builder client, ClassName transport, String javadoc) {
		client.addModifiers(Modifier.PUBLIC)
			.addJavadoc("$L\n\n@author cbkspring contributors\n@since 0.1.0", javadoc)
			.addField(transport, "transport", Modifier.PRIVATE, Modifier.FINAL)
			.addMethod(MethodSpec.constructorBuilder()
				.addModifiers(Modifier.PUBLIC)
				.addJavadoc(
						"Create a client on $L {@link $T}, such as a {@code $L}.\n"
								+ "@param transport the transport whose options and connection pool to use",
						transport.equals(API_TRANSPORT) ? "an" : "a", transport,
						transport.equals(API_TRANSPORT) ? "ChatBotKitClient" : "ChatBotKitReactiveClient")
				.addParameter(transport, "transport")
				.addStatement("$T.notNull(transport, $S)", TypeWriter.ASSERT,
						transport.simpleName() + " must not be null")
				.addStatement("this.transport = transport")
				.build());
	}

	/**
	 * End a client's class: its options copies, transport and {@code toString}.
	 * @param client the class
	 * @param name the class's name
	 * @param transport the transport's type
	 * @return the class
	 */
	static TypeSpec close(TypeSpec.Builder client, ClassName name, ClassName transport) {
		client.addMethod(MethodSpec.methodBuilder("withOptions")
			.addModifiers(Modifier.PUBLIC)
			.returns(name)
			.addParameter(ParameterizedTypeName.get(ClassName.get(Consumer.class), OPTIONS.nestedClass("Builder")),
					"changes")
			.addJavadoc("""
					A copy of this client with some options changed, sharing the connection pool; see
					{@link $T#withOptions(Consumer)}.
					@param changes the changes to apply to a copy of the options
					@return the copy""", transport)
			.addStatement("return new $T(this.transport.withOptions(changes))", name)
			.build());
		client.addMethod(MethodSpec.methodBuilder("transport")
			.addModifiers(Modifier.PUBLIC)
			.returns(transport)
			.addJavadoc("The transport this client calls the API through.\n@return the transport")
			.addStatement("return this.transport")
			.build());
		client.addMethod(MethodSpec.methodBuilder("toString")
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.returns(String.class)
			.addStatement("return $S + this.transport + $S", name.simpleName() + "[", "]")
			.build());
		return client.build();
	}

	/**
	 * Add a method per operation and an accessor per sub-resource that has no
	 * hand-written client (whose own files this writes too).
	 */
	private void addMembers(TypeSpec.Builder client) {
		Map<String, Long> verbs = new HashMap<>();
		this.resource.operations.forEach((operation) -> verbs.merge(String.valueOf(operation.verb()), 1L, Long::sum));
		for (Operation operation : this.resource.operations) {
			String methodName = operation
				.methodName((candidate) -> verbs.getOrDefault(String.valueOf(operation.verb()), 0L) > 1
						|| this.resource.children.values()
							.stream()
							.anyMatch((child) -> accessor(child).equals(candidate)));
			addOperation(client, operation, methodName);
		}
		for (Resource child : this.resource.children.values()) {
			if (child.handWritten != null) {
				// its accessor is hand-written too
				this.files.addAll(overlay(child));
				continue;
			}
			client.addMethod(accessor(child, child.client(), isInterface()));
			this.files.addAll(write(child));
		}
	}

	/**
	 * The accessor of a sub-resource's client, on the same transport.
	 * @param child the sub-resource
	 * @param client the client the accessor returns
	 * @param inInterface whether the accessor is a default method of an interface
	 * @return the accessor
	 */
	static MethodSpec accessor(Resource child, ClassName client, boolean inInterface) {
		return MethodSpec.methodBuilder(accessor(child))
			.addModifiers(modifiers(inInterface))
			.returns(client)
			.addJavadoc("The {@code /$L} resources, on the same transport.\n@return their client",
					String.join("/", child.chain))
			.addStatement("return new $T($L)", client, transport(inInterface))
			.build();
	}

	/**
	 * The modifiers of a generated method: default ones in an interface.
	 * @param inInterface whether the method is of an interface
	 * @return the modifiers
	 */
	static Modifier[] modifiers(boolean inInterface) {
		return inInterface ? new Modifier[] { Modifier.PUBLIC, Modifier.DEFAULT } : new Modifier[] { Modifier.PUBLIC };
	}

	/**
	 * The transport, as a generated method reaches it: the field of a client, the
	 * abstract method of an interface.
	 * @param inInterface whether the method is of an interface
	 * @return the expression
	 */
	static String transport(boolean inInterface) {
		return inInterface ? "transport()" : "this.transport";
	}

	private Modifier[] modifiers() {
		return modifiers(isInterface());
	}

	private String transport() {
		return transport(isInterface());
	}

	static String accessor(Resource resource) {
		return Names.accessor(resource.chain);
	}

	private void addOperation(TypeSpec.Builder client, Operation operation, String methodName) {
		OperationCall call = plan(operation, methodName);
		this.calls.add(call);
		MethodSpec.Builder method = call.method(methodName, modifiers()).returns(returned(call));
		CodeBlock statement = call.call(transport(), this::constant);
		method.addStatement(TypeName.VOID.equals(call.answer()) ? "$L" : "return $L", statement);
		method.addJavadoc("$L", call.doc() + returnDoc(operation.answer()) + THROWS);
		client.addMethod(method.build());
		OperationCall upload = this.fileUploads.get(operation);
		if (upload != null) {
			client.addMethod(upload.method(methodName, modifiers())
				.returns(returned(upload))
				.addStatement(TypeName.VOID.equals(upload.answer()) ? "$L" : "return $L",
						upload.call(transport(), this::constant))
				.addJavadoc("$L", upload.doc() + returnDoc(operation.answer()) + THROWS)
				.build());
			this.calls.add(upload);
		}
		TypeName item = call.item();
		if (item != null) {
			client.addMethod(
					call.walk(modifiers(), ParameterizedTypeName.get(ClassName.get(Stream.class), item), PAGE, THROWS));
		}
	}

	/** The type a blocking method returns. */
	private static TypeName returned(OperationCall call) {
		return (call.kind() == Answer.STREAM) ? ParameterizedTypeName.get(ClassName.get(Stream.class), call.answer())
				: call.answer();
	}

	/**
	 * The facts of an operation's method, with its endpoint constant and the types of its
	 * query, request and answer written.
	 */
	private OperationCall plan(Operation operation, String methodName) {
		String stem = operation.typeStem(methodName);
		String constant = Names.constant(methodName);
		this.constants.addField(FieldSpec.builder(API_ENDPOINT, constant, constantModifiers())
			.initializer(endpoint(operation))
			.build());
		List<ParameterSpec> parameters = new ArrayList<>();
		List<CodeBlock> checks = new ArrayList<>();
		StringBuilder doc = new StringBuilder("{@code ").append(operation.method())
			.append(' ')
			.append(operation.path())
			.append("}, operation {@code ")
			.append(operation.id())
			.append("}.\n");
		if (operation.streamsErrorEvents()) {
			doc.append("An {@code error} event is delivered as the others are: it is one of the events, ")
				.append("not the end of the stream.\n");
		}
		List<String> walkArguments = new ArrayList<>();
		for (String variable : operation.pathVariables()) {
			String parameter = Names.member(variable);
			parameters.add(ParameterSpec.builder(String.class, parameter).build());
			walkArguments.add(parameter);
			doc.append("@param ").append(parameter).append(" the path variable {@code ").append(variable).append("}");
			if (operation.isPathOfSegments(variable)) {
				doc.append(", a path of segments such as {@code docs/plan.md}, each segment encoded");
			}
			doc.append("\n");
		}
		CodeBlock.Builder options = CodeBlock.builder();
		if (operation.answer() == Answer.PAGE) {
			parameters.add(ParameterSpec.builder(LIST_QUERY, "query").build());
			checks.add(CodeBlock.of("$T.notNull(query, $S)", TypeWriter.ASSERT, "ListQuery must not be null"));
			options.add(".query(query)");
			walkArguments.add("page");
			doc.append("@param query the page to fetch\n");
		}
		List<JsonNode> queryParameters = operation.parameters();
		if (!queryParameters.isEmpty()) {
			ClassName type = ClassName.get(this.resource.packageName(), stem + "Parameters");
			this.files.add(file(TypeWriter.record(type, queryParameters, Side.REQUEST,
					"The query parameters of {@code " + operation.method() + " " + operation.path() + "}.",
					this.enums)));
			parameters.add(ParameterSpec.builder(type, "parameters").build());
			checks.add(CodeBlock.of("$T.notNull(parameters, $S)", TypeWriter.ASSERT,
					type.simpleName() + " must not be null"));
			for (JsonNode parameter : queryParameters) {
				options.add(".query($S, parameters.$L())", parameter.path("name").asString(),
						Names.member(parameter.path("name").asString()));
			}
			walkArguments.add("parameters");
			doc.append("@param parameters the query parameters\n");
		}
		List<ParameterSpec> fileParameters = new ArrayList<>(parameters);
		List<CodeBlock> fileChecks = new ArrayList<>(checks);
		CodeBlock fileOptions = options.build();
		String fileDoc = doc.toString();
		addBody(operation, stem, parameters, checks, options, doc);
		TypeName answer = answer(operation, stem);
		if (operation.answer() == Answer.MAP || operation.answer() == Answer.PAGE) {
			typeReference(constant, answer);
		}
		TypeName item = (operation.answer() == Answer.PAGE) ? ((ParameterizedTypeName) answer).typeArguments().get(0)
				: null;
		String part = operation.filePart();
		if (part != null) {
			if (!part.equals(FILE_PART)) {
				throw new IllegalStateException(operation.id() + " takes its file as the part " + part
						+ ", but ApiRequest.file sends it as " + FILE_PART);
			}
			fileParameters.add(ParameterSpec.builder(FILE_UPLOAD, FILE_PART).build());
			fileChecks.add(CodeBlock.of("$T.notNull(file, $S)", TypeWriter.ASSERT, "FileUpload must not be null"));
			this.fileUploads.put(operation,
					new OperationCall(operation, methodName, holder(), constant, fileParameters, fileChecks,
							fileOptions.toBuilder().add(".file(file)").build(), answer, null, fileDoc(fileDoc),
							walkArguments));
		}
		return new OperationCall(operation, methodName, holder(), constant, parameters, checks, options.build(), answer,
				item, doc.toString(), walkArguments);
	}

	/**
	 * The Javadoc of the method that sends a file's bytes: the operation's, with how the
	 * bytes go and the file parameter.
	 */
	private static String fileDoc(String doc) {
		int firstLine = doc.indexOf('\n') + 1;
		return doc.substring(0, firstLine) + "The content goes as it is, the {@code file} part of a "
				+ "{@code multipart/form-data} body, as {@link io.github.cbkspring.client.core.ApiRequest#file} "
				+ "sends it: content that can be read only once is not sent again on a retry.\n"
				+ doc.substring(firstLine) + "@param file the content, with its file name and type\n";
	}

	/** The class that holds the constants. */
	private ClassName holder() {
		return (this.constantsClass != null) ? this.constantsClass : this.resource.client();
	}

	private void addBody(Operation operation, String stem, List<ParameterSpec> parameters, List<CodeBlock> checks,
			CodeBlock.Builder options, StringBuilder doc) {
		JsonNode request = operation.model().path("request");
		if (operation.request() == Request.EMPTY) {
			options.add(".body($T.of())", Map.class);
		}
		else if (operation.request() == Request.RECORD) {
			ClassName type = ClassName.get(this.resource.packageName(), stem + "Request");
			List<JsonNode> fields = TypeWriter.fields(request);
			this.files.add(file(TypeWriter.record(type, (fields != null) ? fields : List.of(), Side.REQUEST,
					"The request of {@code " + operation.method() + " " + operation.path() + "}.", this.enums)));
			parameters.add(ParameterSpec.builder(type, "request").build());
			checks.add(CodeBlock.of("$T.notNull(request, $S)", TypeWriter.ASSERT,
					type.simpleName() + " must not be null"));
			options.add(".body(request)");
			doc.append("@param request the request\n");
		}
		else if (operation.request() == Request.MAP) {
			parameters.add(ParameterSpec.builder(mapType(request), "request").build());
			checks.add(CodeBlock.of("$T.notNull(request, $S)", TypeWriter.ASSERT, "Request must not be null"));
			options.add(".body(request)");
			doc.append("@param request the request, a JSON object of ").append(Javadoc.kind(request)).append('\n');
		}
	}

	/**
	 * The type of an operation's answer, written if it is the operation's own: the
	 * element of a stream.
	 */
	private TypeName answer(Operation operation, String stem) {
		JsonNode answer = operation.model().path("answer");
		String endpoint = operation.method() + " " + operation.path();
		return switch (operation.answer()) {
			case VOID -> TypeName.VOID;
			case ID -> ClassName.get(String.class);
			case DOWNLOAD -> DOWNLOAD;
			case MAP -> mapType(answer);
			case STREAM -> streamElement(answer, stem, endpoint);
			case PAGE -> ParameterizedTypeName.get(PAGE, pageItem(answer, stem, endpoint));
			case RECORD ->
				"fetch".equals(operation.verb()) ? answerRecord(answer, Names.prefix(operation.chain()), true, endpoint)
						: answerRecord(answer, stem + "Response", false, endpoint);
		};
	}

	private static CodeBlock endpoint(Operation operation) {
		return switch (operation.method()) {
			case "GET" -> CodeBlock.of("$T.get($S)", API_ENDPOINT, operation.endpointPath());
			case "POST" -> CodeBlock.of("$T.post($S)", API_ENDPOINT, operation.endpointPath());
			default ->
				CodeBlock.of("$T.of($T.$L, $S)", API_ENDPOINT, ClassName.get("org.springframework.http", "HttpMethod"),
						operation.method(), operation.endpointPath());
		};
	}

	/**
	 * The type of a free-form object: a map of maps as deep as the model says, then of
	 * scalars or any value.
	 */
	private static TypeName mapType(JsonNode type) {
		return ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class),
				mapValue(type.path("values")));
	}

	private static TypeName mapValue(JsonNode type) {
		return switch (type.path("kind").asString()) {
			case "map" -> mapType(type);
			case "string" -> ClassName.get(String.class);
			case "boolean" -> ClassName.get(Boolean.class);
			default -> ClassName.OBJECT;
		};
	}

	private void typeReference(String constant, TypeName type) {
		String name = OperationCall.typeConstant(constant);
		this.constants
			.addField(FieldSpec.builder(ParameterizedTypeName.get(TYPE_REFERENCE, type), name, constantModifiers())
				.initializer("new $T<>() {\n}", TYPE_REFERENCE)
				.build());
	}

	/**
	 * Package-private constants, which the non-blocking twin of a client and the
	 * interface of a hand-written one reach.
	 */
	private static Modifier[] constantModifiers() {
		return new Modifier[] { Modifier.STATIC, Modifier.FINAL };
	}

	private TypeName streamElement(JsonNode answer, String stem, String endpoint) {
		if (TypeWriter.discriminator(answer) != null) {
			ClassName type = ClassName.get(this.resource.packageName(), stem + "Event");
			this.files.add(file(
					TypeWriter.sealed(type, answer, Side.ANSWER, "An event of {@code " + endpoint + "}.", this.enums)));
			return type;
		}
		List<JsonNode> fields = TypeWriter.fields(answer);
		return (fields != null) ? named(stem + "Event", fields, "An event of {@code " + endpoint + "}.", false) : MAP;
	}

	private TypeName pageItem(JsonNode answer, String stem, String endpoint) {
		for (JsonNode field : answer.path("fields")) {
			if (field.path("name").asString().equals("items")) {
				List<JsonNode> fields = TypeWriter.fields(field.path("type").path("items"));
				if (fields != null) {
					return named(stem + "Item", fields, "An item of {@code " + endpoint + "}.", true);
				}
			}
		}
		return MAP;
	}

	private TypeName answerRecord(JsonNode answer, String name, boolean resource, String endpoint) {
		List<JsonNode> fields = TypeWriter.fields(answer);
		return named(name, (fields != null) ? fields : List.of(), "The answer of {@code " + endpoint + "}.", resource);
	}

	private ClassName named(String name, List<JsonNode> fields, String javadoc, boolean shared) {
		String shape = fields.toString();
		@Nullable ClassName known = shared ? this.answers.get(shape) : null;
		if (known != null) {
			return known;
		}
		ClassName type = ClassName.get(this.resource.packageName(), name);
		if (shared) {
			this.answers.put(shape, type);
		}
		this.files.add(file(TypeWriter.record(type, fields, Side.ANSWER, javadoc, this.enums)));
		return type;
	}

	private JavaFile file(TypeSpec type) {
		return JavaFile.builder(this.resource.packageName(), type).build();
	}

	private static String returnDoc(Answer answer) {
		return switch (answer) {
			case VOID -> "";
			case ID -> "@return the id the API answers with\n";
			case DOWNLOAD -> "@return the content, to be closed by the caller\n";
			case MAP -> "@return the answer, a JSON object\n";
			case STREAM -> "@return the events as they arrive; close the stream to stop reading\n";
			case PAGE -> "@return the page\n";
			case RECORD -> "@return the answer\n";
		};
	}

}
