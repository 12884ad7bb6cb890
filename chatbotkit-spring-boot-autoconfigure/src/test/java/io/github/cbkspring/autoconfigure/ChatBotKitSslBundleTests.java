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

package io.github.cbkspring.autoconfigure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.github.cbkspring.client.bot.SessionClient;
import io.github.cbkspring.client.error.ChatBotKitConnectionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@code chatbotkit.ssl.bundle} against an HTTPS server whose self-signed
 * certificate only the bundle trusts.
 *
 * @author cbkspring contributors
 */
class ChatBotKitSslBundleTests {

	private static final String PASSWORD = "changeit";

	private static final String SESSION_JSON = "{\"id\":\"b\",\"conversationId\":\"c\",\"token\":\"t\",\"expiresAt\":1}";

	@TempDir
	static Path keys;

	private static WireMockServer api;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, JacksonAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				ChatBotKitAutoConfiguration.class))
		.withPropertyValues("chatbotkit.secret=sk-tls", "chatbotkit.url=" + api.baseUrl(),
				"chatbotkit.retry.enabled=false",
				"spring.ssl.bundle.pem.chatbotkit.truststore.certificate=file:" + keys.resolve("server.pem"));

	@BeforeAll
	static void startHttpsServer() throws Exception {
		Path keystore = keys.resolve("server.p12");
		keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname",
				"CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore",
				keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
		keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(), "-storepass", PASSWORD,
				"-file", keys.resolve("server.pem").toString());
		api = new WireMockServer(wireMockConfig().httpDisabled(true)
			.dynamicHttpsPort()
			.bindAddress("127.0.0.1")
			.keystorePath(keystore.toString())
			.keystoreType("PKCS12")
			.keystorePassword(PASSWORD)
			.keyManagerPassword(PASSWORD));
		api.start();
		api.stubFor(post(anyUrl()).willReturn(WireMock.okJson(SESSION_JSON)));
		api.stubFor(get(anyUrl()).willReturn(WireMock.okJson("{}")));
	}

	@AfterAll
	static void stopHttpsServer() {
		api.stop();
	}

	@Test
	void chatBotKitClientTrustsItsSslBundle() {
		this.runner.withPropertyValues("chatbotkit.ssl.bundle=chatbotkit")
			.run((context) -> assertThat(context.getBean(SessionClient.class).create("bot-1").conversationId())
				.isEqualTo("c"));
	}

	@Test
	void applicationClientsDoNotGetTheChatBotKitSslBundle() {
		this.runner.withPropertyValues("chatbotkit.ssl.bundle=chatbotkit").run((context) -> {
			RestClient appClient = context.getBean(RestClient.Builder.class).build();
			assertThatExceptionOfType(ResourceAccessException.class)
				.isThrownBy(() -> appClient.get().uri(api.baseUrl() + "/app").retrieve().toBodilessEntity());
		});
	}

	@Test
	void withoutSslBundleTheCertificateIsNotTrusted() {
		this.runner.run((context) -> assertThatExceptionOfType(ChatBotKitConnectionException.class)
			.isThrownBy(() -> context.getBean(SessionClient.class).create("bot-1")));
	}

	@Test
	void fallsBackToTheApplicationSslBundle() {
		this.runner.withPropertyValues("spring.http.clients.ssl.bundle=chatbotkit")
			.run((context) -> assertThat(context.getBean(SessionClient.class).create("bot-1").conversationId())
				.isEqualTo("c"));
	}

	private static void keytool(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
	}

}
