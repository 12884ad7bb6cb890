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

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat page in browser mode, where the page calls the API itself with the session
 * token (here the demo API, on another origin than the page's), and what the page does
 * whatever the transport: the session's lifetime, reloads, the message box.
 *
 * @author cbkspring contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "chatbotkit.secret=", ChatPageBrowserTestSupport.PROPERTIES })
@Import(ChatPageBrowserTestSupport.Config.class)
class ChatPageBrowserTests extends ChatPageBrowserTestSupport {

	@Value("${sample.browser-api-base}")
	String demoApiBase;

	@Override
	String expectedApi() {
		return this.demoApiBase;
	}

	@Test
	void demoBadgeShowsBeforeAnyChat() {
		new WebDriverWait(browser, TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(By.id("mode-badge")));
		assertThat(browser.findElement(By.id("start-chat")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("mode-badge")).getText()).isEqualTo("Demo mode");
	}

	@Test
	void chatAndSpringAiAnswerAndStatusFitA1280By900Window() throws IOException {
		Dimension usual = browser.manage().window().getSize();
		browser.manage().window().setSize(new Dimension(1280, 900));
		try {
			startChat();
			send("Hello");
			awaitReply(1);
			ask("What is Spring AI?");
			new WebDriverWait(browser, TIMEOUT)
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ask-answer[data-state='done']")));
			screenshot("fold-1280x900.png");
			for (String selector : List.of("#messages", "#ask-answer", "#session-status", "main.card")) {
				Object bottom = browser.executeScript(
						"return document.querySelector(arguments[0]).getBoundingClientRect().bottom;", selector);
				Object viewport = browser.executeScript("return window.innerHeight;");
				assertThat(((Number) bottom).doubleValue()).as(selector + " ends within the window")
					.isLessThanOrEqualTo(((Number) viewport).doubleValue());
			}
			assertThat(browser.executeScript("return window.scrollY;")).isEqualTo(0L);
		}
		finally {
			browser.manage().window().setSize(usual);
		}
	}

