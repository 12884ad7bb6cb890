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
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The beans of demo mode, which {@link DemoModeEnvironmentPostProcessor} switches on when
 * no ChatBotKit secret is configured: the {@link DemoApi}, and the properties that point
 * the client and the page at it.
 *
 * @author cbkspring contributors
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(DemoModeConfiguration.ENABLED_PROPERTY)
class DemoModeConfiguration {

	static final String ENABLED_PROPERTY = "sample.demo.enabled";

	private static final Log logger = LogFactory.getLog(DemoModeConfiguration.class);

	/**
	 * The demo API, closed with the context.
	 */
	@Bean
	DemoApi demoApi(ObjectProvider<Clock> clock, @Value("${sample.demo.word-delay:60ms}") Duration wordDelay) {
		return new DemoApi(clock.getIfAvailable(Clock::systemUTC), wordDelay);
	}

	/**
	 * Adds the {@link DemoApiPropertySource} above the application's own properties, once
	 * the bean definitions are known and before any bean that reads them is made.
	 */
	@Bean
	static BeanFactoryPostProcessor demoApiProperties(ConfigurableEnvironment environment) {
		return (beanFactory) -> environment.getPropertySources()
			.addFirst(new DemoApiPropertySource(() -> beanFactory.getBean(DemoApi.class)));
	}

	@EventListener
	void announce(ApplicationReadyEvent event) {
		String local = "http://localhost:"
				+ event.getApplicationContext().getEnvironment().getProperty("local.server.port");
		DemoApi api = event.getApplicationContext().getBean(DemoApi.class);
		logger.warn("""

				Demo mode: no ChatBotKit secret is set, so the chat talks to a stand-in ChatBotKit API (the test kit's
				fake) that this application runs at %s, and nothing leaves this machine. Open %s/ to chat.
				To chat with a real ChatBotKit bot, set CHATBOTKIT_SECRET (and CHATBOTKIT_BOT_ID) and restart.
				""".formatted(api.url(), local));
	}

}
