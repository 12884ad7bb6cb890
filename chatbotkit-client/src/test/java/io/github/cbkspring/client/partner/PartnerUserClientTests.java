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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.TestClients;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.Page;
import io.github.cbkspring.client.core.SortOrder;
import io.github.cbkspring.client.error.ChatBotKitDecodingException;
import io.github.cbkspring.client.error.ChatBotKitPermissionException;
import io.github.cbkspring.testsupport.ApiStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.cbkspring.testsupport.ApiStub.ENCODED_ID;
import static io.github.cbkspring.testsupport.ApiStub.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PartnerUserClient} against WireMock over real sockets.
 *
 * @author cbkspring contributors
 */
class PartnerUserClientTests {

	static final String USER_JSON = """
			{"id":"u-1","name":"Acme","description":"Customer","meta":{"customerId":"42"},"image":"https://img/a.png",
			 "email":"admin@acme.example","limits":{"tokens":1000000,"conversations":500,"messages":10000,
			 "database":{"datasets":3,"records":5000,"skillsets":2,"abilities":10,"files":100,"spaces":1},"other":2},
			 "createdAt":1767225600000,"updatedAt":1767225601000,"newField":true}
			""";

	static final PartnerUser USER = new PartnerUser("u-1", "Acme", "Customer", Map.of("customerId", "42"),
			"https://img/a.png", "admin@acme.example",
			new PartnerUserLimits(1000000L, 500L, 10000L, new DatabaseLimits(3L, 5000L, 2L, 10L, 100L)),
			Instant.ofEpochMilli(1767225600000L), Instant.ofEpochMilli(1767225601000L));

	static final String TOKEN_JSON = """
			{"id":"t-1","name":"CI","description":"For CI","meta":{"env":"ci"},
			 "createdAt":1767225600000,"updatedAt":1767225601000,"lastUsedAt":5}
			""";

	static final PartnerUserToken TOKEN = new PartnerUserToken("t-1", "CI", "For CI", Map.of("env", "ci"),
			Instant.ofEpochMilli(1767225600000L), Instant.ofEpochMilli(1767225601000L));

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	private final PartnerUserClient users = TestClients.client(api).partnerUsers();

	@Test
	void listSendsEveryQueryParameterAndMapsThePage() {
		String path = "/partner/user/list?cursor=c+1&order=asc&take=2&meta.customerId=42";
		ApiStub.stubGet(api, path, "{\"items\":[" + USER_JSON + "],\"cursor\":\"c2\",\"extra\":1}");
		Page<PartnerUser> page = this.users.list(ListQuery.defaults()
			.withCursor("c 1")
			.withOrder(SortOrder.ASC)
			.withTake(2)
			.withMeta("customerId", "42"));
		assertThat(page).isEqualTo(new Page<>(List.of(USER), "c2"));
		ApiStub.verifyGet(api, path);
	}

	@Test
	void listAllWalksThreePagesUntilTheApiSignalsTheEnd() {
		stubThreePages("/partner/user/list", USER_JSON);
		assertThat(this.users.listAll(ListQuery.defaults().withTake(1))).containsExactly(USER, USER);
		assertThat(api.getAllServeEvents()).hasSize(3);
	}

	@Test
	void fetchEncodesTheIdAndMapsEveryFieldWithTheLimits() {
		ApiStub.stubGet(api, "/partner/user/" + ENCODED_ID + "/fetch", USER_JSON);
		assertThat(this.users.fetch(ID)).isEqualTo(USER);
		ApiStub.verifyGet(api, "/partner/user/" + ENCODED_ID + "/fetch");
	}

	@Test
	void fetchOfAMinimalUserLeavesOptionalFieldsEmpty() {
		ApiStub.stubGet(api, "/partner/user/u/fetch", "{\"id\":\"u\",\"createdAt\":1,\"updatedAt\":2}");
		PartnerUser user = this.users.fetch("u");
		assertThat(user.email()).isNull();
		assertThat(user.limits()).isNull();
		assertThat(user.meta()).isEmpty();
	}

	@Test
	void limitsTheApiDoesNotSendAreNull() {
		ApiStub.stubGet(api, "/partner/user/u/fetch",
				"{\"id\":\"u\",\"createdAt\":1,\"updatedAt\":2,\"limits\":{\"tokens\":5,\"database\":{\"files\":1}}}");
		assertThat(this.users.fetch("u").limits())
			.isEqualTo(PartnerUserLimits.empty().withTokens(5).withDatabase(DatabaseLimits.empty().withFiles(1)));
	}

	@Test
	void fetchWithoutARequiredFieldIsDecodingException() {
		ApiStub.stubGet(api, "/partner/user/u/fetch", "{\"id\":\"u\",\"updatedAt\":2}");
		assertThatExceptionOfType(ChatBotKitDecodingException.class).isThrownBy(() -> this.users.fetch("u"))
			.withMessageContaining("createdAt");
	}

