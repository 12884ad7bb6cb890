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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.cbkspring.client.core.Message;
import io.github.cbkspring.client.core.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link FunctionDefinition}, {@link FunctionResult} and {@link FunctionCall}:
 * what a tool framework hands over is accepted, what the API would refuse is refused.
 *
 * @author cbkspring contributors
 */
class FunctionDefinitionTests {

	@Test
	void aSchemaGivenAsJsonTextIsReadAsItIs() {
		FunctionDefinition function = FunctionDefinition.ofJson("getWeather", "The weather", """
				{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
				 "properties":{"city":{"type":"string"}},"required":["city"],"additionalProperties":false}
				""");
		assertThat(function.parameters()).containsEntry("type", "object")
			.containsEntry("properties", Map.of("city", Map.of("type", "string")))
			.containsEntry("required", List.of("city"))
			.containsEntry("additionalProperties", false)
			.containsKey("$schema");
	}

	@Test
	void aSchemaGivenAsAMapGetsTheObjectTypeAndEmptyPropertiesWhereMissing() {
		assertThat(FunctionDefinition.of("ping", "Pings", Map.of()).parameters())
			.isEqualTo(Map.of("type", "object", "properties", Map.of()));
		assertThat(FunctionDefinition.ofJson("ping", "Pings", "{}").parameters())
			.isEqualTo(Map.of("type", "object", "properties", Map.of()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "[]", "\"x\"", "null", "{not json", "{\"type\":\"string\"}",
			"{\"type\":\"object\",\"properties\":[]}", "{\"type\":\"object\",\"properties\":{},\"required\":\"a\"}",
			"{\"type\":\"object\",\"properties\":{},\"required\":[1]}" })
	void aSchemaThatIsNotAnObjectSchemaIsRefused(String json) {
		assertThatIllegalArgumentException().isThrownBy(() -> FunctionDefinition.ofJson("f", "F", json));
	}

	@ParameterizedTest
	@ValueSource(strings = { "get_weather", "$fetch", "_x", "getWeather2",
			"a234567890123456789012345678901234567890123456789012345678901234" })
	void javaScriptIdentifiersAreAcceptedAsNames(String name) {
		assertThat(FunctionDefinition.of(name, "F", Map.of()).name()).isEqualTo(name);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "get-weather", "2fast", "get weather", "wetter_für_morgen", "a.b",
			"a2345678901234567890123456789012345678901234567890123456789012345" })
	void namesThatAreNotJavaScriptIdentifiersOfAtMost64CharactersAreRefused(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> FunctionDefinition.of(name, "F", Map.of()));
	}

	@Test
	void theSchemaIsACopy() {
		Map<String, Object> schema = new HashMap<>(Map.of("type", "object"));
		FunctionDefinition function = FunctionDefinition.of("f", "F", schema);
		schema.put("properties", Map.of("x", Map.of()));
		assertThat(function.parameters()).containsEntry("properties", Map.of());
	}

	@Test
	void aChannelIdHasAtLeast16Characters() {
		assertThat(FunctionResult.channel("0123456789abcdef"))
			.isEqualTo(new FunctionResult.Channel("0123456789abcdef"));
		assertThatIllegalArgumentException().isThrownBy(() -> FunctionResult.channel("short"));
	}

	@Test
	void aCallIsReadFromAnActivityRequestMessageOnly() {
		Message request = new Message(MessageType.ACTIVITY, "", Map.of("activity",
				Map.of("type", "request", "function", Map.of("name", "lookup", "arguments", Map.of("id", 7)))));
		assertThat(FunctionCall.of(request)).contains(new FunctionCall("lookup", Map.of("id", 7), null));
		assertThat(FunctionCall.of(new CompletionEvent.MessageAdded(request))).isPresent();
		Message response = new Message(MessageType.ACTIVITY, "",
				Map.of("activity", Map.of("type", "response", "function", Map.of("name", "lookup"))));
		assertThat(FunctionCall.of(response)).isEmpty();
		assertThat(FunctionCall.of(new Message(MessageType.BOT, "", request.meta()))).isEmpty();
		assertThat(FunctionCall.of(Message.user("Hi"))).isEmpty();
		assertThat(FunctionCall.of(new CompletionEvent.Token("x"))).isEmpty();
		assertThat(FunctionCall.of(new CompletionEvent.Marker("waitForChannelMessageBegin", Map.of()))).isEmpty();
	}

	@Test
	void argumentsGivenAsJsonTextAreReadAndMissingOnesAreEmpty() {
		Message asText = new Message(MessageType.ACTIVITY, "", Map.of("activity",
				Map.of("type", "request", "function", Map.of("name", "f", "arguments", "{\"a\":[1,2]}"))));
		assertThat(FunctionCall.of(asText)).map(FunctionCall::arguments).contains(Map.of("a", List.of(1, 2)));
		Message without = new Message(MessageType.ACTIVITY, "",
				Map.of("activity", Map.of("type", "request", "function", Map.of("name", "f"))));
		assertThat(FunctionCall.of(without)).map(FunctionCall::arguments).contains(Map.of());
	}

	@Test
	void requestAndResponseMessagesCarryTheCallInTheirMetadata() {
		FunctionCall call = new FunctionCall("lookup", Map.of("id", 7), null);
		assertThat(call.argumentsJson()).isEqualTo("{\"id\":7}");
		assertThat(FunctionCall.of(call.request())).contains(call);
		Message response = call.response("{\"ok\":true}");
		assertThat(response.type()).isEqualTo(MessageType.ACTIVITY);
		assertThat(response.meta()).isEqualTo(Map.of("activity", Map.of("type", "response", "function",
				Map.of("name", "lookup", "arguments", Map.of("id", 7), "result", "{\"ok\":true}"))));
	}

	@Test
	void optionsRefuseTwoFunctionsOfTheSameName() {
		FunctionDefinition function = FunctionDefinition.of("f", "F", Map.of());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CompletionOptions.none().withFunction(function).withFunction(function));
	}

	@Test
	void limitsAndInlineCollectionsRefuseWhatTheApiWould() {
		assertThatIllegalArgumentException().isThrownBy(() -> Limits.none().withIterations(0));
		assertThatIllegalArgumentException().isThrownBy(() -> new Extensions.Dataset("d", null, List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> new Extensions.Skillset("s", null, List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> ContactRef.byFingerprint(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> ContactRef.byId(""));
	}

}
