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

package io.github.cbkspring.test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The fake's operations and state: the resources of each account (the main account and
 * each partner user it runs as), the session tokens it issued, the files' contents and
 * the scripted completions. Create, fetch, update, delete and list work for every
 * resource the model declares them for; the operations with more to them are written out.
 *
 * @author cbkspring contributors
 */
final class FakeApi {

	/** The path prefix of the fake's pre-signed storage URLs, outside the API's. */
	static final String STORAGE = "/storage/";

	private static final String MAIN_ACCOUNT = "";

	private static final long SESSION_SECONDS = 3600;

	private final CompletionScripts completions = new CompletionScripts();

	private final ChannelMessages channels = new ChannelMessages();

	private final AtomicLong ids = new AtomicLong();

	private final Map<String, ResourceStore> accounts = new ConcurrentHashMap<>();

	/** Session token to the account it was issued in and its expiry. */
	private final Map<String, SessionToken> sessionTokens = new ConcurrentHashMap<>();

	private final Clock clock;

	/** Pre-signed storage key to the account and file it is for. */
	private final Map<String, String[]> storageKeys = new ConcurrentHashMap<>();

	private final Map<String, byte[]> contents = new ConcurrentHashMap<>();

	private final Set<String> presigned = ConcurrentHashMap.newKeySet();

	FakeApi(Clock clock) {
		this.clock = clock;
	}

	CompletionScripts completions() {
		return this.completions;
	}

	/**
	 * The account a credential opens, or {@code null} if it opens none.
	 */
	@Nullable String accountOf(String credential, String secret) {
		if (credential.equals(secret)) {
			return MAIN_ACCOUNT;
		}
		SessionToken session = this.sessionTokens.get(credential);
		return (session != null && session.expiresAt() > this.clock.millis()) ? session.account() : null;
	}

	/**
	 * Whether a partner user exists that the main account can run as.
	 */
	boolean isPartnerUser(String userId) {
		return store(MAIN_ACCOUNT).fetch("partner/user", userId) != null;
	}

	void reset() {
		this.completions.reset();
		this.channels.reset();
		this.accounts.clear();
		this.sessionTokens.clear();
		this.storageKeys.clear();
		this.contents.clear();
		this.presigned.clear();
	}

	Answer handle(Call call) {
		return switch (call.operation().id()) {
			case "createBotSession" ->
				createSession(call, conversation(call, Map.of("botId", call.parameter("botId"))));
			case "createConversationSession" -> createConversationSession(call);
			case "createConversation" -> createConversation(call);
			case "completeConversation" -> complete(call, null);
			case "completeConversationMessage" -> complete(call, call.parameter("conversationId"));
			case "publishChannelMessage" -> publish(call);
			case "searchDataset" -> search(call);
			case "ensureContact" -> ensureContact(call);
			case "uploadFile" -> upload(call);
			case "downloadFile" -> download(call);
			default -> resource(call);
		};
	}

	/**
	 * A {@code PUT} or {@code GET} of a pre-signed storage URL: no credential, the key in
	 * the path is the authority.
	 */
	Answer storage(String method, String key, byte[] body) {
		String[] file = this.storageKeys.get(key);
		if (file == null) {
			return Answer.error(403, "FORBIDDEN", "Unknown or expired storage key");
		}
		if ("PUT".equals(method)) {
			this.contents.put(file[0] + "/" + file[1], body);
			return new Answer.BytesAnswer(200, new byte[0], null);
		}
		byte[] content = this.contents.get(file[0] + "/" + file[1]);
		return (content != null) ? new Answer.BytesAnswer(200, content, "application/octet-stream")
				: Answer.notFound("Content");
	}

	private ResourceStore store(String account) {
		return this.accounts.computeIfAbsent(account, (key) -> new ResourceStore(this.ids, this.clock));
	}

	/**
	 * Create, fetch, update, delete or list, from the operation's path: a collection's
	 * path, then {@code create} or {@code list}, or an item's parameter, then
	 * {@code fetch}, {@code update} or {@code delete}. Items of an item
	 * ({@code dataset/d1/record}) need their parent.
	 */
	private Answer resource(Call call) {
		List<String> template = call.operation().template();
		int last = template.size() - 1;
		String verb = template.get(last);
		boolean ofItem = last >= 1 && isParameter(template.get(last - 1));
		List<String> collectionTemplate = template.subList(0, ofItem ? last - 1 : last);
		if (collectionTemplate.isEmpty() || collectionTemplate.stream().anyMatch(String::isEmpty)
				|| !(ofItem ? List.of("fetch", "update", "delete") : List.of("create", "list")).contains(verb)) {
			return notImplemented(call);
		}
		String collection = resolve(call, collectionTemplate);
		ResourceStore store = store(call.account());
		Answer missingParent = checkParent(call, store, collectionTemplate);
		if (missingParent != null) {
			return missingParent;
		}
		String id = ofItem ? call.parameter(template.get(last - 1)) : "";
		Map<String, Object> item = switch (verb) {
			case "create" -> store.create(collection, call.body());
			case "fetch" -> store.fetch(collection, id);
			case "update" -> store.update(collection, id, call.body());
			case "delete" -> store.delete(collection, id) ? Map.of("id", id) : null;
			default -> null;
		};
		if ("list".equals(verb)) {
			return Answer.ok(store.page(collection, metaFilter(call), call.query("cursor"), call.query("take"),
					call.query("order")));
		}
		if (item == null) {
			return Answer.notFound(singular(collectionTemplate) + " " + id);
		}
		return "fetch".equals(verb) ? Answer.ok(item) : Answer.id(idOf(item));
	}