	@Test
	void theDatasetPageAnswersFromTheDemoDatasetAndShowsTheSources() {
		browser.findElement(By.id("dataset-link")).click();
		new WebDriverWait(browser, TIMEOUT)
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("dataset-input")));
		browser.findElement(By.id("dataset-input")).sendKeys("Which embedding model?");
		browser.findElement(By.id("dataset-send")).click();
		new WebDriverWait(browser, TIMEOUT)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#dataset-answer[data-state='done']")));
		String record = "ChatBotKit embeds and searches dataset records itself,"
				+ " so a Spring AI application needs no embedding model.";
		assertThat(browser.findElement(By.id("dataset-answer")).getText()).contains(record)
			.endsWith("Question: Which embedding model?\"");
		assertThat(browser.findElements(By.cssSelector("#dataset-sources li"))).extracting(WebElement::getText)
			.containsExactly(record + " (docs/spring-ai.md)");
		assertThat(browser.findElement(By.id("dataset-error")).isDisplayed()).isFalse();
	}

	@Test
	void theAgentPageRunsTheTaskWithTheToolAndShowsItsCalls() {
		browser.findElement(By.id("agent-link")).click();
		new WebDriverWait(browser, TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(By.id("agent-input")));
		runAgentTask("Where is order 42?");
		assertThat(browser.findElement(By.id("agent-answer")).getText())
			.isEqualTo("Demo bot: order 42 is shipped, with the courier.");
		assertThat(browser.findElements(By.cssSelector("#agent-tool-calls li"))).extracting(WebElement::getText)
			.containsExactly("orderStatus({\"orderId\":\"42\"}) returned \"shipped, with the courier\"");
		assertThat(browser.findElement(By.id("agent-error")).isDisplayed()).isFalse();
		runAgentTask("Where is order 9?");
		assertThat(browser.findElements(By.cssSelector("#agent-tool-calls li"))).extracting(WebElement::getText)
			.containsExactly("orderStatus({\"orderId\":\"9\"}) failed: No order with id 9");
		assertThat(browser.findElement(By.id("agent-error")).getText()).isEqualTo("A tool failed: No order with id 9");
	}

	private void runAgentTask(String task) {
		WebElement input = browser.findElement(By.id("agent-input"));
		input.clear();
		input.sendKeys(task);
		browser.findElement(By.id("agent-send")).click();
		new WebDriverWait(browser, TIMEOUT).until(ExpectedConditions
			.textToBePresentInElementLocated(By.id("agent-answer"), "order " + task.replaceAll("\\D", "")));
	}

	@Test
	void tokenValidForLongerThanATimerCanWaitStaysActive() {
		// expires in 30 days and an hour: past setTimeout's 24.8-day limit
		this.clock.advance(Duration.ofDays(30));
		startChat();
		// a timer that overflows fires at once, before this one
		browser.executeAsyncScript("setTimeout(arguments[arguments.length - 1], 300);");
		assertThat(browser.findElement(By.id("session-status")).getDomAttribute("data-state")).isEqualTo("active");
	}

	@Test
	void sessionThatHasExpiredSaysSo() {
		// the demo API's clock is 70 minutes behind: the one-hour token has expired for
		// the page
		this.clock.advance(Duration.ofMinutes(-70));
		startChat();
		new WebDriverWait(browser, TIMEOUT)
			.until(ExpectedConditions.attributeToBe(By.id("session-status"), "data-state", "expired"));
		assertThat(browser.findElement(By.id("session-status")).getText())
			.isEqualTo("Session expired: your next message starts a new one.");
	}

	@Test
	void reloadKeepsTheConversationWhileTheTokenIsValid() {
		startChat();
		send("Before the reload");
		awaitReply(1);
		browser.navigate().refresh();
		new WebDriverWait(browser, TIMEOUT)
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("message-input")));
		assertThat(browser.findElements(By.cssSelector("#messages .message"))).extracting(WebElement::getText)
			.containsExactly("Before the reload", "Demo bot: you said \"Before the reload\"");
		send("After the reload");
		assertThat(awaitReply(2).getText()).isEqualTo("Demo bot: you said \"After the reload\"");
		// the same session went on
		assertThat(browser.findElements(By.cssSelector("#messages .note"))).isEmpty();
	}

	@Test
	void reloadAfterTheTokenExpiredStartsOver() {
		this.clock.advance(Duration.ofMinutes(-70));
		startChat();
		browser.navigate().refresh();
		assertThat(browser.findElement(By.id("start-chat")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("chat")).isDisplayed()).isFalse();
	}

	@Test
	void messageOfOnlySpacesGetsFeedback() {
		startChat();
		send("   ");
		assertThat(browser.findElement(By.id("message-hint")).getText())
			.isEqualTo("Type a message first: it cannot be only spaces.");
		assertThat(browser.findElement(By.id("message-input")).getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.findElements(By.cssSelector("#messages .message"))).isEmpty();
		send("Now with words");
		awaitReply(1);
		assertThat(browser.findElement(By.id("message-hint")).getText()).isEmpty();
	}

	@Test
	void characterLimitIsVisible() {
		startChat();
		WebElement count = browser.findElement(By.id("char-count"));
		assertThat(count.getText()).isEqualTo("0 / 4,000");
		browser.findElement(By.id("message-input")).sendKeys("Hello");
		assertThat(count.getText()).isEqualTo("5 / 4,000");
		browser.executeScript("""
				const input = document.getElementById('message-input');
				input.value = 'x'.repeat(4000);
				input.dispatchEvent(new Event('input'));
				""");
		assertThat(count.getText()).isEqualTo("4,000 / 4,000");
		assertThat(browser.findElement(By.id("message-hint")).getText())
			.isEqualTo("Messages are limited to 4,000 characters.");
		assertThat(browser.findElement(By.id("message-input")).getDomAttribute("maxlength")).isEqualTo("4000");
	}

	@Test
	void apiTheBrowserCannotReachPointsToTheRelay() {
		startChat();
		// as if the API were elsewhere and refused the page (a closed port fails the same
		// way as CORS)
		browser.executeScript("""
				const saved = JSON.parse(sessionStorage.getItem('chatbotkit-sample-chat'));
				saved.session.apiBase = 'http://127.0.0.1:9/v1';
				sessionStorage.setItem('chatbotkit-sample-chat', JSON.stringify(saved));
				""");
		browser.navigate().refresh();
		new WebDriverWait(browser, TIMEOUT)
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("message-input")));
		send("Hello?");
		new WebDriverWait(browser, TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
		assertThat(browser.findElement(By.id("error")).getText())
			.startsWith("The browser could not reach the API at http://127.0.0.1:9/v1.")
			.endsWith("run the sample with sample.transport=relay.");
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
		ask("What is Spring AI?");
		// cleared at once, ready for the next question
		assertThat(browser.findElement(By.id("ask-input")).getDomProperty("value")).isEmpty();
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

	@Test
	void springAiAnswerThatFailsHalfWayShowsTheErrorAfterWhatArrived() {
		ask("/fail");
		WebElement answer = new WebDriverWait(browser, TIMEOUT)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ask-answer[data-state='error']")));
		assertThat(answer.getText()).isEqualTo("Demo bot:");
		assertThat(browser.findElement(By.id("ask-error")).getText())
			.isEqualTo("ChatBotKit could not finish the answer.");
		// the page is ready for the next question
		assertThat(browser.findElement(By.id("ask-send")).isEnabled()).isTrue();
	}

	private static void ask(String question) {
		browser.findElement(By.id("ask-input")).sendKeys(question);
		browser.findElement(By.id("ask-send")).click();
	}

}
