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

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A stream driver that reads its streams without a thread of its own, on its engine's
 * event loops: {@link PacedStreams} opens them from one scheduling thread instead of one
 * thread a stream, and the closed-loop rounds wait on each stream's future.
 *
 * @author cbkspring contributors
 */
interface NonBlockingStreamDriver extends StreamDriver {

	/**
	 * Wait for a stream that {@link #start} opens.
	 */
	@Override
	default int stream(String conversationId, String text, Runnable firstToken) throws Exception {
		try {
			return start(conversationId, text, firstToken).get();
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
	}

	/**
	 * Open a stream and return at once; the stream is read to its end and checked as its
	 * lines arrive.
	 * @param conversationId the conversation, which picks the stub's pace
	 * @param text the user's message
	 * @param firstToken called when the first token has been read
	 * @return the tokens read, or the failure of the stream or of its check
	 */
	CompletableFuture<Integer> start(String conversationId, String text, Runnable firstToken);

}
