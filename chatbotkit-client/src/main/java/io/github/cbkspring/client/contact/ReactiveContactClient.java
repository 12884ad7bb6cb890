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

import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.Page;
import io.github.cbkspring.client.core.ReactiveApiTransport;
import io.github.cbkspring.client.core.ReactivePages;
import io.github.cbkspring.client.error.ChatBotKitException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * The non-blocking twin of {@link ContactClient}: list, fetch, create, ensure, update and
 * delete contacts, as a {@link Mono} or a {@link Flux}.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class ReactiveContactClient implements ReactiveGeneratedContactOperations {

	private final ReactiveApiTransport transport;

	/**
	 * Create a contact client on a {@link ReactiveApiTransport}, such as a
	 * {@code ChatBotKitReactiveClient}.
	 * @param transport the transport whose options and connection pool to use
	 */
	public ReactiveContactClient(ReactiveApiTransport transport) {
		Assert.notNull(transport, "ReactiveApiTransport must not be null");
		this.transport = transport;
	}

	/**
	 * Fetch a page of contacts ({@code GET /contact/list}).
	 * @param query the page to fetch
	 * @return the page, or a {@link ChatBotKitException} signal
	 */
	public Mono<Page<Contact>> list(ListQuery query) {
		return this.transport.request(ContactClient.LIST).query(query).retrieve(ContactClient.PAGE);
	}

	/**
	 * Read every contact lazily, a page fetched only on demand; see
	 * {@link ReactivePages#walk}.
	 * @param query the first page to fetch: its size, order and filter apply to all
	 * @return the contacts
	 */
	public Flux<Contact> listAll(ListQuery query) {
		return ReactivePages.walk(query, this::list);
	}

	/**
	 * Fetch a contact ({@code GET /contact/{contactId}/fetch}).
	 * @param contactId the contact
	 * @return the contact, or a {@link ChatBotKitException} signal, a
	 * {@code ChatBotKitNotFoundException} if there is no such contact
	 * @throws IllegalArgumentException if {@code contactId} is not acceptable
	 */
	public Mono<Contact> fetch(String contactId) {
		return this.transport.request(ContactClient.FETCH, contactId).retrieve(Contact.class);
	}

	/**
	 * Create a contact ({@code POST /contact/create}).
	 * @param request the contact's details
	 * @return the new contact's id, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if the request is null
	 */
	public Mono<String> create(ContactRequest request) {
		Assert.notNull(request, "ContactRequest must not be null");
		return this.transport.request(ContactClient.CREATE).body(request).retrieveId();
	}

	/**
	 * The contact with the request's fingerprint, created with the request's details if
	 * there is none ({@code POST /contact/ensure}).
	 * @param request the contact's fingerprint (required) and details
	 * @return the contact's id, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if the request is null or has no fingerprint
	 */
	public Mono<String> ensure(ContactRequest request) {
		return this.transport.request(ContactClient.ENSURE).body(ContactClient.ensureBody(request)).retrieveId();
	}

	/**
	 * The contact with a fingerprint, created if there is none.
	 * @param fingerprint the fingerprint, such as the id of a user of your application
	 * @return the contact's id, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if the fingerprint is empty
	 */
	public Mono<String> ensure(String fingerprint) {
		return ensure(ContactRequest.forFingerprint(fingerprint).build());
	}

	/**
	 * Change the details of a contact that are set in the request ({@code POST
	 * /contact/{contactId}/update}).
	 * @param contactId the contact
	 * @param request the details to change
	 * @return completes when the call succeeded, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if an argument is not acceptable
	 */
	public Mono<Void> update(String contactId, ContactRequest request) {
		Assert.notNull(request, "ContactRequest must not be null");
		return this.transport.request(ContactClient.UPDATE, contactId).body(request).execute();
	}

	/**
	 * Delete a contact ({@code POST /contact/{contactId}/delete}).
	 * @param contactId the contact
	 * @return completes when the call succeeded, or a {@link ChatBotKitException} signal
	 * @throws IllegalArgumentException if {@code contactId} is not acceptable
	 */
	public Mono<Void> delete(String contactId) {
		return this.transport.request(ContactClient.DELETE, contactId).body(Map.of()).execute();
	}

	/**
	 * A copy of this client with some options changed, sharing the connection pool; see
	 * {@link ReactiveApiTransport#withOptions(Consumer)}.
	 * @param changes the changes to apply to a copy of the options
	 * @return the copy
	 */
	public ReactiveContactClient withOptions(Consumer<ChatBotKitOptions.Builder> changes) {
		return new ReactiveContactClient(this.transport.withOptions(changes));
	}

	/**
	 * The transport this client calls the API through.
	 * @return the transport
	 */
	@Override
	public ReactiveApiTransport transport() {
		return this.transport;
	}

	@Override
	public String toString() {
		return "ReactiveContactClient[" + this.transport + "]";
	}

}
