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

package io.github.cbkspring.client.agent;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The schema of record tools, and the default executor.
 *
 * @author cbkspring contributors
 */
class AgentToolTests {

	enum Priority {

		LOW, HIGH

	}

	record Address(String city) {
	}

	record Everything(String text, char letter, int count, Long big, double ratio, BigDecimal amount, boolean flag,
			Priority priority, List<String> tags, Set<Address> addresses, int[] numbers, Map<String, Object> meta,
			Optional<String> maybe, @Nullable String note) {
	}

	record Self(@Nullable Self next) {
	}

	record Unsupported(Thread thread) {
	}

	@Test
	void aRecordGivesTheSchemaOfItsComponents() {
		AgentTool tool = AgentTool.of("everything", "All types", Everything.class, (args) -> args);
		assertThat(tool.name()).isEqualTo("everything");
		assertThat(tool.description()).isEqualTo("All types");
		assertThat(tool).hasToString("AgentTool[everything]");
		Map<String, Object> properties = Map.ofEntries(Map.entry("text", Map.of("type", "string")),
				Map.entry("letter", Map.of("type", "string")), Map.entry("count", Map.of("type", "integer")),
				Map.entry("big", Map.of("type", "integer")), Map.entry("ratio", Map.of("type", "number")),
				Map.entry("amount", Map.of("type", "number")), Map.entry("flag", Map.of("type", "boolean")),
				Map.entry("priority", Map.of("type", "string", "enum", List.of("LOW", "HIGH"))),
				Map.entry("tags", Map.of("type", "array", "items", Map.of("type", "string"))),
				Map.entry("addresses",
						Map.of("type", "array", "items",
								Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")),
										"required", List.of("city")))),
				Map.entry("numbers", Map.of("type", "array", "items", Map.of("type", "integer"))),
				Map.entry("meta", Map.of("type", "object")), Map.entry("maybe", Map.of("type", "string")),
				Map.entry("note", Map.of("type", "string")));
		assertThat(tool.parameters()).containsEntry("type", "object").containsEntry("properties", properties);
		assertThat(tool.parameters()).extractingByKey("required")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.containsExactly("text", "letter", "count", "big", "ratio", "amount", "flag", "priority", "tags",
					"addresses", "numbers", "meta");
	}

	@Test
	void aRecordToolGetsItsArgumentsAsTheRecord() throws Exception {
		AgentTool tool = AgentTool.of("address", "An address", Address.class, (args) -> args.city().toUpperCase());
		assertThat(tool.call(Map.of("city", "Oslo"))).isEqualTo("OSLO");
	}

	@Test
	void typesTheSchemaCannotDescribeAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> AgentTool.of("self", "Self", Self.class, (args) -> args))
			.withMessageContaining("contains itself");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AgentTool.of("unsupported", "Unsupported", Unsupported.class, (args) -> args))
			.withMessage("Cannot describe java.lang.Thread in a JSON Schema");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AgentTool.of("bad name", "Bad", Map.of(), (args) -> args));
	}

	@Test
	void theBoundedPoolRunsToolsOnDaemonThreads() throws InterruptedException {
		ThreadPoolExecutor pool = AgentExecutors.boundedPool();
		try {
			AtomicReference<Thread> thread = new AtomicReference<>();
			CountDownLatch ran = new CountDownLatch(1);
			pool.execute(() -> {
				thread.set(Thread.currentThread());
				ran.countDown();
			});
			assertThat(ran.await(2, TimeUnit.MINUTES)).isTrue();
			assertThat(thread.get().isDaemon()).isTrue();
			assertThat(thread.get().getName()).isEqualTo("chatbotkit-agent-1");
			assertThat(pool.getMaximumPoolSize()).isEqualTo(AgentExecutors.POOL_SIZE);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theDefaultExecutorRunsTools() throws InterruptedException {
		CountDownLatch ran = new CountDownLatch(1);
		AgentExecutors.defaultExecutor().execute(ran::countDown);
		assertThat(ran.await(2, TimeUnit.MINUTES)).isTrue();
	}

}
