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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cbkspring.client.core.ApiEndpoint;
import io.github.cbkspring.client.core.ApiRequest;
import io.github.cbkspring.client.core.ChatBotKitOptions;
import io.github.cbkspring.client.core.FileUpload;
import io.github.cbkspring.client.core.RawResponse;
import io.github.cbkspring.client.core.RetryOptions;
import io.github.cbkspring.client.error.ChatBotKitDecodingException;
import io.github.cbkspring.client.error.ChatBotKitServerException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the generic calls of {@link ChatBotKitClient}.
 *
 * @author cbkspring contributors
 */
class GenericCallsTests {

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ChatBotKitClient client = ChatBotKitClient.create(ChatBotKitOptions.builder()
		.secret("sk-generic")
		.url(api.baseUrl())
		.retry(RetryOptions.defaults().withBackoff(java.time.Duration.ofMillis(5), java.time.Duration.ofMillis(50)))
		.build());

	record Bot(String id, String name) {
	}

	@Test
	void getMapsJsonIntoRecordWithEncodedVariables() {
		api.stubFor(get(urlEqualTo("/api/v1/bot/a%2Fb/fetch"))
			.willReturn(WireMock.okJson("{\"id\":\"a/b\",\"name\":\"Ada\",\"extra\":1}")));
		assertThat(this.client.get("/bot/{botId}/fetch", Bot.class, "a/b")).isEqualTo(new Bot("a/b", "Ada"));
		api.verify(getRequestedFor(urlEqualTo("/api/v1/bot/a%2Fb/fetch"))
			.withHeader("Authorization", equalTo("Bearer sk-generic"))
			.withHeader("Accept", equalTo("application/json")));
	}

	@Test
	void getMapsJsonIntoGenericType() {
		api.stubFor(get(anyUrl()).willReturn(WireMock.okJson("[{\"id\":\"1\",\"name\":\"x\"}]")));
		List<Bot> bots = this.client.get("/bot/list", new ParameterizedTypeReference<List<Bot>>() {
		});
		assertThat(bots).containsExactly(new Bot("1", "x"));
	}

