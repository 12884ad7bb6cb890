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

package io.github.cbkspring.client.usage;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.TestClients;
import io.github.cbkspring.client.error.ChatBotKitDecodingException;
import io.github.cbkspring.testsupport.ApiStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link UsageClient} against WireMock over real sockets.
 *
 * @author cbkspring contributors
 */
class UsageClientTests {

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	private final UsageClient usage = TestClients.client(api).usage();

	@Test
	void fetchMapsEveryCount() {
		ApiStub.stubGet(api, "/usage/fetch", """
				{"tokens":120000,"conversations":42,"messages":300,"period":"2026-11",
				 "database":{"datasets":2,"records":1500,"skillsets":1,"abilities":4,"files":7,"users":3,"spaces":9}}
				""");
		assertThat(this.usage.fetch())
			.isEqualTo(new AccountUsage(120000, 42, 300, new DatabaseUsage(2, 1500, 1, 4, 7, 3)));
		ApiStub.verifyGet(api, "/usage/fetch");
	}

	@Test
	void fetchWithoutACountIsDecodingException() {
		assertDecodingFailsOn("messages", """
				{"tokens":1,"conversations":2,
				 "database":{"datasets":0,"records":0,"skillsets":0,"abilities":0,"files":0,"users":0}}
				""");
	}

	@Test
	void fetchWithoutADatabaseCountIsDecodingException() {
		assertDecodingFailsOn("users", """
				{"tokens":1,"conversations":2,"messages":3,
				 "database":{"datasets":0,"records":0,"skillsets":0,"abilities":0,"files":0}}
				""");
	}

	@Test
	void fetchWithoutTheDatabaseIsDecodingException() {
		assertDecodingFailsOn("database", "{\"tokens\":1,\"conversations\":2,\"messages\":3}");
	}

	@Test
	void runAsCopySendsTheUserHeader() {
		ApiStub.stubGet(api, "/usage/fetch", """
				{"tokens":0,"conversations":0,"messages":0,
				 "database":{"datasets":0,"records":0,"skillsets":0,"abilities":0,"files":0,"users":0}}
				""");
		this.usage.withOptions((options) -> options.runAsUserId("user-7")).fetch();
		api.verify(1,
				getRequestedFor(urlEqualTo("/api/v1/usage/fetch")).withHeader("X-RunAs-User-Id", equalTo("user-7")));
	}

	private void assertDecodingFailsOn(String missingField, String json) {
		ApiStub.stubGet(api, "/usage/fetch", json);
		assertThatExceptionOfType(ChatBotKitDecodingException.class).isThrownBy(this.usage::fetch)
			.withMessageContaining(missingField);
	}

}
