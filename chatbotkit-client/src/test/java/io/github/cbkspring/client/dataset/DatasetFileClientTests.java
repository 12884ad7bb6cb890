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

package io.github.cbkspring.client.dataset;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.TestClients;
import io.github.cbkspring.client.core.ListQuery;
import io.github.cbkspring.client.core.Page;
import io.github.cbkspring.client.core.SortOrder;
import io.github.cbkspring.client.core.Visibility;
import io.github.cbkspring.client.error.ChatBotKitDecodingException;
import io.github.cbkspring.client.error.ChatBotKitPermissionException;
import io.github.cbkspring.testsupport.ApiStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.github.cbkspring.testsupport.ApiStub.ENCODED_ID;
import static io.github.cbkspring.testsupport.ApiStub.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link DatasetFileClient} against WireMock over real sockets.
 *
 * @author cbkspring contributors
 */
class DatasetFileClientTests {

	static final String FILE_JSON = """
			{"id":"f-1","name":"handbook.pdf","description":"HR handbook","meta":{"v":2},"visibility":"protected",
			 "createdAt":1767225600000,"updatedAt":1767225601000,"newField":"x"}
			""";

	static final DatasetFile FILE = new DatasetFile("f-1", "handbook.pdf", "HR handbook", Map.of("v", 2),
			Visibility.PROTECTED, Instant.ofEpochMilli(1767225600000L), Instant.ofEpochMilli(1767225601000L));

	/**
	 * Both ids of a dataset file path, each needing its own encoding.
	 */
	static final String FILE_PATH = "/dataset/" + ENCODED_ID + "/file/" + ENCODED_ID;

	@RegisterExtension
	static WireMockExtension api = ApiStub.server();

	private final DatasetFileClient files = TestClients.client(api).datasets().files();

	@Test
	void listEncodesTheDatasetIdSendsThePageQueryAndMapsThePage() {
		String path = "/dataset/" + ENCODED_ID + "/file/list?cursor=c+1&order=asc&take=2";
		ApiStub.stubGet(api, path, "{\"items\":[" + FILE_JSON + "],\"cursor\":\"c2\",\"extra\":1}");
		Page<DatasetFile> page = this.files.list(ID,
				ListQuery.defaults().withCursor("c 1").withOrder(SortOrder.ASC).withTake(2));
		assertThat(page).isEqualTo(new Page<>(List.of(FILE), "c2"));
		ApiStub.verifyGet(api, path);
	}

	@Test
	void listAllWalksThreePagesUntilTheApiSignalsTheEnd() {
		ApiStub.stubGet(api, "/dataset/d/file/list?take=1", "{\"items\":[" + FILE_JSON + "],\"cursor\":\"p2\"}");
		ApiStub.stubGet(api, "/dataset/d/file/list?cursor=p2&take=1",
				"{\"items\":[" + FILE_JSON + "],\"cursor\":\"p3\"}");
		ApiStub.stubGet(api, "/dataset/d/file/list?cursor=p3&take=1", "{\"items\":[],\"cursor\":\"\"}");
		assertThat(this.files.listAll("d", ListQuery.defaults().withTake(1))).containsExactly(FILE, FILE);
		assertThat(api.getAllServeEvents()).hasSize(3);
	}

	@Test
	void listOfAMinimalFileLeavesOptionalFieldsEmpty() {
		ApiStub.stubGet(api, "/dataset/d/file/list",
				"{\"items\":[{\"id\":\"f\",\"createdAt\":1,\"updatedAt\":2}],\"cursor\":\"\"}");
		DatasetFile file = this.files.list("d", ListQuery.defaults()).items().get(0);
		assertThat(file.name()).isNull();
		assertThat(file.meta()).isEmpty();
		assertThat(file.visibility()).isNull();
	}

	@Test
	void listWithAFileWithoutItsTimesIsDecodingException() {
		ApiStub.stubGet(api, "/dataset/d/file/list", "{\"items\":[{\"id\":\"f\",\"createdAt\":1}],\"cursor\":\"\"}");
		assertThatExceptionOfType(ChatBotKitDecodingException.class)
			.isThrownBy(() -> this.files.list("d", ListQuery.defaults()))
			.withMessageContaining("updatedAt");
	}

	@Test
	void listRefusesAMetadataFilterTheApiCannotApplyBeforeAnyCall() {
		ListQuery filtered = ListQuery.defaults().withMeta("lang", "en");
		assertThatIllegalArgumentException().isThrownBy(() -> this.files.list("d", filtered));
		assertThatIllegalArgumentException().isThrownBy(() -> this.files.listAll("d", filtered));
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void attachEncodesBothIdsAndAttachesAsASource() {
		ApiStub.stubPost(api, FILE_PATH + "/attach", "{\"id\":\"x\",\"extra\":1}");
		this.files.attach(ID, ID);
		ApiStub.verifyPost(api, FILE_PATH + "/attach", "{\"type\":\"source\"}");
	}

	@Test
	void detachSendsWhetherToDeleteTheRecords() {
		ApiStub.stubPost(api, FILE_PATH + "/detach", "{\"id\":\"x\"}");
		this.files.detach(ID, ID, true);
		ApiStub.verifyPost(api, FILE_PATH + "/detach", "{\"deleteRecords\":true}");
	}

	@Test
	void detachThatKeepsTheRecordsSaysSo() {
		ApiStub.stubPost(api, "/dataset/d/file/f/detach", "{\"id\":\"x\"}");
		this.files.detach("d", "f", false);
		ApiStub.verifyPost(api, "/dataset/d/file/f/detach", "{\"deleteRecords\":false}");
	}

	@Test
	void syncEncodesBothIdsAndSendsAnEmptyObject() {
		ApiStub.stubPost(api, FILE_PATH + "/sync", "{\"id\":\"x\"}");
		this.files.sync(ID, ID);
		ApiStub.verifyPost(api, FILE_PATH + "/sync", "{}");
	}

	@Test
	void attachRefusedByTheApiIsPermissionException() {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"message\":\"Not your file\",\"code\":\"FORBIDDEN\"}")));
		assertThatExceptionOfType(ChatBotKitPermissionException.class).isThrownBy(() -> this.files.attach("d", "f"))
			.satisfies((ex) -> assertThat(ex.apiMessage()).isEqualTo("Not your file"));
	}

	@Test
	void dotSegmentIdsAreRefusedBeforeAnyCall() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.files.attach("d", ".."));
		assertThatIllegalArgumentException().isThrownBy(() -> this.files.sync(".", "f"));
		assertThat(api.getAllServeEvents()).isEmpty();
	}

}
