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

package io.github.cbkspring.client.internal;

import tools.jackson.core.util.BufferRecycler;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.core.util.RecyclerPool;

/**
 * Jackson's buffers for the parser of a JSON Lines stream. That parser holds them from
 * the stream's first line to its last, one set per open stream, so they are sized for a
 * line of events rather than for a whole document: a read buffer of 2,000 bytes instead
 * of 8,000, and a text buffer of 200 characters instead of 4,000, which a longer string
 * grows as it comes. This keeps the heap an open stream holds within what a chat backend
 * with a thousand streams can afford (see docs/performance.md). Pooled for reuse, at most
 * {@value #POOLED} sets, so that a burst of streams leaves no more behind.
 *
 * @author cbkspring contributors
 */
final class StreamBuffers extends BufferRecycler {

	private static final int POOLED = 64;

	static final RecyclerPool<BufferRecycler> POOL = new Pool();

	private StreamBuffers() {
		super(4, 4);
	}

	@Override
	protected int byteBufferLength(int index) {
		return (index == BYTE_READ_IO_BUFFER) ? 2000 : super.byteBufferLength(index);
	}

	@Override
	protected int charBufferLength(int index) {
		return (index == CHAR_TEXT_BUFFER) ? 200 : super.charBufferLength(index);
	}

	private static final class Pool extends JsonRecyclerPools.BoundedPool {

		private static final long serialVersionUID = 1L;

		Pool() {
			super(POOLED);
		}

		@Override
		public BufferRecycler createPooled() {
			return new StreamBuffers();
		}

	}

}
