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

import java.util.List;

import javax.lang.model.element.Modifier;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.cbkspring.codegen.ClientWriter.Resource;
import io.github.cbkspring.codegen.Operation.Answer;

/**
 * Writes the non-blocking twins of a generated client, {@code ReactiveBotMemoryClient}
 * beside {@code BotMemoryClient}, and of the interface of a hand-written client's
 * generated operations, {@code ReactiveGeneratedBotOperations} beside
 * {@code GeneratedBotOperations}: the same methods from the same {@link OperationCall}s,
 * answering with a {@code Mono} or a {@code Flux} on a {@code ReactiveApiTransport}, with
 * the blocking client's types and endpoint constants.
 *
 * @author cbkspring contributors
 */
final class ReactiveClientWriter {

	static final ClassName REACTIVE_TRANSPORT = ClassName.get(ClientWriter.BASE + ".core", "ReactiveApiTransport");

	private static final ClassName REACTIVE_PAGES = ClassName.get(ClientWriter.BASE + ".core", "ReactivePages");

	private static final ClassName REACTIVE_DOWNLOAD = ClassName.get(ClientWriter.BASE + ".core", "ReactiveDownload");

	private static final ClassName MONO = ClassName.get("reactor.core.publisher", "Mono");

	private static final ClassName FLUX = ClassName.get("reactor.core.publisher", "Flux");

	private static final String THROWS = OperationCall.THROWS_ARGUMENT;

	private ReactiveClientWriter() {
	}

	/**
	 * The non-blocking client of a resource: {@code ReactiveBotClient} for
	 * {@code BotClient}.
	 * @param resource the resource
	 * @return the client's name
	 */
	static ClassName name(Resource resource) {
		ClassName blocking = resource.client();
		return blocking.peerClass("Reactive" + blocking.simpleName());
	}

	/**
	 * The non-blocking twin of the interface of a hand-written client's generated
	 * operations: {@code ReactiveGeneratedBotOperations} for
	 * {@code GeneratedBotOperations}.
	 * @param operations the blocking interface
	 * @return the twin's name
	 */
	static ClassName operationsName(ClassName operations) {
		return operations.peerClass("Reactive" + operations.simpleName());
	}

	/**
	 * The non-blocking twin of a resource's client.
	 * @param resource the resource
	 * @param calls the methods of the blocking client's operations
	 * @return the client
	 */
	static TypeSpec client(Resource resource, List<OperationCall> calls) {
		ClassName name = name(resource);
		TypeSpec.Builder client = TypeSpec.classBuilder(name);
		ClientWriter.open(client, REACTIVE_TRANSPORT, "The {@code /" + String.join("/", resource.chain)
				+ "} resources of the API, non-blocking: the twin of {@link " + resource.client().simpleName() + "}.");
		addMembers(client, resource, calls, false);
		return ClientWriter.close(client, name, REACTIVE_TRANSPORT);
	}

	/**
	 * The non-blocking twin of the interface of a hand-written client's generated
	 * operations, for the hand-written client's non-blocking twin to implement.
	 * @param resource the resource of the hand-written client
	 * @param operations the blocking interface
	 * @param calls the methods of the blocking interface's operations
	 * @return the interface
	 */
	static TypeSpec operations(Resource resource, ClassName operations, List<OperationCall> calls) {
		TypeSpec.Builder twin = ClientWriter.operationsInterface(operationsName(operations), REACTIVE_TRANSPORT,
				CodeBlock.of("""
						The operations of the {@code /$L} resources that the non-blocking client of these resources
						has from the API model rather than by hand: the twin of {@link $T}. That client
						implements this interface.""", String.join("/", resource.chain), operations));
		addMembers(twin, resource, calls, true);
		return twin.build();
	}

	/**
	 * Add the twin of each operation's method and an accessor of the twin of each
	 * generated sub-resource's client.
	 */
	private static void addMembers(TypeSpec.Builder type, Resource resource, List<OperationCall> calls,
			boolean inInterface) {
		for (OperationCall call : calls) {
			addOperation(type, call, inInterface);
		}
		for (Resource child : resource.children.values()) {
			if (child.handWritten == null) {
				type.addMethod(ClientWriter.accessor(child, name(child), inInterface));
			}
		}
	}

	private static void addOperation(TypeSpec.Builder type, OperationCall call, boolean inInterface) {
		Modifier[] modifiers = ClientWriter.modifiers(inInterface);
		type.addMethod(call.method(call.methodName(), modifiers)
			.returns(returned(call))
			.addStatement("return $L", call.call(ClientWriter.transport(inInterface), call::qualified))
			.addJavadoc("$L", call.doc() + returnDoc(call.kind()) + THROWS)
			.build());
		TypeName item = call.item();
		if (item != null) {
			type.addMethod(call.walk(modifiers, ParameterizedTypeName.get(FLUX, item), REACTIVE_PAGES, THROWS));
		}
	}

	/**
	 * {@code Flux} for a stream's elements, {@code Mono} for any other answer: a
	 * download's of a {@code ReactiveDownload}.
	 */
	private static TypeName returned(OperationCall call) {
		return switch (call.kind()) {
			case VOID -> ParameterizedTypeName.get(MONO, ClassName.get(Void.class));
			case STREAM -> ParameterizedTypeName.get(FLUX, call.answer());
			case DOWNLOAD -> ParameterizedTypeName.get(MONO, REACTIVE_DOWNLOAD);
			default -> ParameterizedTypeName.get(MONO, call.answer());
		};
	}

	private static String returnDoc(Answer answer) {
		return switch (answer) {
			case VOID -> "@return completes when the call succeeded, or a {@code ChatBotKitException} signal\n";
			case ID -> "@return the id the API answers with, or a {@code ChatBotKitException} signal\n";
			case STREAM -> "@return the events as they arrive; cancel to stop reading\n";
			case PAGE -> "@return the page, or a {@code ChatBotKitException} signal\n";
			case DOWNLOAD -> "@return the answer's headers and its bytes, read only as fast as they are asked for,"
					+ " or a {@code ChatBotKitException} signal; a pointer to the API's storage is not followed"
					+ " (see {@link io.github.cbkspring.client.core.ReactiveApiRequest#download()})\n";
			default -> "@return the answer, or a {@code ChatBotKitException} signal\n";
		};
	}

}
