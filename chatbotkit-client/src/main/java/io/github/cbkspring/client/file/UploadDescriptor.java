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
 * The body that asks the API for a direct upload: {@code {"file": {type, size, name}}}.
 *
 * @param file what is uploaded
 * @author cbkspring contributors
 */
record UploadDescriptor(Described file) {

	UploadDescriptor(FileContent content) {
		this(new Described(content.contentType().toString(), content.size(), content.name()));
	}

	/**
	 * The file as the API is told about it.
	 *
	 * @param type the content type
	 * @param size the number of bytes
	 * @param name the file name
	 */
	record Described(String type, long size, String name) {

	}

}
