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

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
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
