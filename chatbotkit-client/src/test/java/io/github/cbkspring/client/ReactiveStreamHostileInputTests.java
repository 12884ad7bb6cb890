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

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import reactor.core.publisher.Flux;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Every hostile and broken JSON Lines answer of {@link StreamHostileInputTests}, read by
 * the reactive client ({@code JsonLinesFlux}): the same cases and the same expectations,
 * the streams taken as a {@link Flux} instead of a {@code Stream}.
 */
class ReactiveStreamHostileInputTests extends StreamHostileInputTests {

	private static final ApiEndpoint COMPLETE = ApiEndpoint.post("/conversation/{id}/complete");

	@Override
	Outcome complete(ChatBotKitClient c, byte[] body) {
		stub(body);
		return read(reactive(c.options()).conversations().completeStream("conv-1", "Hi"));
	}

	@Override
	Outcome generic(String body) {
		stub(body.getBytes(StandardCharsets.UTF_8));
		return read(reactive(this.client.options()).request(COMPLETE, "conv-1")
			.body(Map.of("text", "x"))
			.stream(Map.class));
	}

	private static ChatBotKitReactiveClient reactive(ChatBotKitOptions options) {
		return ChatBotKitReactiveClient.create(WebClient.builder(), options);
	}

	/**
	 * Read a stream to its end or its failure, within a bound that turns a hang into a
	 * failed test.
	 */
	private static Outcome read(Flux<?> events) {
		List<Object> delivered = new CopyOnWriteArrayList<>();
		Throwable failure = null;
		try {
			events.doOnNext(delivered::add).then().toFuture().get(HANG_GUARD.toMinutes(), TimeUnit.MINUTES);
		}
		catch (ExecutionException ex) {
			failure = ex.getCause();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return new Outcome(delivered, failure);
	}

}
