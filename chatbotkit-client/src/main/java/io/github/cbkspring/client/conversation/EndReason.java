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

package io.github.cbkspring.client.conversation;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why the bot stopped writing a reply.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public enum EndReason {

	/**
	 * The reply reached its length limit.
	 */
	LENGTH,

	/**
	 * The bot finished the reply.
	 */
	STOP,

	/**
	 * The bot stopped to perform an activity.
	 */
	ACTIVITY,

	/**
	 * The reply was aborted.
	 */
	ABORT,

	/**
	 * The reply failed.
	 */
	ERROR,

	/**
	 * The bot reached its iteration limit.
	 */
	ITERATION,

	/**
	 * A reason that this client does not know yet (the API has grown).
	 */
	@JsonEnumDefaultValue
	UNKNOWN;

	/**
	 * The name of this reason on the wire.
	 * @return the lower-case name, such as {@code stop}
	 */
	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
