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

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;

import org.springframework.util.Assert;

/**
 * A model with parameters, in the API's model string form
 * {@code name/parameter=value/...}: <pre class="code">
 * ModelDefinition.of("gpt-5.4").temperature(0.7).maxTokens(512).toString()
 *     // "gpt-5.4/temperature=0.7/maxTokens=512"
 * ModelDefinition.parse(bot.model()).parameters().get("temperature")
 * </pre> Immutable: every parameter method returns a copy; setting a parameter again
 * replaces its value and keeps its position.
 * <p>
 * Parameters the peer SDK knows ({@code ModelConfig} of the Node SDK; the OpenAPI
 * description names none): {@link #temperature(double) temperature},
 * {@link #maxTokens(int) maxTokens}, {@link #frequencyPenalty(double) frequencyPenalty},
 * {@link #presencePenalty(double) presencePenalty}, {@link #seed(long) seed},
 * {@link #interactionMaxMessages(int) interactionMaxMessages} and {@link #region(String)
 * region} ({@code us} or {@code eu}). Any other goes through
 * {@link #parameter(String, Object)}; which ones a model honours is the API's business.
 * <p>
 * The OpenAPI description gives the pattern {@code \w+(?:\/\w+=\w+)*}. Like every JSON
 * Schema pattern it is unanchored, and the API's own example {@code gpt-5.4} holds
 * {@code -} and {@code .}, which {@code \w} does not match, so the pattern is read as the
 * structure it describes: the model name and each value are one or more of
 * {@code A-Z a-z 0-9 _ . -} starting with a letter, digit or {@code _} (or, for values, a
 * {@code -} sign), and parameter names are {@code \w+}. Names and values are checked when
 * set, so no {@code /}, {@code =}, space or other character can break the string, and
 * every result contains a match of the pattern.
 *
 * @param name the model's name, such as {@code gpt-5.4}
 * @param parameters the parameters in the order they were set, as they are written
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record ModelDefinition(String name, Map<String, String> parameters) {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

	private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z0-9_]+");

	private static final Pattern VALUE = Pattern.compile("-?[A-Za-z0-9_][A-Za-z0-9_.-]*");

	/**
	 * Validate the definition and copy its parameters.
	 * @param name the model's name
	 * @param parameters the parameters, in order
	 */
	public ModelDefinition {
		Assert.isTrue(name != null && NAME.matcher(name).matches(),
				() -> "Model name must be letters, digits, '_', '.' or '-', but was '" + name + "'");
		Assert.notNull(parameters, "Parameters must not be null (use an empty map)");
		parameters.forEach(ModelDefinition::check);
		parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
	}

	/**
	 * A model without parameters.
	 * @param name the model's name, such as {@code gpt-5.4}
	 * @return the definition
	 * @throws IllegalArgumentException if the name is not acceptable
	 */
	public static ModelDefinition of(String name) {
		return new ModelDefinition(name, Map.of());
	}

	/**
	 * Read a model string such as a {@code Bot}'s model, {@code gpt-5.4/temperature=0.2}.
	 * @param model the model string
	 * @return the definition
	 * @throws IllegalArgumentException if the string is not of the form
	 * {@code name/parameter=value/...} with acceptable names and values
	 */
	public static ModelDefinition parse(String model) {
		Assert.notNull(model, "Model must not be null");
		String[] segments = model.split("/", -1);
		Map<String, String> parameters = new LinkedHashMap<>();
		for (int i = 1; i < segments.length; i++) {
			int equals = segments[i].indexOf('=');
			Assert.isTrue(equals > 0, () -> "Model parameter must be name=value, but was '" + model + "'");
			String name = segments[i].substring(0, equals);
			Assert.isTrue(!parameters.containsKey(name),
					() -> "Model parameter '" + name + "' is given twice in '" + model + "'");
			parameters.put(name, segments[i].substring(equals + 1));
		}
		return new ModelDefinition(segments[0], parameters);
	}

	/**
	 * A copy with a sampling temperature.
	 * @param temperature the temperature, such as {@code 0.7}
	 * @return the copy
	 */
	public ModelDefinition temperature(double temperature) {
		return parameter("temperature", temperature);
	}

	/**
	 * A copy with a limit on the tokens of a reply.
	 * @param maxTokens the limit, positive
	 * @return the copy
	 */
	public ModelDefinition maxTokens(int maxTokens) {
		Assert.isTrue(maxTokens > 0, "maxTokens must be positive");
		return parameter("maxTokens", maxTokens);
	}

	/**
	 * A copy with a frequency penalty.
	 * @param frequencyPenalty the penalty, such as {@code 0.5}
	 * @return the copy
	 */
	public ModelDefinition frequencyPenalty(double frequencyPenalty) {
		return parameter("frequencyPenalty", frequencyPenalty);
	}

	/**
	 * A copy with a presence penalty.
	 * @param presencePenalty the penalty, such as {@code 0.5}
	 * @return the copy
	 */
	public ModelDefinition presencePenalty(double presencePenalty) {
		return parameter("presencePenalty", presencePenalty);
	}

	/**
	 * A copy with a sampling seed, for repeatable replies where the model supports it.
	 * @param seed the seed
	 * @return the copy
	 */
	public ModelDefinition seed(long seed) {
		return parameter("seed", seed);
	}

	/**
	 * A copy with a limit on how many of the latest messages the model sees.
	 * @param interactionMaxMessages the number of messages, positive
	 * @return the copy
	 */
	public ModelDefinition interactionMaxMessages(int interactionMaxMessages) {
		Assert.isTrue(interactionMaxMessages > 0, "interactionMaxMessages must be positive");
		return parameter("interactionMaxMessages", interactionMaxMessages);
	}

	/**
	 * A copy with the region the model runs in.
	 * @param region the region, such as {@code us} or {@code eu}
	 * @return the copy
	 */
	public ModelDefinition region(String region) {
		return parameter("region", region);
	}

	/**
	 * A copy with any parameter. Numbers are written in plain decimal notation
	 * ({@code 0.00001}, never {@code 1.0E-5}; {@code 1.0} as {@code 1}); anything else
	 * with {@code toString()}.
	 * @param name the parameter's name: letters, digits and {@code _}
	 * @param value the value
	 * @return the copy
	 * @throws IllegalArgumentException if the name or the written value is not
	 * acceptable, or a number is not finite
	 */
	public ModelDefinition parameter(String name, Object value) {
		Assert.notNull(value, "Model parameter value must not be null");
		Map<String, String> parameters = new LinkedHashMap<>(this.parameters);
		parameters.put(name, write(value));
		return new ModelDefinition(this.name, parameters);
	}

	/**
	 * The model string the API reads.
	 * @return the name and the parameters, such as {@code gpt-5.4/temperature=0.7}
	 */
	@JsonValue
	@Override
	public String toString() {
		StringBuilder model = new StringBuilder(this.name);
		this.parameters.forEach((name, value) -> model.append('/').append(name).append('=').append(value));
		return model.toString();
	}

	private static String write(Object value) {
		if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			Assert.isTrue(Double.isFinite(number), "Model parameter value must be a finite number");
			return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		return value.toString();
	}

	private static void check(String name, String value) {
		Assert.isTrue(name != null && PARAMETER_NAME.matcher(name).matches(),
				() -> "Model parameter name must be letters, digits or '_', but was '" + name + "'");
		Assert.isTrue(value != null && VALUE.matcher(value).matches(), () -> "Value of model parameter '" + name
				+ "' must be letters, digits, '_', '.' or '-', but was '" + value + "'");
	}

}
