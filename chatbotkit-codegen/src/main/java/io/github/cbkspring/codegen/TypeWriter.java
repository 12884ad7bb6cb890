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

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.lang.model.element.Modifier;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the records and enums of the model's types: a record per object (nested records
 * for its nested objects) and a builder on every record that is sent; enumerated strings
 * are the package's {@link Enums}.
 *
 * @author cbkspring contributors
 */
final class TypeWriter {

	static final ClassName NULLABLE = ClassName.get("org.jspecify.annotations", "Nullable");

	static final ClassName ASSERT = ClassName.get("org.springframework.util", "Assert");

	private static final ClassName JSON_PROPERTY = ClassName.get("com.fasterxml.jackson.annotation", "JsonProperty");

	private static final ClassName JSON_INCLUDE = ClassName.get("com.fasterxml.jackson.annotation", "JsonInclude");

	static final ClassName JSON_VALUE = ClassName.get("com.fasterxml.jackson.annotation", "JsonValue");

	static final ClassName JSON_ENUM_DEFAULT = ClassName.get("com.fasterxml.jackson.annotation",
			"JsonEnumDefaultValue");

	private static final ClassName JSON_TYPE_INFO = ClassName.get("com.fasterxml.jackson.annotation", "JsonTypeInfo");

	private static final ClassName JSON_SUB_TYPES = ClassName.get("com.fasterxml.jackson.annotation", "JsonSubTypes");

	private static final ClassName STRING = ClassName.get(String.class);

	/** Parts of a field's name that say it holds a credential. */
	private static final List<String> CREDENTIAL_WORDS = List.of("token", "secret", "password", "apikey", "accesskey",
			"privatekey", "credential");

	/**
	 * Whether a type is sent (a request: builders, nulls left out) or read (an answer).
	 */
	enum Side {

		REQUEST, ANSWER

	}

	private TypeWriter() {
	}

	/**
	 * The fields of an object, or of a union of objects merged into one: the fields
	 * declared beside the alternatives as they are, then those of the alternatives (each
	 * optional, a field whose alternatives differ read as any value).
	 * @param type the model type
	 * @return the fields, or {@code null} if the type is no object
	 */
	static @Nullable List<JsonNode> fields(JsonNode type) {
		String kind = type.path("kind").asString();
		if (kind.equals("object")) {
			List<JsonNode> fields = new ArrayList<>();
			type.path("fields").forEach(fields::add);
			return fields;
		}
		if (!kind.equals("union")) {
			return null;
		}
		Map<String, List<JsonNode>> alternatives = new LinkedHashMap<>();
		for (JsonNode alternative : type.path("of")) {
			if (!alternative.path("kind").asString().equals("object")) {
				return null;
			}
			for (JsonNode field : alternative.path("fields")) {
				alternatives.computeIfAbsent(field.path("name").asString(), (name) -> new ArrayList<>())
					.add(field.path("type"));
			}
		}
		List<JsonNode> fields = shared(type);
		Set<String> declared = new HashSet<>();
		fields.forEach((field) -> declared.add(field.path("name").asString()));
		alternatives.keySet().removeAll(declared);
		alternatives.forEach((name, types) -> {
			ObjectNode field = JsonNodeFactory.instance.objectNode().put("name", name).put("required", false);
			field.set("type", merged(types));
			fields.add(field);
		});
		return fields;
	}

	/**
	 * The fields a union declares beside its alternatives, which each of them has.
	 */
	private static List<JsonNode> shared(JsonNode union) {
		List<JsonNode> fields = new ArrayList<>();
		union.path("fields").forEach(fields::add);
		return fields;
	}

	/**
	 * The field that tells the alternatives of a union apart: one that every alternative,
	 * each an object, requires as a text of a single value, a different one in each.
	 * @param type the model type
	 * @return the field's JSON name, or {@code null} if the type is no such union
	 */
	static @Nullable String discriminator(JsonNode type) {
		if (!type.path("kind").asString().equals("union") || type.path("of").size() < 2) {
			return null;
		}
		@Nullable Set<String> candidates = null;
		for (JsonNode alternative : type.path("of")) {
			if (!alternative.path("kind").asString().equals("object")) {
				return null;
			}
			Set<String> names = new LinkedHashSet<>();
			for (JsonNode field : alternative.path("fields")) {
				if (constant(field) != null) {
					names.add(field.path("name").asString());
				}
			}
			if (candidates == null) {
				candidates = names;
			}
			else {
				candidates.retainAll(names);
			}
		}
		for (String candidate : java.util.Objects.requireNonNull(candidates)) {
			Set<String> values = new HashSet<>();
			type.path("of").forEach((alternative) -> values.add(constant(field(alternative, candidate))));
			if (values.size() == type.path("of").size()) {
				return candidate;
			}
		}
		return null;
	}

