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

package io.github.cbkspring.autoconfigure.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import io.github.cbkspring.autoconfigure.ChatBotKitWebhookEvent;
import io.github.cbkspring.client.webhook.WebhookSignature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for what the webhook receiver answers, publishes and logs, in the
 * {@code @WebMvcTest} slice it joins.
 *
 * @author cbkspring contributors
 */
@WebMvcTest(properties = { "chatbotkit.webhook.enabled=true", "chatbotkit.webhook.path=/hooks/cbk",
		"chatbotkit.webhook.max-body-size=128B", "chatbotkit.webhook.secret=" + ChatBotKitWebhookTests.SECRET })
@ExtendWith(OutputCaptureExtension.class)
class ChatBotKitWebhookTests {

	static final String SECRET = "whsec-test-Qp42";

	private static final String PATH = "/hooks/cbk";

	private static final String BODY = "{\"type\":\"conversation.message\",\"data\":{\"text\":\"héllo\"},\"n\":null}";

	private static final Pattern LOG_LINE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T");

	private final WebhookSignature signature = WebhookSignature.of(SECRET);

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private Events events;

	@BeforeEach
	void clearEvents() {
		this.events.received.clear();
	}

	@Test
	void signedCallIsPublishedWithItsTypePayloadAndRawBody(CapturedOutput output) {
		byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
		assertThat(post(body, this.signature.sign("sha256", body))).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.events.received).singleElement().satisfies((event) -> {
			assertThat(event.getType()).isEqualTo("conversation.message");
			assertThat(event.getPayload()).containsEntry("n", null)
				.extractingByKey("data")
				.isEqualTo(java.util.Map.of("text", "héllo"));
			assertThat(event.getBody()).isEqualTo(body);
			assertThat(event.toString()).doesNotContain("héllo");
		});
		assertThat(warnings(output)).isEmpty();
	}

	@Test
	void bodyIsVerifiedAsReceivedNotReserialized() {
		// whitespace and key order that a JSON converter would not keep
		byte[] body = "{ \"z\" : 1,\n  \"a\" : [ 2 ] }".getBytes(StandardCharsets.UTF_8);
		assertThat(post(body, this.signature.sign("sha1", body))).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.events.received).singleElement().satisfies((event) -> assertThat(event.getType()).isNull());
	}

	@Test
	void upperCaseHexIsAccepted() {
		byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
		assertThat(post(body, this.signature.sign("sha512", body).toUpperCase(Locale.ROOT)))
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.events.received).hasSize(1);
	}

	@Test
	void unsignedCallIsRefused(CapturedOutput output) {
		assertRefused(post(BODY.getBytes(StandardCharsets.UTF_8), null), output, "no X-Hub-Signature header");
	}

	@Test
	void callSignedWithAnotherSecretIsRefused(CapturedOutput output) {
		byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
		String header = WebhookSignature.of("another-secret").sign("sha256", body);
		assertRefused(post(body, header), output, "the signature does not match the body",
				"check chatbotkit.webhook.secret");
		assertThat(logs(output)).doesNotContain(header.substring(7));
	}

	@Test
	void bodyChangedByOneByteIsRefused(CapturedOutput output) {
		byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
		String header = this.signature.sign("sha256", body);
		byte[] changed = body.clone();
		changed[body.length - 2] ^= 1;
		assertRefused(post(changed, header), output, "the signature does not match the body");
		assertThat(logs(output)).doesNotContain(header.substring(7));
	}

	@Test
	void otherAlgorithmIsRefused(CapturedOutput output) {
		assertRefused(post(BODY.getBytes(StandardCharsets.UTF_8), "md5=d41d8cd98f00b204e9800998ecf8427e"), output,
				"unsupported algorithm (supported: sha1, sha256, sha384, sha512)");
		assertThat(logs(output)).doesNotContain("d41d8cd98f00b204e9800998ecf8427e");
	}

	@Test
	void malformedHeaderIsRefused(CapturedOutput output) {
		assertRefused(post(BODY.getBytes(StandardCharsets.UTF_8), "sha256 = <script>"), output,
				"is not of the form <algorithm>=<hex HMAC of the body>");
		assertThat(logs(output)).doesNotContain("<script>");
	}

	@Test
	void bodyOverTheLimitIsRefusedBeforeItsSignatureIsChecked(CapturedOutput output) {
		byte[] body = ("{\"pad\":\"" + "x".repeat(128) + "\"}").getBytes(StandardCharsets.UTF_8);
		assertThat(post(body, "sha256=" + "0".repeat(64))).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(this.events.received).isEmpty();
		assertThat(warnings(output)).singleElement()
			.satisfies((line) -> assertThat(line).contains("413", "larger than 128 bytes",
					"chatbotkit.webhook.max-body-size"));
	}

	@Test
	void bodyAtTheLimitIsAccepted() {
		String start = "{\"pad\":\"";
		byte[] body = (start + "x".repeat(128 - start.length() - 2) + "\"}").getBytes(StandardCharsets.UTF_8);
		assertThat(body).hasSize(128);
		assertThat(post(body, this.signature.sign("sha256", body))).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.events.received).hasSize(1);
	}

	@Test
	void signedBodyThatIsNotAJsonObjectIsABadRequest(CapturedOutput output) {
		for (String json : List.of("[1,2]", "{\"broken\":", "null", "\"" + SECRET + "\"")) {
			byte[] body = json.getBytes(StandardCharsets.UTF_8);
			assertThat(post(body, this.signature.sign("sha256", body))).as(json).hasStatus(HttpStatus.BAD_REQUEST);
		}
		assertThat(this.events.received).isEmpty();
		assertThat(warnings(output)).hasSize(4)
			.allSatisfy((line) -> assertThat(line).contains("the signed body is not a JSON object"));
		assertThat(logs(output)).doesNotContain(SECRET).doesNotContain("broken");
	}

	@Test
	void otherPathsAndMethodsAreNotTheReceiver() {
		byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
		assertThat(this.mvc.post()
			.uri("/chatbotkit/webhook")
			.header(WebhookSignature.HEADER, this.signature.sign("sha256", body))
			.content(body)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.get().uri(PATH)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.events.received).isEmpty();
	}

	private void assertRefused(MockMvcTester.MockMvcRequestBuilder request, CapturedOutput output, String... reason) {
		assertThat(request).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.events.received).isEmpty();
		assertThat(warnings(output)).singleElement()
			.satisfies((line) -> assertThat(line).contains("ChatBotKitWebhookHandler", PATH, "401").contains(reason));
		assertThat(logs(output)).doesNotContain(SECRET).doesNotContain("héllo");
	}

	private MockMvcRequestBuilder post(byte[] body, String header) {
		MockMvcRequestBuilder request = this.mvc.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).content(body);
		return (header != null) ? request.header(WebhookSignature.HEADER, header) : request;
	}

	/**
	 * The log lines only: MockMvc prints the request (with its body and signature) when a
	 * test fails.
	 */
	private static String logs(CapturedOutput output) {
		return String.join("\n", output.getOut().lines().filter((line) -> LOG_LINE.matcher(line).lookingAt()).toList());
	}

	private static List<String> warnings(CapturedOutput output) {
		return output.getOut()
			.lines()
			.filter((line) -> LOG_LINE.matcher(line).lookingAt() && line.contains(" WARN "))
			.toList();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@Import(Events.class)
	static class WebhookApplication {

	}

	static class Events {

		final List<ChatBotKitWebhookEvent> received = new CopyOnWriteArrayList<>();

		@EventListener
		void on(ChatBotKitWebhookEvent event) {
			this.received.add(event);
		}

	}

}
