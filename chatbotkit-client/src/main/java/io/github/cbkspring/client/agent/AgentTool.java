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

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.cbkspring.client.conversation.FunctionDefinition;
import io.github.cbkspring.client.internal.JsonCodec;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A tool that runs in the application while ChatBotKit's loop goes on: a name, what it
 * does, a JSON Schema of its arguments, and the code that runs it.
 * {@link ChatBotKitAgent} offers it to the model as a function whose result it publishes
 * to a channel. The schema comes from a record <pre class="code">
 * record Lookup(String orderId) { }
 *
 * AgentTool lookup = AgentTool.of("lookupOrder", "Look up an order by id", Lookup.class,
 *     (args) -&gt; orders.find(args.orderId()));
 * </pre> or is given as maps, with the arguments handed over as a map
 * ({@link #of(String, String, Map, Handler)}).
 * <p>
 * Before the code runs, the arguments are checked: every property the schema names under
 * {@code required} must be present, and for a record tool they must map to the record. A
 * check that fails is reported to the model as {@code Invalid arguments: ...} and the
 * code does not run. What the code returns is published as the result (written as JSON);
 * an {@link AgentToolException} it throws is published with its message, any other
 * exception as {@code Tool '<name>' failed}, so that no internal detail reaches the
 * model.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public final class AgentTool {

	private final FunctionDefinition definition;

	private final List<String> required;

	private final Handler handler;

	private AgentTool(FunctionDefinition definition, Handler handler) {
		Assert.notNull(handler, "Tool handler must not be null");
		this.definition = definition;
		this.handler = handler;
		this.required = (definition.parameters().get("required") instanceof Collection<?> names)
				? names.stream().map(String.class::cast).toList() : List.of();
	}

	/**
	 * A tool whose arguments are given as maps, lists and values.
	 * @param name the tool's name: a JavaScript identifier of at most 64 characters
	 * @param description what the tool does, for the model to decide when to call it
	 * @param parameters the JSON Schema of the arguments, an {@code object} schema
	 * @param handler the code that runs the tool
	 * @return the tool
	 * @throws IllegalArgumentException if the name is not a JavaScript identifier or the
	 * schema is not an object schema
	 */
	public static AgentTool of(String name, String description, Map<String, ?> parameters, Handler handler) {
		return new AgentTool(FunctionDefinition.of(name, description, parameters), handler);
	}

	/**
	 * A tool whose schema is given as JSON text, such as a Spring AI tool's input schema.
	 * @param name the tool's name: a JavaScript identifier of at most 64 characters
	 * @param description what the tool does
	 * @param parametersJson the JSON Schema of the arguments as JSON text
	 * @param handler the code that runs the tool
	 * @return the tool
	 * @throws IllegalArgumentException if the name is not a JavaScript identifier or the
	 * text is not a JSON object schema
	 */
	public static AgentTool ofJson(String name, String description, String parametersJson, Handler handler) {
		return new AgentTool(FunctionDefinition.ofJson(name, description, parametersJson), handler);
	}

	/**
	 * A tool whose arguments are a record: the schema is derived from the record's
	 * components (text, numbers, booleans, enums, lists, arrays, maps and nested records;
	 * a component is required unless it is annotated {@code @Nullable} or is an
	 * {@code Optional}), and the arguments are mapped to the record before the code runs.
	 * @param <A> the record type
	 * @param name the tool's name: a JavaScript identifier of at most 64 characters
	 * @param description what the tool does
	 * @param argumentsType the record type of the arguments
	 * @param handler the code that runs the tool
	 * @return the tool
	 * @throws IllegalArgumentException if the name is not a JavaScript identifier, or the
	 * type is not a record or has a component of a type the schema cannot describe
	 */
	public static <A extends Record> AgentTool of(String name, String description, Class<A> argumentsType,
			TypedHandler<A> handler) {
		Assert.notNull(argumentsType, "Arguments type must not be null");
		Assert.notNull(handler, "Tool handler must not be null");
		Map<String, Object> schema = RecordSchema.of(argumentsType);
		return new AgentTool(FunctionDefinition.of(name, description, schema),
				(arguments) -> handler.apply(convert(arguments, argumentsType)));
	}

	private static <A> A convert(Map<String, Object> arguments, Class<A> type) {
		try {
			return JsonCodec.INSTANCE.convertValue(arguments, type);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidArgumentsException(String.valueOf(ex.getMessage()));
		}
	}

	/**
	 * The tool's name.
	 * @return the name
	 */
	public String name() {
		return this.definition.name();
	}

	/**
	 * What the tool does.
	 * @return the description
	 */
	public String description() {
		return this.definition.description();
	}

	/**
	 * The JSON Schema of the arguments.
	 * @return the schema as maps, lists and values
	 */
	public Map<String, Object> parameters() {
		return this.definition.parameters();
	}

	/**
	 * The function offered to the model, without a result.
	 * @return the function
	 */
	FunctionDefinition definition() {
		return this.definition;
	}

	/**
	 * Check the arguments and run the tool, as the agent does when the model calls it;
	 * also a way to test a tool.
	 * @param arguments the arguments, as maps, lists and values
	 * @return what the tool returns
	 * @throws IllegalArgumentException if the arguments are not acceptable: a required
	 * property is missing, or they do not map to the record of a record tool
	 * @throws Exception anything the tool throws
	 */
	public @Nullable Object call(Map<String, Object> arguments) throws Exception {
		Assert.notNull(arguments, "Arguments must not be null");
		for (String property : this.required) {
			if (arguments.get(property) == null) {
				throw new InvalidArgumentsException("missing required property '" + property + "'");
			}
		}
		return this.handler.apply(new LinkedHashMap<>(arguments));
	}

	@Override
	public String toString() {
		return "AgentTool[" + name() + "]";
	}

	/**
	 * The code of a tool whose arguments are maps, lists and values.
	 */
	@FunctionalInterface
	public interface Handler {

		/**
		 * Run the tool.
		 * @param arguments the arguments the model chose, checked against the schema's
		 * {@code required} properties
		 * @return the result, written as JSON; {@code null} for none
		 * @throws Exception if the tool fails: an {@link AgentToolException}'s message is
		 * published, any other's is not
		 */
		@Nullable Object apply(Map<String, Object> arguments) throws Exception;

	}

	/**
	 * The code of a tool whose arguments are a record.
	 *
	 * @param <A> the record type
	 */
	@FunctionalInterface
	public interface TypedHandler<A> {

		/**
		 * Run the tool.
		 * @param arguments the arguments the model chose
		 * @return the result, written as JSON; {@code null} for none
		 * @throws Exception if the tool fails: an {@link AgentToolException}'s message is
		 * published, any other's is not
		 */
		@Nullable Object apply(A arguments) throws Exception;

	}

}
