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

import org.jspecify.annotations.Nullable;

/**
 * A {@code chatbotkit.*} property is missing or has a value the client cannot work with.
 * {@link ChatBotKitFailureAnalyzer} turns it into a start-up report that names the
 * property, its environment variable and an example. The message never contains the value
 * of {@code chatbotkit.secret}.
 *
 * @author cbkspring contributors
 * @since 0.1.0
 */
public class InvalidChatBotKitPropertyException extends RuntimeException {

	private final String property;

	private final String problem;

	private final String action;

	private final String example;

	/**
	 * Create an exception.
	 * @param property the full property name, such as {@code chatbotkit.secret}
	 * @param problem what is wrong with it
	 * @param action how to fix it
	 * @param example a line of {@code application.properties} that sets the property to a
	 * valid value, such as {@code chatbotkit.url=https://api.chatbotkit.com}
	 * @param cause the cause, if any
	 */
	public InvalidChatBotKitPropertyException(String property, String problem, String action, String example,
			@Nullable Throwable cause) {
		super(problem + " " + action + " For example: " + example, cause);
		this.property = property;
		this.problem = problem;
		this.action = action;
		this.example = example;
	}

	/**
	 * The full name of the property.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * What is wrong with the property.
	 * @return the problem
	 */
	public String getProblem() {
		return this.problem;
	}

	/**
	 * How to fix the property.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

	/**
	 * A line of {@code application.properties} that sets the property to a valid value.
	 * @return the example line
	 */
	public String getExample() {
		return this.example;
	}

}
