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

package io.github.cbkspring.client.core;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;

/**
 * A file to upload as the {@code file} part of a {@code multipart/form-data} request. A
 * file whose content can be read only once (an {@code InputStreamResource}) is sent
 * without retries.
 *
 * @param content the content
 * @param filename the file name sent to the API
 * @param contentType the content type of the part, or {@code null} to let it be derived
 * from the file name
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record FileUpload(Resource content, String filename, @Nullable MediaType contentType) {

	/**
	 * Validate the upload.
	 * @param content the content
	 * @param filename the file name
	 * @param contentType the content type, if known
	 */
	public FileUpload {
		Assert.notNull(content, "Content must not be null");
		Assert.hasText(filename, "File name must not be empty");
	}

	/**
	 * An upload of bytes.
	 * @param bytes the content
	 * @param filename the file name
	 * @param contentType the content type, if known
	 * @return the upload
	 */
	public static FileUpload of(byte[] bytes, String filename, @Nullable MediaType contentType) {
		return new FileUpload(new ByteArrayResource(bytes), filename, contentType);
	}

	/**
	 * An upload of a resource named after its file name.
	 * @param resource the content, such as a {@code FileSystemResource}
	 * @return the upload
	 * @throws IllegalArgumentException if the resource has no file name
	 */
	public static FileUpload of(Resource resource) {
		String filename = resource.getFilename();
		Assert.hasText(filename, "Resource has no file name; use FileUpload(resource, filename, contentType)");
		return new FileUpload(resource, filename, null);
	}

}
