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

package io.github.cbkspring.codegen;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Names}.
 *
 * @author cbkspring contributors
 */
class NamesTests {

	@Test
	void pascalAndCamelJoinWordsAndKeepKnownSpellings() {
		assertThat(Names.pascal("created_at")).isEqualTo("CreatedAt");
		assertThat(Names.pascal("x-request-id")).isEqualTo("XRequestId");
		assertThat(Names.pascal("whatsapp")).isEqualTo("WhatsApp");
		assertThat(Names.camel("mcpserver")).isEqualTo("mcpServer");
		assertThat(Names.camel("")).isEmpty();
	}

	@Test
	void pluralAndSingular() {
		assertThat(Names.plural("ability")).isEqualTo("abilities");
		assertThat(Names.plural("skillset")).isEqualTo("skillsets");
		assertThat(Names.plural("items")).isEqualTo("items");
		assertThat(Names.singular("abilities")).isEqualTo("ability");
		assertThat(Names.singular("boxes")).isEqualTo("box");
		assertThat(Names.singular("items")).isEqualTo("item");
		assertThat(Names.singular("address")).isEqualTo("address");
		assertThat(Names.singular("ids")).isEqualTo("ids");
	}

	@Test
	void accessorsArePluralExceptForSingletonsAndIntegrations() {
		assertThat(Names.accessor(List.of("skillset", "ability"))).isEqualTo("abilities");
		assertThat(Names.accessor(List.of("integration"))).isEqualTo("integrations");
		assertThat(Names.accessor(List.of("integration", "slack"))).isEqualTo("slack");
		assertThat(Names.accessor(List.of("integration", "extract", "item"))).isEqualTo("items");
		assertThat(Names.accessor(List.of("platform"))).isEqualTo("platform");
		assertThat(Names.accessor(List.of("space", "storage"))).isEqualTo("storage");
	}

	@Test
	void prefixesPutTheIntegrationsNameFirst() {
		assertThat(Names.prefix(List.of("skillset", "ability"))).isEqualTo("SkillsetAbility");
		assertThat(Names.prefix(List.of("integration", "slack"))).isEqualTo("SlackIntegration");
		assertThat(Names.prefix(List.of("integration", "widget", "file"))).isEqualTo("WidgetIntegrationFile");
		assertThat(Names.prefix(List.of("integration"))).isEqualTo("Integration");
	}

	@Test
	void membersAreLegalAndFreeNames() {
		assertThat(Names.member("botId")).isEqualTo("botId");
		assertThat(Names.member("default")).isEqualTo("defaultValue");
		assertThat(Names.member("builder")).isEqualTo("builderValue");
		assertThat(Names.member("2fa")).isEqualTo("value2fa");
		assertThat(Names.member("x-id")).isEqualTo("xId");
	}

	@Test
	void constantsAreUpperSnakeCase() {
		assertThat(Names.constant("in_progress")).isEqualTo("IN_PROGRESS");
		assertThat(Names.constant("inProgress")).isEqualTo("IN_PROGRESS");
		assertThat(Names.constant("gpt-4o")).isEqualTo("GPT_4O");
		assertThat(Names.constant("text/plain")).isEqualTo("TEXT_PLAIN");
		assertThat(Names.constant("1h")).isEqualTo("V_1H");
		assertThat(Names.constant("")).isEqualTo("V_");
		assertThat(Names.constant("fetchSkillServerManual")).isEqualTo("FETCH_SKILL_SERVER_MANUAL");
	}

}
