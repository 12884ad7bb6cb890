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

package io.github.cbkspring.client.file;

import java.io.InputStream;

/**
 * Content of a given size made up as it is read, the same for the same size and seed, so
 * that a test can upload more bytes than it keeps and still check every byte that
 * arrived.
 *
 * @author cbkspring contributors
 */
final class GeneratedContent extends InputStream {

	private final long size;

	private long position;

	GeneratedContent(long size) {
		this.size = size;
	}

	/**
	 * The byte at a position.
	 * @param position the position
	 * @return the byte, 0 to 255
	 */
	static int byteAt(long position) {
		long mixed = position * 0x9E3779B97F4A7C15L;
		return (int) ((mixed >>> 56) ^ (position & 0xFF)) & 0xFF;
	}

	@Override
	public int read() {
		return (this.position < this.size) ? byteAt(this.position++) : -1;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) {
		if (length == 0) {
			return 0;
		}
		if (this.position >= this.size) {
			return -1;
		}
		int count = (int) Math.min(length, this.size - this.position);
		for (int i = 0; i < count; i++) {
			buffer[offset + i] = (byte) byteAt(this.position++);
		}
		return count;
	}

}
