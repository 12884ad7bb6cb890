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

import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ApiTransport;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.Page;
import io.github.cbkspring.client.error.ChatBotKitException;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.util.Assert;

/**
 * Manages contacts, the end users of your application as ChatBotKit knows them: list,
 * fetch, create, ensure, update, delete.
 * <p>
 * To map a user of your application to a contact, {@link #ensure(ContactRequest) ensure}
 * it by a fingerprint of your choosing, typically your own user id: the API returns the
 * contact with that fingerprint, creating it the first time. <pre class="code">
 * String contactId = contacts.ensure(ContactRequest.forFingerprint(user.getId())
 *     .email(user.getEmail())
 *     .name(user.getDisplayName())
 *     .build());
 * </pre>
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class ContactClient implements GeneratedContactOperations {

	static final ApiEndpoint LIST = ApiEndpoint.get("/contact/list");

	static final ApiEndpoint FETCH = ApiEndpoint.get("/contact/{contactId}/fetch");

	static final ApiEndpoint CREATE = ApiEndpoint.post("/contact/create");

	static final ApiEndpoint ENSURE = ApiEndpoint.post("/contact/ensure");

	static final ApiEndpoint UPDATE = ApiEndpoint.post("/contact/{contactId}/update");

	static final ApiEndpoint DELETE = ApiEndpoint.post("/contact/{contactId}/delete");

	static final ParameterizedTypeReference<Page<Contact>> PAGE = new ParameterizedTypeReference<>() {
	};

	private final ApiTransport transport;

	/**
	 * Create a contact client on an {@link ApiTransport}, such as a
	 * {@code ChatBotKitClient}.
	 * @param transport the transport whose options and connection pool to use
	 */
	public ContactClient(ApiTransport transport) {
		Assert.notNull(transport, "ApiTransport must not be null");
		this.transport = transport;
	}

	/**
	 * Fetch a page of contacts ({@code GET /contact/list}).
	 * @param query the page to fetch
	 * @return the page
	 * @throws ChatBotKitException if the call fails
	 */
	public Page<Contact> list(ListQuery query) {
		return this.transport.request(LIST).query(query).retrieve(PAGE);
	}

	/**
	 * Read every contact lazily, page after page; see {@link Page#walk}.
	 * @param query the first page to fetch: its size, order and filter apply to all
	 * @return the contacts
	 */
	public Stream<Contact> listAll(ListQuery query) {
		return Page.walk(query, this::list);
	}

	/**
	 * Fetch a contact ({@code GET /contact/{contactId}/fetch}).
	 * @param contactId the contact
	 * @return the contact
	 * @throws IllegalArgumentException if {@code contactId} is not acceptable
	 * @throws ChatBotKitException if the call fails, a
	 * {@code ChatBotKitNotFoundException} if there is no such contact
	 */
	public Contact fetch(String contactId) {
		return this.transport.request(FETCH, contactId).retrieve(Contact.class);
	}

	/**
	 * Create a contact ({@code POST /contact/create}). To map a user of your application
	 * to a contact, prefer {@link #ensure(ContactRequest)}, which does not create a
	 * second contact for the same fingerprint.
	 * @param request the contact's details
	 * @return the new contact's id
	 * @throws ChatBotKitException if the call fails
	 */
	public String create(ContactRequest request) {
		Assert.notNull(request, "ContactRequest must not be null");
		return this.transport.request(CREATE).body(request).retrieveId();
	}

	/**
	 * Find the contact with a fingerprint, creating it if there is none
	 * ({@code POST /contact/ensure}): the way to map a user of your application to a
	 * contact. The other details of the request are sent too.
	 * @param request the contact's details, with its fingerprint; start from
	 * {@link ContactRequest#forFingerprint(String)}
	 * @return the contact's id
	 * @throws IllegalArgumentException if the request has no fingerprint (before any
	 * call)
	 * @throws ChatBotKitException if the call fails
	 */
	public String ensure(ContactRequest request) {
		return this.transport.request(ENSURE).body(ensureBody(request)).retrieveId();
	}

	/**
	 * Find the contact with a fingerprint, creating it if there is none, without other
	 * details ({@code POST /contact/ensure}).
	 * @param fingerprint a stable identifier of the user in your application, such as its
	 * user id
	 * @return the contact's id
	 * @throws IllegalArgumentException if {@code fingerprint} is empty (before any call)
	 * @throws ChatBotKitException if the call fails
	 */
	public String ensure(String fingerprint) {
		return ensure(ContactRequest.forFingerprint(fingerprint).build());
	}

	/**
	 * Change the details of a contact that are set in the request ({@code POST
	 * /contact/{contactId}/update}).
	 * @param contactId the contact
	 * @param request the details to change
	 * @throws IllegalArgumentException if an argument is not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public void update(String contactId, ContactRequest request) {
		Assert.notNull(request, "ContactRequest must not be null");
		this.transport.request(UPDATE, contactId).body(request).execute();
	}

	/**
	 * Delete a contact ({@code POST /contact/{contactId}/delete}).
	 * @param contactId the contact
	 * @throws IllegalArgumentException if {@code contactId} is not acceptable
	 * @throws ChatBotKitException if the call fails
	 */
	public void delete(String contactId) {
		this.transport.request(DELETE, contactId).body(Map.of()).execute();
	}

	/**
	 * A copy of this client with some options changed, sharing the connection pool; see
	 * {@link ApiTransport#withOptions(Consumer)}.
	 * @param changes the changes to apply to a copy of the options
	 * @return the copy
	 */
	public ContactClient withOptions(Consumer<ChatBotKitOptions.Builder> changes) {
		return new ContactClient(this.transport.withOptions(changes));
	}

	/**
	 * The transport this client calls the API through.
	 * @return the transport
	 */
	@Override
	public ApiTransport transport() {
		return this.transport;
	}

	/**
	 * The body of an ensure, checked: a fingerprint.
	 */
	static ContactRequest ensureBody(ContactRequest request) {
		Assert.notNull(request, "ContactRequest must not be null");
		Assert.hasText(request.fingerprint(), "A contact is ensured by its fingerprint: set one");
		return request;
	}

	@Override
	public String toString() {
		return "ContactClient[" + this.transport + "]";
	}

}
