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

import java.util.Iterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.github.cbkspring.client.conversation.CompletionEvent;
import io.github.cbkspring.client.conversation.ConversationClient;
import io.github.cbkspring.client.error.ChatBotKitStreamException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/**
 * Tests that {@link RelayController} ends a reply that fails half-way with an
 * {@code error} event and one WARN line, after the tokens it already relayed.
 *
 * @author cbkspring contributors
 */
@WebMvcTest(controllers = RelayController.class, properties = "sample.transport=relay")
@ExtendWith(OutputCaptureExtension.class)
class RelayControllerStreamFailureTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private ConversationClient conversationClient;

	@Test
	void failureInTheMiddleOfTheReplyEndsItWithAnErrorEvent(CapturedOutput output) {
		given(this.conversationClient.withOptions(any())).willReturn(this.conversationClient);
		given(this.conversationClient.completeStream("conv-1", "Hi"))
			.willReturn(failingAfter(new CompletionEvent.Token("Hel")));
		MvcTestResult result = this.mvc.post()
			.uri("/api/conversation/conv-1/complete")
			.header(HttpHeaders.AUTHORIZATION, "Bearer tok-1")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"Hi\"}")
			.exchange();
		assertThat(result).hasStatusOk()
			.bodyText()
			.isEqualTo("event:token\ndata:{\"token\":\"Hel\"}\n\n"
					+ "event:error\ndata:{\"detail\":\"ChatBotKit could not finish the reply.\"}\n\n");
		assertThat(output.getOut().lines().filter((line) -> line.contains(" WARN "))).singleElement()
			.satisfies((line) -> assertThat(line).contains("Relaying a ChatBotKit reply failed: Not JSON (line 2)"));
	}

	private static Stream<CompletionEvent> failingAfter(CompletionEvent first) {
		Iterator<CompletionEvent> events = new Iterator<>() {

			private boolean sent;

			@Override
			public boolean hasNext() {
				return true;
			}

			@Override
			public CompletionEvent next() {
				if (this.sent) {
					throw new ChatBotKitStreamException("Not JSON", 2, null);
				}
				this.sent = true;
				return first;
			}

		};
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(events, 0), false);
	}

}
