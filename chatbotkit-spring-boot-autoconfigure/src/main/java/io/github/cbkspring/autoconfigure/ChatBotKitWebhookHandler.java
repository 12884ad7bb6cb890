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
import java.io.InputStream;
import java.util.Map;

import io.github.cbkspring.client.webhook.WebhookSignature;
import io.github.cbkspring.client.webhook.WebhookSignature.Verification;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Receives a webhook call: reads the body once as bytes (at most the limit), checks its
 * {@value WebhookSignature#HEADER} against those bytes, and publishes a
 * {@link ChatBotKitWebhookEvent}. A refused call gets one WARN line that says why, with
 * neither the secret, the signature nor the body.
 *
 * @author cbkspring contributors
 */
final class ChatBotKitWebhookHandler implements HandlerFunction<ServerResponse> {

	private static final Log logger = LogFactory.getLog(ChatBotKitWebhookHandler.class);

	private static final TypeReference<Map<String, @Nullable Object>> PAYLOAD = new TypeReference<>() {
	};

	private final WebhookSignature signature;

	private final int maxBodySize;

	private final JsonMapper jsonMapper;

	private final ApplicationEventPublisher eventPublisher;

	ChatBotKitWebhookHandler(WebhookSignature signature, int maxBodySize, JsonMapper jsonMapper,
			ApplicationEventPublisher eventPublisher) {
		this.signature = signature;
		this.maxBodySize = maxBodySize;
		this.jsonMapper = jsonMapper;
		this.eventPublisher = eventPublisher;
	}

	@Override
	public ServerResponse handle(ServerRequest request) throws IOException {
		if (request.servletRequest().getContentLengthLong() > this.maxBodySize) {
			return tooLarge(request);
		}
		byte[] body;
		try (InputStream in = request.servletRequest().getInputStream()) {
			// one byte more than allowed tells a body without Content-Length that is too
			// large
			body = in.readNBytes(this.maxBodySize + 1);
		}
		if (body.length > this.maxBodySize) {
			return tooLarge(request);
		}
		Verification verification = this.signature.verify(body, request.headers().firstHeader(WebhookSignature.HEADER));
		if (!verification.isValid()) {
			return refuse(request, HttpStatus.UNAUTHORIZED, verification.reason()
					+ ((verification == Verification.MISMATCH) ? "; check chatbotkit.webhook.secret" : ""));
		}
		Map<String, @Nullable Object> payload;
		try {
			payload = this.jsonMapper.readValue(body, PAYLOAD);
		}
		catch (JacksonException ex) {
			// the parser's message quotes the body: it is not logged
			return refuse(request, HttpStatus.BAD_REQUEST, "the signed body is not a JSON object");
		}
		if (payload == null) {
			return refuse(request, HttpStatus.BAD_REQUEST, "the signed body is not a JSON object");
		}
		this.eventPublisher.publishEvent(new ChatBotKitWebhookEvent(this, payload, body));
		return ServerResponse.noContent().build();
	}

	private ServerResponse tooLarge(ServerRequest request) {
		return refuse(request, HttpStatus.CONTENT_TOO_LARGE,
				"the body is larger than " + this.maxBodySize + " bytes (chatbotkit.webhook.max-body-size)");
	}

	private static ServerResponse refuse(ServerRequest request, HttpStatus status, String reason) {
		logger.warn("Refused a ChatBotKit webhook call to " + request.path() + " with " + status.value() + ": " + reason
				+ ".");
		return ServerResponse.status(status).build();
	}

}
