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

package io.github.cbkspring.client;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.bot.Bot;
import io.github.cbkspring.client.internal.NonBlockingThreads;
import io.github.cbkspring.testsupport.ApiStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests that a call on a thread that must not block fails at once, over real sockets, and
 * that threads that may block, or a class path without Reactor, change nothing.
 *
 * @author cbkspring contributors
 */
class NonBlockingThreadsTests {

	/** A hang guard only: the calls answer at once. */
	private static final Duration HANG_GUARD = Duration.ofMinutes(2);

	private static final String BOT_JSON = """
			{"id":"bot-1","name":"Support","createdAt":1767225600000,"updatedAt":1767225600000}
			""";

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	private final ChatBotKitClient client = TestClients.client(api);

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void callOnAReactorNonBlockingThreadFailsAtOnceAndIsNotSent() {
		Mono<Bot> onParallel = Mono.fromCallable(() -> this.client.bots().fetch("bot-1"))
			.subscribeOn(Schedulers.parallel());
		assertThatIllegalStateException().isThrownBy(() -> onParallel.block(HANG_GUARD))
			.withMessageStartingWith("GET " + api.baseUrl() + "/api/v1/bot/{botId}/fetch was not sent")
			.withMessageContaining("thread parallel-")
			.withMessageContaining("Mono.fromCallable(() -> ...).subscribeOn(Schedulers.boundedElastic())")
			.withMessageNotContaining("bot-1");
		api.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void callOnBoundedElasticIsSent() {
		ApiStub.stubGet(api, "/bot/bot-1/fetch", BOT_JSON);
		Bot bot = Mono.fromCallable(() -> this.client.bots().fetch("bot-1"))
			.subscribeOn(Schedulers.boundedElastic())
			.block(HANG_GUARD);
		assertThat(bot).isNotNull().extracting(Bot::name).isEqualTo("Support");
		api.verify(getRequestedFor(urlEqualTo("/api/v1/bot/bot-1/fetch")));
	}

	@Test
	void callOnAnOrdinaryThreadIsSent() {
		ApiStub.stubGet(api, "/bot/bot-1/fetch", BOT_JSON);
		assertThat(this.client.bots().fetch("bot-1").id()).isEqualTo("bot-1");
	}

	@Test
	void withoutReactorNothingIsRefused() throws Exception {
		// the client's classes again, in a loader that sees no Reactor
		URL classes = NonBlockingThreads.class.getProtectionDomain().getCodeSource().getLocation();
		try (URLClassLoader withoutReactor = new URLClassLoader(new URL[] { classes },
				new FilteredClassLoader("reactor.", "io.github.cbkspring."))) {
			assertThat(ClassUtils.isPresent("reactor.core.scheduler.Schedulers", withoutReactor)).isFalse();
			Class<?> type = Class.forName(NonBlockingThreads.class.getName(), true, withoutReactor);
			assertThat(type).isNotSameAs(NonBlockingThreads.class);
			Method refuseBlocking = type.getDeclaredMethod("refuseBlocking", Object.class);
			ReflectionUtils.makeAccessible(refuseBlocking);
			// on a thread that Reactor, had it been there, would call non-blocking
			String answer = Mono.fromCallable(() -> {
				refuseBlocking.invoke(null, "GET /bot/{botId}/fetch");
				return "not refused";
			}).subscribeOn(Schedulers.parallel()).block(HANG_GUARD);
			assertThat(answer).isEqualTo("not refused");
		}
	}

}
