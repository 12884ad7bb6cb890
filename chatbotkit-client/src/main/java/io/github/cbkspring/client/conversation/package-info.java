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
 * Conversations, with {@link io.github.cbkspring.client.conversation.ConversationClient}:
 * stateless completions
 * ({@link io.github.cbkspring.client.conversation.CompletionRequest}), stored
 * conversations and their messages, completions within a conversation (whole or streamed
 * as {@link io.github.cbkspring.client.conversation.CompletionEvent}s), functions the bot
 * may call ({@link io.github.cbkspring.client.conversation.FunctionDefinition},
 * {@link io.github.cbkspring.client.conversation.FunctionCall}), model strings
 * ({@link io.github.cbkspring.client.conversation.ModelDefinition}) and conversation
 * sessions.
 */
@NullMarked
package io.github.cbkspring.client.conversation;

import org.jspecify.annotations.NullMarked;