	private @Nullable Answer checkParent(Call call, ResourceStore store, List<String> collectionTemplate) {
		int size = collectionTemplate.size();
		if (size >= 3 && isParameter(collectionTemplate.get(size - 2))) {
			String parentId = call.parameter(collectionTemplate.get(size - 2));
			List<String> parent = collectionTemplate.subList(0, size - 2);
			if (store.fetch(resolve(call, parent), parentId) == null) {
				return Answer.notFound(singular(parent) + " " + parentId);
			}
		}
		return null;
	}

	private Map<String, Object> conversation(Call call, Map<String, Object> fields) {
		return store(call.account()).create("conversation", fields);
	}

	private Answer createSession(Call call, Map<String, Object> conversation) {
		long now = this.clock.millis();
		// expired tokens open nothing: forgotten, so that a fake that runs long stays
		// small
		this.sessionTokens.values().removeIf((session) -> session.expiresAt() <= now);
		String token = "session-token-" + this.ids.incrementAndGet();
		JsonNode duration = call.json().get("durationInSeconds");
		long seconds = (duration != null && duration.isNumber()) ? duration.asLong() : SESSION_SECONDS;
		this.sessionTokens.put(token, new SessionToken(call.account(), now + seconds * 1000));
		Map<String, Object> session = new LinkedHashMap<>();
		session.put("id", "session-" + this.ids.incrementAndGet());
		session.put("conversationId", conversation.get("id"));
		session.put("token", token);
		session.put("expiresAt", now + seconds * 1000);
		return Answer.ok(session);
	}

	private Answer createConversationSession(Call call) {
		String conversationId = call.parameter("conversationId");
		Map<String, Object> conversation = store(call.account()).fetch("conversation", conversationId);
		return (conversation != null) ? createSession(call, conversation)
				: Answer.notFound("Conversation " + conversationId);
	}

	private Answer createConversation(Call call) {
		Map<String, Object> fields = call.body();
		Object messages = fields.remove("messages");
		Map<String, Object> conversation = conversation(call, fields);
		if (messages instanceof List<?> list) {
			for (Object message : list) {
				if (message instanceof Map<?, ?> map) {
					addMessage(call, conversation.get("id"), String.valueOf(map.get("type")),
							String.valueOf(map.get("text")));
				}
			}
		}
		return Answer.id(idOf(conversation));
	}

	private Map<String, Object> addMessage(Call call, @Nullable Object conversationId, String type, String text) {
		return store(call.account()).create("conversation/" + conversationId + "/message",
				Map.of("type", type, "text", text));
	}

	private Answer complete(Call call, @Nullable String conversationId) {
		if (conversationId != null && store(call.account()).fetch("conversation", conversationId) == null) {
			return Answer.notFound("Conversation " + conversationId);
		}
		Object scripted = this.completions.answer(call.request());
		if (scripted instanceof Fault fault) {
			return Answer.fault(fault);
		}
		Completion completion = (Completion) scripted;
		boolean streamed = call.acceptsJsonLines();
		Runnable done = () -> {
			if (conversationId != null) {
				String text = call.request().userMessage();
				if (text != null) {
					addMessage(call, conversationId, "user", text);
				}
				addMessage(call, conversationId, "bot", completion.text());
			}
		};
		return new Answer.CompletionAnswer(completion, streamed, done, this.channels);
	}

	/**
	 * A message to a channel: handed to the answer that waits for it, as a tool's result.
	 */
	@SuppressWarnings("unchecked")
	private Answer publish(Call call) {
		String channelId = call.parameter("channelId");
		// the API model requires the message, so the request was refused without one
		this.channels.publish(channelId, (Map<String, Object>) Objects.requireNonNull(call.body().get("message")));
		return Answer.id(channelId);
	}

