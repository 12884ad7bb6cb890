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

package io.github.cbkspring.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.ObjectName;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;

/**
 * What this JVM has spent so far: CPU time (user and system, every thread: the calling
 * threads, the engines' I/O threads, the garbage collector, the JIT compiler), bytes
 * allocated by live threads, JIT compilation time and garbage collection time. The
 * difference of two readings is what happened between them.
 *
 * @param cpuNanos CPU time of the process
 * @param allocatedBytes bytes allocated by the threads alive now
 * @param jitMillis time the JIT compiler threads spent
 * @param gcMillis time the garbage collectors spent
 * @author cbkspring contributors
 */
record JvmCounters(long cpuNanos, long allocatedBytes, long jitMillis, long gcMillis) {

	private static final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private static final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

	/**
	 * Read the counters. Bytes allocated are summed over the threads alive now: a thread
	 * that ends between two readings takes its allocation with it, so measure across
	 * periods in which the threads that work stay alive.
	 */
	static JvmCounters now() {
		long allocated = 0;
		for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
			allocated += Math.max(bytes, 0);
		}
		long gc = 0;
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			gc += Math.max(collector.getCollectionTime(), 0);
		}
		return new JvmCounters(os.getProcessCpuTime(), allocated,
				ManagementFactory.getCompilationMXBean().getTotalCompilationTime(), gc);
	}

	/**
	 * Whether the JIT compiler has nothing to do: no method being compiled, none queued
	 * (the {@code Compiler.queue} diagnostic command, whose task lines name methods as
	 * {@code Class::method}). Compile time alone can miss a queue that waits for CPU.
	 */
	static boolean jitIdle() {
		try {
			Object queue = ManagementFactory.getPlatformMBeanServer()
				.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerQueue",
						new Object[] { null }, new String[] { String[].class.getName() });
			return !String.valueOf(queue).contains("::");
		}
		catch (JMException ex) {
			throw new IllegalStateException("Cannot read the JIT compiler's queue", ex);
		}
	}

	JvmCounters minus(JvmCounters earlier) {
		return new JvmCounters(this.cpuNanos - earlier.cpuNanos, this.allocatedBytes - earlier.allocatedBytes,
				this.jitMillis - earlier.jitMillis, this.gcMillis - earlier.gcMillis);
	}

}