	@Test
	void postWritesMapAsJson() {
		api.stubFor(post(anyUrl()).willReturn(WireMock.okJson("{\"id\":\"b1\",\"name\":\"n\"}")));
		this.client.post("/bot/create", Map.of("name", "n", "tags", List.of("a")), Bot.class);
		api.verify(postRequestedFor(urlEqualTo("/api/v1/bot/create"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Content-Length", equalTo("25"))
			.withRequestBody(equalToJson("{\"name\":\"n\",\"tags\":[\"a\"]}")));
	}

	@Test
	void nonJsonAnswerComesBackAsBytesWithContentType() {
		byte[] pdf = { '%', 'P', 'D', 'F', 0, (byte) 0xFF };
		api.stubFor(get(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/pdf").withBody(pdf)));
		RawResponse raw = this.client.get("/file/{id}/download", RawResponse.class, "f1");
		assertThat(raw.contentType()).isEqualTo(MediaType.APPLICATION_PDF);
		assertThat(raw.body()).isEqualTo(pdf);
		api.verify(getRequestedFor(anyUrl()).withHeader("Accept", equalTo("*/*")));
	}

	@Test
	void rawResponseDecodesTextInItsCharset() {
		api.stubFor(get(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "text/plain;charset=ISO-8859-1")
			.withBody("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1))));
		assertThat(this.client.get("/x", RawResponse.class).text()).isEqualTo("café");
	}

	@Test
	void uploadSendsMultipartFilePart() {
		api.stubFor(post(anyUrl()).willReturn(WireMock.okJson("{\"id\":\"f1\",\"name\":\"notes.txt\"}")));
		Bot answer = this.client.upload("/file/{fileId}/upload",
				FileUpload.of("hello".getBytes(StandardCharsets.UTF_8), "notes.txt", MediaType.TEXT_PLAIN), Bot.class,
				"f1");
		assertThat(answer.id()).isEqualTo("f1");
		api.verify(postRequestedFor(urlEqualTo("/api/v1/file/f1/upload"))
			.withHeader("Content-Type", containing("multipart/form-data"))
			.withAnyRequestBodyPart(aMultipart().withName("file")
				.withHeader("Content-Disposition", containing("filename=\"notes.txt\""))
				.withHeader("Content-Type", containing("text/plain"))
				.withBody(binaryEqualTo("hello".getBytes(StandardCharsets.UTF_8)))));
	}

	@Test
	void uploadOfReplayableContentIsRetried() {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503)));
		assertThatExceptionOfType(ChatBotKitServerException.class).isThrownBy(() -> this.client
			.upload("/file/{id}/upload", FileUpload.of(new byte[] { 1 }, "a.bin", null), Bot.class, "f1"));
		api.verify(3, anyRequestedFor(anyUrl()));
	}

	@Test
	void uploadOfOneShotStreamIsNotRetried() {
		api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503)));
		FileUpload once = new FileUpload(new InputStreamResource(new java.io.ByteArrayInputStream(new byte[] { 1 })),
				"a.bin", null);
		assertThatExceptionOfType(ChatBotKitServerException.class)
			.isThrownBy(() -> this.client.upload("/file/{id}/upload", once, Bot.class, "f1"));
		api.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void answerLargerThanLimitIsRefused() {
		ChatBotKitClient small = this.client.withOptions((options) -> options.maxResponseSize(100));
		api.stubFor(get(anyUrl()).willReturn(WireMock.okJson("{\"id\":\"" + "x".repeat(200) + "\"}")));
		assertThatExceptionOfType(ChatBotKitDecodingException.class)
			.isThrownBy(() -> small.get("/bot/{id}", Bot.class, "b"))
			.withMessageContaining("larger than the limit of 100 bytes");
	}

	@Test
	void queryNamesAndValuesAreEncodedAsTheNodeSdksUrlSearchParamsEncodesThem() {
		api.stubFor(get(anyUrl()).willReturn(WireMock.okJson("{}")));
		String every = "a b+c&d=e#f%g@h/i?j~k!l'm(n)o*p-q.r_s:t;u,v$w[x]y{z}\\|^`\"<>ü✓😀";
		// what Node's URL.searchParams.append(name, value) puts on the wire for the same
		// text
		String encoded = "a+b%2Bc%26d%3De%23f%25g%40h%2Fi%3Fj%7Ek%21l%27m%28n%29o*p-q.r_s%3At%3Bu%2Cv%24w%5Bx%5Dy%7Bz%7D"
				+ "%5C%7C%5E%60%22%3C%3E%C3%BC%E2%9C%93%F0%9F%98%80";
		this.client.request(ApiEndpoint.get("/x"))
			.query(every, every)
			.query("email", "ann+news@example.com")
			.query("empty", "")
			.retrieve(Map.class);
		assertThat(onlyRequestUrl())
			.isEqualTo("/api/v1/x?" + encoded + "=" + encoded + "&email=ann%2Bnews%40example.com&empty=");
	}

	@Test
	void queryMapsListsAndArraysGoOutOneParameterPerEntryAsTheNodeSdkSendsThem() {
		api.stubFor(get(anyUrl()).willReturn(WireMock.okJson("{}")));
		Map<String, @Nullable Object> meta = new LinkedHashMap<>();
		meta.put("ann+news@example.com", "a+b");
		meta.put("k y", 1);
		meta.put("skipped", null);
		this.client.request(ApiEndpoint.get("/x"))
			.query("meta", meta)
			.query("tags", Arrays.asList("a", null, "c&d"))
			.query("ids", new String[] { "x", "y" })
			.query("n", new int[] { 1, 2 })
			.query("none", List.of())
			.query("flag", true)
			.retrieve(Map.class);
		// a null element adds nothing, but its index counts, as in the SDK's for...in
		assertThat(onlyRequestUrl()).isEqualTo("/api/v1/x?meta.ann%2Bnews%40example.com=a%2Bb&meta.k+y=1"
				+ "&tags.0=a&tags.2=c%26d&ids.0=x&ids.1=y&n.0=1&n.1=2&flag=true");
	}

	@Test
	void queryOfAMapOrListInsideAMapOrListIsRefusedBeforeAnyCall() {
		ApiRequest request = this.client.request(ApiEndpoint.get("/x"));
		assertThatIllegalArgumentException().isThrownBy(() -> request.query("meta", Map.of("a", Map.of("b", "c"))))
			.withMessageContaining("'meta.a'");
		assertThatIllegalArgumentException().isThrownBy(() -> request.query("tags", List.of(List.of("a"))))
			.withMessageContaining("'tags.0'");
		assertThatIllegalArgumentException().isThrownBy(() -> request.query("meta", Map.of("a", new int[] { 1 })))
			.withMessageContaining("'meta.a'");
		api.verify(0, anyRequestedFor(anyUrl()));
	}

	private String onlyRequestUrl() {
		assertThat(api.getAllServeEvents()).hasSize(1);
		return api.getAllServeEvents().get(0).getRequest().getUrl();
	}

	@Test
	void pathMustBeAbsoluteAndVariablesMustMatch() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.get("bot/x", Bot.class));
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.get("/bot/{id}", Bot.class));
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.get("/bot/../x", Bot.class));
		api.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void nullBodyIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.post("/bot/create", nullObject(), Bot.class));
	}

	@SuppressWarnings("NullAway")
	private static Object nullObject() {
		return null;
	}

}
