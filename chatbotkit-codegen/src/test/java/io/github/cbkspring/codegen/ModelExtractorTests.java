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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Tests for {@link ModelExtractor}.
 *
 * @author cbkspring contributors
 */
class ModelExtractorTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String DESCRIPTION = """
			{"paths": {
			  "/thing/{thingId}/update": {"post": {
			    "operationId": "updateThing", "summary": "Update a thing", "description": "Prose",
			    "parameters": [{"in": "path", "name": "thingId", "required": true, "schema": {"type": "string"}},
			                   {"in": "header", "name": "X-Timezone", "schema": {"type": "string"}},
			                   {"in": "query", "name": "dry", "schema": {"type": "boolean", "description": "Prose"}}],
			    "requestBody": {"content": {"application/json": {"schema": {"type": "object", "description": "Prose",
			      "properties": {
			        "name": {"type": "string", "description": "Prose", "example": "Example"},
			        "kind": {"type": "string", "enum": ["a", "b"], "default": "a"},
			        "take": {"type": "integer", "minimum": 1, "maximum": 100},
			        "tags": {"type": "array", "items": {"type": "string"}},
			        "meta": {"type": "object", "additionalProperties": true},
			        "limits": {"type": "object", "additionalProperties": {"type": "number"}},
			        "shape": {"oneOf": [{"type": "string"}, {"type": "object", "properties": {"x": {"type": "number"}}}]},
			        "note": {"type": "string", "nullable": true}},
			      "required": ["name"]}}}},
			    "responses": {"200": {"content": {"application/json": {"schema": {"type": "object", "properties": {}}}}}}}},
			  "/thing/{thingId}/subscribe": {"post": {
			    "operationId": "subscribeThing",
			    "responses": {"200": {"content": {"application/jsonl": {"schema": {"type": "object",
			      "properties": {"type": {"type": "string"}}}}}}}},
			    "parameters": [{"in": "path", "name": "thingId"}]},
			  "/thing/{thingId}/download": {"get": {"operationId": "downloadThing",
			    "responses": {"200": {"content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}}}}
			}}
			""";

	@Test
	void keepsTheFactsAndNoProse() {
		JsonNode model = ModelExtractor.extract(JSON.readTree(DESCRIPTION));
		assertThat(model.toString()).doesNotContain("Prose", "Example", "summary", "description", "X-Timezone");
		assertThat(model.path("overlays").toString()).contains("bot", "conversation");
		JsonNode update = model.path("operations").get(0);
		assertThat(update.toString()).isEqualTo(JSON
			.readTree(
					"""
							{"id": "updateThing", "method": "POST", "path": "/thing/{thingId}/update", "pathParameters": ["thingId"],
							 "query": [{"name": "dry", "required": false, "type": {"kind": "boolean"}}],
							 "requestContent": ["application/json"],
							 "request": {"kind": "object", "fields": [
							   {"name": "name", "required": true, "type": {"kind": "string"}},
							   {"name": "kind", "required": false, "type": {"kind": "string", "default": "a", "enum": ["a", "b"]}},
							   {"name": "take", "required": false, "type": {"kind": "integer", "minimum": 1, "maximum": 100}},
							   {"name": "tags", "required": false, "type": {"kind": "array", "items": {"kind": "string"}}},
							   {"name": "meta", "required": false, "type": {"kind": "map", "values": {"kind": "any"}}},
							   {"name": "limits", "required": false, "type": {"kind": "map", "values": {"kind": "number"}}},
							   {"name": "shape", "required": false, "type": {"kind": "union", "of": [{"kind": "string"},
							     {"kind": "object", "fields": [{"name": "x", "required": false, "type": {"kind": "number"}}]}]}},
							   {"name": "note", "required": false, "nullable": true, "type": {"kind": "string"}}]},
							 "answerContent": ["application/json"],
							 "answer": {"kind": "object", "fields": []},
							 "streams": false}
							""")
			.toString());
	}

	@Test
	void marksALastVariableDescribedAsAFilesPathAsAPathOfSegmentsAndNothingElse() {
		JsonNode operations = ModelExtractor
			.extract(JSON.readTree(
					"""
							{"paths": {
							  "/space/{spaceId}/storage/download/{path}": {"get": {"operationId": "download", "parameters": [
							    {"in": "path", "name": "spaceId", "schema": {"type": "string", "description": "The ID of the space"}},
							    {"in": "path", "name": "path", "schema": {"type": "string", "description": "The file path"}}]}},
							  "/space/{spaceId}/storage/list/{dir}": {"get": {"operationId": "list", "parameters": [
							    {"in": "path", "name": "spaceId", "schema": {"type": "string"}},
							    {"in": "path", "name": "dir", "schema": {"type": "string", "description": "The directory path"}}]}},
							  "/thing/{path}/fetch": {"get": {"operationId": "fetch", "parameters": [
							    {"in": "path", "name": "path", "schema": {"type": "string", "description": "The file path"}}]}},
							  "/thing/{thingId}": {"get": {"operationId": "other", "parameters": [
							    {"in": "path", "name": "thingId", "schema": {"type": "string", "description": "The thing's ID"}}]}}
							}}"""))
			.path("operations");
		assertThat(operations.get(0).path("pathOfSegments").asString()).isEqualTo("path");
		assertThat(operations.get(1).path("pathOfSegments").asString()).isEqualTo("dir");
		assertThat(operations.get(2).has("pathOfSegments")).isFalse();
		assertThat(operations.get(3).has("pathOfSegments")).isFalse();
		assertThat(operations.toString()).doesNotContain("The file path");
	}

	@Test
	void marksJsonLinesAnswersAsStreamsAndReadsOnlyTheApisMethods() {
		JsonNode operations = ModelExtractor.extract(JSON.readTree(DESCRIPTION)).path("operations");
		assertThat(operations).hasSize(3);
		assertThat(operations.get(1).path("streams").asBoolean()).isTrue();
		assertThat(operations.get(1).path("answer").path("kind").asString()).isEqualTo("object");
		assertThat(operations.get(2).has("answer")).isFalse();
		assertThat(operations.get(2).path("answerContent").get(0).asString()).isEqualTo("application/octet-stream");
	}

	@Test
	void keepsThePropertiesDeclaredBesideTheAlternativesOfAUnionAndTheirRequiredMarks() {
		for (String combinator : List.of("oneOf", "anyOf")) {
			JsonNode type = ModelExtractor.type(JSON.readTree(
					"""
							{"type": "object", "properties": {"messages": {"type": "array", "items": {"type": "string"}},
							   "limits": {"type": "object", "properties": {"iterations": {"type": "integer"}}}},
							 "required": ["messages", "file"],
							 "%s": [{"type": "object", "properties": {"botId": {"type": "string"}}},
							        {"type": "object", "properties": {"model": {"type": "string"}, "file": {"type": "string"}}}]}"""
						.formatted(combinator)));
			assertThat(type).isEqualTo(JSON.readTree(
					"""
							{"kind": "union",
							 "fields": [{"name": "messages", "required": true, "type": {"kind": "array", "items": {"kind": "string"}}},
							   {"name": "limits", "required": false, "type": {"kind": "object", "fields": [
							     {"name": "iterations", "required": false, "type": {"kind": "integer"}}]}}],
							 "of": [{"kind": "object", "fields": [{"name": "botId", "required": false, "type": {"kind": "string"}}]},
							   {"kind": "object", "fields": [{"name": "model", "required": false, "type": {"kind": "string"}},
							     {"name": "file", "required": true, "type": {"kind": "string"}}]}]}"""));
		}
	}

	@Test
	void aUnionWithNothingBesideItsAlternativesHasNoFieldsOfItsOwn() {
		JsonNode type = ModelExtractor.type(JSON.readTree("""
				{"oneOf": [{"type": "string"}, {"type": "object", "properties": {"x": {"type": "number"}}}]}"""));
		assertThat(type.has("fields")).isFalse();
		assertThat(type.path("of")).hasSize(2);
	}

	@Test
	void allOfIsTheOneObjectOfItsPartsAndTheirAlternatives() {
		JsonNode object = ModelExtractor.type(JSON.readTree("""
				{"properties": {"name": {"type": "string"}}, "required": ["name"],
				 "allOf": [{"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"]},
				           {"allOf": [{"type": "object", "properties": {"at": {"type": "number"}}}]}]}"""));
		assertThat(object).isEqualTo(JSON.readTree("""
				{"kind": "object", "fields": [{"name": "name", "required": true, "type": {"kind": "string"}},
				  {"name": "id", "required": true, "type": {"kind": "string"}},
				  {"name": "at", "required": false, "type": {"kind": "number"}}]}"""));
		JsonNode union = ModelExtractor.type(JSON.readTree("""
				{"allOf": [{"type": "object", "properties": {"messages": {"type": "string"}}},
				           {"anyOf": [{"type": "object", "properties": {"botId": {"type": "string"}}},
				                      {"type": "object", "properties": {"model": {"type": "string"}}}]}]}"""));
		assertThat(union.path("kind").asString()).isEqualTo("union");
		assertThat(union.path("fields").get(0).path("name").asString()).isEqualTo("messages");
		assertThat(union.path("of")).hasSize(2);
		assertThatIllegalArgumentException().isThrownBy(() -> ModelExtractor.type(JSON.readTree("""
				{"allOf": [{"oneOf": [{"type": "string"}, {"type": "number"}]},
				           {"oneOf": [{"type": "boolean"}, {"type": "integer"}]}]}""")))
			.withMessageContaining("more than one part");
	}

	/**
	 * Where the OpenAPI description is at hand, every property it declares beside the
	 * alternatives of a union is in the model: the properties of each such schema are the
	 * fields of a union of the model, with the same required marks.
	 */
	@Test
	void everyPropertyTheDescriptionDeclaresBesideAUnionIsInTheModel() throws IOException {
		Path path = Path.of(System.getProperty("openapi", "none"));
		assumeThat(path).exists();
		JsonNode description = JSON.readTree(Files.readString(path));
		// each shape once: the model keeps one of an answer's JSON and JSON Lines forms
		Set<String> besides = new TreeSet<>();
		collectBesides(description.path("paths"), besides);
		Set<String> unions = new TreeSet<>();
		collectUnionFields(JSON.readTree(Files.readString(GeneratedSourcesTests.MODEL)), unions);
		assertThat(besides).isNotEmpty();
		assertThat(unions).containsExactlyElementsOf(besides);
	}

	private static void collectBesides(JsonNode schema, Set<String> found) {
		if ((schema.has("oneOf") || schema.has("anyOf")) && !schema.path("properties").isEmpty()) {
			Set<String> required = new HashSet<>();
			schema.path("required").forEach((name) -> required.add(name.asString()));
			found.add(String.join(",",
					schema.path("properties")
						.propertyNames()
						.stream()
						.map((name) -> name + (required.contains(name) ? "*" : ""))
						.toList()));
		}
		schema.values().forEach((child) -> collectBesides(child, found));
	}

	private static void collectUnionFields(JsonNode type, Set<String> found) {
		if (type.path("kind").asString().equals("union") && type.has("fields")) {
			List<String> names = new ArrayList<>();
			type.path("fields")
				.forEach((field) -> names
					.add(field.path("name").asString() + (field.path("required").asBoolean() ? "*" : "")));
			found.add(String.join(",", names));
		}
		type.values().forEach((child) -> collectUnionFields(child, found));
	}

	@Test
	void namesThePartOfAMultipartBodyThatTakesAFilesBytes() {
		JsonNode operations = ModelExtractor
			.extract(JSON.readTree(
					"""
							{"paths": {
							  "/thing/{thingId}/upload": {"post": {"operationId": "upload", "requestBody": {"content": {
							    "application/json": {"schema": {"type": "object", "properties": {"file": {"type": "string"}}}},
							    "multipart/form-data": {"schema": {"type": "object", "properties": {
							      "name": {"type": "string"}, "file": {"type": "string", "format": "binary"}}}},
							    "*/*": {"schema": {"type": "string", "format": "binary"}}}}}},
							  "/thing/{thingId}/form": {"post": {"operationId": "form", "requestBody": {"content": {
							    "multipart/form-data": {"schema": {"type": "object", "properties": {"name": {"type": "string"}}}}}}}}
							}}"""))
			.path("operations");
		assertThat(operations.get(0).path("filePart").asString()).isEqualTo("file");
		assertThat(operations.get(0).path("requestContent").toString()).contains("multipart/form-data", "*/*");
		assertThat(operations.get(1).has("filePart")).isFalse();
	}

	@Test
	void mainWritesTheModel(@org.junit.jupiter.api.io.TempDir Path directory) throws IOException {
		Path description = directory.resolve("v1.json");
		Files.writeString(description, DESCRIPTION);
		Path model = directory.resolve("model.json");
		ModelExtractor.main(new String[] { description.toString(), model.toString() });
		assertThat(JSON.readTree(Files.readString(model)))
			.isEqualTo(ModelExtractor.extract(JSON.readTree(DESCRIPTION)));
	}

	/**
	 * Where the OpenAPI description is at hand (it is not in this repository, and the
	 * build never needs it), the committed model is what it derives.
	 */
	@Test
	void committedModelIsWhatTheDescriptionDerives() throws IOException {
		Path description = Path.of(System.getProperty("openapi", "none"));
		assumeThat(description).exists();
		assertThat(JSON.readTree(Files.readString(GeneratedSourcesTests.MODEL)))
			.isEqualTo(ModelExtractor.extract(JSON.readTree(Files.readString(description))));
	}

}
