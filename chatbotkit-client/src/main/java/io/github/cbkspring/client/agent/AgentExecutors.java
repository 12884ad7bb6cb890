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

import java.lang.reflect.Method;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor agents run their tools on unless the application gives one: a virtual
 * thread per tool call on Java 21 and later (found by reflection, since the baseline is
 * Java 17), else a pool of daemon threads bounded by {@link #POOL_SIZE}, whose idle
 * threads end after a minute.
 *
 * @author cbkspring contributors
 */
final class AgentExecutors {

	static final int POOL_SIZE = 16;

	private static final Executor DEFAULT = create();

	private AgentExecutors() {
	}

	static Executor defaultExecutor() {
		return DEFAULT;
	}

	private static Executor create() {
		try {
			Method virtual = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
			return (Executor) virtual.invoke(null);
		}
		catch (ReflectiveOperationException ex) {
			return boundedPool();
		}
	}

	static ThreadPoolExecutor boundedPool() {
		AtomicInteger count = new AtomicInteger();
		ThreadFactory threads = (task) -> {
			Thread thread = new Thread(task, "chatbotkit-agent-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		ThreadPoolExecutor pool = new ThreadPoolExecutor(POOL_SIZE, POOL_SIZE, 1, TimeUnit.MINUTES,
				new LinkedBlockingQueue<>(), threads);
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

}
