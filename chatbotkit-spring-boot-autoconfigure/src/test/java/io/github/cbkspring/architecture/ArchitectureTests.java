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

package io.github.cbkspring.architecture;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layering of the library: the client stands on Spring Web and the JDK alone, the
 * auto-configuration is the only Spring Boot code, and what users need not see stays
 * package-private.
 *
 * @author cbkspring contributors
 */
class ArchitectureTests {

	private static final JavaClasses MAIN = new ClassFileImporter().importPath(Path.of("target", "classes"));

	@Test
	void clientImportsNothingFromSpringBootOrTheAutoConfiguration() {
		noClasses().that()
			.resideInAPackage("io.github.cbkspring.client..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.boot..", "io.github.cbkspring.autoconfigure..")
			.check(MAIN);
	}

	@Test
	void onlyTheAutoConfigurationUsesSpringBoot() {
		noClasses().that()
			.resideOutsideOfPackage("io.github.cbkspring.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.boot..")
			.check(MAIN);
	}

	@Test
	void publicApiHasNoJacksonTypes() {
		classes().that()
			.resideInAPackage("io.github.cbkspring.client..")
			.and()
			.arePublic()
			.should(new ArchCondition<>("expose no Jackson types in public signatures") {
				@Override
				public void check(JavaClass javaClass, ConditionEvents events) {
					javaClass.getMethods()
						.stream()
						.filter((method) -> method.getModifiers().contains(JavaModifier.PUBLIC))
						.forEach((method) -> {
							List<JavaClass> types = new ArrayList<>(method.getRawParameterTypes());
							types.add(method.getRawReturnType());
							types.stream()
								.filter((type) -> type.getPackageName().startsWith("tools.jackson"))
								.forEach((type) -> events.add(SimpleConditionEvent.violated(method,
										method.getFullName() + " exposes " + type.getName())));
						});
				}
			})
			.check(MAIN);
	}

	@Test
	void noPackageCyclesBetweenClientAndAutoConfiguration() {
		slices().matching("io.github.cbkspring.(*)..").should().beFreeOfCycles().check(MAIN);
	}

	@Test
	void resourcePackagesDependOnTheCoreOnlyNeverOnEachOther() {
		slices().matching("io.github.cbkspring.client.(*)..")
			.should()
			.notDependOnEachOther()
			.because("a resource package reaches the API through the core's public ApiRequest only")
			.check(MAIN);
	}

	@Test
	void coreReachesResourcePackagesOnlyFromTheEntryPoint() {
		noClasses().that()
			.resideInAPackage("io.github.cbkspring.client")
			.and()
			.doNotHaveSimpleName("ChatBotKitClient")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.github.cbkspring.client.*..")
			.check(MAIN);
	}

	@Test
	void onlyTheListedTypesArePublic() {
		List<String> publicTypes = MAIN.stream()
			.filter((type) -> type.getModifiers().contains(JavaModifier.PUBLIC))
			.filter((type) -> type.getEnclosingClass().isEmpty())
			.filter((type) -> !type.getSimpleName().equals("package-info"))
			.map(JavaClass::getName)
			.sorted()
			.toList();
		assertThat(publicTypes).containsExactlyElementsOf(PUBLIC_API.stream().sorted().toList());
	}

	/**
	 * The public API, exactly: everything else is implementation and package-private.
	 */
	private static final Set<String> PUBLIC_API = Set.of(
			// autoconfigure
			"io.github.cbkspring.autoconfigure.ChatBotKitAutoConfiguration",
			"io.github.cbkspring.autoconfigure.ChatBotKitProperties",
			"io.github.cbkspring.autoconfigure.ChatBotKitRestClientCustomizer",
			"io.github.cbkspring.autoconfigure.InvalidChatBotKitPropertyException",
			// core
			"io.github.cbkspring.client.ApiEndpoint", "io.github.cbkspring.client.ApiRequest",
			"io.github.cbkspring.client.ChatBotKitAuthenticationException",
			"io.github.cbkspring.client.ChatBotKitClient", "io.github.cbkspring.client.ChatBotKitConnectionException",
			"io.github.cbkspring.client.ChatBotKitDecodingException", "io.github.cbkspring.client.ChatBotKitError",
			"io.github.cbkspring.client.ChatBotKitException", "io.github.cbkspring.client.ChatBotKitHttpException",
			"io.github.cbkspring.client.ChatBotKitNotFoundException", "io.github.cbkspring.client.ChatBotKitOptions",
			"io.github.cbkspring.client.ChatBotKitPermissionException",
			"io.github.cbkspring.client.ChatBotKitRateLimitException",
			"io.github.cbkspring.client.ChatBotKitRequestFactory",
			"io.github.cbkspring.client.ChatBotKitServerException",
			"io.github.cbkspring.client.ChatBotKitStreamException",
			"io.github.cbkspring.client.ChatBotKitTimeoutException", "io.github.cbkspring.client.FileUpload",
			"io.github.cbkspring.client.Message", "io.github.cbkspring.client.MessageType",
			"io.github.cbkspring.client.ListQuery", "io.github.cbkspring.client.Page",
			"io.github.cbkspring.client.RawResponse", "io.github.cbkspring.client.RetryOptions",
			"io.github.cbkspring.client.SortOrder", "io.github.cbkspring.client.Visibility",
			// bot
			"io.github.cbkspring.client.bot.Bot", "io.github.cbkspring.client.bot.BotClient",
			"io.github.cbkspring.client.bot.BotRequest", "io.github.cbkspring.client.bot.BotUsage",
			"io.github.cbkspring.client.bot.SessionClient", "io.github.cbkspring.client.bot.SessionCreateRequest",
			"io.github.cbkspring.client.bot.SessionCreateResponse",
			// conversation
			"io.github.cbkspring.client.conversation.BotConfig",
			"io.github.cbkspring.client.conversation.CompletionEvent",
			"io.github.cbkspring.client.conversation.CompletionOptions",
			"io.github.cbkspring.client.conversation.CompletionRequest",
			"io.github.cbkspring.client.conversation.CompletionResult",
			"io.github.cbkspring.client.conversation.ContactRef",
			"io.github.cbkspring.client.conversation.Conversation",
			"io.github.cbkspring.client.conversation.ConversationClient",
			"io.github.cbkspring.client.conversation.ConversationMessage",
			"io.github.cbkspring.client.conversation.ConversationMessageClient",
			"io.github.cbkspring.client.conversation.ConversationMessageRequest",
			"io.github.cbkspring.client.conversation.ConversationRequest",
			"io.github.cbkspring.client.conversation.ConversationSession",
			"io.github.cbkspring.client.conversation.ConversationTurn",
			"io.github.cbkspring.client.conversation.ConversationUsage",
			"io.github.cbkspring.client.conversation.EndReason", "io.github.cbkspring.client.conversation.Entity",
			"io.github.cbkspring.client.conversation.Extensions",
			"io.github.cbkspring.client.conversation.FunctionCall",
			"io.github.cbkspring.client.conversation.FunctionDefinition",
			"io.github.cbkspring.client.conversation.FunctionResult", "io.github.cbkspring.client.conversation.Limits",
			"io.github.cbkspring.client.conversation.MessageReceipt",
			"io.github.cbkspring.client.conversation.ModelDefinition");

}
