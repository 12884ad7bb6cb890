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
package io.github.cbkspring.sample.chat.demo;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.EnumerablePropertySource;

/**
 * The properties that point the application at the {@link DemoApi}: read from it when
 * asked for, so that the API starts when the first bean that needs it is made (the
 * client), and lives as a bean of the context, which closes it. Boot's Testcontainers
 * support resolves a container's properties the same way.
 *
 * @author cbkspring contributors
 */
class DemoApiPropertySource extends EnumerablePropertySource<Supplier<DemoApi>> {

	static final String NAME = "chatbotkitDemoApi";

	private static final Map<String, Function<DemoApi, String>> PROPERTIES = Map.of("chatbotkit.url", DemoApi::url,
			"chatbotkit.secret", DemoApi::secret, "sample.browser-api-base", DemoApi::browserApiBase,
			"sample.dataset-id", DemoApi::datasetId);

	DemoApiPropertySource(Supplier<DemoApi> demoApi) {
		super(NAME, demoApi);
	}

	@Override
	public String[] getPropertyNames() {
		return PROPERTIES.keySet().toArray(String[]::new);
	}

	@Override
	public @Nullable Object getProperty(String name) {
		Function<DemoApi, String> property = PROPERTIES.get(name);
		return (property != null) ? property.apply(getSource().get()) : null;
	}

}
