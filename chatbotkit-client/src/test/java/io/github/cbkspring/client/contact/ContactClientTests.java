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

package io.github.cbkspring.client.contact;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.TestClients;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.Page;
import io.github.cbkspring.client.core.SortOrder;
import io.github.cbkspring.client.error.ChatBotKitDecodingException;
import io.github.cbkspring.client.error.ChatBotKitHttpException;
import io.github.cbkspring.client.error.ChatBotKitNotFoundException;
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
 * Tests for {@link ContactClient} against WireMock over real sockets.
 *
 * @author cbkspring contributors
 */
class ContactClientTests {

	static final String CONTACT_JSON = """
			{"id":"c-1","fingerprint":"user-42","name":"Ada","description":"First customer","meta":{"plan":"pro"},
			 "email":"ada@example.com","phone":"+44 20 7946 0000","nick":"ada","preferences":"short answers",
			 "verifiedAt":1767225602000,"createdAt":1767225600000,"updatedAt":1767225601000,"newField":[1,2]}
			""";

	static final Contact CONTACT = new Contact("c-1", "user-42", "Ada", "First customer", Map.of("plan", "pro"),
			"ada@example.com", "+44 20 7946 0000", "ada", "short answers", Instant.ofEpochMilli(1767225602000L),
			Instant.ofEpochMilli(1767225600000L), Instant.ofEpochMilli(1767225601000L));

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	private final ContactClient contacts = TestClients.client(api).contacts();

	@Test
	void listSendsEveryQueryParameterAndMapsThePage() {
		String path = "/contact/list?cursor=c+1&order=desc&take=3&meta.plan=pro";
		ApiStub.stubGet(api, path, "{\"items\":[" + CONTACT_JSON + "],\"cursor\":\"c2\",\"extra\":1}");
		Page<Contact> page = this.contacts
			.list(ListQuery.defaults().withCursor("c 1").withOrder(SortOrder.DESC).withTake(3).withMeta("plan", "pro"));
		assertThat(page).isEqualTo(new Page<>(List.of(CONTACT), "c2"));
		ApiStub.verifyGet(api, path);
	}

	@Test
	void listAllWalksThreePagesUntilTheApiSignalsTheEnd() {
		ApiStub.stubGet(api, "/contact/list?take=1", "{\"items\":[" + CONTACT_JSON + "],\"cursor\":\"p2\"}");
		ApiStub.stubGet(api, "/contact/list?cursor=p2&take=1", "{\"items\":[" + CONTACT_JSON + "],\"cursor\":\"p3\"}");
		ApiStub.stubGet(api, "/contact/list?cursor=p3&take=1", "{\"items\":[],\"cursor\":\"p4\"}");
		assertThat(this.contacts.listAll(ListQuery.defaults().withTake(1))).containsExactly(CONTACT, CONTACT);
		assertThat(api.getAllServeEvents()).hasSize(3);
	}

	@Test
	void fetchEncodesTheIdAndMapsEveryField() {
		ApiStub.stubGet(api, "/contact/" + ENCODED_ID + "/fetch", CONTACT_JSON);
		assertThat(this.contacts.fetch(ID)).isEqualTo(CONTACT);
		ApiStub.verifyGet(api, "/contact/" + ENCODED_ID + "/fetch");
	}

	@Test
	void fetchOfAMinimalContactLeavesOptionalFieldsEmpty() {
		ApiStub.stubGet(api, "/contact/c/fetch",
				"{\"id\":\"c\",\"fingerprint\":\"f\",\"createdAt\":1,\"updatedAt\":2}");
		Contact contact = this.contacts.fetch("c");
		assertThat(contact.email()).isNull();
		assertThat(contact.verifiedAt()).isNull();
		assertThat(contact.meta()).isEmpty();
	}

	@Test
	void fetchWithoutTheFingerprintIsDecodingException() {
		ApiStub.stubGet(api, "/contact/c/fetch", "{\"id\":\"c\",\"createdAt\":1,\"updatedAt\":2}");
		assertThatExceptionOfType(ChatBotKitDecodingException.class).isThrownBy(() -> this.contacts.fetch("c"))
			.withMessageContaining("fingerprint");
	}

