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
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.cbkspring.codegen.ClientWriter.Resource;
import io.github.cbkspring.codegen.Operation.Answer;

/**
 * Writes the non-blocking twin of a generated client, {@code ReactiveBotClient} beside
 * {@code BotClient}: the same methods from the same {@link OperationCall}s, answering
 * with a {@code Mono} or a {@code Flux} on a {@code ReactiveApiTransport}, with the
 * blocking client's types and endpoint constants.
 *
 * @author cbkspring contributors
 */
final class ReactiveClientWriter {

	static final ClassName REACTIVE_TRANSPORT = ClassName.get(ClientWriter.BASE + ".core", "ReactiveApiTransport");

	private static final ClassName REACTIVE_PAGES = ClassName.get(ClientWriter.BASE + ".core", "ReactivePages");

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
	 * The non-blocking twin of a resource's client. An operation whose answer is not JSON
	 * (a download) has no twin.
	 * @param resource the resource
	 * @param calls the methods of the blocking client's operations
	 * @return the client
	 */
	static TypeSpec client(Resource resource, List<OperationCall> calls) {
		ClassName name = name(resource);
		TypeSpec.Builder client = TypeSpec.classBuilder(name);
		ClientWriter.open(client, REACTIVE_TRANSPORT, "The {@code /" + String.join("/", resource.chain)
				+ "} resources of the API, non-blocking: the twin of {@link " + resource.client().simpleName() + "}.");
		for (OperationCall call : calls) {
			if (call.kind() != Answer.DOWNLOAD) {
				addOperation(client, call);
			}
		}
		for (Resource child : resource.children.values()) {
			client.addMethod(MethodSpec.methodBuilder(ClientWriter.accessor(child))
				.addModifiers(Modifier.PUBLIC)
				.returns(name(child))
				.addJavadoc("The {@code /$L} resources, on the same transport.\n@return their client",
						String.join("/", child.chain))
				.addStatement("return new $T(this.transport)", name(child))
				.build());
		}
		return ClientWriter.close(client, name, REACTIVE_TRANSPORT);
	}

	private static void addOperation(TypeSpec.Builder client, OperationCall call) {
		client.addMethod(call.method(call.methodName(), Modifier.PUBLIC)
			.returns(returned(call))
			.addStatement("return $L", call.call("this.transport", call::qualified))
			.addJavadoc("$L", call.doc() + returnDoc(call.kind()) + THROWS)
			.build());
		TypeName item = call.item();
		if (item != null) {
			client.addMethod(call.walk(new Modifier[] { Modifier.PUBLIC }, ParameterizedTypeName.get(FLUX, item),
					REACTIVE_PAGES, THROWS));
		}
	}

	/** {@code Flux} for a stream's elements, {@code Mono} for any other answer. */
	private static TypeName returned(OperationCall call) {
		return switch (call.kind()) {
			case VOID -> ParameterizedTypeName.get(MONO, ClassName.get(Void.class));
			case STREAM -> ParameterizedTypeName.get(FLUX, call.answer());
			default -> ParameterizedTypeName.get(MONO, call.answer());
		};
	}

	private static String returnDoc(Answer answer) {
		return switch (answer) {
			case VOID -> "@return completes when the call succeeded, or a {@code ChatBotKitException} signal\n";
			case ID -> "@return the id the API answers with, or a {@code ChatBotKitException} signal\n";
			case STREAM -> "@return the events as they arrive; cancel to stop reading\n";
			case PAGE -> "@return the page, or a {@code ChatBotKitException} signal\n";
			default -> "@return the answer, or a {@code ChatBotKitException} signal\n";
		};
	}

}
