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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A loopback HTTP/1.1 stub on plain NIO, keep-alive, of three endpoints (also under
 * {@code /api/v1}):
 * <ul>
 * <li>{@code POST /v1/bot/{id}/session/create}: a fixed JSON answer;</li>
 * <li>{@code POST /v1/skillset/create}, a generated operation: the same answer;</li>
 * <li>{@code POST /v1/conversation/{id}/complete} with {@code Accept:
 * application/jsonl}: the lines of {@link CompletionJson}, one chunk a line, all at once
 * or paced as {@link CompletionJson#lineIntervalMillis(String)} says for the id.</li>
 * </ul>
 * {@code 401} without a bearer credential, {@code 406} for a completion that does not
 * accept JSON Lines, {@code 404} for any other request. Request bodies are read by
 * {@code Content-Length} or chunked framing and discarded.
 * <p>
 * Run in its own JVM so that its allocation and JIT work are not counted against a
 * driver: {@code StubServer <port> <selectorThreads>}; it prints {@code port=<n>} once it
 * listens and stops when its standard input closes. Commands on standard input, one a
 * line: {@code reset} clears its counters, {@code stats} prints {@code STATS|<connections
 * accepted>|<paced streams>|<first line p50 ns>|<p99 ns>}, where the first-line time of a
 * paced stream runs from its request to the write of its first line (the stub's own part
 * of a client's time to first token), and {@code firstlines} prints each paced stream's
 * as {@code FIRSTLINES|<message>=<ns>,...}, by the message (the {@code text}) of its
 * request.
 *
 * @author cbkspring contributors
 */
public final class StubServer {

	/**
	 * A generated operation's path, answered as a session is (its driver reads the id).
	 */
	static final String GENERATED_CREATE_PATH = "/v1/skillset/create";

	static final String SESSION_JSON = "{\"id\":\"bot-1\",\"conversationId\":\"conv-1\",\"token\":\"tok-1\","
			+ "\"expiresAt\":1767225600000,\"messages\":[]}";

	private static final byte[] OK = response("200 OK", SESSION_JSON);

	private static final byte[] UNAUTHORIZED = response("401 Unauthorized",
			"{\"message\":\"missing bearer\",\"code\":\"UNAUTHORIZED\"}");

	private static final byte[] NOT_FOUND = response("404 Not Found",
			"{\"message\":\"not found\",\"code\":\"NOT_FOUND\"}");

	private static final byte[] NOT_ACCEPTABLE = response("406 Not Acceptable",
			"{\"message\":\"accept application/jsonl\",\"code\":\"NOT_ACCEPTABLE\"}");

	private static final byte[] STREAM_HEAD = ("HTTP/1.1 200 OK\r\nContent-Type: " + CompletionJson.ACCEPT
			+ "\r\nTransfer-Encoding: chunked\r\n\r\n")
		.getBytes(StandardCharsets.US_ASCII);

	/** One chunk a line; the last one ends the body too. */
	private static final byte[][] CHUNKS = chunks(CompletionJson.lines());

	private static final byte[] UNPACED_STREAM = concat(STREAM_HEAD, concat(CHUNKS));

	private static final byte[] HEADER_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

	private static final String TEXT_FIELD = "\"text\":\"";

	private static final AtomicLong accepted = new AtomicLong();

	private static final LatencyHistogram firstLines = new LatencyHistogram();

	/** The first-line time of each paced stream, by the message it was sent. */
	private static final Map<String, Long> firstLinesByMessage = new ConcurrentHashMap<>();

	private StubServer() {
	}

	public static void main(String[] args) throws IOException {
		int port = (args.length > 0) ? Integer.parseInt(args[0]) : 0;
		int threads = (args.length > 1) ? Integer.parseInt(args[1]) : 1;
		ServerSocketChannel server = ServerSocketChannel.open();
		server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
		Worker[] workers = new Worker[threads];
		for (int i = 0; i < threads; i++) {
			workers[i] = new Worker();
			Thread thread = new Thread(workers[i], "stub-selector-" + i);
			thread.setDaemon(true);
			thread.start();
		}
		Thread acceptor = new Thread(() -> accept(server, workers), "stub-acceptor");
		acceptor.setDaemon(true);
		acceptor.start();
		System.out.println("port=" + ((InetSocketAddress) server.getLocalAddress()).getPort());
		System.out.flush();
		// The parent process owns the stub's lifetime: end when it closes our stdin
		BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		String command;
		while ((command = commands.readLine()) != null) {
			synchronized (firstLines) {
				if (command.equals("reset")) {
					accepted.set(0);
					firstLines.reset();
					firstLinesByMessage.clear();
					System.out.println("OK");
				}
				else if (command.equals("firstlines")) {
					System.out.println("FIRSTLINES|" + firstLinesByMessage.entrySet()
						.stream()
						.map((entry) -> entry.getKey() + "=" + entry.getValue())
						.collect(Collectors.joining(",")));
				}
				else if (command.equals("stats")) {
					System.out.println("STATS|" + accepted.get() + "|" + firstLines.count() + "|"
							+ firstLines.percentile(50) + "|" + firstLines.percentile(99));
				}
				else {
					System.out.println("ERROR|unknown command " + command);
				}
			}
			System.out.flush();
		}
	}

	private static void accept(ServerSocketChannel server, Worker[] workers) {
		int next = 0;
		while (true) {
			try {
				SocketChannel channel = server.accept();
				channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
				channel.configureBlocking(false);
				accepted.incrementAndGet();
				workers[next++ % workers.length].add(channel);
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private static byte[] response(String status, String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		String head = "HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
				+ "\r\n\r\n";
		return concat(head.getBytes(StandardCharsets.US_ASCII), body);
	}

	private static byte[][] chunks(List<String> lines) {
		byte[][] chunks = new byte[lines.size()][];
		for (int i = 0; i < chunks.length; i++) {
			byte[] line = (lines.get(i) + "\n").getBytes(StandardCharsets.UTF_8);
			String chunk = Integer.toHexString(line.length) + "\r\n" + new String(line, StandardCharsets.UTF_8) + "\r\n"
					+ ((i == chunks.length - 1) ? "0\r\n\r\n" : "");
			chunks[i] = chunk.getBytes(StandardCharsets.UTF_8);
		}
		return chunks;
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] bytes = new byte[length];
		int position = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, bytes, position, part.length);
			position += part.length;
		}
		return bytes;
	}

	/**
	 * The answer to one complete request at the start of {@code buffer[0, limit)}, or
	 * {@code null} if the request is not complete yet.
	 */
	static @Nullable Parsed parse(byte[] buffer, int limit) {
		int headerEnd = indexOf(buffer, 0, limit, HEADER_END);
		if (headerEnd < 0) {
			return null;
		}
		String head = new String(buffer, 0, headerEnd, StandardCharsets.ISO_8859_1);
		int lineEnd = head.indexOf("\r\n");
		String requestLine = (lineEnd < 0) ? head : head.substring(0, lineEnd);
		long contentLength = 0;
		boolean chunked = false;
		boolean bearer = false;
		boolean acceptsJsonLines = false;
		int start = (lineEnd < 0) ? head.length() : lineEnd + 2;
		while (start < head.length()) {
			int end = head.indexOf("\r\n", start);
			if (end < 0) {
				end = head.length();
			}
			int colon = head.indexOf(':', start);
			if (colon > start && colon < end) {
				String value = head.substring(colon + 1, end).trim();
				if (head.regionMatches(true, start, "content-length", 0, colon - start)) {
					contentLength = Long.parseLong(value);
				}
				else if (head.regionMatches(true, start, "transfer-encoding", 0, colon - start)) {
					chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
				}
				else if (head.regionMatches(true, start, "authorization", 0, colon - start)) {
					bearer = value.regionMatches(true, 0, "Bearer ", 0, 7) && value.length() > 7;
				}
				else if (head.regionMatches(true, start, "accept", 0, colon - start)) {
					acceptsJsonLines = value.contains(CompletionJson.ACCEPT);
				}
			}
			start = end + 2;
		}
		int bodyStart = headerEnd + HEADER_END.length;
		int requestEnd = chunked ? chunkedEnd(buffer, bodyStart, limit) : (int) Math.min(Integer.MAX_VALUE,
				(bodyStart + contentLength <= limit) ? bodyStart + contentLength : -1);
		if (requestEnd < 0) {
			return null;
		}
		String path = path(requestLine);
		String conversationId = (path != null) ? pathVariable(path, "/v1/conversation/", "/complete") : null;
		if (conversationId != null) {
			if (!bearer) {
				return new Parsed(requestEnd, UNAUTHORIZED, null, 0);
			}
			if (!acceptsJsonLines) {
				return new Parsed(requestEnd, NOT_ACCEPTABLE, null, 0);
			}
			long interval = TimeUnit.MILLISECONDS.toNanos(CompletionJson.lineIntervalMillis(conversationId));
			return (interval > 0)
					? new Parsed(requestEnd, STREAM_HEAD, message(buffer, bodyStart, requestEnd), interval)
					: new Parsed(requestEnd, UNPACED_STREAM, null, 0);
		}
		if (path == null
				|| (pathVariable(path, "/v1/bot/", "/session/create") == null && !path.equals(GENERATED_CREATE_PATH))) {
			return new Parsed(requestEnd, NOT_FOUND, null, 0);
		}
		return new Parsed(requestEnd, bearer ? OK : UNAUTHORIZED, null, 0);
	}

	/**
	 * The {@code text} of a completion request's JSON body, or {@code ""} without one (a
	 * chunked body is not looked into).
	 */
	private static String message(byte[] buffer, int bodyStart, int bodyEnd) {
		String body = new String(buffer, bodyStart, bodyEnd - bodyStart, StandardCharsets.UTF_8);
		int start = body.indexOf(TEXT_FIELD);
		int end = (start < 0) ? -1 : body.indexOf('"', start + TEXT_FIELD.length());
		return (end < 0) ? "" : body.substring(start + TEXT_FIELD.length(), end);
	}

	/**
	 * The path of a {@code POST}, without an {@code /api} prefix.
	 */
	private static @Nullable String path(String requestLine) {
		if (!requestLine.startsWith("POST ") || !requestLine.endsWith(" HTTP/1.1")) {
			return null;
		}
		String path = requestLine.substring(5, requestLine.length() - 9);
		return path.startsWith("/api/") ? path.substring(4) : path;
	}

	/**
	 * The one segment between {@code prefix} and {@code suffix}, or {@code null} if the
	 * path is not of that form.
	 */
	private static @Nullable String pathVariable(String path, String prefix, String suffix) {
		if (!path.startsWith(prefix) || !path.endsWith(suffix) || path.length() <= prefix.length() + suffix.length()) {
			return null;
		}
		String variable = path.substring(prefix.length(), path.length() - suffix.length());
		return (variable.indexOf('/') < 0) ? variable : null;
	}

	/**
	 * The end of a chunked body starting at {@code start}, or -1 if it is incomplete.
	 * Trailers are not supported (no client here sends them).
	 */
	private static int chunkedEnd(byte[] buffer, int start, int limit) {
		int position = start;
		while (true) {
			int lineEnd = indexOf(buffer, position, limit, HEADER_END, 2);
			if (lineEnd < 0) {
				return -1;
			}
			String sizeLine = new String(buffer, position, lineEnd - position, StandardCharsets.ISO_8859_1);
			int extension = sizeLine.indexOf(';');
			int size = Integer.parseInt((extension < 0) ? sizeLine.trim() : sizeLine.substring(0, extension).trim(),
					16);
			position = lineEnd + 2 + size + 2;
			if (position > limit) {
				return -1;
			}
			if (size == 0) {
				return position;
			}
		}
	}

	private static int indexOf(byte[] buffer, int from, int limit, byte[] pattern) {
		return indexOf(buffer, from, limit, pattern, pattern.length);
	}

	private static int indexOf(byte[] buffer, int from, int limit, byte[] pattern, int patternLength) {
		outer: for (int i = from; i <= limit - patternLength; i++) {
			for (int j = 0; j < patternLength; j++) {
				if (buffer[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/**
	 * What to answer to one request.
	 *
	 * @param requestEnd where the request ends in the buffer
	 * @param answer the bytes to write at once
	 * @param pacedMessage the message of a paced stream whose lines follow, or
	 * {@code null} if none do
	 * @param lineIntervalNanos the time between the lines of a paced stream
	 */
	@SuppressWarnings("ArrayRecordComponent") // constant answers, never compared
	record Parsed(int requestEnd, byte[] answer, @Nullable String pacedMessage, long lineIntervalNanos) {
	}

	/**
	 * One selector thread serving its share of the connections, and writing the lines of
	 * their paced streams when they are due.
	 */
	private static final class Worker implements Runnable {

		private final Selector selector;

		private final Queue<SocketChannel> added = new ConcurrentLinkedQueue<>();

		/**
		 * Paced streams by the time their next line is due.
		 */
		private final PriorityQueue<Connection> due = new PriorityQueue<>(
				Comparator.comparingLong((Connection connection) -> connection.due));

		Worker() throws IOException {
			this.selector = Selector.open();
		}

		void add(SocketChannel channel) {
			this.added.add(channel);
			this.selector.wakeup();
		}

		@Override
		public void run() {
			while (true) {
				try {
					Connection next = this.due.peek();
					if (next == null) {
						this.selector.select();
					}
					else {
						long wait = next.due - System.nanoTime();
						if (wait > 0) {
							this.selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
						}
						else {
							this.selector.selectNow();
						}
					}
					SocketChannel channel;
					while ((channel = this.added.poll()) != null) {
						SelectionKey key = channel.register(this.selector, SelectionKey.OP_READ);
						key.attach(new Connection(key, this));
					}
					Iterator<SelectionKey> keys = this.selector.selectedKeys().iterator();
					while (keys.hasNext()) {
						SelectionKey key = keys.next();
						keys.remove();
						((Connection) key.attachment()).serve();
					}
					writeDueLines();
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}

		void schedule(Connection connection) {
			this.due.add(connection);
		}

		private void writeDueLines() {
			long now = System.nanoTime();
			Connection connection;
			while ((connection = this.due.peek()) != null && connection.due <= now) {
				this.due.poll();
				connection.writeLine();
			}
		}

	}

	/**
	 * The buffers of one keep-alive connection, and the progress of its paced stream.
	 */
	private static final class Connection {

		private final SelectionKey key;

		private final Worker worker;

		private ByteBuffer in = ByteBuffer.allocate(1024);

		private ByteBuffer out = ByteBuffer.allocate(1024);

		private int nextLine = -1;

		private long due;

		private long requestNanos;

		private String message = "";

		private long lineIntervalNanos;

		Connection(SelectionKey key, Worker worker) {
			this.key = key;
			this.worker = worker;
			this.out.flip();
		}

		void serve() {
			try {
				if (this.key.isValid() && this.key.isReadable() && !read()) {
					close();
					return;
				}
				if (this.key.isValid()) {
					write();
				}
			}
			catch (IOException | RuntimeException ex) {
				close();
			}
		}

		/**
		 * Read what is available and queue an answer for every complete request.
		 * @return {@code false} at end of stream
		 */
		private boolean read() throws IOException {
			if (!this.in.hasRemaining()) {
				ByteBuffer larger = ByteBuffer.allocate(this.in.capacity() * 2);
				this.in.flip();
				larger.put(this.in);
				this.in = larger;
			}
			if (channel().read(this.in) < 0) {
				return false;
			}
			Parsed parsed;
			while ((parsed = parse(this.in.array(), this.in.position())) != null) {
				queue(parsed.answer());
				String pacedMessage = parsed.pacedMessage();
				if (pacedMessage != null) {
					this.message = pacedMessage;
					this.lineIntervalNanos = parsed.lineIntervalNanos();
					this.requestNanos = System.nanoTime();
					this.nextLine = 0;
					this.due = this.requestNanos + this.lineIntervalNanos;
					this.worker.schedule(this);
				}
				int remaining = this.in.position() - parsed.requestEnd();
				System.arraycopy(this.in.array(), parsed.requestEnd(), this.in.array(), 0, remaining);
				this.in.position(remaining);
			}
			return true;
		}

		/**
		 * Write the next line of the paced stream, and schedule the one after.
		 */
		void writeLine() {
			if (!this.key.isValid()) {
				return;
			}
			queue(CHUNKS[this.nextLine]);
			try {
				write();
			}
			catch (IOException ex) {
				close();
				return;
			}
			if (this.nextLine == 0) {
				long firstLine = System.nanoTime() - this.requestNanos;
				synchronized (firstLines) {
					firstLines.record(firstLine);
				}
				firstLinesByMessage.put(this.message, firstLine);
			}
			this.nextLine++;
			if (this.nextLine < CHUNKS.length) {
				this.due += this.lineIntervalNanos;
				this.worker.schedule(this);
			}
		}

		private void queue(byte[] answer) {
			if (this.out.capacity() - this.out.remaining() < answer.length) {
				ByteBuffer larger = ByteBuffer
					.allocate(Math.max(this.out.capacity() * 2, this.out.remaining() + answer.length));
				larger.put(this.out);
				larger.flip();
				this.out = larger;
			}
			this.out.compact();
			this.out.put(answer);
			this.out.flip();
		}

		/**
		 * Write queued answers, and wait for the channel to take the rest if any remain.
		 */
		private void write() throws IOException {
			if (this.out.hasRemaining()) {
				channel().write(this.out);
			}
			this.key.interestOps(this.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
		}

		private SocketChannel channel() {
			return (SocketChannel) this.key.channel();
		}

		private void close() {
			this.key.cancel();
			try {
				channel().close();
			}
			catch (IOException ex) {
				// already gone
			}
		}

	}

}
