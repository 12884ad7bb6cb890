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

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.cbkspring.test.ChatBotKitFake;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Runs a Spring test against a {@link ChatBotKitFake}: the fake is started with the
 * test's application context, {@code chatbotkit.url} and {@code chatbotkit.secret} point
 * the client at it, and it is a bean, to script and assert on. Works with
 * {@code @SpringBootTest} and with slices such as {@code @WebMvcTest} and
 * {@code @RestClientTest}, into which it also imports the ChatBotKit auto-configuration.
 * <p>
 * A fake lives as long as its context, which Spring's test context cache may share
 * between test classes of the same configuration; it is
 * {@linkplain ChatBotKitFake#reset() reset} after each test method, so that each test
 * starts from an empty fake.
 *
 * <pre class="code">
 * &#64;WebMvcTest(SessionController.class)
 * &#64;AutoConfigureChatBotKit
 * class SessionControllerTests {
 *
 *     &#64;Autowired
 *     ChatBotKitFake chatBotKit;
 *
 * }
 * </pre>
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureChatBotKit {

}
