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

package io.github.cbkspring.client.bot;

/**
 * What a bot used in a period.
 *
 * @param tokens the tokens used, {@code 0} if the API did not say
 * @param conversations the conversations held, {@code 0} if the API did not say
 * @param messages the messages exchanged, {@code 0} if the API did not say
 * @author cbkspring contributors
 * @since 0.1.0
 */
public record BotUsage(long tokens, long conversations, long messages) {

}
