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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.lang.model.element.Modifier;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;

/**
 * The enums of one resource package: a field of the same name and values shares one enum
 * across the package's requests and answers (a secret's {@code type} read from a fetch
 * can be sent in an update), and visibility is the client's own {@code Visibility}.
 *
 * @author cbkspring contributors
 */
final class Enums {

	private static final ClassName VISIBILITY = ClassName.get(ClientWriter.BASE + ".core", "Visibility");

	private static final Set<String> VISIBILITY_VALUES = Set.of("private", "protected", "public");

	private static final ClassName STRING = ClassName.get(String.class);

	private final String packageName;

	private final String prefix;

	private final Map<String, ClassName> byShape = new HashMap<>();

	private final Set<String> names = new HashSet<>();

	private final List<TypeSpec> types = new ArrayList<>();

	Enums(String packageName, String prefix) {
		this.packageName = packageName;
		this.prefix = prefix;
	}

	/**
	 * The enum of a field: named after the resource and the field, or, where another
	 * field of that name has other values, after the record that declares it too.
	 * @param json the field's name
	 * @param values its values
	 * @param owner the simple name of the record that declares the field
	 * @return the enum
	 */
	ClassName of(String json, List<String> values, String owner) {
		if (new HashSet<>(values).equals(VISIBILITY_VALUES)) {
			return VISIBILITY;
		}
		String base = this.prefix + Names.pascal(json);
		String shape = json + values;
		ClassName known = this.byShape.get(shape);
		if (known != null) {
			return known;
		}
		String name = base;
		if (!this.names.add(name)) {
			String declaring = owner.startsWith(this.prefix) ? owner.substring(this.prefix.length()) : owner;
			base = this.prefix + declaring + Names.pascal(json);
			name = base;
			for (int i = 2; !this.names.add(name); i++) {
				name = base + i;
			}
		}
		ClassName type = ClassName.get(this.packageName, name);
		this.byShape.put(shape, type);
		this.types.add(write(type, json, values));
		return type;
	}

	List<TypeSpec> types() {
		return this.types;
	}

	private static TypeSpec write(ClassName name, String json, List<String> values) {
		TypeSpec.Builder enumeration = TypeSpec.enumBuilder(name)
			.addModifiers(Modifier.PUBLIC)
			.addJavadoc("The values of {@code $L}; {@code UNKNOWN} stands for a value this version does not know.\n\n"
					+ "@author cbkspring contributors\n@since 0.1.0", json);
		Set<String> constants = new HashSet<>();
		for (String value : values) {
			String constant = Names.constant(value);
			while (!constants.add(constant) || constant.equals("UNKNOWN")) {
				constant = constant + "_";
			}
			enumeration.addEnumConstant(constant, TypeSpec.anonymousClassBuilder("$S", value).build());
		}
		enumeration.addEnumConstant("UNKNOWN",
				TypeSpec.anonymousClassBuilder("$S", "").addAnnotation(TypeWriter.JSON_ENUM_DEFAULT).build());
		return enumeration.addField(STRING, "value", Modifier.PRIVATE, Modifier.FINAL)
			.addMethod(MethodSpec.constructorBuilder()
				.addParameter(STRING, "value")
				.addStatement("this.value = value")
				.build())
			.addMethod(MethodSpec.methodBuilder("value")
				.addModifiers(Modifier.PUBLIC)
				.addAnnotation(AnnotationSpec.builder(TypeWriter.JSON_VALUE).build())
				.returns(STRING)
				.addJavadoc("The value on the wire.\n@return the value, empty for {@code UNKNOWN}")
				.addStatement("return this.value")
				.build())
			.addMethod(MethodSpec.methodBuilder("toString")
				.addAnnotation(Override.class)
				.addModifiers(Modifier.PUBLIC)
				.returns(STRING)
				.addStatement("return this.value")
				.build())
			.build();
	}

}