	/** The one value of a required text field that has one, or {@code null}. */
	private static @Nullable String constant(JsonNode field) {
		JsonNode type = field.path("type");
		boolean one = field.path("required").asBoolean() && type.path("kind").asString().equals("string")
				&& type.path("enum").size() == 1;
		return one ? type.path("enum").get(0).asString() : null;
	}

	private static JsonNode field(JsonNode object, String name) {
		for (JsonNode field : object.path("fields")) {
			if (field.path("name").asString().equals(name)) {
				return field;
			}
		}
		throw new IllegalArgumentException(name);
	}

	/**
	 * Write a union whose alternatives a field tells apart as a sealed interface: a
	 * nested record per alternative, named after its value, and, for answers, an
	 * {@code Unknown} record for a value the model does not know.
	 * @param name the interface's name
	 * @param union the union
	 * @param side whether it is sent or read
	 * @param javadoc what it is
	 * @param enums the package's enums
	 * @return the interface
	 */
	static TypeSpec sealed(ClassName name, JsonNode union, Side side, String javadoc, Enums enums) {
		String discriminator = java.util.Objects.requireNonNull(discriminator(union));
		String member = Names.member(discriminator);
		TypeSpec.Builder sealed = TypeSpec.interfaceBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.SEALED);
		AnnotationSpec.Builder subTypes = AnnotationSpec.builder(JSON_SUB_TYPES);
		Set<String> taken = new HashSet<>(Set.of(name.simpleName(), "Unknown"));
		StringBuilder doc = new StringBuilder(javadoc).append("\n<p>\nThe alternatives, by {@code ")
			.append(discriminator)
			.append("}: ");
		List<String> alternatives = new ArrayList<>();
		for (JsonNode alternative : union.path("of")) {
			String value = java.util.Objects.requireNonNull(constant(field(alternative, discriminator)));
			ClassName type = name.nestedClass(Names.pascal(value));
			taken.add(type.simpleName());
			// the discriminator is text here: each alternative has its one value
			List<JsonNode> fields = shared(union);
			for (JsonNode field : alternative.path("fields")) {
				fields.add(field.path("name").asString().equals(discriminator) ? JsonNodeFactory.instance.objectNode()
					.put("name", discriminator)
					.put("required", true)
					.set("type", JsonNodeFactory.instance.objectNode().put("kind", "string")) : field);
			}
			sealed.addType(record(type, fields, side,
					"The {@code " + value + "} alternative of {@link " + name.simpleName() + "}.", enums, taken, name));
			sealed.addPermittedSubclass(type);
			subTypes.addMember("value", "$L",
					AnnotationSpec.builder(JSON_SUB_TYPES.nestedClass("Type"))
						.addMember("value", "$T.class", type)
						.addMember("name", "$S", value)
						.build());
			alternatives.add("{@code " + value + "}: {@link " + type.simpleName() + "}");
		}
		AnnotationSpec.Builder typeInfo = AnnotationSpec.builder(JSON_TYPE_INFO)
			.addMember("use", "$T.Id.NAME", JSON_TYPE_INFO)
			.addMember("include", "$T.As.EXISTING_PROPERTY", JSON_TYPE_INFO)
			.addMember("property", "$S", discriminator)
			.addMember("visible", "true");
		doc.append(String.join(", ", alternatives));
		if (side == Side.ANSWER) {
			ClassName unknown = name.nestedClass("Unknown");
			JsonNode field = JsonNodeFactory.instance.objectNode()
				.put("name", discriminator)
				.put("required", false)
				.set("type", JsonNodeFactory.instance.objectNode().put("kind", "string"));
			sealed.addType(record(unknown, List.of(field), side,
					"An alternative of {@link " + name.simpleName() + "} that the API model does not know.", enums,
					taken, name));
			sealed.addPermittedSubclass(unknown);
			typeInfo.addMember("defaultImpl", "$T.class", unknown);
			doc.append("; any other value: {@link Unknown}");
		}
		sealed.addAnnotation(typeInfo.build()).addAnnotation(subTypes.build());
		sealed.addMethod(MethodSpec.methodBuilder(member)
			.addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
			.returns(nullable(STRING))
			.addJavadoc("The {@code $L} that tells the alternatives apart.\n@return its value", discriminator)
			.build());
		sealed.addJavadoc("$L", doc.append('.').toString());
		return sealed.build();
	}

	private static JsonNode merged(List<JsonNode> types) {
		if (types.stream().map(JsonNode::toString).distinct().count() == 1) {
			return types.get(0);
		}
		ObjectNode merged = JsonNodeFactory.instance.objectNode();
		if (types.stream().allMatch((type) -> type.path("kind").asString().equals("string"))) {
			merged.put("kind", "string");
			if (types.stream().allMatch((type) -> type.has("enum"))) {
				Set<String> values = new LinkedHashSet<>();
				types.forEach((type) -> type.get("enum").forEach((value) -> values.add(value.asString())));
				values.forEach(merged.putArray("enum")::add);
			}
			return merged;
		}
		return merged.put("kind", "any");
	}

	/**
	 * Write a top-level record.
	 * @param name the record's name
	 * @param fields its fields
	 * @param side whether it is sent or read
	 * @param javadoc what it is
	 * @return the record
	 */
	static TypeSpec record(ClassName name, List<JsonNode> fields, Side side, String javadoc, Enums enums) {
		return record(name, fields, side, javadoc, enums, Set.of(), null);
	}

	private static TypeSpec record(ClassName name, List<JsonNode> fields, Side side, String javadoc, Enums enums,
			Set<String> enclosing, @Nullable ClassName implemented) {
		TypeSpec.Builder record = TypeSpec.recordBuilder(name).addModifiers(Modifier.PUBLIC);
		if (implemented != null) {
			// an alternative of a sealed interface, nested in it
			record.addModifiers(Modifier.STATIC).addSuperinterface(implemented);
		}
		Set<String> taken = new HashSet<>(enclosing);
		taken.add(name.simpleName());
		taken.add("Builder");
		Set<String> members = new HashSet<>();
		MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
		List<Component> components = new ArrayList<>();
		StringBuilder doc = new StringBuilder(javadoc).append("\n\n");
		for (JsonNode field : fields) {
			String json = field.path("name").asString();
			String member = Names.member(json);
			while (!members.add(member)) {
				member = member + "Value";
			}
			boolean required = field.path("required").asBoolean();
			TypeName type = javaType(field.path("type"), json, new Scope(name, record, taken, side, enums));
			Component component = new Component(json, member, type, required);
			components.add(component);
			ParameterSpec.Builder parameter = ParameterSpec.builder(required ? type : nullable(type), member);
			if (side == Side.ANSWER && required) {
				parameter.addAnnotation(AnnotationSpec.builder(JSON_PROPERTY)
					.addMember("value", "$S", json)
					.addMember("required", "true")
					.build());
			}
			else if (!member.equals(json)) {
				parameter.addAnnotation(AnnotationSpec.builder(JSON_PROPERTY).addMember("value", "$S", json).build());
			}
			constructor.addParameter(parameter.build());
			doc.append("@param ").append(member).append(' ').append(Javadoc.facts(field, type)).append('\n');
		}
		record.recordConstructor(constructor.build());
		if (components.stream().anyMatch((component) -> isCredential(name, component))) {
			record.addMethod(maskingToString(name, components));
			// before the block tags, where it is the description's
			doc.insert(javadoc.length(), "\n<p>\nThe credentials it holds never appear in {@link #toString()}.");
		}
		record.addJavadoc("$L", doc.toString().trim());
		if (side == Side.REQUEST) {
			record.addAnnotation(AnnotationSpec.builder(JSON_INCLUDE)
				.addMember("value", "$T.Include.NON_NULL", JSON_INCLUDE)
				.build());
			addBuilder(record, name, components);
		}
		return record.build();
	}

	/**
	 * Whether a component holds a credential (a token, a secret, a password, a key, or
	 * the value of a secret), which {@code toString()} must not show: text only, so that
	 * counts such as {@code maxTokens} and ids such as {@code secretId} show as they are.
	 */
	static boolean isCredential(ClassName owner, String json, TypeName type) {
		if (!type.equals(STRING)) {
			return false;
		}
		String lower = json.toLowerCase(Locale.ROOT);
		if (lower.endsWith("id") || lower.endsWith("ids")) {
			return false;
		}
		return CREDENTIAL_WORDS.stream().anyMatch(lower::contains)
				|| (lower.equals("value") && owner.packageName().endsWith(".secret"));
	}

	private static boolean isCredential(ClassName owner, Component component) {
		return isCredential(owner, component.json(), component.type());
	}

	/**
	 * A {@code toString()} in the form of a record's own, with each credential shown as a
	 * mask when it is set.
	 */
	private static MethodSpec maskingToString(ClassName name, List<Component> components) {
		CodeBlock.Builder text = CodeBlock.builder().add("return ");
		for (int i = 0; i < components.size(); i++) {
			Component component = components.get(i);
			String label = ((i > 0) ? ", " : name.simpleName() + "[") + component.member() + "=";
			String join = (i > 0) ? "\n+ " : "";
			if (isCredential(name, component)) {
				text.add(join + "$S + ((this.$N != null) ? $S : null)", label, component.member(), "******");
			}
			else {
				text.add(join + "$S + this.$N", label, component.member());
			}
		}
		text.add("\n+ $S", "]");
		return MethodSpec.methodBuilder("toString")
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.returns(STRING)
			.addStatement(text.build())
			.build();
	}

	private static void addBuilder(TypeSpec.Builder record, ClassName name, List<Component> components) {
		ClassName builderName = name.nestedClass("Builder");
		record.addMethod(MethodSpec.methodBuilder("builder")
			.addModifiers(Modifier.PUBLIC, Modifier.STATIC)
			.returns(builderName)
			.addJavadoc("Start building a {@link $T} that sets nothing yet.\n@return a new builder", name)
			.addStatement("return new $T()", builderName)
			.build());
		TypeSpec.Builder builder = TypeSpec.classBuilder(builderName)
			.addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
			.addJavadoc("Builder for {@link $T}.", name)
			.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
		MethodSpec.Builder build = MethodSpec.methodBuilder("build")
			.addModifiers(Modifier.PUBLIC)
			.returns(name)
			.addJavadoc("Build the {@link $T}.\n@return the built value", name);
		List<String> arguments = new ArrayList<>();
		for (Component component : components) {
			builder
				.addField(FieldSpec.builder(nullable(component.type()), component.member(), Modifier.PRIVATE).build());
			builder.addMethod(MethodSpec.methodBuilder(component.member())
				.addModifiers(Modifier.PUBLIC)
				.returns(builderName)
				.addParameter(component.type(), component.member())
				.addJavadoc("Set {@code $L}.\n@param $L the value\n@return this builder", component.json(),
						component.member())
				.addStatement("this.$N = $N", component.member(), component.member())
				.addStatement("return this")
				.build());
			if (component.required()) {
				build.addStatement("$T.notNull(this.$N, $S)", ASSERT, component.member(),
						component.json() + " is required");
			}
			arguments.add("this." + component.member());
		}
		build.addStatement("return new $T($L)", name, String.join(", ", arguments));
		builder.addMethod(build.build());
		record.addType(builder.build());
	}

	private static TypeName javaType(JsonNode type, String json, Scope scope) {
		if (discriminator(type) != null) {
			ClassName nested = scope.nested(json);
			scope.record()
				.addType(sealed(nested, type, scope.side(), "The {@code " + json + "} object.", scope.enums()));
			return nested;
		}
		List<JsonNode> fields = fields(type);
		if (fields != null) {
			ClassName nested = scope.nested(json);
			Set<String> enclosing = new HashSet<>(scope.taken());
			scope.record()
				.addType(record(nested, fields, scope.side(), "The {@code " + json + "} object.", scope.enums(),
						enclosing, null));
			return nested;
		}
		return switch (type.path("kind").asString()) {
			case "string" -> type.has("enum") ? enumType(type, json, scope) : STRING;
			case "integer" -> ClassName.get(Long.class);
			case "number" -> json.endsWith("At") ? ClassName.get(Instant.class) : ClassName.get(Double.class);
			case "boolean" -> ClassName.get(Boolean.class);
			case "array" -> ParameterizedTypeName.get(ClassName.get(List.class),
					javaType(type.path("items"), Names.singular(json), scope));
			case "map" -> ParameterizedTypeName.get(ClassName.get(Map.class), STRING,
					javaType(type.path("values"), Names.singular(json) + "Value", scope));
			default -> ClassName.OBJECT;
		};
	}

	private static TypeName enumType(JsonNode type, String json, Scope scope) {
		List<String> values = new ArrayList<>();
		type.path("enum").forEach((value) -> values.add(value.asString()));
		return scope.enums().of(json, values, scope.owner().simpleName());
	}

	static TypeName nullable(TypeName type) {
		return type.annotated(AnnotationSpec.builder(NULLABLE).build());
	}

	private record Component(String json, String member, TypeName type, boolean required) {
	}

	/**
	 * Where a nested type is declared: in the record being written, under a free name.
	 */
	private record Scope(ClassName owner, TypeSpec.Builder record, Set<String> taken, Side side, Enums enums) {

		ClassName nested(String json) {
			String base = Names.pascal(json);
			if (base.isEmpty()) {
				base = "Value";
			}
			String name = base;
			for (int i = 2; !this.taken.add(name); i++) {
				name = base + i;
			}
			return this.owner.nestedClass(name);
		}

	}

}
