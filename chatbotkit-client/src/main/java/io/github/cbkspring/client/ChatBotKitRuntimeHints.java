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

package io.github.cbkspring.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;

import io.github.cbkspring.client.internal.JdkEngine;
import io.github.cbkspring.client.internal.StorageTransfer;
import io.github.cbkspring.client.internal.util.UserAgent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.util.ClassUtils;

/**
 * Reflection hints for a native image: the client's JSON mapper reads and writes the
 * records and enums of the client packages through their accessors, constructors and
 * {@code @JsonCreator} factories, and the polymorphic event interfaces through their
 * annotations. The types are found by scanning the packages when the hints are built, so
 * a new record needs no entry here.
 *
 * @author cbkspring contributors
 */
class ChatBotKitRuntimeHints implements RuntimeHintsRegistrar {

	private static final String CLIENT_CLASSES = "classpath*:"
			+ ClassUtils.convertClassNameToResourcePath(ChatBotKitRuntimeHints.class.getPackageName()) + "/**/*.class";

	private final BindingReflectionHintsRegistrar bindingRegistrar = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
		MetadataReaderFactory metadataReaders = new SimpleMetadataReaderFactory(resolver);
		try {
			for (Resource resource : resolver.getResources(CLIENT_CLASSES)) {
				AnnotationMetadata type = metadataReaders.getMetadataReader(resource).getAnnotationMetadata();
				if (isJsonType(type)) {
					Class<?> jsonType = ClassUtils.resolveClassName(type.getClassName(), classLoader);
					this.bindingRegistrar.registerReflectionHints(hints.reflection(), jsonType);
					// @JsonCreator factories and wire-only accessors are not properties
					hints.reflection().registerType(jsonType, MemberCategory.INVOKE_DECLARED_METHODS);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot scan the ChatBotKit client classes", ex);
		}
		// the storage transfer reads the request factory of Spring's RestClient builder
		if (StorageTransfer.REQUEST_FACTORY != null) {
			hints.reflection().registerField(StorageTransfer.REQUEST_FACTORY);
		}
		// JdkEngine closes the JDK client with shutdownNow(), which Java 21 added
		hints.reflection().registerType(HttpClient.class, MemberCategory.INVOKE_PUBLIC_METHODS);
		// the version the User-Agent header names
		hints.resources().registerPattern(UserAgent.VERSION_RESOURCE);
	}

	private static boolean isJsonType(AnnotationMetadata type) {
		String superClass = type.getSuperClassName();
		return Record.class.getName().equals(superClass) || Enum.class.getName().equals(superClass)
				|| type.hasAnnotation(JsonDeserialize.class.getName());
	}

}
