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

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat page in relay mode: the page sends its messages to the sample, which relays
 * the demo API's reply (on {@code 127.0.0.1}, another origin than the page's) as
 * Server-Sent Events.
 *
 * @author cbkspring contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "chatbotkit.secret=", "sample.transport=relay", ChatPageBrowserTestSupport.PROPERTIES })
@Import(ChatPageBrowserTestSupport.Config.class)
class ChatPageRelayBrowserTests extends ChatPageBrowserTestSupport {

	@Override
	String expectedApi() {
		return "/api (relayed by the server)";
	}

	@Test
	void replyThatFailsHalfWayShowsTheRelaysErrorAfterWhatArrived() {
		startChat();
		send("/fail");
		WebElement reply = new WebDriverWait(browser, TIMEOUT).until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("#messages .message.bot[data-state='error']")));
		assertThat(reply.getText()).isEqualTo("Demo bot:");
		assertThat(browser.findElement(By.id("error")).getText()).isEqualTo("ChatBotKit could not finish the reply.");
	}

}
