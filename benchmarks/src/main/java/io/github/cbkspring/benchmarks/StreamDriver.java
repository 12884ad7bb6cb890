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

/**
 * A driver of the streaming workload: one call reads one whole answer of
 * {@link CompletionJson#TOKENS} tokens.
 *
 * @author cbkspring contributors
 */
interface StreamDriver extends Driver {

	/**
	 * Read one unpaced stream.
	 */
	@Override
	default int call() throws Exception {
		return stream(CompletionJson.UNPACED, CompletionJson.TEXT, () -> {
		});
	}

	/**
	 * Open a stream, read it to its end and check it.
	 * @param conversationId the conversation, which picks the stub's pace
	 * @param text the user's message
	 * @param firstToken called when the first token has been read
	 * @return the tokens read
	 * @throws Exception if the stream fails or is not as written
	 */
	int stream(String conversationId, String text, Runnable firstToken) throws Exception;

	/**
	 * Describe a failure for the report, with what the driver's own types tell of it.
	 * @param failure the failure of {@link #stream}
	 * @return a one-line description
	 */
	default String describe(Throwable failure) {
		return failure.toString();
	}

}
