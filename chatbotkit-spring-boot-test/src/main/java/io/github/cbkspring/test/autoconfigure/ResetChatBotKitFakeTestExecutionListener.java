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

package io.github.cbkspring.test.autoconfigure;

import io.github.cbkspring.test.ChatBotKitFake;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Resets the {@link ChatBotKitFake} of an {@link AutoConfigureChatBotKit} test after each
 * test method: a cached context's fake starts every test empty. Registered in
 * {@code META-INF/spring.factories}.
 *
 * @author cbkspring contributors
 */
class ResetChatBotKitFakeTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		// after the listeners that run the test's own after-methods' context work
		return LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext() && TestContextAnnotationUtils.hasAnnotation(testContext.getTestClass(),
				AutoConfigureChatBotKit.class)) {
			ApplicationContext context = testContext.getApplicationContext();
			if (context.containsBean(ChatBotKitFakeContextCustomizer.BEAN_NAME)) {
				context.getBean(ChatBotKitFakeContextCustomizer.BEAN_NAME, ChatBotKitFake.class).reset();
			}
		}
	}

}
