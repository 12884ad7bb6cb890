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

package io.github.cbkspring.client.partner;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The {@code config} object of a partner user session request, as sent on the wire.
 *
 * @param allowedRoutes glob patterns of the routes the token may call; not sent when
 * empty
 * @param contactId a contact to carry in the token, if any
 * @author cbkspring contributors
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record SessionConfig(List<String> allowedRoutes, @Nullable String contactId) {

}
