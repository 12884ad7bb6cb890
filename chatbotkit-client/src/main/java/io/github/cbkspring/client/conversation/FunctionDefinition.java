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

package io.github.cbkspring.client.conversation;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.cbkspring.client.internal.JsonCodec;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A function the bot may call in a completion: its name, what it does, and a JSON Schema
 * of its arguments; optionally how its result reaches the API and whether it is called at
 * the start or end of the conversation. Built from what a tool framework already has:
 * <pre class="code">
 * FunctionDefinition weather = FunctionDefinition.ofJson("getWeather", "The weather in a city",
 *     """
 *     {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}
 *     """);
 * </pre> A function without a {@link FunctionResult} is run by the caller: the completion
 * ends with {@link EndReason#ACTIVITY} after the bot's call, which {@link FunctionCall}
 * reads; the caller sends its result back in the next request.
 *
 * @param name the function's name: a JavaScript identifier of at most 64 characters
 * (letters, digits, {@code _} and {@code $}, not starting with a digit)
 * @param description what the function does, for the model to decide when to call it
 * @param parameters the JSON Schema of the arguments: an {@code object} schema with
 * {@code properties} (added empty if missing) and optionally {@code required}; other
 * keywords are sent as given
 * @param result how the API gets the result without the caller, if it does
 * @param call when the function is called without the model deciding, if ever
 * @author cbkspring contributors
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FunctionDefinition(String name, String description, Map<String, Object> parameters,
		@Nullable FunctionResult result, @Nullable Call call) {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,63}");

	/**
	 * Validate the definition and copy its schema, adding {@code "type": "object"} and
	 * empty {@code properties} where missing.
	 * @param name the function's name
	 * @param description what the function does
	 * @param parameters the JSON Schema of the arguments
	 * @param result how the API gets the result, if it does
	 * @param call when the function is called without the model deciding, if ever
	 */
	public FunctionDefinition {
		Assert.isTrue(name != null && NAME.matcher(name).matches(), () -> "Function name must be a JavaScript"
				+ " identifier of at most 64 characters (letters, digits, '_', '$'), but was '" + name + "'");
		Assert.notNull(description, "Function description must not be null");
		parameters = schema(parameters);
	}

	/**
	 * A function with a JSON Schema given as maps, lists and values.
	 * @param name the function's name
	 * @param description what the function does
	 * @param parameters the JSON Schema of the arguments
	 * @return the definition
	 * @throws IllegalArgumentException if the name is not a JavaScript identifier or the
	 * schema is not an object schema
	 */
	public static FunctionDefinition of(String name, String description, Map<String, ?> parameters) {
		Assert.notNull(parameters, "Function parameters must not be null");
		return new FunctionDefinition(name, description, new LinkedHashMap<>(parameters), null, null);
	}

	/**
	 * A function with a JSON Schema given as JSON text, such as a Spring AI
	 * {@code ToolDefinition}'s input schema.
	 * @param name the function's name
	 * @param description what the function does
	 * @param parametersJson the JSON Schema of the arguments as JSON text
	 * @return the definition
	 * @throws IllegalArgumentException if the name is not a JavaScript identifier or the
	 * text is not a JSON object schema
	 */
	public static FunctionDefinition ofJson(String name, String description, String parametersJson) {
		Assert.notNull(parametersJson, "Function parameters must not be null");
		return new FunctionDefinition(name, description,
				JsonCodec.INSTANCE.readObject(parametersJson, "Function parameters"), null, null);
	}

	/**
	 * A copy whose result the API gets without the caller.
	 * @param result the fixed result or the channel
	 * @return the copy
	 */
	public FunctionDefinition withResult(FunctionResult result) {
		Assert.notNull(result, "Function result must not be null");
		return new FunctionDefinition(this.name, this.description, this.parameters, result, this.call);
	}

	/**
	 * A copy that is called without the model deciding.
	 * @param call when the function is called
	 * @return the copy
	 */
	public FunctionDefinition withCall(Call call) {
		Assert.notNull(call, "Function call must not be null");
		return new FunctionDefinition(this.name, this.description, this.parameters, this.result, call);
	}

	private static Map<String, Object> schema(Map<String, Object> parameters) {
		Assert.notNull(parameters, "Function parameters must not be null");
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("type", "object");
		schema.put("properties", Map.of());
		schema.putAll(parameters);
		Assert.isTrue("object".equals(schema.get("type")), "Function parameters must be a schema of type 'object'");
		Assert.isInstanceOf(Map.class, schema.get("properties"), "Function parameters 'properties' must be an object");
		Object required = schema.get("required");
		Assert.isTrue(required == null
				|| (required instanceof Collection<?> names && names.stream().allMatch(String.class::isInstance)),
				"Function parameters 'required' must be a list of property names");
		return Copies.map(schema);
	}

	/**
	 * When a function is called without the model deciding ({@code call}).
	 *
	 * @param start whether it is called when the conversation starts, if said
	 * @param end whether it is called when the conversation ends, if said
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Call(@Nullable Boolean start, @Nullable Boolean end) {

		/**
		 * Called when the conversation starts.
		 * @return the call
		 */
		public static Call atStart() {
			return new Call(true, null);
		}

		/**
		 * Called when the conversation ends.
		 * @return the call
		 */
		public static Call atEnd() {
			return new Call(null, true);
		}

	}

}