	@Test
	void fetchOfAMissingContactIsNotFound() {
		stubError(WireMock.get(urlEqualTo("/api/v1/contact/gone/fetch")), 404, "NOT_FOUND", "Contact not found");
		assertThatExceptionOfType(ChatBotKitNotFoundException.class).isThrownBy(() -> this.contacts.fetch("gone"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("NOT_FOUND"));
	}

	@Test
	void createSendsEverySetFieldWithVerifiedAtInEpochMillisAndReturnsTheId() {
		ApiStub.stubPost(api, "/contact/create", "{\"id\":\"c-9\",\"extra\":true}");
		String id = this.contacts.create(ContactRequest.builder()
			.fingerprint("user-42")
			.name("Ada")
			.description("First customer")
			.meta("plan", "pro")
			.email("ada@example.com")
			.phone("+44 20 7946 0000")
			.nick("ada")
			.preferences("short answers")
			.verifiedAt(Instant.ofEpochMilli(1767225602000L))
			.build());
		assertThat(id).isEqualTo("c-9");
		ApiStub.verifyPost(api, "/contact/create", """
				{"fingerprint":"user-42","name":"Ada","description":"First customer","meta":{"plan":"pro"},
				 "email":"ada@example.com","phone":"+44 20 7946 0000","nick":"ada","preferences":"short answers",
				 "verifiedAt":1767225602000}
				""");
	}

	@Test
	void ensureSendsTheFingerprintWithTheDetailsAndReturnsTheId() {
		ApiStub.stubPost(api, "/contact/ensure", "{\"id\":\"c-1\",\"extra\":true}");
		String id = this.contacts
			.ensure(ContactRequest.forFingerprint("user-42").email("ada@example.com").name("Ada").build());
		assertThat(id).isEqualTo("c-1");
		ApiStub.verifyPost(api, "/contact/ensure",
				"{\"fingerprint\":\"user-42\",\"email\":\"ada@example.com\",\"name\":\"Ada\"}");
	}

	@Test
	void ensureByFingerprintAloneSendsOnlyTheFingerprint() {
		ApiStub.stubPost(api, "/contact/ensure", "{\"id\":\"c-1\"}");
		assertThat(this.contacts.ensure("user-42")).isEqualTo("c-1");
		ApiStub.verifyPost(api, "/contact/ensure", "{\"fingerprint\":\"user-42\"}");
	}

	@Test
	void ensureWithoutAFingerprintIsRefusedBeforeAnyCall() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.contacts.ensure(ContactRequest.builder().email("ada@example.com").build()))
			.withMessageContaining("fingerprint");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.contacts.ensure(ContactRequest.builder().fingerprint(" ").build()));
		assertThatIllegalArgumentException().isThrownBy(() -> this.contacts.ensure(""));
		assertThatIllegalArgumentException().isThrownBy(() -> ContactRequest.forFingerprint(""));
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void ensureAnswerWithoutAnIdIsDecodingException() {
		ApiStub.stubPost(api, "/contact/ensure", "{\"contact\":\"c-1\"}");
		assertThatExceptionOfType(ChatBotKitDecodingException.class).isThrownBy(() -> this.contacts.ensure("f"));
	}

	@Test
	void ensureRefusedByTheApiIsHttpExceptionWithItsCode() {
		stubError(WireMock.post(urlEqualTo("/api/v1/contact/ensure")), 400, "BAD_REQUEST", "Invalid email");
		assertThatExceptionOfType(ChatBotKitHttpException.class)
			.isThrownBy(() -> this.contacts.ensure(ContactRequest.forFingerprint("f").email("x").build()))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(400);
				assertThat(ex.code()).isEqualTo("BAD_REQUEST");
				assertThat(ex.apiMessage()).isEqualTo("Invalid email");
			});
	}

	@Test
	void updateSendsOnlyTheFieldsThatAreSet() {
		ApiStub.stubPost(api, "/contact/" + ENCODED_ID + "/update", "{\"id\":\"x\"}");
		this.contacts.update(ID, ContactRequest.builder().nick("ada").verifiedAt(Instant.ofEpochMilli(5)).build());
		ApiStub.verifyPost(api, "/contact/" + ENCODED_ID + "/update", "{\"nick\":\"ada\",\"verifiedAt\":5}");
	}

	@Test
	void deleteSendsAnEmptyObject() {
		ApiStub.stubPost(api, "/contact/" + ENCODED_ID + "/delete", "{\"id\":\"x\"}");
		this.contacts.delete(ID);
		ApiStub.verifyPost(api, "/contact/" + ENCODED_ID + "/delete", "{}");
	}

	@Test
	void dotSegmentIdsAreRefusedBeforeAnyCall() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.contacts.fetch(".."));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.contacts.update(".", ContactRequest.builder().name("x").build()));
		assertThatIllegalArgumentException().isThrownBy(() -> this.contacts.delete(".."));
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	private static void stubError(MappingBuilder request, int status, String code, String message) {
		api.stubFor(request.willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"message\":\"" + message + "\",\"code\":\"" + code + "\"}")));
	}

}
