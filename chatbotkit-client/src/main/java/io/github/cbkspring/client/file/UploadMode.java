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

/**
 * How {@link FileClient#upload(String, FileContent, UploadMode)} sends a file's content.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public enum UploadMode {

	/**
	 * {@link #INLINE} up to {@link FileClient#INLINE_UPLOAD_LIMIT} bytes, {@link #DIRECT}
	 * above.
	 */
	AUTO,

	/**
	 * In the request to the API, as the {@code file} part of a
	 * {@code multipart/form-data} body: one call, but the API takes only about 4.5 MB
	 * this way and answers 413 above.
	 */
	INLINE,

	/**
	 * Straight to the API's storage: the API is told the file's type, size and name and
	 * answers with a pre-signed request, which the content is streamed with. Two calls,
	 * for any size.
	 */
	DIRECT;

	/**
	 * Whether content is uploaded inline this way.
	 */
	boolean isInline(FileContent content) {
		return this == INLINE || (this == AUTO && content.size() <= FileClient.INLINE_UPLOAD_LIMIT);
	}

}