	@Test
	void createSendsEverySetFieldAndOnlyTheSetLimits() {
		ApiStub.stubPost(api, "/partner/user/create", "{\"id\":\"u-9\",\"extra\":true}");
		String id = this.users.create(PartnerUserRequest.builder()
			.alias("acme")
			.name("Acme")
			.description("Customer")
			.meta("customerId", "42")
			.image("https://img/a.png")
			.email("admin@acme.example")
			.limits(PartnerUserLimits.empty()
				.withTokens(1000000)
				.withConversations(500)
				.withMessages(10000)
				.withDatabase(DatabaseLimits.empty()
					.withDatasets(3)
					.withRecords(5000)
					.withSkillsets(2)
					.withAbilities(10)
					.withFiles(100)))
			.build());
		assertThat(id).isEqualTo("u-9");
		ApiStub.verifyPost(api, "/partner/user/create", """
				{"alias":"acme","name":"Acme","description":"Customer","meta":{"customerId":"42"},
				 "image":"https://img/a.png","email":"admin@acme.example",
				 "limits":{"tokens":1000000,"conversations":500,"messages":10000,
				  "database":{"datasets":3,"records":5000,"skillsets":2,"abilities":10,"files":100}}}
				""");
	}

	@Test
	void createRefusedByTheApiIsPermissionException() {
		api.stubFor(WireMock.post(urlEqualTo("/api/v1/partner/user/create"))
			.willReturn(aResponse().withStatus(403)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"message\":\"Not a partner account\",\"code\":\"FORBIDDEN\"}")));
		assertThatExceptionOfType(ChatBotKitPermissionException.class)
			.isThrownBy(() -> this.users.create(PartnerUserRequest.builder().name("Acme").build()))
			.satisfies((ex) -> assertThat(ex.apiMessage()).isEqualTo("Not a partner account"));
	}

	@Test
	void updateSendsOnlyTheFieldsThatAreSet() {
		ApiStub.stubPost(api, "/partner/user/" + ENCODED_ID + "/update", "{\"id\":\"x\"}");
		this.users.update(ID,
				PartnerUserRequest.builder()
					.email("new@acme.example")
					.limits(PartnerUserLimits.empty().withMessages(0))
					.build());
		ApiStub.verifyPost(api, "/partner/user/" + ENCODED_ID + "/update",
				"{\"email\":\"new@acme.example\",\"limits\":{\"messages\":0}}");
	}

	@Test
	void deleteSendsAnEmptyObject() {
		ApiStub.stubPost(api, "/partner/user/" + ENCODED_ID + "/delete", "{\"id\":\"x\"}");
		this.users.delete(ID);
		ApiStub.verifyPost(api, "/partner/user/" + ENCODED_ID + "/delete", "{}");
	}

	@Test
	void createSessionSendsWholeSecondsAndTheConfigAndHidesTheToken() {
		ApiStub.stubPost(api, "/partner/user/" + ENCODED_ID + "/session/create",
				"{\"id\":\"s-1\",\"token\":\"tok-secret-1\",\"expiresAt\":1767229200000,\"extra\":1}");
		PartnerUserSession session = this.users.createSession(ID,
				PartnerUserSessionRequest.builder()
					.duration(Duration.ofMinutes(15).plusMillis(900))
					.allowedRoute("/conversation/*")
					.allowedRoute("/bot/*/fetch")
					.contactId("c-1")
					.build());
		assertThat(session)
			.isEqualTo(new PartnerUserSession("s-1", "tok-secret-1", Instant.ofEpochMilli(1767229200000L)));
		assertThat(session.toString()).doesNotContain("tok-secret-1").contains("s-1");
		ApiStub.verifyPost(api, "/partner/user/" + ENCODED_ID + "/session/create",
				"""
						{"durationInSeconds":900,"config":{"allowedRoutes":["/conversation/*","/bot/*/fetch"],"contactId":"c-1"}}
						""");
	}

	@Test
	void createSessionWithDefaultsSendsAnEmptyObject() {
		ApiStub.stubPost(api, "/partner/user/u/session/create", "{\"id\":\"s-1\",\"token\":\"t\",\"expiresAt\":1}");
		this.users.createSession("u");
		ApiStub.verifyPost(api, "/partner/user/u/session/create", "{}");
	}

	@Test
	void createSessionWithAContactOnlySendsAConfigWithTheContactOnly() {
		ApiStub.stubPost(api, "/partner/user/u/session/create", "{\"id\":\"s-1\",\"token\":\"t\",\"expiresAt\":1}");
		this.users.createSession("u", PartnerUserSessionRequest.builder().contactId("c-1").build());
		ApiStub.verifyPost(api, "/partner/user/u/session/create", "{\"config\":{\"contactId\":\"c-1\"}}");
	}

	@Test
	void createSessionAnswerWithoutTheTokenIsDecodingException() {
		ApiStub.stubPost(api, "/partner/user/u/session/create", "{\"id\":\"s-1\",\"expiresAt\":1}");
		assertThatExceptionOfType(ChatBotKitDecodingException.class).isThrownBy(() -> this.users.createSession("u"))
			.withMessageContaining("token");
	}

	@Test
	void sessionRequestsRefuseBadArgumentsBeforeAnyCall() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PartnerUserSessionRequest.builder().duration(Duration.ofMillis(999)).build());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PartnerUserSessionRequest.builder().duration(Duration.ofSeconds(-5)).build());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PartnerUserSessionRequest.builder().allowedRoute(" ").build());
		assertThatIllegalArgumentException().isThrownBy(() -> this.users.createSession(".."));
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void listTokensEncodesTheUserIdAndMapsThePage() {
		String path = "/partner/user/" + ENCODED_ID + "/token/list?cursor=c1&order=desc&take=5";
		ApiStub.stubGet(api, path, "{\"items\":[" + TOKEN_JSON + "],\"cursor\":\"c2\"}");
		Page<PartnerUserToken> page = this.users.listTokens(ID,
				ListQuery.defaults().withCursor("c1").withOrder(SortOrder.DESC).withTake(5));
		assertThat(page).isEqualTo(new Page<>(List.of(TOKEN), "c2"));
		ApiStub.verifyGet(api, path);
	}

	@Test
	void listAllTokensWalksThreePages() {
		stubThreePages("/partner/user/u/token/list", TOKEN_JSON);
		assertThat(this.users.listAllTokens("u", ListQuery.defaults().withTake(1))).containsExactly(TOKEN, TOKEN);
		assertThat(api.getAllServeEvents()).hasSize(3);
	}

	@Test
	void tokenListsRefuseAMetadataFilterBeforeAnyCall() {
		ListQuery filtered = ListQuery.defaults().withMeta("env", "ci");
		assertThatIllegalArgumentException().isThrownBy(() -> this.users.listTokens("u", filtered))
			.withMessageContaining("metadata");
		assertThatIllegalArgumentException().isThrownBy(() -> this.users.listAllTokens("u", filtered));
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void createTokenSendsEverySetFieldAndHidesTheToken() {
		ApiStub.stubPost(api, "/partner/user/" + ENCODED_ID + "/token/create",
				"{\"id\":\"t-9\",\"token\":\"pt-secret-9\",\"createdAt\":1767225600000,\"extra\":0}");
		CreatedPartnerUserToken token = this.users.createToken(ID,
				PartnerUserTokenRequest.builder()
					.name("CI")
					.description("For CI")
					.config("scope", "read")
					.meta("env", "ci")
					.build());
		assertThat(token)
			.isEqualTo(new CreatedPartnerUserToken("t-9", "pt-secret-9", Instant.ofEpochMilli(1767225600000L)));
		assertThat(token.toString()).doesNotContain("pt-secret-9").contains("t-9");
		ApiStub.verifyPost(api, "/partner/user/" + ENCODED_ID + "/token/create",
				"{\"name\":\"CI\",\"description\":\"For CI\",\"config\":{\"scope\":\"read\"},\"meta\":{\"env\":\"ci\"}}");
	}

	@Test
	void createTokenWithDefaultsSendsAnEmptyObject() {
		ApiStub.stubPost(api, "/partner/user/u/token/create", "{\"id\":\"t\",\"token\":\"v\",\"createdAt\":1}");
		this.users.createToken("u", PartnerUserTokenRequest.empty());
		ApiStub.verifyPost(api, "/partner/user/u/token/create", "{}");
	}

	@Test
	void createTokenAnswerWithoutTheTokenIsDecodingException() {
		ApiStub.stubPost(api, "/partner/user/u/token/create", "{\"id\":\"t\",\"createdAt\":1}");
		assertThatExceptionOfType(ChatBotKitDecodingException.class)
			.isThrownBy(() -> this.users.createToken("u", PartnerUserTokenRequest.empty()))
			.withMessageContaining("token");
	}

	@Test
	void deleteTokenEncodesBothIdsAndSendsAnEmptyObject() {
		String path = "/partner/user/" + ENCODED_ID + "/token/" + ENCODED_ID + "/delete";
		ApiStub.stubPost(api, path, "{\"id\":\"x\"}");
		this.users.deleteToken(ID, ID);
		ApiStub.verifyPost(api, path, "{}");
	}

	@Test
	void dotSegmentIdsAreRefusedBeforeAnyCall() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.users.fetch(".."));
		assertThatIllegalArgumentException().isThrownBy(() -> this.users.deleteToken("u", ".."));
		assertThatIllegalArgumentException().isThrownBy(() -> this.users.deleteToken(".", "t"));
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	/**
	 * Stub a list of three pages of one item size: two with the item, then an empty one
	 * that ends the list although it has a cursor.
	 */
	private static void stubThreePages(String path, String itemJson) {
		ApiStub.stubGet(api, path + "?take=1", "{\"items\":[" + itemJson + "],\"cursor\":\"p2\"}");
		ApiStub.stubGet(api, path + "?cursor=p2&take=1", "{\"items\":[" + itemJson + "],\"cursor\":\"p3\"}");
		ApiStub.stubGet(api, path + "?cursor=p3&take=1", "{\"items\":[],\"cursor\":\"p4\"}");
	}

}
