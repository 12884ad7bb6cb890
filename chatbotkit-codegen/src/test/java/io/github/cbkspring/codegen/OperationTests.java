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

import io.github.cbkspring.codegen.Operation.Answer;
import io.github.cbkspring.codegen.Operation.Request;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Operation}: the shapes that decide what a generated method takes and
 * returns.
 *
 * @author cbkspring contributors
 */
class OperationTests {

	private static final String ID_ONLY = """
			{"kind": "object", "fields": [{"name": "id", "required": true, "type": {"kind": "string"}}]}""";

	@Test
	void updateAndDeleteReturnNothingAndOtherIdEchoesReturnTheId() {
		assertThat(operation("POST", "/thing/{thingId}/update", ID_ONLY).answer()).isEqualTo(Answer.VOID);
		assertThat(operation("POST", "/thing/{thingId}/delete", ID_ONLY).answer()).isEqualTo(Answer.VOID);
		assertThat(operation("POST", "/thing/create", ID_ONLY).answer()).isEqualTo(Answer.ID);
		assertThat(operation("POST", "/thing/{thingId}/clone", ID_ONLY).answer()).isEqualTo(Answer.ID);
		assertThat(operation("POST", "/thing/{thingId}/sync", """
				{"kind": "object", "fields": []}""").answer()).isEqualTo(Answer.VOID);
	}

	@Test
	void aListWithItemsAndCursorIsAPageOnlyWhenItTakesACursor() {
		String page = """
				{"kind": "object", "fields": [
				  {"name": "items", "required": true, "type": {"kind": "array", "items": {"kind": "object", "fields": []}}},
				  {"name": "cursor", "required": false, "type": {"kind": "string"}}]}""";
		Operation list = Operation.of(json("""
				{"id": "listThings", "method": "GET", "path": "/thing/list",
				 "query": [{"name": "cursor"}, {"name": "take"}, {"name": "status"}], "answer": %s}"""
			.formatted(page)));
		assertThat(list.answer()).isEqualTo(Answer.PAGE);
		assertThat(list.parameters()).extracting((parameter) -> parameter.path("name").asString())
			.containsExactly("status");
		assertThat(operation("GET", "/thing/list", page).answer()).isEqualTo(Answer.RECORD);
	}

	@Test
	void aStreamWhoseEventsHaveAnErrorAlternativeHasErrorEventsAsDataAndNoOtherHas() {
		String events = """
				{"kind": "union", "of": [
				  {"kind": "object", "fields": [{"name": "type", "required": true, "type": {"kind": "string", "enum": ["%s"]}}]},
				  {"kind": "object", "fields": [{"name": "type", "required": true, "type": {"kind": "string", "enum": ["%s"]}}]}]}""";
		assertThat(stream(events.formatted("operationEnd", "error")).streamsErrorEvents()).isTrue();
		assertThat(stream(events.formatted("operationEnd", "message")).streamsErrorEvents()).isFalse();
		// one alternative tells nothing apart: an error event there is the stream's end
		assertThat(
				stream("""
						{"kind": "object", "fields": [{"name": "type", "required": true, "type": {"kind": "string", "enum": ["error"]}}]}""")
					.streamsErrorEvents())
			.isFalse();
		assertThat(operation("POST", "/thing/{thingId}/sync", events.formatted("a", "error")).streamsErrorEvents())
			.isFalse();
	}

	private static Operation stream(String answer) {
		return Operation.of(json("""
				{"id": "s", "method": "POST", "path": "/thing/subscribe", "streams": true, "answer": %s}"""
			.formatted(answer)));
	}

	@Test
	void streamsDownloadsAndUndescribedAnswers() {
		assertThat(Operation.of(json("""
				{"id": "s", "method": "POST", "path": "/thing/subscribe", "streams": true,
				 "answer": {"kind": "object", "fields": []}}""")).answer()).isEqualTo(Answer.STREAM);
		assertThat(Operation.of(json("""
				{"id": "d", "method": "GET", "path": "/thing/download", "answerContent": ["text/csv"]}""")).answer())
			.isEqualTo(Answer.DOWNLOAD);
		assertThat(Operation.of(json("""
				{"id": "c", "method": "POST", "path": "/openai/chat/completions", "answerContent": []}""")).answer())
			.isEqualTo(Answer.MAP);
		assertThat(operation("GET", "/thing/report", """
				{"kind": "union", "of": [{"kind": "string"}, {"kind": "object", "fields": []}]}""").answer())
			.isEqualTo(Answer.MAP);
	}

