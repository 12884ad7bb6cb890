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

/**
 * A client for the ChatBotKit API on Spring's {@code RestClient}, usable with or without
 * Spring Boot. This package is the entry point,
 * {@link io.github.cbkspring.client.ChatBotKitClient}, and the HTTP engine it runs on;
 * {@code core} holds the types every resource shares (options, requests, pages,
 * messages), {@code error} the exception family, and each resource of the API has a
 * package of its own with its typed client and records.
 */
@NullMarked
package io.github.cbkspring.client;

import org.jspecify.annotations.NullMarked;
