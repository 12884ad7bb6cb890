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

package io.github.cbkspring.ai;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An add to a {@link ChatBotKitVectorStore} that wrote some documents and not the others:
 * which were written (as records, which stay), and which were not. The cause is the
 * client's failure that stopped the add.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class ChatBotKitVectorStoreWriteException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Map<String, String> written;

	private final List<String> notWritten;

	/**
	 * Create an exception.
	 * @param written the ids of the documents written, in order, with their record ids
	 * @param notWritten the ids of the documents not written, in order, the failed one
	 * first
	 * @param cause the failure
	 */
	public ChatBotKitVectorStoreWriteException(Map<String, String> written, List<String> notWritten,
			RuntimeException cause) {
		super("Wrote " + written.size() + " of " + (written.size() + notWritten.size())
				+ " documents to the ChatBotKit dataset; the first not written is '" + notWritten.get(0) + "': "
				+ cause.getMessage(), cause);
		this.written = Collections.unmodifiableMap(new LinkedHashMap<>(written));
		this.notWritten = List.copyOf(notWritten);
	}

	/**
	 * The documents written.
	 * @return the record id of each document id written, in the order of the add
	 */
	public Map<String, String> getWritten() {
		return this.written;
	}

	/**
	 * The documents not written.
	 * @return their ids, in the order of the add, the one that failed first
	 */
	public List<String> getNotWritten() {
		return this.notWritten;
	}

}
