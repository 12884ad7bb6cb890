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

package io.github.cbkspring.sample.chat.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.core.task.support.TaskExecutorAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for the pacing of {@link DemoApiController}'s replies.
 *
 * @author cbkspring contributors
 */
class DemoApiControllerTests {

	private static final Duration USUAL = Duration.ofMillis(60);

	@Test
	void shortReplyKeepsTheUsualPace() {
		assertThat(new DemoApiController.Reply("a few words", false).wordDelay(USUAL,
				DemoApiController.MAX_REPLY_DURATION))
			.isEqualTo(USUAL);
	}

	@Test
	void longReplyIsWrittenFasterToFinishInTime() {
		DemoApiController.Reply reply = new DemoApiController.Reply("word ".repeat(400).strip(), false);
		Duration delay = reply.wordDelay(USUAL, DemoApiController.MAX_REPLY_DURATION);
		assertThat(delay).isLessThan(USUAL);
		assertThat(delay.multipliedBy(reply.tokens().size())).isLessThanOrEqualTo(DemoApiController.MAX_REPLY_DURATION);
	}

	@Test
	void replyToAnEndedResponseStopsQuietly() {
		DemoApiController controller = new DemoApiController(
				new DemoSessions(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)), "demo-secret",
				JsonMapper.builder().build(), new TaskExecutorAdapter(new SyncTaskExecutor()), USUAL);
		ResponseBodyEmitter emitter = new ResponseBodyEmitter();
		// as when the response timed out before the reply was written
		emitter.complete();
		assertThatNoException()
			.isThrownBy(() -> controller.stream(DemoApiController.Reply.to("Hello"), Duration.ZERO, emitter));
	}

}
