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

/**
 * Datasets for retrieval: {@link io.github.cbkspring.client.dataset.DatasetClient}
 * manages datasets and searches them, its {@code records()} and {@code files()} the
 * records and the files a dataset is built from.
 */
@NullMarked
package io.github.cbkspring.client.dataset;

import org.jspecify.annotations.NullMarked;
