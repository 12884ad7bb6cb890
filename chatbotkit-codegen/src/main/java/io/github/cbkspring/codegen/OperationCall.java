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
import java.util.function.Function;

import javax.lang.model.element.Modifier;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import io.github.cbkspring.codegen.Operation.Answer;
import org.jspecify.annotations.Nullable;

/**
 * What a client's method of an operation is, whichever way it answers: computed once by
 * {@link ClientWriter} for the blocking client and reused by {@link ReactiveClientWriter}
 * for its non-blocking twin, which shares the blocking client's types and endpoint
 * constants.
 *
 * @param operation the operation
 * @param methodName the method's name
 * @param holder the class that holds the endpoint and type constants
 * @param constant the name of the endpoint constant
 * @param parameters the method's parameters, path variables first
 * @param checks the statements that check the arguments
 * @param options the request's query and body, such as
 * {@code .query(query).body(request)}
 * @param answer the type of the answer: the record, map or page, the element of a stream,
 * {@code String} for an id, {@code void} for nothing
 * @param item the type of a page's items, {@code null} for an operation that is no page
 * and for the method that sends a file's bytes, whose JSON twin has the walk
 * @param doc the Javadoc of the operation and its parameters
 * @param walkArguments the arguments of a call of the method for one page of a walk
 * @author cbkspring contributors
 */
record OperationCall(Operation operation, String methodName, ClassName holder, String constant,
		List<ParameterSpec> parameters, List<CodeBlock> checks, CodeBlock options, TypeName answer,
		@Nullable TypeName item, String doc, List<String> walkArguments) {

	static final String THROWS_ARGUMENT = "@throws IllegalArgumentException if an argument is not acceptable";

	Answer kind() {
		return this.operation.answer();
	}

	/**
	 * The name of the constant of an answer's generic type.
	 * @param constant the name of the endpoint constant
	 * @return the name
	 */
	static String typeConstant(String constant) {
		return constant + "_TYPE";
	}

	/**
	 * The call of the operation on a transport: the same on a blocking and a reactive
	 * one, whose terminal methods are twins.
	 * @param transport how the method reaches the transport
	 * @param constants how the method reaches a constant by its name
	 * @return the call, terminal included
	 */
	CodeBlock call(String transport, Function<String, CodeBlock> constants) {
		CodeBlock.Builder call = CodeBlock.builder().add("$L.request($L", transport, constants.apply(this.constant));
		for (String variable : this.operation.pathVariables()) {
			call.add(", $L", Names.member(variable));
		}
		call.add(")").add(this.options);
		return call.add(switch (kind()) {
			case VOID -> CodeBlock.of(".execute()");
			case ID -> CodeBlock.of(".retrieveId()");
			case DOWNLOAD -> CodeBlock.of(".download()");
			case STREAM -> CodeBlock.of(
					this.operation.streamsErrorEvents() ? ".streamWithErrorEvents($T.class)" : ".stream($T.class)",
					this.answer);
			case RECORD -> CodeBlock.of(".retrieve($T.class)", this.answer);
			case MAP, PAGE -> CodeBlock.of(".retrieve($L)", constants.apply(typeConstant(this.constant)));
		}).build();
	}

	/**
	 * A reference to one of the operation's constants from another class of its package.
	 * @param name the constant's name
	 * @return the reference
	 */
	CodeBlock qualified(String name) {
		return CodeBlock.of("$T.$L", this.holder, name);
	}

	/**
	 * A method with the operation's name, parameters and checks.
	 * @param name the method's name
	 * @param modifiers the method's modifiers
	 * @return the method, to complete with its return type, body and Javadoc
	 */
	MethodSpec.Builder method(String name, Modifier... modifiers) {
		MethodSpec.Builder method = MethodSpec.methodBuilder(name).addModifiers(modifiers);
		this.parameters.forEach(method::addParameter);
		this.checks.forEach(method::addStatement);
		return method;
	}

	/**
	 * The method that reads every page lazily, on the method of one page.
	 * @param modifiers the method's modifiers
	 * @param returned the type it returns
	 * @param walker the class whose {@code walk} reads the pages
	 * @param throwsDoc the Javadoc of what the method throws
	 * @return the method
	 */
	MethodSpec walk(Modifier[] modifiers, TypeName returned, ClassName walker, String throwsDoc) {
		MethodSpec.Builder walk = MethodSpec.methodBuilder(this.methodName + "All")
			.addModifiers(modifiers)
			.returns(returned);
		this.parameters.forEach(walk::addParameter);
		walk.addJavadoc("Read every item of {@code $L $L} lazily, page after page; see {@link $T#walk}.\n",
				this.operation.method(), this.operation.path(), walker);
		this.parameters.forEach((parameter) -> walk.addJavadoc("@param $N $L\n", parameter,
				parameter.name().equals("query") ? "the first page to fetch: its size, order and filter apply to all"
						: "as for {@link #" + this.methodName + "}"));
		walk.addJavadoc("@return the items\n" + throwsDoc);
		walk.addStatement("return $T.walk(query, (page) -> $L($L))", walker, this.methodName,
				String.join(", ", this.walkArguments));
		return walk.build();
	}

}
