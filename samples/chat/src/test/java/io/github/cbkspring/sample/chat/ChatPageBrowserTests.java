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

package io.github.cbkspring.sample.chat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of the chat page in a real headless Chromium, against the sample in
 * demo mode. They need Debian's {@code chromium} and {@code chromium-driver} packages
 * ({@code .ci/run} installs them) and fail without them: a browser test that skips itself
 * would pass without testing anything.
 *
 * @author cbkspring contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "chatbotkit.secret=")
@Import(MutableClock.Config.class)
class ChatPageBrowserTests {

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private static Path profile;

	private static ChromeDriver browser;

	@LocalServerPort
	private int port;

	@Autowired
	private MutableClock clock;

	@BeforeAll
	static void startBrowser() throws IOException {
		assertThat(CHROMIUM).as("Chromium (apt-get install chromium chromium-driver)").canRead();
		assertThat(CHROMEDRIVER).as("ChromeDriver (apt-get install chromium chromium-driver)").canRead();
		profile = Files.createTempDirectory("chat-sample-chromium");
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--window-size=900,820", "--user-data-dir=" + profile);
		// An explicit driver: Selenium Manager never runs, so nothing is downloaded
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (browser != null) {
			browser.quit();
		}
		if (profile != null) {
			FileSystemUtils.deleteRecursively(profile);
		}
	}

	@BeforeEach
	void openPage() {
		browser.get("http://localhost:" + this.port + "/");
	}

	@Test
	void replyStreamsInWordByWord() throws IOException {
		startChat();
		// Record every text the reply shows, to see it grow rather than appear at once
		browser.executeScript(
				"""
						window.replyTexts = [];
						new MutationObserver(() => {
							const reply = document.querySelector('#messages .message.bot:last-of-type');
							if (reply) window.replyTexts.push(reply.textContent);
						}).observe(document.getElementById('messages'), { childList: true, subtree: true, characterData: true });
						""");
		send("Hello from Selenium ✓");
		WebElement reply = awaitReply();
		assertThat(reply.getText()).isEqualTo("Demo bot: you said \"Hello from Selenium ✓\"");
		assertThat(browser.findElement(By.cssSelector("#messages .message.user")).getText())
			.isEqualTo("Hello from Selenium ✓");
		@SuppressWarnings("unchecked")
		List<Object> texts = (List<Object>) browser.executeScript("return window.replyTexts;");
		assertThat(texts).contains("Demo", "Demo bot:", "Demo bot: you");
		assertThat(browser.findElement(By.id("session-status")).getText()).startsWith("Session active until")
			.endsWith("API /demo-api/v1");
		assertThat(browser.findElement(By.id("mode-badge")).isDisplayed()).isTrue();
		screenshot("chat.png");
	}

	@Test
	void expiredSessionIsReplacedWithoutLosingTheMessage() {
		startChat();
		String firstStatus = browser.findElement(By.id("session-status")).getText();
		this.clock.advance(Duration.ofMinutes(11));
		send("Still there?");
		WebElement reply = awaitReply();
		assertThat(reply.getText()).isEqualTo("Demo bot: you said \"Still there?\"");
		assertThat(browser.findElement(By.cssSelector("#messages .note")).getText())
			.isEqualTo("The session expired, so a new one was started.");
		assertThat(browser.findElement(By.id("session-status")).getText()).isNotEqualTo(firstStatus);
	}

	@Test
	void springAiAnswerStreamsInFromTheServersChatClient() throws IOException {
		// The first call loads Spring AI: without this one, the first words could arrive
		// at once
		RestClient.create()
			.post()
			.uri("http://localhost:{port}/api/ask", this.port)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("text", "warm-up"))
			.retrieve()
			.toBodilessEntity();
		browser.executeScript(
				"""
						window.answerTexts = [];
						new MutationObserver(() => window.answerTexts.push(document.getElementById('ask-answer').textContent))
							.observe(document.getElementById('ask-answer'), { childList: true, subtree: true, characterData: true });
						""");
		browser.findElement(By.id("ask-input")).sendKeys("What is Spring AI?");
		browser.findElement(By.id("ask-send")).click();
		WebElement answer = new WebDriverWait(browser, TIMEOUT)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ask-answer[data-state='done']")));
		String whole = "Demo bot: you said \"What is Spring AI?\"";
		assertThat(answer.getText()).isEqualTo(whole);
		@SuppressWarnings("unchecked")
		List<String> texts = (List<String>) browser.executeScript("return window.answerTexts;");
		// it grew: a part of it was shown before the whole
		assertThat(texts).anySatisfy((text) -> assertThat(whole).startsWith(text).isNotEqualTo(text))
			.last()
			.isEqualTo(whole);
		assertThat(browser.findElement(By.id("ask-error")).isDisplayed()).isFalse();
		browser.executeScript("arguments[0].scrollIntoView()", answer);
		screenshot("spring-ai.png");
	}

	private void startChat() {
		browser.findElement(By.id("start-chat")).click();
		new WebDriverWait(browser, TIMEOUT)
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("message-input")));
	}

	private void send(String text) {
		browser.findElement(By.id("message-input")).sendKeys(text);
		browser.findElement(By.id("send")).click();
	}

	private WebElement awaitReply() {
		return new WebDriverWait(browser, TIMEOUT).until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("#messages .message.bot[data-state='done']")));
	}

	private static void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name),
				StandardCopyOption.REPLACE_EXISTING);
	}

}
