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

package io.github.cbkspring.client.partner;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.TestClients;
import io.github.cbkspring.client.bot.BotRequest;
import io.github.cbkspring.client.bot.SessionCreateResponse;
import io.github.cbkspring.testsupport.ApiStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The multi-tenant flow end to end, against WireMock over real sockets: the partner
 * account creates a partner user, then a run-as copy of the client creates a bot and a
 * bot session as that user. Only the run-as calls carry {@code X-RunAs-User-Id}.
 *
 * @author cbkspring contributors
 */
class MultiTenantFlowTests {

	private static final String RUN_AS = "X-RunAs-User-Id";

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	private final ChatBotKitClient client = TestClients.client(api);

	@Test
	void partnerUserCreatedThenARunAsCopyCreatesABotSessionAsThatUser() {
		ApiStub.stubPost(api, "/partner/user/create", "{\"id\":\"user-7\"}");
		ApiStub.stubPost(api, "/bot/create", "{\"id\":\"bot-1\"}");
		ApiStub.stubPost(api, "/bot/bot-1/session/create",
				"{\"id\":\"bot-1\",\"conversationId\":\"conv-1\",\"token\":\"conv-token\",\"expiresAt\":1767229200000}");
		ApiStub.stubGet(api, "/partner/user/user-7/fetch",
				"{\"id\":\"user-7\",\"name\":\"Acme\",\"createdAt\":1,\"updatedAt\":2}");

		String userId = this.client.partnerUsers()
			.create(PartnerUserRequest.builder()
				.name("Acme")
				.limits(PartnerUserLimits.empty().withConversations(500))
				.build());
		ChatBotKitClient acme = this.client.withOptions((options) -> options.runAsUserId(userId));
		String botId = acme.bots().create(BotRequest.builder().name("Support").model("gpt-5.4").build());
		SessionCreateResponse session = acme.sessions().create(botId);
		PartnerUser user = this.client.partnerUsers().fetch(userId);

		assertThat(session.conversationId()).isEqualTo("conv-1");
		assertThat(user.name()).isEqualTo("Acme");
		assertThat(acme.options().runAsUserId()).isEqualTo("user-7");
		assertThat(this.client.options().runAsUserId()).isNull();
		// the run-as calls, and only they, carry the user
		api.verify(1, postRequestedFor(urlEqualTo("/api/v1/bot/create")).withHeader(RUN_AS, equalTo("user-7")));
		api.verify(1,
				postRequestedFor(urlEqualTo("/api/v1/bot/bot-1/session/create")).withHeader(RUN_AS, equalTo("user-7")));
		api.verify(1, postRequestedFor(urlEqualTo("/api/v1/partner/user/create")).withoutHeader(RUN_AS));
		api.verify(1, getRequestedFor(urlEqualTo("/api/v1/partner/user/user-7/fetch")).withoutHeader(RUN_AS));
		api.verify(2, anyRequestedFor(anyUrl()).withHeader(RUN_AS, equalTo("user-7")));
		// all four with the partner's own credential, and nothing else was called
		api.verify(4, anyRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer " + ApiStub.SECRET)));
		api.verify(4, anyRequestedFor(anyUrl()));
	}

	@Test
	void typedClientCopiesRunAsTooAndLeaveTheirOriginalUnchanged() {
		ApiStub.stubGet(api, "/partner/user/u/fetch", "{\"id\":\"u\",\"createdAt\":1,\"updatedAt\":2}");
		PartnerUserClient users = this.client.partnerUsers();
		PartnerUserClient asUser = users.withOptions((options) -> options.runAsUserId("user-7"));
		asUser.fetch("u");
		users.fetch("u");
		assertThat(users.transport().options().runAsUserId()).isNull();
		api.verify(1, anyRequestedFor(anyUrl()).withHeader(RUN_AS, equalTo("user-7")));
		api.verify(1, anyRequestedFor(anyUrl()).withoutHeader(RUN_AS));
	}

}