	/**
	 * Records of a dataset that pass the metadata filter, best first: scored by the share
	 * of the query's words that a record's text holds, a stand-in for the API's semantic
	 * search that a test can predict.
	 */
	private Answer search(Call call) {
		String datasetId = call.parameter("datasetId");
		ResourceStore store = store(call.account());
		if (store.fetch("dataset", datasetId) == null) {
			return Answer.notFound("Dataset " + datasetId);
		}
		JsonNode filter = call.json().path("filter");
		List<String> words = words(call.json().path("search").asString(""));
		List<Map<String, Object>> records = new ArrayList<>();
		for (Map<String, Object> record : store.find("dataset/" + datasetId + "/record",
				(item) -> SearchFilters.matches(filter, item.get("meta")))) {
			List<String> text = words(String.valueOf(record.get("text")));
			long found = words.stream().filter(text::contains).count();
			Map<String, Object> match = new LinkedHashMap<>();
			match.put("id", record.get("id"));
			match.put("text", record.get("text"));
			if (record.get("source") != null) {
				match.put("source", record.get("source"));
			}
			if (record.get("meta") != null) {
				match.put("meta", record.get("meta"));
			}
			match.put("score", words.isEmpty() ? 0.0 : (double) found / words.size());
			records.add(match);
		}
		records.sort(Comparator
			.comparingDouble(
					(Map<String, Object> match) -> ((Number) Objects.requireNonNull(match.get("score"))).doubleValue())
			.reversed());
		return Answer.ok(Map.of("id", datasetId, "records", records));
	}

	private Answer ensureContact(Call call) {
		Map<String, Object> fields = call.body();
		Object fingerprint = fields.get("fingerprint");
		ResourceStore store = store(call.account());
		List<Map<String, Object>> found = store.find("contact",
				(contact) -> Objects.equals(fingerprint, contact.get("fingerprint")));
		return Answer.id(idOf(found.isEmpty() ? store.create("contact", fields) : found.get(0)));
	}

	/**
	 * An upload: {@code multipart/form-data} with a part named {@code file} is stored at
	 * once; {@code {"file": {type, size, name}}} is answered with a pre-signed
	 * {@code PUT} to the fake's storage.
	 */
	private Answer upload(Call call) {
		String fileId = call.parameter("fileId");
		if (store(call.account()).fetch("file", fileId) == null) {
			return Answer.notFound("File " + fileId);
		}
		String key = call.account() + "/" + fileId;
		String contentType = call.contentType();
		if (contentType.startsWith("multipart/form-data")) {
			byte[] content = Multipart.part(call.rawBody(), contentType, "file");
			if (content == null) {
				return Answer.badRequest("Missing required field 'file'");
			}
			this.contents.put(key, content);
			this.presigned.remove(key);
			return Answer.id(fileId);
		}
		String storageKey = "key-" + this.ids.incrementAndGet();
		this.storageKeys.put(storageKey, new String[] { call.account(), fileId });
		this.presigned.add(key);
		JsonNode type = call.json().path("file").path("type");
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("method", "PUT");
		request.put("url", call.baseUrl() + STORAGE + storageKey);
		request.put("headers", type.isString() ? Map.of("Content-Type", type.asString()) : Map.of());
		return Answer.ok(Map.of("id", fileId, "uploadRequest", request));
	}

	/**
	 * A download: the bytes of a file uploaded in one request, or a pre-signed URL of the
	 * fake's storage for one uploaded there; {@code 204} before any upload.
	 */
	private Answer download(Call call) {
		String fileId = call.parameter("fileId");
		if (store(call.account()).fetch("file", fileId) == null) {
			return Answer.notFound("File " + fileId);
		}
		String key = call.account() + "/" + fileId;
		if (this.presigned.contains(key)) {
			String storageKey = "key-" + this.ids.incrementAndGet();
			this.storageKeys.put(storageKey, new String[] { call.account(), fileId });
			return Answer.ok(Map.of("url", call.baseUrl() + STORAGE + storageKey));
		}
		byte[] content = this.contents.get(key);
		return (content != null) ? new Answer.BytesAnswer(200, content, "application/octet-stream")
				: new Answer.BytesAnswer(204, new byte[0], null);
	}

	private static String idOf(Map<String, Object> item) {
		return String.valueOf(item.get("id"));
	}

	private static Predicate<Map<String, Object>> metaFilter(Call call) {
		Map<String, String> wanted = new LinkedHashMap<>();
		call.request().query().forEach((name, values) -> {
			if (name.startsWith("meta.") && !values.isEmpty()) {
				wanted.put(name.substring(5), values.get(0));
			}
		});
		return (item) -> wanted.entrySet()
			.stream()
			.allMatch((entry) -> item.get("meta") instanceof Map<?, ?> meta
					&& entry.getValue().equals(String.valueOf(meta.get(entry.getKey()))));
	}

	private static Answer notImplemented(Call call) {
		return Answer.error(501, "NOT_IMPLEMENTED",
				"The ChatBotKit fake does not implement " + call.operation().id() + " yet");
	}

	private static String resolve(Call call, List<String> template) {
		List<String> parts = new ArrayList<>();
		for (String part : template) {
			parts.add(isParameter(part) ? call.parameter(part) : part);
		}
		return String.join("/", parts);
	}

	private static boolean isParameter(String segment) {
		return segment.startsWith("{");
	}

	private static String singular(List<String> collectionTemplate) {
		String name = collectionTemplate.get(collectionTemplate.size() - 1);
		return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
	}

	private static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+", -1)) {
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		return words;
	}

	private record SessionToken(String account, long expiresAt) {

	}

}
