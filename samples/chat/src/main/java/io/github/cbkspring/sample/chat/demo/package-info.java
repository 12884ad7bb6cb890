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
 * Demo mode: the test kit's fake ChatBotKit API, run by the sample itself when no secret
 * is configured, so that the sample runs without a ChatBotKit account.
 */
@NullMarked
package io.github.cbkspring.sample.chat.demo;

import org.jspecify.annotations.NullMarked;
