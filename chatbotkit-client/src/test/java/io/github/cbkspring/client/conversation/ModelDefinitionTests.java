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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ModelDefinition}.
 *
 * @author cbkspring contributors
 */
class ModelDefinitionTests {

	/**
	 * The OpenAPI pattern, unanchored as JSON Schema patterns are.
	 */
	private static final Pattern OPENAPI = Pattern.compile("\\w+(?:\\/\\w+=\\w+)*");

	/**
	 * The structure the definition promises, anchored.
	 */
	private static final Pattern STRUCTURE = Pattern
		.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*(/[A-Za-z0-9_]+=-?[A-Za-z0-9_][A-Za-z0-9_.-]*)*");

	@Test
	void knownParametersAreWrittenInTheOrderTheyAreSet() {
		ModelDefinition model = ModelDefinition.of("gpt-5.4")
			.temperature(0.7)
			.maxTokens(512)
			.frequencyPenalty(-0.5)
			.presencePenalty(1.25)
			.seed(42)
			.interactionMaxMessages(20)
			.region("eu");
		assertThat(model).hasToString("gpt-5.4/temperature=0.7/maxTokens=512/frequencyPenalty=-0.5"
				+ "/presencePenalty=1.25/seed=42/interactionMaxMessages=20/region=eu");
		assertThat(OPENAPI.matcher(model.toString()).find()).isTrue();
		assertThat(STRUCTURE.matcher(model.toString()).matches()).isTrue();
	}

	@Test
	void theBriefExampleIsWrittenExactly() {
		assertThat(ModelDefinition.of("gpt-5.4").temperature(0.7).maxTokens(512))
			.hasToString("gpt-5.4/temperature=0.7/maxTokens=512");
		assertThat(ModelDefinition.of("gpt-5.4")).hasToString("gpt-5.4");
	}

	@Test
	void settingAParameterAgainReplacesItsValueInPlace() {
		ModelDefinition model = ModelDefinition.of("m").temperature(0.1).maxTokens(5).temperature(0.2);
		assertThat(model).hasToString("m/temperature=0.2/maxTokens=5");
	}

	@Test
	void numbersAreWrittenInPlainDecimalNotation() {
		assertThat(ModelDefinition.of("m").temperature(0.00001)).hasToString("m/temperature=0.00001");
		assertThat(ModelDefinition.of("m").parameter("topP", new BigDecimal("1E-3"))).hasToString("m/topP=0.001");
		assertThat(ModelDefinition.of("m").temperature(1.0)).hasToString("m/temperature=1");
		assertThat(ModelDefinition.of("m").parameter("topK", 40)).hasToString("m/topK=40");
		assertThat(ModelDefinition.of("m").parameter("stream", true)).hasToString("m/stream=true");
	}

	@Test
	void nonFiniteNumbersAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ModelDefinition.of("m").temperature(Double.NaN));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ModelDefinition.of("m").temperature(Double.POSITIVE_INFINITY));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "gpt 5", "gpt/5", "a=b", "-gpt", ".gpt", "gpt?x", "gpt#", "gpt\n" })
	void namesThatWouldBreakTheStringAreRefused(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> ModelDefinition.of(name));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "max tokens", "a/b", "a=b", "a-b", "a.b", "é" })
	void parameterNamesMustBeWordCharacters(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> ModelDefinition.of("m").parameter(name, 1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "a b", "a/b", "a=b", "--1", ".5", "x?" })
	void parameterValuesThatWouldBreakTheStringAreRefused(String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> ModelDefinition.of("m").parameter("p", value));
	}

	@Test
	void limitsOfKnownParametersAreChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> ModelDefinition.of("m").maxTokens(0));
		assertThatIllegalArgumentException().isThrownBy(() -> ModelDefinition.of("m").interactionMaxMessages(-1));
	}

	@Test
	void parseReadsABotsModelBack() {
		ModelDefinition model = ModelDefinition.parse("gpt-5.4/temperature=0.2/maxTokens=512/region=eu");
		assertThat(model.name()).isEqualTo("gpt-5.4");
		assertThat(model.parameters()).containsExactly(Map.entry("temperature", "0.2"), Map.entry("maxTokens", "512"),
				Map.entry("region", "eu"));
		assertThat(model).isEqualTo(ModelDefinition.of("gpt-5.4").temperature(0.2).maxTokens(512).region("eu"));
		assertThat(ModelDefinition.parse("claude-4.5-sonnet")).isEqualTo(ModelDefinition.of("claude-4.5-sonnet"));
	}

	@Test
	void parseOfWhatWasWrittenGivesTheSameDefinition() {
		ModelDefinition model = ModelDefinition.of("m_1").presencePenalty(-2).parameter("custom_x", "v-1.2");
		assertThat(ModelDefinition.parse(model.toString())).isEqualTo(model);
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "gpt/temperature", "gpt/=1", "gpt/", "/temperature=1", "gpt//a=1", "gpt/a=1/a=2", "gpt/a=b=c" })
	void parseRefusesMalformedStrings(String model) {
		assertThatIllegalArgumentException().isThrownBy(() -> ModelDefinition.parse(model));
	}

	@Test
	void parametersAreACopy() {
		Map<String, String> parameters = new LinkedHashMap<>(Map.of("a", "1"));
		ModelDefinition model = new ModelDefinition("m", parameters);
		parameters.put("b", "2");
		assertThat(model).hasToString("m/a=1");
	}

}
