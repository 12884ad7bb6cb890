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

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TypeWriter}'s records: credentials stay out of {@code toString()}.
 *
 * @author cbkspring contributors
 */
class TypeWriterTests {

	private static final ClassName SECRET = ClassName.get("io.github.cbkspring.client.secret", "Secret");

	private static final ClassName BOT = ClassName.get("io.github.cbkspring.client.blueprint", "Bot");

	@Test
	void textFieldsNamedForCredentialsAreCredentials() {
		for (String name : List.of("token", "accessToken", "botToken", "signingSecret", "clientSecret", "password",
				"apiKey", "privateKey", "credentials")) {
			assertThat(TypeWriter.isCredential(BOT, name, ClassName.get(String.class))).as(name).isTrue();
		}
		assertThat(TypeWriter.isCredential(SECRET, "value", ClassName.get(String.class))).isTrue();
	}

	@Test
	void idsCountsAndOtherValuesAreNot() {
		assertThat(TypeWriter.isCredential(BOT, "secretId", ClassName.get(String.class))).isFalse();
		assertThat(TypeWriter.isCredential(BOT, "tokenIds", ClassName.get(String.class))).isFalse();
		assertThat(TypeWriter.isCredential(BOT, "maxTokens", TypeName.LONG.box())).isFalse();
		assertThat(TypeWriter.isCredential(BOT, "value", ClassName.get(String.class))).isFalse();
		assertThat(TypeWriter.isCredential(BOT, "name", ClassName.get(String.class))).isFalse();
	}

	@Test
	void recordWithACredentialMasksItInToString() {
		List<JsonNode> fields = JsonMapper.builder()
			.build()
			.readValue("[{\"name\":\"name\",\"type\":{\"kind\":\"string\"}},"
					+ "{\"name\":\"accessToken\",\"type\":{\"kind\":\"string\"}}]", JsonNode.class)
			.valueStream()
			.toList();
		TypeSpec record = TypeWriter.record(BOT, fields, TypeWriter.Side.ANSWER, "A bot.",
				new Enums(BOT.packageName(), "Bot"));
		String source = record.toString();
		assertThat(source).contains("public java.lang.String toString()")
			.contains("\", accessToken=\" + ((this.accessToken != null) ? \"******\" : null)")
			.contains("\"Bot[name=\" + this.name");
	}

	@Test
	void recordWithoutACredentialKeepsTheRecordsOwnToString() {
		List<JsonNode> fields = JsonMapper.builder()
			.build()
			.readValue("[{\"name\":\"name\",\"type\":{\"kind\":\"string\"}}]", JsonNode.class)
			.valueStream()
			.toList();
		TypeSpec record = TypeWriter.record(BOT, fields, TypeWriter.Side.ANSWER, "A bot.",
				new Enums(BOT.packageName(), "Bot"));
		assertThat(record.toString()).doesNotContain("toString()");
	}

	@Test
	void aUnionIsToldApartByAFieldEachAlternativeRequiresWithItsOwnSingleValue() {
		assertThat(TypeWriter.discriminator(union("a", "b"))).isEqualTo("type");
		// the same value twice, or only one alternative, tells nothing apart
		assertThat(TypeWriter.discriminator(union("a", "a"))).isNull();
		assertThat(TypeWriter.discriminator(union("a"))).isNull();
		assertThat(TypeWriter.discriminator(JsonMapper.builder().build().readTree("""
				{"kind": "union", "of": [{"kind": "object", "fields": [{"name": "botId", "required": false,
				  "type": {"kind": "string"}}]}, {"kind": "object", "fields": []}]}"""))).isNull();
		assertThat(TypeWriter.discriminator(JsonMapper.builder().build().readTree("""
				{"kind": "union", "of": [{"kind": "string"}, {"kind": "number"}]}"""))).isNull();
	}

	@Test
	void aUnionToldApartIsASealedInterfaceWithARecordPerAlternativeAndUnknownForAnswersOnly() {
		ClassName event = ClassName.get("io.github.cbkspring.client.task", "Event");
		Enums enums = new Enums(event.packageName(), "Task");
		String answer = TypeWriter.sealed(event, union("begin", "end"), TypeWriter.Side.ANSWER, "An event.", enums)
			.toString();
		assertThat(answer).contains("sealed interface Event", "record Begin(", "record End(", "record Unknown(",
				"defaultImpl = io.github.cbkspring.client.task.Event.Unknown.class", "name = \"begin\"");
		String request = TypeWriter.sealed(event, union("begin", "end"), TypeWriter.Side.REQUEST, "An event.", enums)
			.toString();
		assertThat(request).contains("record Begin(", "builder()").doesNotContain("Unknown");
	}

	@Test
	void theFieldsDeclaredBesideAUnionsAlternativesComeFirstAsTheyAreInTheMergedRecord() {
		JsonNode union = JsonMapper.builder().build().readTree("""
				{"kind": "union",
				 "fields": [{"name": "messages", "required": true, "type": {"kind": "string"}}],
				 "of": [{"kind": "object", "fields": [{"name": "botId", "required": true, "type": {"kind": "string"}}]},
				        {"kind": "object", "fields": [{"name": "model", "required": false, "type": {"kind": "string"}},
				          {"name": "messages", "required": false, "type": {"kind": "number"}}]}]}""");
		assertThat(TypeWriter.fields(union))
			.extracting((field) -> field.path("name").asString() + (field.path("required").asBoolean() ? "*" : "") + ":"
					+ field.path("type").path("kind").asString())
			.containsExactly("messages*:string", "botId:string", "model:string");
	}

	@Test
	void theFieldsDeclaredBesideAUnionToldApartAreInEachAlternative() {
		ClassName event = ClassName.get("io.github.cbkspring.client.task", "Event");
		tools.jackson.databind.node.ObjectNode union = (tools.jackson.databind.node.ObjectNode) union("begin", "end");
		union.putArray("fields")
			.addObject()
			.put("name", "taskId")
			.put("required", true)
			.putObject("type")
			.put("kind", "string");
		String source = TypeWriter
			.sealed(event, union, TypeWriter.Side.ANSWER, "An event.", new Enums(event.packageName(), "Task"))
			.toString();
		// in Begin and End, not in Unknown
		assertThat(source.split("java.lang.String taskId", -1)).hasSize(3);
		assertThat(source.indexOf("java.lang.String taskId")).isBetween(source.indexOf("record Begin("),
				source.indexOf("record End("));
	}

	private static JsonNode union(String... values) {
		StringBuilder of = new StringBuilder();
		for (String value : values) {
			of.append((of.length() > 0) ? "," : "")
				.append("{\"kind\": \"object\", \"fields\": [{\"name\": \"type\", \"required\": true, ")
				.append("\"type\": {\"kind\": \"string\", \"enum\": [\"")
				.append(value)
				.append("\"]}}, {\"name\": \"at\", \"required\": false, \"type\": {\"kind\": \"integer\"}}]}");
		}
		return JsonMapper.builder().build().readTree("{\"kind\": \"union\", \"of\": [" + of + "]}");
	}

}
