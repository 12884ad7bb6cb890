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

package io.github.cbkspring.readme;

// tag::quick-start-controller[]
import io.github.cbkspring.client.bot.SessionClient;
import io.github.cbkspring.client.bot.SessionCreateResponse;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SessionController {

	private final SessionClient sessionClient;

	SessionController(SessionClient sessionClient) {
		this.sessionClient = sessionClient;
	}

	@PostMapping("/api/sessions")
	SessionCreateResponse create() {
		// a conversation and a short-lived token for it: safe to hand to the browser
		return this.sessionClient.create("my-bot-id");
	}

}
// end::quick-start-controller[]
