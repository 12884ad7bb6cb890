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

package io.github.cbkspring.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaGenericArrayType;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaTypeVariable;
import com.tngtech.archunit.core.domain.JavaWildcardType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public API of compiled classes as text, one line a type or member, in a stable
 * order: what a caller can name, with generic signatures, so that a changed or removed
 * member shows as a changed line. Types and members that are neither public nor
 * protected, and synthetic members, are left out.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public final class PublicApi {

	/** The modifiers a caller sees, in the order Java code writes them. */
	private static final List<JavaModifier> SHOWN_MODIFIERS = List.of(JavaModifier.PUBLIC, JavaModifier.PROTECTED,
			JavaModifier.ABSTRACT, JavaModifier.STATIC, JavaModifier.FINAL);

	private PublicApi() {
	}

	/**
	 * A condition on a public type: none of its public methods takes or returns a Jackson
	 * type or a type of an {@code internal} package, so that neither becomes part of the
	 * API by the back door.
	 * @return the condition
	 */
	public static ArchCondition<JavaClass> exposesNoJacksonOrInternalTypes() {
		return new ArchCondition<>("expose no Jackson or internal types in public signatures") {
			@Override
			public void check(JavaClass javaClass, ConditionEvents events) {
				javaClass.getMethods()
					.stream()
					.filter((method) -> method.getModifiers().contains(JavaModifier.PUBLIC))
					.forEach((method) -> {
						List<JavaClass> types = new ArrayList<>(method.getRawParameterTypes());
						types.add(method.getRawReturnType());
						types.stream()
							.filter((type) -> type.getPackageName().startsWith("tools.jackson") || isInternal(type))
							.forEach((type) -> events.add(SimpleConditionEvent.violated(method,
									method.getFullName() + " exposes " + type.getName())));
					});
			}
		};
	}

	/**
	 * Assert that the public API of {@code classes} is the baseline: a removed or changed
	 * line breaks callers, an added one must be meant. With the system property
	 * {@code public-api.update=true}, the baseline is first rewritten, so that its diff
	 * shows a deliberate change.
	 * @param classes the compiled classes of a module
	 * @param baseline the file that lists their API
	 * @throws IOException if the baseline cannot be read or written
	 * @throws AssertionError if the API is not the baseline, naming what was removed or
	 * changed and what was added
	 */
	public static void assertIsTheBaseline(JavaClasses classes, Path baseline) throws IOException {
		List<String> api = of(classes);
		if (Boolean.getBoolean("public-api.update")) {
			Files.write(baseline, api);
		}
		List<String> listed = Files.readAllLines(baseline);
		List<String> qualifiedApi = qualified(api);
		List<String> qualifiedListed = qualified(listed);
		String removed = difference(qualifiedListed, qualifiedApi);
		String added = difference(qualifiedApi, qualifiedListed);
		assertThat(api)
			.withFailMessage(() -> "The public API differs from " + baseline + " (rewrite it with"
					+ " -Dpublic-api.update=true if the change is meant)%n  removed or changed (breaks callers):"
					+ removed + "%n  added:" + added)
			.isEqualTo(listed);
	}

	/** Each member line prefixed with its type, so that a difference says where it is. */
	private static List<String> qualified(List<String> lines) {
		List<String> qualified = new ArrayList<>();
		String type = "";
		for (String line : lines) {
			if (line.startsWith(" ")) {
				qualified.add(type + " ::" + line.substring(1));
			}
			else {
				type = line;
				qualified.add(line);
			}
		}
		return qualified;
	}

	private static String difference(List<String> lines, List<String> others) {
		List<String> difference = lines.stream().filter((line) -> !others.contains(line)).toList();
		return difference.isEmpty() ? " none" : "%n    " + String.join("%n    ", difference);
	}

	/**
	 * The listing of the visible types among {@code classes}.
	 * @param classes the compiled classes
	 * @return the lines, sorted by type and then by member
	 */
	static List<String> of(JavaClasses classes) {
		List<String> lines = new ArrayList<>();
		classes.stream()
			.filter(PublicApi::isVisible)
			.sorted(Comparator.comparing(JavaClass::getName))
			.forEach((type) -> {
				lines.add(type(type));
				List<String> members = new ArrayList<>();
				type.getFields()
					.stream()
					.filter(PublicApi::isVisibleMember)
					.map(PublicApi::field)
					.forEach(members::add);
				type.getCodeUnits()
					.stream()
					.filter(PublicApi::isVisibleMember)
					.filter((unit) -> !unit.getName().equals("<clinit>"))
					.map(PublicApi::codeUnit)
					.forEach(members::add);
				members.stream().sorted().map((member) -> "  " + member).forEach(lines::add);
			});
		return lines;
	}

	/**
	 * Whether a type is in an {@code internal} package, public for the library's own
	 * packages only.
	 */
	private static boolean isInternal(JavaClass type) {
		return ("." + type.getPackageName() + ".").contains(".internal.");
	}

	private static boolean isVisible(JavaClass type) {
		if (type.getSimpleName().equals("package-info") || !isShown(type.getModifiers())
				|| type.getModifiers().contains(JavaModifier.SYNTHETIC) || isInternal(type)) {
			return false;
		}
		return type.getEnclosingClass().map(PublicApi::isVisible).orElse(true);
	}

	private static boolean isVisibleMember(JavaMember member) {
		Set<JavaModifier> modifiers = member.getModifiers();
		return isShown(modifiers) && !modifiers.contains(JavaModifier.SYNTHETIC)
				&& !modifiers.contains(JavaModifier.BRIDGE);
	}

	private static boolean isShown(Set<JavaModifier> modifiers) {
		return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
	}

	private static String type(JavaClass type) {
		String modifiers = modifiers(type.getModifiers());
		// the class file marks records and enums static wherever they are: only a nested
		// type is
		StringBuilder line = new StringBuilder(
				type.getEnclosingClass().isPresent() ? modifiers : modifiers.replace("static ", ""));
		line.append(type.isAnnotation() ? "@interface "
				: type.isInterface() ? "interface " : type.isEnum() ? "enum " : type.isRecord() ? "record " : "class ");
		line.append(type.getName()).append(typeParameters(type.getTypeParameters()));
		type.getSuperclass()
			.filter((superclass) -> !isImplied(type, superclass.toErasure()))
			.ifPresent((superclass) -> line.append(" extends ").append(name(superclass)));
		if (!type.getInterfaces().isEmpty()) {
			line.append(type.isInterface() ? " extends " : " implements ")
				.append(type.getInterfaces().stream().map(PublicApi::name).sorted().collect(Collectors.joining(", ")));
		}
		return line.toString();
	}

	/**
	 * {@code Object}, {@code Enum} and {@code Record} say nothing that the kind does not.
	 */
	private static boolean isImplied(JavaClass type, JavaClass superclass) {
		return superclass.isEquivalentTo(Object.class) || (type.isEnum() && superclass.isEquivalentTo(Enum.class))
				|| (type.isRecord() && superclass.isEquivalentTo(Record.class));
	}

	private static String field(JavaField field) {
		return modifiers(field.getModifiers()) + name(field.getType()) + " " + field.getName();
	}

	private static String codeUnit(JavaCodeUnit unit) {
		String parameters = unit.getParameterTypes().stream().map(PublicApi::name).collect(Collectors.joining(", "));
		String typeParameters = typeParameters(unit.getTypeParameters());
		String head = modifiers(unit.getModifiers()) + (typeParameters.isEmpty() ? "" : typeParameters + " ");
		if (unit.isConstructor()) {
			return head + "<init>(" + parameters + ")";
		}
		return head + name(unit.getReturnType()) + " " + unit.getName() + "(" + parameters + ")";
	}

	private static String modifiers(Set<JavaModifier> modifiers) {
		return SHOWN_MODIFIERS.stream()
			.filter(modifiers::contains)
			.map((modifier) -> modifier.name().toLowerCase(Locale.ROOT) + " ")
			.collect(Collectors.joining());
	}

	private static String typeParameters(List<? extends JavaTypeVariable<?>> parameters) {
		if (parameters.isEmpty()) {
			return "";
		}
		return parameters.stream().map((parameter) -> {
			List<JavaType> bounds = parameter.getUpperBounds()
				.stream()
				.filter((bound) -> !bound.toErasure().isEquivalentTo(Object.class))
				.toList();
			return parameter.getName() + (bounds.isEmpty() ? ""
					: " extends " + bounds.stream().map(PublicApi::name).collect(Collectors.joining(" & ")));
		}).collect(Collectors.joining(", ", "<", ">"));
	}

	private static String name(JavaType type) {
		if (type instanceof JavaParameterizedType parameterized) {
			return name(parameterized.toErasure()) + parameterized.getActualTypeArguments()
				.stream()
				.map(PublicApi::name)
				.collect(Collectors.joining(", ", "<", ">"));
		}
		if (type instanceof JavaTypeVariable<?> variable) {
			return variable.getName();
		}
		if (type instanceof JavaWildcardType wildcard) {
			if (!wildcard.getLowerBounds().isEmpty()) {
				return "? super " + name(wildcard.getLowerBounds().get(0));
			}
			List<JavaType> upper = wildcard.getUpperBounds()
				.stream()
				.filter((bound) -> !bound.toErasure().isEquivalentTo(Object.class))
				.toList();
			return upper.isEmpty() ? "?" : "? extends " + name(upper.get(0));
		}
		if (type instanceof JavaGenericArrayType array) {
			return name(array.getComponentType()) + "[]";
		}
		JavaClass raw = type.toErasure();
		return raw.isArray() ? name(raw.getComponentType()) + "[]" : raw.getName();
	}

}