	@Test
	void requestsAreNoneEmptyRecordsOrMaps() {
		assertThat(request(null)).isEqualTo(Request.NONE);
		assertThat(request("{\"kind\": \"object\", \"fields\": []}")).isEqualTo(Request.EMPTY);
		assertThat(request("{\"kind\": \"map\", \"values\": {\"kind\": \"any\"}}")).isEqualTo(Request.MAP);
		assertThat(
				request("""
						{"kind": "union", "of": [
						  {"kind": "object", "fields": [{"name": "file", "required": true, "type": {"kind": "string"}}]},
						  {"kind": "object", "fields": [{"name": "file", "required": true, "type": {"kind": "object", "fields": []}}]}]}"""))
			.isEqualTo(Request.RECORD);
	}

	@Test
	void updateAndDeleteReturnNothingWhenTheyEchoWhatWasSentAndOtherCallsTheId() {
		assertThat(operation("POST", "/thing/{thingId}/update", ID_ONLY).answer()).isEqualTo(Answer.VOID);
		assertThat(operation("POST", "/thing/{thingId}/delete", ID_ONLY).answer()).isEqualTo(Answer.VOID);
		assertThat(operation("POST", "/thing/{thingId}/clone", ID_ONLY).answer()).isEqualTo(Answer.ID);
		Operation storage = Operation.of(
				json("""
						{"id": "op", "method": "POST", "path": "/space/{spaceId}/storage/delete/{path}",
						 "pathParameters": ["spaceId", "path"], "pathOfSegments": "path",
						 "answer": {"kind": "object", "fields": [{"name": "path", "required": true, "type": {"kind": "string"}}]}}"""));
		assertThat(storage.answer()).isEqualTo(Answer.VOID);
		assertThat(storage.endpointPath()).isEqualTo("/space/{spaceId}/storage/delete/{*path}");
		assertThat(storage.isPathOfSegments("path")).isTrue();
		assertThat(storage.isPathOfSegments("spaceId")).isFalse();
		Operation updateWithMore = operation("POST", "/thing/{thingId}/update",
				"{\"kind\": \"object\", \"fields\": [{\"name\": \"id\"}, {\"name\": \"warning\"}]}");
		assertThat(updateWithMore.answer()).isEqualTo(Answer.RECORD);
	}

	@Test
	void chainVerbAndMethodNames() {
		Operation ability = operation("POST", "/skillset/{skillsetId}/ability/{abilityId}/update", ID_ONLY);
		assertThat(ability.chain()).containsExactly("skillset", "ability");
		assertThat(ability.verb()).isEqualTo("update");
		assertThat(ability.pathVariables()).containsExactly("skillsetId", "abilityId");
		assertThat(ability.methodName((name) -> false)).isEqualTo("update");
		assertThat(ability.typeStem("update")).isEqualTo("SkillsetAbilityUpdate");
		assertThat(ability.methodName((name) -> true)).isEqualTo("op");
		assertThat(ability.typeStem("op")).isEqualTo("Op");
		Operation storage = operation("GET", "/space/{spaceId}/storage/list/{path}", ID_ONLY);
		assertThat(storage.chain()).containsExactly("space", "storage");
		assertThat(storage.verb()).isEqualTo("list");
		Operation graphql = operation("POST", "/graphql", ID_ONLY);
		assertThat(graphql.chain()).isEqualTo(List.of("graphql"));
		assertThat(graphql.verb()).isNull();
		assertThat(graphql.methodName((name) -> false)).isEqualTo("execute");
		assertThat(graphql.typeStem("execute")).isEqualTo("GraphQl");
		assertThat(graphql.methodName((name) -> true)).isEqualTo("op");
		Operation keyword = operation("POST", "/blueprint/{blueprintId}/resource/import", ID_ONLY);
		assertThat(keyword.methodName((name) -> false)).isEqualTo("op");
	}

	private static Operation operation(String method, String path, String answer) {
		return Operation.of(json("""
				{"id": "op", "method": "%s", "path": "%s", "answer": %s}""".formatted(method, path, answer)));
	}

	private static Request request(String request) {
		return Operation
			.of(json("""
					{"id": "op", "method": "POST", "path": "/thing/create"%s}"""
				.formatted((request != null) ? ", \"request\": " + request : "")))
			.request();
	}

	private static JsonNode json(String json) {
		return JsonMapper.builder().build().readTree(json);
	}

}
