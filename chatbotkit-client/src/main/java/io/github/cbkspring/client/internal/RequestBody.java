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

import java.io.IOException;
import java.io.OutputStream;

import io.github.cbkspring.client.core.FileUpload;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.util.Assert;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * A request body prepared before the first attempt, so that every attempt sends the same
 * content.
 *
 * @author cbkspring contributors
 */
sealed interface RequestBody {

	void writeTo(RestClient.RequestBodySpec request);

	/**
	 * Whether the body can be sent again on a retry.
	 */
	boolean replayable();

	/**
	 * JSON already written to bytes: a known length, no chunking, no re-serialization.
	 * Written as a streaming body so that no message converter is looked up per call.
	 */
	@SuppressWarnings("ArrayRecordComponent") // internal and never compared
	record Json(byte[] bytes) implements RequestBody, StreamingHttpOutputMessage.Body {

		@Override
		public void writeTo(RestClient.RequestBodySpec request) {
			request.contentType(MediaType.APPLICATION_JSON).contentLength(this.bytes.length).body(this);
		}

		@Override
		public void writeTo(OutputStream body) throws IOException {
			body.write(this.bytes);
		}

		@Override
		public boolean repeatable() {
			return true;
		}

		@Override
		public boolean replayable() {
			return true;
		}

	}

	/**
	 * A {@code multipart/form-data} body.
	 */
	record Multipart(MultiValueMap<String, Object> parts, boolean replayable) implements RequestBody {

		/**
		 * A file as the {@code file} part, the way the API takes uploads: sent again on a
		 * retry only if its content can be read again.
		 */
		static Multipart of(FileUpload file) {
			Assert.notNull(file, "FileUpload must not be null");
			HttpHeaders partHeaders = new HttpHeaders();
			partHeaders.setContentDispositionFormData("file", file.filename());
			if (file.contentType() != null) {
				partHeaders.setContentType(file.contentType());
			}
			MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
			parts.add("file", new HttpEntity<>(file.content(), partHeaders));
			return new Multipart(parts, !file.content().isOpen());
		}

		@Override
		public void writeTo(RestClient.RequestBodySpec request) {
			request.contentType(MediaType.MULTIPART_FORM_DATA).body(this.parts);
		}

	}

}
