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

package io.github.cbkspring.client.error;

import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;

/**
 * A transfer to or from the storage that the API pointed at with a pre-signed URL failed
 * or was refused: the storage answered with an error, the connection failed, or the URL
 * broke a rule of the client (plain {@code http} to a host that is not loopback, say) and
 * nothing was sent. The storage is not the ChatBotKit API, so this is not a
 * {@link ChatBotKitHttpException}; the message names the storage by {@link #location()},
 * never by its full URL, whose query is a credential.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class ChatBotKitStorageException extends ChatBotKitException {

	private final String location;

	private final int statusCode;

	/**
	 * Create an exception for a failed storage transfer.
	 * @param message the detail message, free of the pre-signed URL
	 * @param location the storage as {@link #location()} names it
	 * @param statusCode the HTTP status the storage answered, or {@code 0} if it did not
	 * answer
	 * @param cause the cause, if any
	 */
	public ChatBotKitStorageException(String message, String location, int statusCode, @Nullable Throwable cause) {
		super(message, cause);
		this.location = location;
		this.statusCode = statusCode;
	}

	/**
	 * The storage: the scheme, host, port and path of the pre-signed URL, with its query
	 * masked.
	 * @return the masked location, such as {@code https://bucket.example.com/f/1?******}
	 */
	public String location() {
		return this.location;
	}

	/**
	 * The HTTP status the storage answered with.
	 * @return the status, or empty if the storage did not answer (a network failure or a
	 * refusal before any I/O)
	 */
	public OptionalInt statusCode() {
		return (this.statusCode != 0) ? OptionalInt.of(this.statusCode) : OptionalInt.empty();
	}

}
