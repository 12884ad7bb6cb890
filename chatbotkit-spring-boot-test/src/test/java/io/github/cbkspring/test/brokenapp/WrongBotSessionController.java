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

package io.github.cbkspring.test.brokenapp;

import io.github.cbkspring.client.bot.SessionClient;
import io.github.cbkspring.client.bot.SessionCreateResponse;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The session controller with a bug: it asks for a session of the wrong bot. Outside the
 * test application's package, so that only the test that imports it sees it.
 *
 * @author cbkspring contributors
 */
@RestController
public class WrongBotSessionController {

	private final SessionClient sessions;

	WrongBotSessionController(SessionClient sessions) {
		this.sessions = sessions;
	}

	@PostMapping("/api/sessions")
	SessionCreateResponse create() {
		return this.sessions.create("sales-bot");
	}

}
