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
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of the chat page in a real headless Chromium, against the sample in
 * demo mode, for each way the page gets its reply. They need Debian's {@code chromium}
 * and {@code chromium-driver} packages ({@code ./run-tests} installs them) and fail
 * without them: a browser test that skips itself would pass without testing anything.
 * {@code ./run-tests --no-browser} leaves them out on purpose.
 * <p>
 * The server's async timeout is set below the time of a long reply, as a server's default
 * (30 s on Tomcat) is below a long real reply's.
 *
 * @author cbkspring contributors
 */
@Tag("browser")
abstract class ChatPageBrowserTestSupport {

	static final String PROPERTIES = "spring.mvc.async.request-timeout=1s";

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	// Generous: the machine may be busy; a passing test never waits this long
	static final Duration TIMEOUT = Duration.ofMinutes(2);

	private static Path profile;

	static ChromeDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	RequestLog requests;

	@BeforeAll
	static void startBrowser() throws IOException {
		assertThat(CHROMIUM).as("Chromium (apt-get install chromium chromium-driver)").canRead();
		assertThat(CHROMEDRIVER).as("ChromeDriver (apt-get install chromium chromium-driver)").canRead();
		profile = Files.createTempDirectory("chat-sample-chromium");
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--window-size=900,900", "--user-data-dir=" + profile);
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
		this.clock.reset();
		browser.get(pageUrl());
		// a fresh visit: what an earlier test kept for a reload is gone
		browser.executeScript("sessionStorage.clear();");
		browser.navigate().refresh();
		this.requests.clear();
	}

	/**
	 * The API the page's status line names.
	 * @return the API base as the page shows it
	 */
	abstract String expectedApi();

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
		WebElement reply = awaitReply(1);
		assertThat(reply.getText()).isEqualTo("Demo bot: you said \"Hello from Selenium ✓\"");
		assertThat(browser.findElement(By.cssSelector("#messages .message.user")).getText())
			.isEqualTo("Hello from Selenium ✓");
		@SuppressWarnings("unchecked")
		List<Object> texts = (List<Object>) browser.executeScript("return window.replyTexts;");
		// which words arrive together depends on the machine's load: what shows is that
		// the reply grew through shorter texts before the whole one, each a start of it
		String whole = reply.getText();
		assertThat(texts).allSatisfy((text) -> assertThat(whole).startsWith(String.valueOf(text)));
		assertThat(texts.stream().map(String::valueOf).filter((text) -> !text.isEmpty() && !text.equals(whole)))
			.as("texts the reply showed before the whole of it")
			.isNotEmpty();
		assertThat(browser.findElement(By.id("session-status")).getText()).startsWith("Session active until")
			.endsWith("API " + expectedApi());
		assertThat(browser.findElement(By.id("mode-badge")).isDisplayed()).isTrue();
		screenshot(getClass().getSimpleName() + ".png");
	}

	@Test
	void expiredSessionIsReplacedWithoutLosingTheMessage() {
		startChat();
		String firstStatus = browser.findElement(By.id("session-status")).getText();
		this.clock.advance(Duration.ofMinutes(61));
		send("Still there?");
		WebElement reply = awaitReply(1);
		assertThat(reply.getText()).isEqualTo("Demo bot: you said \"Still there?\"");
		assertThat(browser.findElement(By.cssSelector("#messages .note")).getText())
			.isEqualTo("The session expired, so a new one was started.");
		assertThat(browser.findElement(By.id("session-status")).getText()).isNotEqualTo(firstStatus);
	}

	@Test
	void longReplyFinishes() {
		startChat();
		// 40 words at 60 ms each: 2.4 s, past the server's 1 s async timeout
		String message = "word ".repeat(40).strip();
		send(message);
		assertThat(awaitReply(1).getText()).isEqualTo("Demo bot: you said \"" + message + "\"");
		assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
	}

	@Test
	void pageAndChatNeedNoRequestThatFails() {
		browser.navigate().refresh();
		// Headless Chromium fetches no icon by itself: the icon the page declares must
		// load
		// (without one, a browser asks for /favicon.ico, which does not exist)
		Object icon = browser.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const link = document.querySelector('link[rel=icon]');
				fetch(link.href).then((response) => done(link.getAttribute('href') + ' ' + response.status));
				""");
		assertThat(icon).isEqualTo("favicon.svg 200");
		startChat();
		send("Hi");
		awaitReply(1);
		assertThat(this.requests.entries()).allSatisfy((entry) -> assertThat(status(entry)).as(entry).isLessThan(400))
			.noneMatch((entry) -> entry.contains("favicon.ico"));
	}

	void startChat() {
		browser.findElement(By.id("start-chat")).click();
		new WebDriverWait(browser, TIMEOUT)
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("message-input")));
	}

	void send(String text) {
		browser.findElement(By.id("message-input")).sendKeys(text);
		browser.findElement(By.id("send")).click();
	}

	/**
	 * Wait until the given number of replies are done.
	 * @param count how many replies the page shows when done
	 * @return the last reply
	 */
	WebElement awaitReply(int count) {
		By done = By.cssSelector("#messages .message.bot[data-state='done']");
		new WebDriverWait(browser, TIMEOUT).until(ExpectedConditions.numberOfElementsToBe(done, count));
		List<WebElement> replies = browser.findElements(done);
		return replies.get(replies.size() - 1);
	}

	private static int status(String entry) {
		return Integer.parseInt(entry.substring(entry.lastIndexOf(' ') + 1));
	}

	String pageUrl() {
		return "http://localhost:" + this.port + "/";
	}

	static void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name),
				StandardCopyOption.REPLACE_EXISTING);
	}

	/**
	 * The requests the server answered, as {@code METHOD /path STATUS}.
	 */
	static class RequestLog extends OncePerRequestFilter {

		private final List<String> entries = new CopyOnWriteArrayList<>();

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			chain.doFilter(request, response);
			this.entries.add(request.getMethod() + " " + request.getRequestURI() + " " + response.getStatus());
		}

		@Override
		protected boolean shouldNotFilterAsyncDispatch() {
			return false;
		}

		List<String> entries() {
			return this.entries;
		}

		void clear() {
			this.entries.clear();
		}

	}

	/**
	 * The test clock and the request log.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		MutableClock clock() {
			return new MutableClock();
		}

		@Bean
		RequestLog requestLog() {
			return new RequestLog();
		}

	}

}
