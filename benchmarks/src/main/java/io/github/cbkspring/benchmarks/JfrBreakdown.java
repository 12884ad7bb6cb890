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

package io.github.cbkspring.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Splits the execution samples of the calling threads of unary JFR recordings (the
 * benchmark's {@code --jfr}) into the parts of a call, so that two drivers can be set
 * side by side: each sample counts for the first part, in the order below, of which a
 * frame of its stack is part. Prints each recording's share of samples a part.
 * <p>
 * Usage: {@code java -cp benchmarks/target/classes
 * io.github.cbkspring.benchmarks.JfrBreakdown <recording.jfr>...} (any JDK 17 or later).
 *
 * @author cbkspring contributors
 */
public final class JfrBreakdown {

	/** Frames (class and method name fragments) that mark a part, in order. */
	private static final Map<String, List<String>> PARTS = parts();

	private JfrBreakdown() {
	}

	private static Map<String, List<String>> parts() {
		Map<String, List<String>> parts = new LinkedHashMap<>();
		parts.put("request body to JSON", List.of("JsonCodec.write", "SessionJson.request"));
		parts.put("answer from JSON", List.of("JsonCodec.read", "SessionJson.response"));
		parts.put("answer's header map (Spring's adapter)", List.of("HttpComponentsClientHttpResponse.getHeaders"));
		parts.put("request headers copied (RestClient, then into HttpClient 5)",
				List.of("HttpHeaders.forEach", "HttpHeaders.addAll", "HttpHeaders.putAll"));
		parts.put("HttpClient 5: JVM proxy lookup", List.of("SystemDefaultRoutePlanner.determineProxy"));
		parts.put("HttpClient 5: the rest of the exchange", List.of("InternalHttpClient.doExecute"));
		parts.put("answer's body read", List.of("BoundedBody.read", "readAllBytes", "ContentCodings.body"));
		parts.put("URI (path, query, parse)", List.of("ApiCall.of", "URI.create"));
		parts.put("request headers set", List.of("ApiHeaders.addTo", "DefaultRequestBodyUriSpec.header",
				"DefaultRequestBodyUriSpec.contentType", "RequestBody$Json.writeTo"));
		parts.put("RestClient: request made", List.of("DefaultRequestBodyUriSpec.createRequest"));
		parts.put("RestClient: the rest", List.of("springframework.web.client"));
		parts.put("ChatBotKit client: the rest", List.of("cbkspring.client", "cbkspring.autoconfigure"));
		return parts;
	}

	public static void main(String[] args) throws IOException {
		System.out.printf("%-62s", "part (share of the calling threads' samples)");
		for (String file : args) {
			System.out.printf(" %22s", Path.of(file).getFileName());
		}
		System.out.println();
		List<Map<String, Integer>> counts = new ArrayList<>();
		int[] totals = new int[args.length];
		for (int i = 0; i < args.length; i++) {
			Map<String, Integer> count = new LinkedHashMap<>();
			for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[i]))) {
				if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
					continue;
				}
				RecordedThread thread = event.getThread("sampledThread");
				if (thread == null || thread.getJavaName() == null || !thread.getJavaName().startsWith("driver")) {
					continue;
				}
				totals[i]++;
				count.merge(part(event.getStackTrace().getFrames()), 1, Integer::sum);
			}
			counts.add(count);
		}
		List<String> names = new ArrayList<>(PARTS.keySet());
		names.add("other");
		for (String name : names) {
			System.out.printf("%-62s", name);
			for (int i = 0; i < args.length; i++) {
				System.out.printf(" %21.1f%%", 100.0 * counts.get(i).getOrDefault(name, 0) / Math.max(totals[i], 1));
			}
			System.out.println();
		}
		System.out.printf("%-62s", "samples");
		for (int total : totals) {
			System.out.printf(" %22d", total);
		}
		System.out.println();
	}

	private static String part(List<RecordedFrame> frames) {
		for (Map.Entry<String, List<String>> part : PARTS.entrySet()) {
			for (RecordedFrame frame : frames) {
				String name = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
				for (String marker : part.getValue()) {
					if (name.contains(marker)) {
						return part.getKey();
					}
				}
			}
		}
		return "other";
	}

}
