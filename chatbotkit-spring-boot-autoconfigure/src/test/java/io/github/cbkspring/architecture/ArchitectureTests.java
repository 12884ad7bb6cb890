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

import io.github.cbkspring.testsupport.LibraryArchitectureTests;

/**
 * The layering of the auto-configuration module, as every library module keeps it: no
 * package cycles, no Jackson or internal client types in its public signatures, and its
 * public API as the baseline.
 *
 * @author cbkspring contributors
 */
class ArchitectureTests extends LibraryArchitectureTests {

}
