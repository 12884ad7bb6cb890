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

package io.github.cbkspring.sample.chat.demo;

import java.time.Clock;

import io.github.cbkspring.autoconfigure.ChatBotKitRestClientCustomizer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * The beans of demo mode, which {@link DemoModeEnvironmentPostProcessor} switches on when
 * no ChatBotKit secret is configured.
 *
 * @author cbkspring contributors
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(DemoModeConfiguration.ENABLED_PROPERTY)
class DemoModeConfiguration {

	static final String ENABLED_PROPERTY = "sample.demo.enabled";

	static final String API_PATH = "/demo-api/v1";

	private static final Log logger = LogFactory.getLog(DemoModeConfiguration.class);

	@Bean
	DemoSessions demoSessions(ObjectProvider<Clock> clock) {
		return new DemoSessions(clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	ChatBotKitRestClientCustomizer demoApiOnLocalPort(Environment environment) {
		return (builder) -> builder.requestInterceptor(new LocalPortInterceptor(environment));
	}

	@EventListener
	void announce(ApplicationReadyEvent event) {
		String local = "http://localhost:"
				+ event.getApplicationContext().getEnvironment().getProperty("local.server.port");
		logger.warn("""

				Demo mode: no ChatBotKit secret is set, so the chat talks to a demo API that this application serves
				itself at %s%s, and nothing leaves this machine. Open %s/ to chat.
				To chat with a real ChatBotKit bot, set CHATBOTKIT_SECRET (and CHATBOTKIT_BOT_ID) and restart.
				""".formatted(local, API_PATH, local));
	}

}
