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

package io.github.cbkspring.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.cbkspring.client.ChatBotKitClient;
import io.github.cbkspring.client.contact.Contact;
import io.github.cbkspring.client.contact.ContactRequest;
import io.github.cbkspring.client.core.Download;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.dataset.DatasetRecordRequest;
import io.github.cbkspring.client.dataset.DatasetRequest;
import io.github.cbkspring.client.dataset.SearchFilter;
import io.github.cbkspring.client.dataset.SearchMatch;
import io.github.cbkspring.client.error.ChatBotKitHttpException;
import io.github.cbkspring.client.file.FileContent;
import io.github.cbkspring.client.file.FileRequest;
import io.github.cbkspring.client.file.UploadMode;
import io.github.cbkspring.client.partner.PartnerUserRequest;
import io.github.cbkspring.client.bot.BotRequest;
import io.github.cbkspring.client.bot.Bot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Datasets and their search, files and their uploads and downloads, contacts and partner
 * users, through the real client.
 *
 * @author cbkspring contributors
 */
class ResourcesTests {

	@AutoClose
	static ChatBotKitFake fake = ChatBotKitFake.start();

	@AutoClose
	static ChatBotKitClient client = Clients.client(fake);

	@AfterEach
	void reset() {
		fake.reset();
	}

	@Test
	void searchRanksByTheWordsOfTheQuery() {
		String dataset = client.datasets().create(DatasetRequest.builder().name("Help").build());
		String refunds = client.datasets()
			.records()
			.create(dataset, DatasetRecordRequest.of("Refunds take five days").withSource("refunds.md"));
		String shipping = client.datasets()
			.records()
			.create(dataset, DatasetRecordRequest.of("Shipping takes two days"));
		assertThat(client.datasets().search(dataset, "how long do refunds take").records()).extracting(SearchMatch::id)
			.containsExactly(refunds, shipping);
		assertThat(client.datasets().search(dataset, "refunds").records()).extracting(SearchMatch::source)
			.containsExactly("refunds.md", null);
	}

	@Test
	void searchHonoursEveryFilterOperator() {
		String dataset = client.datasets().create(DatasetRequest.builder().name("Prices").build());
		String cheap = record(dataset, "cheap", 5, "eu");
		String middle = record(dataset, "middle", 10, "us");
		String dear = record(dataset, "dear", 20, "eu");
		assertThat(search(dataset, SearchFilter.eq("region", "eu"))).containsExactly(cheap, dear);
		assertThat(search(dataset, SearchFilter.ne("region", "eu"))).containsExactly(middle);
		assertThat(search(dataset, SearchFilter.eq("price", 10))).containsExactly(middle);
		assertThat(search(dataset, SearchFilter.ne("price", 10))).containsExactly(cheap, dear);
		assertThat(search(dataset, SearchFilter.gt("price", 10))).containsExactly(dear);
		assertThat(search(dataset, SearchFilter.gte("price", 10))).containsExactly(middle, dear);
		assertThat(search(dataset, SearchFilter.lt("price", 10))).containsExactly(cheap);
		assertThat(search(dataset, SearchFilter.lte("price", 10))).containsExactly(cheap, middle);
		assertThat(search(dataset, SearchFilter.lte("price", 10).and(SearchFilter.eq("region", "eu"))))
			.containsExactly(cheap);
		assertThat(search(dataset, SearchFilter.eq("missing", true))).isEmpty();
		assertThat(search(dataset, SearchFilter.gt("region", 1))).isEmpty();
	}

	@Test
	void recordsOfADatasetThatDoesNotExistAreNotFound() {
		assertThatExceptionOfType(ChatBotKitHttpException.class)
			.isThrownBy(() -> client.datasets().records().create("nope", DatasetRecordRequest.of("x")))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(404));
		assertThatExceptionOfType(ChatBotKitHttpException.class).isThrownBy(() -> client.datasets().search("nope", "x"))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(404));
	}

	@ParameterizedTest
	@EnumSource(names = { "INLINE", "DIRECT" })
	void fileUploadedEitherWayDownloadsItsBytes(UploadMode mode) throws IOException {
		String file = client.files().create(FileRequest.builder().name("notes.txt").build());
		byte[] bytes = "Grüße".getBytes(StandardCharsets.UTF_8);
		client.files().upload(file, FileContent.of(bytes, "notes.txt"), mode);
		try (Download download = client.files().download(file)) {
			assertThat(download.inputStream().readAllBytes()).isEqualTo(bytes);
		}
	}

	@Test
	void fileWithoutContentDownloadsNoBytes() throws IOException {
		String file = client.files().create(FileRequest.builder().name("empty").build());
		try (Download download = client.files().download(file)) {
			assertThat(download.inputStream().readAllBytes()).isEmpty();
		}
	}

	@Test
	void storageKeyThatTheFakeDidNotIssueIsRefused() {
		assertThat(Clients.send(
				java.net.http.HttpRequest.newBuilder(java.net.URI.create(fake.url() + "/storage/key-0")).GET().build())
			.statusCode()).isEqualTo(403);
	}

	@Test
	void ensureContactMakesOneContactPerFingerprint() {
		String first = client.contacts().ensure("user-42");
		assertThat(client.contacts().ensure(ContactRequest.forFingerprint("user-42").name("Ann").build()))
			.isEqualTo(first);
		String other = client.contacts().ensure("user-43");
		assertThat(other).isNotEqualTo(first);
		assertThat(client.contacts().list(ListQuery.defaults()).items()).extracting(Contact::id)
			.containsExactly(other, first);
	}

	@Test
	void runAsWorksInThePartnerUsersOwnAccount() {
		String user = client.partnerUsers().create(PartnerUserRequest.builder().name("Tenant").build());
		client.bots().create(BotRequest.builder().name("Main account's").build());
		try (ChatBotKitClient tenant = client.withOptions((options) -> options.runAsUserId(user))) {
			String bot = tenant.bots().create(BotRequest.builder().name("Tenant's").build());
			assertThat(tenant.bots().list(ListQuery.defaults()).items()).extracting(Bot::id).containsExactly(bot);
		}
		assertThat(client.bots().list(ListQuery.defaults()).items()).extracting(Bot::name)
			.containsExactly("Main account's");
		assertThat(fake.requests()).extracting(RecordedRequest::runAsUserId).contains(user);
	}

	@Test
	void runAsAUserThatDoesNotExistIsForbidden() {
		try (ChatBotKitClient tenant = client.withOptions((options) -> options.runAsUserId("nobody"))) {
			assertThatExceptionOfType(ChatBotKitHttpException.class)
				.isThrownBy(() -> tenant.bots().list(ListQuery.defaults()))
				.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(403));
		}
	}

	private static String record(String dataset, String text, int price, String region) {
		return client.datasets()
			.records()
			.create(dataset, DatasetRecordRequest.of(text).withMeta("price", price).withMeta("region", region));
	}

	private static List<String> search(String dataset, SearchFilter filter) {
		return client.datasets().search(dataset, "anything", filter).records().stream().map(SearchMatch::id).toList();
	}

}
